package vn.thidua.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one CSV writer of the application (Apache Commons CSV): UTF-8 with a byte order mark, so that
 * Excel shows the Vietnamese letters; dates as people read them (dd/mm/yyyy); and every text cell
 * that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage
 * return) neutralised with a leading apostrophe, so a nominee named {@code =HYPERLINK(…)} stays text.
 */
public final class CsvExport {

	public static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private CsvExport() {
	}

	/** The table as CSV text, header first. */
	public static String write(String[] header, List<List<Object>> rows) {
		StringWriter out = new StringWriter();
		out.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(out,
				CSVFormat.DEFAULT.builder().setHeader(header).get())) {
			for (List<Object> row : rows) {
				printer.printRecord(row.stream().map(CsvExport::cell).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString();
	}

	/** The table as a download named {@code fileName}. */
	public static ResponseEntity<byte[]> download(String fileName, String[] header, List<List<Object>> rows) {
		return Downloads.attachment(TEXT_CSV, fileName, write(header, rows).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The content negotiation of every endpoint that answers JSON or CSV: whether the request asks
	 * for CSV, by {@code format=csv} or, without {@code format}, an Accept header naming text/csv.
	 */
	public static boolean wanted(String format, String accept) {
		return "csv".equalsIgnoreCase(format)
				|| (format == null && accept != null && accept.toLowerCase().contains("text/csv"));
	}

	/** A date as people read it in our exports: {@code 05/03/2026}; empty for none. */
	public static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	static Object cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof LocalDate date) {
			return DATE.format(date);
		}
		if (value instanceof CharSequence text && !text.isEmpty()) {
			char first = text.charAt(0);
			if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
				return "'" + text;
			}
		}
		return value;
	}

}
