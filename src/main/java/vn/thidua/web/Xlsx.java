package vn.thidua.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.MediaType;

/**
 * Excel workbooks (XLSX, Apache POI): one sheet per table, a bold frozen header row, numbers as
 * numbers and dates as dates (dd/mm/yyyy), so that the board can sum and sort them.
 */
public final class Xlsx {

	public static final MediaType MEDIA_TYPE = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** A sheet: its tab name (at most 31 characters), its header and its rows. */
	public record Table(String name, List<String> header, List<List<Object>> rows) {
	}

	private Xlsx() {
	}

	public static byte[] write(List<Table> tables) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CreationHelper helper = workbook.getCreationHelper();
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy"));
			CellStyle dateTime = workbook.createCellStyle();
			dateTime.setDataFormat(helper.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
			for (Table table : tables) {
				Sheet sheet = workbook.createSheet(sheetName(table.name()));
				Row head = sheet.createRow(0);
				int[] widths = new int[table.header().size()];
				for (int c = 0; c < table.header().size(); c++) {
					Cell cell = head.createCell(c);
					cell.setCellValue(table.header().get(c));
					cell.setCellStyle(bold);
					widths[c] = table.header().get(c).length();
				}
				int r = 1;
				for (List<Object> values : table.rows()) {
					Row row = sheet.createRow(r++);
					for (int c = 0; c < values.size(); c++) {
						Object v = values.get(c);
						if (v == null) {
							continue;
						}
						Cell cell = row.createCell(c);
						if (v instanceof Number n) {
							cell.setCellValue(n.doubleValue());
						}
						else if (v instanceof LocalDate d) {
							cell.setCellValue(d);
							cell.setCellStyle(date);
						}
						else if (v instanceof LocalDateTime t) {
							cell.setCellValue(t);
							cell.setCellStyle(dateTime);
						}
						else if (v instanceof Boolean b) {
							cell.setCellValue(b ? Messages.get("web.xlsx.yes") : Messages.get("web.xlsx.no"));
						}
						else {
							cell.setCellValue(v.toString());
						}
						if (c < widths.length) {
							widths[c] = Math.max(widths[c], Math.min(60, v.toString().length()));
						}
					}
				}
				for (int c = 0; c < widths.length; c++) {
					sheet.setColumnWidth(c, Math.min(255, widths[c] + 2) * 256);
				}
				sheet.createFreezePane(0, 1);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Excel's rules for a sheet name: at most 31 characters, none of {@code : \ / ? * [ ]}. */
	static String sheetName(String name) {
		String clean = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
		return clean.length() > 31 ? clean.substring(0, 31) : clean;
	}

}
