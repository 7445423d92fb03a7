package vn.thidua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;

/**
 * The dossier API on PostgreSQL as any logged-in user could call it: every bad input is refused
 * with a Vietnamese message and leaves no row behind (neither metadata nor chunk); types come from
 * the bytes; versions are kept; the bytes come back equal, checked against their SHA-256; access
 * follows the nomination's chapter and ward and its open step. Limits are small here (64 KB per
 * file, 256 KB per dossier, 16 KB chunks) so that the limits are quick to reach.
 */
@IntegrationTest
@TestPropertySource(properties = { "thidua.dossier.max-file-size=64KB", "thidua.dossier.max-dossier-size=256KB",
		"thidua.dossier.chunk-size=16KB", "spring.servlet.multipart.max-request-size=1MB" })
class DossierIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Http http;

	private Multipart multipart;

	private String pid;

	@BeforeEach
	void startNomination() {
		http = new Http(port);
		multipart = new Multipart(port);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("nomineeType", "INDIVIDUAL");
		values.put("nomineeName", "Hồ sơ thử " + System.nanoTime());
		values.put("periodYear", LocalDate.now().getYear());
		values.put("awardCode", "GK_HOI_PHUONG");
		values.put("achievementReport", "Vận động hội viên tham gia mô hình.");
		values.put("reviewMeetingDate", LocalDate.now().minusDays(2).toString());
		values.put("reviewMeetingAgreed", true);
		values.put("noDisciplineDeclared", true);
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((k, v) -> variables.put(k, v instanceof Integer ? Map.of("value", v, "type", "Long")
				: Map.of("value", v)));
		Http.Reply started = http.post("head1", "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				Map.of("variables", variables));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		pid = started.json().get("id").asText();
	}

	@Test
	void shouldListKindsOfAnAwardWithTheRequiredOnesFirst() {
		JsonNode kinds = http.get("head2", "/api/document-kinds?award=CSTD_CO_SO").json();
		assertThat(kinds.get(0).get("label").asText()).isEqualTo("Báo cáo thành tích (Mẫu 05)");
		assertThat(kinds.findValuesAsText("code")).contains("SANG_KIEN", "BIEN_BAN_BTV").doesNotContain("DANH_SACH_HOI_VIEN");
		assertThat(kinds.get(2).get("required").asBoolean()).isTrue();
		JsonNode collective = http.get("head2", "/api/document-kinds?award=GK_HOI_PHUONG&nomineeType=COLLECTIVE").json();
		assertThat(collective.get(2).get("code").asText()).isEqualTo("DANH_SACH_HOI_VIEN");
		assertThat(collective.get(2).get("required").asBoolean()).isTrue();
		Http.Reply unknown = http.get("head2", "/api/document-kinds?award=KHONG_CO");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().get("detail").asText()).contains("«Hình thức khen thưởng»");
		assertThat(unknown.json().get("field").asText()).isEqualTo("award");
	}

	@Test
	void shouldStoreVersionsAndGiveTheSameBytesBackWithTheVietnameseName() {
		// given
		byte[] first = DossierFixtures.pdf("bản một");
		byte[] second = DossierFixtures.pdf("bản hai, đã sửa");
		String name = "Báo cáo thành tích – Nguyễn Thị Ánh.pdf";

		// when
		HttpResponse<String> one = multipart.upload("head1", pid, "BAO_CAO_THANH_TICH", Multipart.fileName(name), first);
		HttpResponse<String> two = multipart.upload("head1", pid, "BAO_CAO_THANH_TICH", Multipart.fileName(name), second);

		// then
		assertThat(one.statusCode()).as(one.body()).isEqualTo(201);
		assertThat(two.statusCode()).as(two.body()).isEqualTo(201);
		JsonNode list = http.get("council1", "/api/nominations/" + pid + "/documents").json();
		assertThat(list).hasSize(2);
		assertThat(list.get(0).get("version").asInt()).isEqualTo(2);
		assertThat(list.get(0).get("current").asBoolean()).isTrue();
		assertThat(list.get(1).get("version").asInt()).isEqualTo(1);
		assertThat(list.get(1).get("current").asBoolean()).isFalse();
		assertThat(list.get(1).get("fileName").asText()).isEqualTo(name);
		assertThat(list.get(1).get("mediaType").asText()).isEqualTo("application/pdf");
		assertThat(list.get(1).get("addedBy").asText()).isEqualTo("head1");
		assertThat(list.get(1).get("sha256").asText()).hasSize(64);
		HttpResponse<byte[]> download = multipart.download("board1",
				"/api/nominations/" + pid + "/documents/" + list.get(1).get("id").asLong());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(first);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("attachment; filename=\"Bao cao thanh tich – Nguyen Thi Anh.pdf\"".replace("–", "_"))
			.endsWith("filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
		assertThat(multipart.download("head1", "/api/nominations/" + pid + "/documents/"
				+ list.get(0).get("id").asLong() + "?inline=true").headers().firstValue("Content-Disposition").orElseThrow())
			.startsWith("inline;");
	}

	@Test
	void shouldDetectTheTypeFromTheBytesAndTellWordFromExcel() throws IOException {
		assertThat(multipart.upload("head1", pid, "MINH_CHUNG", Multipart.fileName("bảng.xlsx"), ooxml("xl/workbook.xml"))
			.statusCode()).isEqualTo(201);
		assertThat(multipart.upload("head1", pid, "TO_TRINH", Multipart.fileName("tờ trình.pdf"), ooxml("word/document.xml"))
			.statusCode()).isEqualTo(201);
		JsonNode list = http.get("head1", "/api/nominations/" + pid + "/documents").json();
		assertThat(list.findValuesAsText("mediaType")).containsExactlyInAnyOrder(ContentTypes.XLSX, ContentTypes.DOCX);
		byte[] png = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
				'D', 'R' }, 64);
		assertThat(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("ảnh biên bản.png"), png)
			.statusCode()).isEqualTo(201);
	}

	@Test
	void shouldRefuseEveryBadUploadAndStoreNothing() throws IOException {
		byte[] pdf = DossierFixtures.pdf("biên bản");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("rỗng.pdf"), new byte[0]),
				400, "rỗng");
		assertRefused(multipart.upload("head1", pid, "KHONG_CO", Multipart.fileName("a.pdf"), pdf), 400,
				"«Loại tài liệu»");
		assertRefused(multipart.upload("head1", pid, null, Multipart.fileName("a.pdf"), pdf), 400, "«Loại tài liệu»");
		assertRefused(multipart.upload("head1", pid, "SANG_KIEN", Multipart.fileName("a.pdf"), pdf), 400,
				"không thuộc hồ sơ");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", null, pdf), 400, "«Tệp»");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("../../etc/biên bản.pdf"),
				pdf), 400, "đường dẫn");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("C:\\\\hồ sơ\\\\a.pdf"), pdf),
				400, "đường dẫn");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("biên\tbản.pdf"), pdf), 400,
				"ký tự điều khiển");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", "filename*=UTF-8''bi%C3%AAn%07b%E1%BA%A3n.pdf",
				pdf), 400, "ký tự điều khiển");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("bản\u202Efdp.exe"), pdf),
				400, "ký tự điều khiển");
		// types are read from the bytes: text, a Windows program, a plain ZIP, an old Word file named .pdf
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("biên bản.pdf"),
				"Biên bản họp chi hội".getBytes(StandardCharsets.UTF_8)), 400, "không phải PDF");
		byte[] exe = Arrays.copyOf("MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1), 512);
		exe[0x3c] = (byte) 0x80;
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("biên bản.pdf"), exe), 400,
				"không phải PDF");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("biên bản.docx"),
				zip("ghi-chu.txt")), 400, "không phải PDF");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("biên bản.docx"),
				ooxml("ppt/presentation.xml")), 400, "không phải văn bản Word");
		// too large: over the file limit (refused before the body is sent) and over the dossier's room
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("lớn.pdf"),
				padded(pdf, 200 * 1024)), 413, "giới hạn");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("lớn.pdf"),
				padded(pdf, 64 * 1024 + 1)), 413, "giới hạn");
		// someone else's nomination, someone who does not hold the step, a board kind from the chapter
		assertRefused(multipart.upload("head2", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("a.pdf"), pdf), 404,
				"không có quyền");
		assertRefused(multipart.upload("council1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("a.pdf"), pdf), 403,
				"bước chuẩn bị");
		assertRefused(multipart.upload("head1", pid, "BIEN_BAN_BTV", Multipart.fileName("a.pdf"), pdf), 403,
				"Ban Thường vụ");
		assertRefused(multipart.upload("head1", "khong-co", "BIEN_BAN_BINH_XET", Multipart.fileName("a.pdf"), pdf), 404,
				"Không có đề nghị");
		assertThat(storedRows()).isZero();
		assertThat(http.get("head1", "/api/nominations/" + pid + "/documents").json()).isEmpty();
	}

	@Test
	void shouldRefuseAnUploadCutOffHalfwayAndStoreNothing() throws IOException {
		// given: a request that announces 200 KB and stops after 20 KB
		String boundary = "----thiduacut";
		byte[] body = Multipart.body(boundary, "BIEN_BAN_BINH_XET", Multipart.fileName("biên bản.pdf"),
				padded(DossierFixtures.pdf("cắt"), 40 * 1024));
		String head = "POST /api/nominations/" + pid + "/documents HTTP/1.1\r\nHost: localhost:" + port
				+ "\r\nAuthorization: " + Multipart.basic("head1") + "\r\nContent-Type: multipart/form-data; boundary="
				+ boundary + "\r\nContent-Length: " + (body.length + 10_000) + "\r\n\r\n";
		String status;
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body, 0, body.length / 2);
			out.flush();
			socket.shutdownOutput();
			status = firstLine(socket.getInputStream());
		}

		// then: 400 (or the connection closed without an answer), and nothing stored
		assertThat(status).satisfiesAnyOf(s -> assertThat(s).isEmpty(), s -> assertThat(s).contains(" 400 "));
		assertThat(storedRows()).isZero();
	}

	@Test
	void shouldFillTheDossierOnlyUpToItsLimit() {
		byte[] big = padded(DossierFixtures.pdf("lớn"), 60 * 1024);
		for (int i = 0; i < 4; i++) {
			assertThat(multipart.upload("head1", pid, "MINH_CHUNG", Multipart.fileName("minh chứng " + i + ".pdf"), big)
				.statusCode()).isEqualTo(201);
		}
		long rows = storedRows();
		HttpResponse<String> full = multipart.upload("head1", pid, "MINH_CHUNG", Multipart.fileName("thêm.pdf"), big);
		assertThat(full.statusCode()).isEqualTo(413);
		assertThat(full.body()).contains("256 KB cho cả hồ sơ");
		assertThat(storedRows()).isEqualTo(rows);
	}

	@Test
	void shouldLetOnlyTheWardAndTheChapterReadAndTheBoardAddItsMinutes() {
		byte[] pdf = DossierFixtures.pdf("biên bản BTV");
		assertThat(multipart.upload("board1", pid, "BIEN_BAN_BTV", Multipart.fileName("Biên bản BTV.pdf"), pdf)
			.statusCode()).isEqualTo(201);
		long id = http.get("board2", "/api/nominations/" + pid + "/documents").json().get(0).get("id").asLong();
		for (String reader : new String[] { "head1", "board2", "council3", "chair" }) {
			assertThat(multipart.download(reader, "/api/nominations/" + pid + "/documents/" + id).body()).as(reader)
				.isEqualTo(pdf);
		}
		for (String stranger : new String[] { "head2", "cell1", "admin" }) {
			assertThat(http.get(stranger, "/api/nominations/" + pid + "/documents").status()).as(stranger).isEqualTo(404);
			assertThat(multipart.download(stranger, "/api/nominations/" + pid + "/documents/" + id).statusCode())
				.as(stranger)
				.isEqualTo(404);
		}
		assertThat(http.get(null, "/api/nominations/" + pid + "/documents").status()).isEqualTo(401);
	}

	@Test
	void shouldNotHandOutADocumentWhoseBytesChanged() {
		// given
		byte[] pdf = padded(DossierFixtures.pdf("toàn vẹn"), 40 * 1024);
		assertThat(multipart.upload("head1", pid, "BIEN_BAN_BINH_XET", Multipart.fileName("biên bản.pdf"), pdf)
			.statusCode()).isEqualTo(201);
		JsonNode doc = http.get("head1", "/api/nominations/" + pid + "/documents").json().get(0);
		String key = jdbc.sql("SELECT storage_key FROM thidua_document WHERE id = :id")
			.param("id", doc.get("id").asLong())
			.query(String.class)
			.single();

		// when: one byte of the last chunk changes in the database
		byte[] last = jdbc.sql("SELECT data FROM thidua_document_chunk WHERE storage_key = :key AND seq = 2")
			.param("key", key)
			.query(byte[].class)
			.single();
		last[last.length - 20] ^= 1;
		jdbc.sql("UPDATE thidua_document_chunk SET data = :data WHERE storage_key = :key AND seq = 2")
			.param("data", last)
			.param("key", key)
			.update();

		// then: the download breaks off before the end instead of delivering altered bytes
		assertThatThrownBy(() -> multipart.download("head1", "/api/nominations/" + pid + "/documents/"
				+ doc.get("id").asLong())).isInstanceOf(IllegalStateException.class);
	}

	private void assertRefused(HttpResponse<String> response, int status, String message) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).contains(message);
		assertThat(storedRows()).as("nothing stored after " + response.body()).isZero();
	}

	/** Documents of this test's nomination, and chunk rows that no document names (left over by a failure). */
	private long storedRows() {
		long documents = jdbc.sql("SELECT COUNT(*) FROM thidua_document WHERE process_instance_id = :pid")
			.param("pid", pid)
			.query(Long.class)
			.single();
		long orphanChunks = jdbc.sql("SELECT COUNT(*) FROM thidua_document_chunk c WHERE NOT EXISTS "
				+ "(SELECT 1 FROM thidua_document d WHERE d.storage_key = c.storage_key)")
			.query(Long.class)
			.single();
		return documents + orphanChunks;
	}

	private static String firstLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int c;
		while ((c = in.read()) >= 0 && c != '\n') {
			line.write(c);
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	static byte[] padded(byte[] start, int size) {
		byte[] bytes = Arrays.copyOf(start, size);
		Arrays.fill(bytes, start.length, size, (byte) ' ');
		return bytes;
	}

	/** An OOXML package: [Content_Types].xml first (what Tika's magic looks for), then the given main part. */
	static byte[] ooxml(String mainPart) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry(mainPart));
			zip.write("<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

	static byte[] zip(String entry) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write("ghi chú".getBytes(StandardCharsets.UTF_8));
		}
		return out.toByteArray();
	}

}
