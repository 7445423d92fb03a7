package vn.thidua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** The one CSV writer: BOM, dates as people read them, formula cells neutralised, one negotiation. */
class CsvExportTest {

	@Test
	void shouldWriteBomDatesAndNeutraliseFormulas() {
		String csv = CsvExport.write(new String[] { "Họ tên", "Ngày", "Số" }, List.of(
				Arrays.asList("=HYPERLINK(\"http://x\",\"y\")", LocalDate.of(2026, 3, 5), 7),
				Arrays.asList("+Hội", null, -1), Arrays.asList("@Chi hội", "-5", "\tx")));

		assertThat(csv).startsWith("\uFEFFHọ tên,Ngày,Số\r\n");
		assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",05/03/2026,7\r\n")
			.contains("'+Hội,,-1\r\n")
			.contains("'@Chi hội,'-5,'\tx\r\n");
	}

	@Test
	void shouldWriteADateInsideATextAsPeopleReadIt() {
		// given / when / then: a date inside a sentence (e.g. the rollout's work item and its deadline)
		assertThat(CsvExport.date(LocalDate.of(2026, 12, 1))).isEqualTo("01/12/2026");
		assertThat(CsvExport.date(null)).isEmpty();
	}

	@Test
	void shouldAnswerADownloadInUtf8() {
		ResponseEntity<byte[]> download = CsvExport.download("so.csv", new String[] { "Mã" }, List.of(List.of(1)));

		assertThat(download.getHeaders().getContentType()).isEqualTo(CsvExport.TEXT_CSV);
		assertThat(download.getHeaders().getFirst("Content-Disposition")).isEqualTo("attachment; filename=\"so.csv\"");
		assertThat(new String(download.getBody(), StandardCharsets.UTF_8)).isEqualTo("\uFEFFMã\r\n1\r\n");
	}

	@Test
	void shouldNegotiateByFormatFirstThenAccept() {
		assertThat(CsvExport.wanted("csv", null)).isTrue();
		assertThat(CsvExport.wanted(null, "text/csv, */*")).isTrue();
		assertThat(CsvExport.wanted("json", "text/csv")).isFalse();
		assertThat(CsvExport.wanted(null, "application/json")).isFalse();
		assertThat(CsvExport.wanted(null, null)).isFalse();
	}

}
