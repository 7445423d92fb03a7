package vn.thidua.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.AwardRegister.NewAward;
import vn.thidua.support.IntegrationTest;

/**
 * The documents through the running application on PostgreSQL, as the demo logins download them:
 * the register's access rules, the same bytes on every download (one stored row, its SHA-256), the
 * QR code of the certificate read back and opened without a login, a revocation shown as such on
 * the verification page while the certificate stays unchanged, the request letter of a
 * recommendation, the minutes of a council round, the rate limit of the public page.
 */
@IntegrationTest
@TestPropertySource(properties = { "thidua.base-url=http://thidua.test",
		"thidua.documents.verification-requests-per-minute=12" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DocumentIntegrationTest {

	private static final String BASE_URL = "http://thidua.test";

	@LocalServerPort
	int port;

	@Autowired
	AwardRegister register;

	@Autowired
	AwardCatalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient client = HttpClient.newHttpClient();

	private final LocalDate today = LocalDate.now();

	private final int year = today.getYear();

	record Reply(int status, byte[] body, Map<String, List<String>> headers) {

		String text() {
			return new String(body, StandardCharsets.UTF_8);
		}

		String header(String name) {
			return headers.getOrDefault(name.toLowerCase(), List.of()).stream().findFirst().orElse(null);
		}

	}

	@Test
	@Order(1)
	void shouldIssueTheDecisionAndCertificateOnceAndVerifyThemPublicly() throws Exception {
		// given: a decision of the chair in the register, for a member of chapter 1
		String number = "12/QĐ-HLHPN-" + (System.nanoTime() % 100000);
		long id = decided("Nguyễn Thị Thanh Tâm", "bode-ch01", "Chi hội Tổ dân phố số 1", number);

		// when: the chapter head downloads the decision
		Reply decision = get("head1", "/api/awards/" + id + "/decision.pdf");

		// then: a PDF with the exact words, the chair's name from the organisation file
		assertThat(decision.status()).isEqualTo(200);
		assertThat(decision.header("Content-Type")).isEqualTo("application/pdf");
		String text = PdfChecks.text(decision.body());
		assertThat(text).contains("Số: " + number, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Bồ Đề, " + VietnameseDates.longDate(today), "QUYẾT ĐỊNH Về việc khen thưởng năm " + year,
				"CHỦ TỊCH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BỒ ĐỀ",
				"Điều 1. Tặng Giấy khen của Chủ tịch Hội LHPN phường cho bà Nguyễn Thị Thanh Tâm, Chi hội Tổ dân phố số 1, đã có thành tích xuất sắc trong công tác Hội và phong trào phụ nữ năm "
						+ year + ".",
				"Nơi nhận:", "Phạm Thị Hòa", "Bản điện tử chưa ký số");
		PdfChecks.assertEveryGlyphEmbedded(decision.body());
		PdfChecks.writeAll(decision.body(), "it-decision");

		// the same bytes again, for another reader of the ward; its SHA-256 in a header
		Reply again = get("council2", "/api/awards/" + id + "/decision.pdf");
		assertThat(again.body()).isEqualTo(decision.body());
		assertThat(again.header(DocumentController.SHA_HEADER)).isEqualTo(DocumentService.sha256(decision.body()));

		// the register's access rules: another chapter's head and an anonymous caller get nothing
		assertThat(get("head2", "/api/awards/" + id + "/decision.pdf").status()).isEqualTo(404);
		assertThat(get("cell1", "/api/awards/" + id + "/certificate.pdf").status()).isEqualTo(404);
		assertThat(get(null, "/api/awards/" + id + "/decision.pdf").status()).isEqualTo(401);

		// the certificate: its QR code is the verification page's address
		Reply certificate = get("head1", "/api/awards/" + id + "/certificate.pdf");
		assertThat(certificate.status()).isEqualTo(200);
		assertThat(PdfChecks.text(certificate.body())).contains("GIẤY KHEN", "Bà Nguyễn Thị Thanh Tâm",
				// the test's long number puts the date on the next line
				"Quyết định số " + number + " ngày", VietnameseDates.shortDate(today));
		PdfChecks.assertEveryGlyphEmbedded(certificate.body());
		String url = PdfChecks.decodeQr(PdfChecks.image(certificate.body(), 1, 150, "it-certificate"));
		assertThat(url).matches(BASE_URL.replace(".", "\\.") + "/xac-minh/" + DocumentService.CODE_PATTERN);

		// opened without a login (the address's path, on this test's port)
		String path = URI.create(url).getPath();
		Reply page = get(null, path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Xác minh giấy khen", "Bà Nguyễn Thị Thanh Tâm",
				"Giấy khen của Chủ tịch Hội LHPN phường",
				"Số " + number + " ngày " + VietnameseDates.shortDate(today),
				"CHỦ TỊCH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BỒ ĐỀ", "Còn hiệu lực",
				DocumentService.sha256(certificate.body()));
		// nothing else about the person
		assertThat(page.text()).doesNotContain("Tổ dân phố", "head1", "Thu hồi theo");
		assertThat(page.header("Cache-Control")).isEqualTo("no-store");

		// when: the chair revokes the award
		Reply revoked = post("chair", "/api/awards/" + id + "/revocations",
				"{\"decisionNumber\":\"20/QĐ-HLHPN-" + id + "\",\"decisionDate\":\"" + today
						+ "\",\"reason\":\"Thành tích được khen không đúng sự thật.\"}");
		assertThat(revoked.status()).as(revoked.text()).isEqualTo(201);

		// then: the page says so, the certificate is the same file, the revocation is a document of its own
		Reply afterRevocation = get(null, path);
		assertThat(afterRevocation.text()).contains("ĐÃ THU HỒI", "20/QĐ-HLHPN-" + id, "Đã thu hồi")
			.doesNotContain("Còn hiệu lực");
		assertThat(get("head1", "/api/awards/" + id + "/certificate.pdf").body()).isEqualTo(certificate.body());
		Reply revocation = get("board1", "/api/awards/" + id + "/revocation.pdf");
		assertThat(revocation.status()).isEqualTo(200);
		assertThat(PdfChecks.text(revocation.body())).contains("Số: 20/QĐ-HLHPN-" + id,
				"Về việc thu hồi Giấy khen của Chủ tịch Hội LHPN phường",
				"Lý do: Thành tích được khen không đúng sự thật.");
		PdfChecks.writeAll(revocation.body(), "it-revocation");
		assertThat(get("board1", "/api/awards/" + id + "/revocation.pdf").body()).isEqualTo(revocation.body());

		// stored once each: decision, certificate, revocation
		assertThat(jdbc.sql("SELECT document_type FROM thidua_issued_document WHERE award_id = :id ORDER BY id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("DECISION", "CERTIFICATE", "REVOCATION");

		// unknown and malformed codes: a Vietnamese 404 page
		Reply unknown = get(null, "/xac-minh/" + DocumentService.newCode());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.text()).contains("Không tìm thấy giấy khen", "Mã xác minh này không có trong sổ khen thưởng.");
		assertThat(get(null, "/xac-minh/%27%20OR%201=1").status()).isEqualTo(404);
	}

	@Test
	@Order(2)
	void shouldWriteTheRequestLetterOfARecommendationAndNoDecision() {
		long id = recommended("Trần Thị Ngọc Ánh", "bode-ch02", "Chi hội Tổ dân phố số 2");

		assertThat(get("board1", "/api/awards/" + id + "/decision.pdf").status()).isEqualTo(409);
		assertThat(get("head2", "/api/awards/" + id + "/certificate.pdf").text()).contains("xem tờ trình");

		Reply letter = get("board1", "/api/awards/" + id + "/request-letter.pdf");
		assertThat(letter.status()).isEqualTo(200);
		assertThat(PdfChecks.text(letter.body())).contains("Số: " + id + "/TTr-HLHPN", "TỜ TRÌNH",
				"Về việc đề nghị tặng Bằng khen của Hội LHPN thành phố", "Kính gửi: Hội LHPN thành phố",
				"Hội LHPN phường Bồ Đề kính đề nghị Hội LHPN thành phố xem xét, tặng Bằng khen của Hội LHPN thành phố cho:",
				"Báo cáo thành tích của bà Trần Thị Ngọc Ánh;", "Biên bản họp bình xét của Chi hội Tổ dân phố số 2;",
				"Phạm Thị Hòa");
		PdfChecks.assertEveryGlyphEmbedded(letter.body());
		PdfChecks.writeAll(letter.body(), "it-request-letter");
		assertThat(get("head1", "/api/awards/" + id + "/request-letter.pdf").status()).isEqualTo(404);
	}

	@Test
	@Order(3)
	void shouldWriteTheMinutesOfAClosedRoundOnceForThoseWhoSeeItsTally() throws Exception {
		// given: a nomination of chapter 1 whose first round closed with four of five ballots
		String pid = "it-" + UUID.randomUUID();
		nominationWithRound(pid, List.of("council1", "council2", "council3", "council4"));
		String path = "/api/nominations/" + pid + "/vote-minutes/1.pdf";

		// when: four council members ask at the same moment for minutes not yet issued
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Future<Reply>> replies = new ArrayList<>();
		for (String member : List.of("council1", "council2", "council3", "council4")) {
			replies.add(pool.submit((Callable<Reply>) () -> get(member, path)));
		}
		List<byte[]> bodies = new ArrayList<>();
		for (Future<Reply> reply : replies) {
			assertThat(reply.get().status()).isEqualTo(200);
			bodies.add(reply.get().body());
		}
		pool.shutdown();

		// then: one document, the same bytes for all
		assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM thidua_issued_document WHERE process_instance_id = :pid")
			.param("pid", pid)
			.query(Long.class)
			.single()).isEqualTo(1);
		String text = PdfChecks.text(bodies.get(0));
		assertThat(text).contains("BIÊN BẢN KIỂM PHIẾU", "Bỏ phiếu kín bình xét khen thưởng – vòng 1",
				"Đề nghị khen thưởng Giấy khen của Chủ tịch Hội LHPN phường cho bà Lê Thị Mỹ Duyên, Chi hội Tổ dân phố số 1, năm "
						+ year + ".",
				"1 Cao Thị Loan Chủ tịch Hội đồng Đã bỏ phiếu", "5 Lương Thị Phúc Ủy viên Vắng, không bỏ phiếu",
				"Tổng số thành viên Hội đồng: 5", "Số thành viên đã bỏ phiếu: 4", "Số phiếu tán thành: 3",
				"Số phiếu không tán thành: 1", "Số thành viên không bỏ phiếu: 1",
				"Đủ số lượng khi ít nhất 66,67 % tổng số thành viên bỏ phiếu (ít nhất 4/5 thành viên).",
				"Được thông qua khi số phiếu tán thành vượt 50 % tổng số thành viên (ít nhất 3/5 phiếu).",
				"Đủ số lượng; được thông qua với 3/5 phiếu tán thành.", "Cao Thị Loan");
		// a secret ballot: no ballot's comment appears
		assertThat(text).doesNotContain("Ý kiến riêng");
		PdfChecks.assertEveryGlyphEmbedded(bodies.get(0));
		PdfChecks.writeAll(bodies.get(0), "it-vote-minutes");

		// the nominating chapter reads them; another chapter and a Party cell secretary do not
		assertThat(get("head1", path).body()).isEqualTo(bodies.get(0));
		assertThat(get("head3", path).status()).isEqualTo(403);
		assertThat(get("cell1", path).status()).isEqualTo(403);
		assertThat(get("council1", "/api/nominations/" + pid + "/vote-minutes/2.pdf").status()).isEqualTo(404);
		assertThat(get("council1", "/api/nominations/nope/vote-minutes/1.pdf").status()).isEqualTo(404);
	}

	@Test
	@Order(4)
	void shouldLimitRequestsToTheVerificationPagePerAddress() {
		// the window is 12 a minute in this test; a minute boundary may reset it once
		int status = 0;
		for (int i = 0; i < 30 && status != 429; i++) {
			status = get(null, "/xac-minh/" + DocumentService.newCode()).status();
		}
		assertThat(status).isEqualTo(429);
		Reply refused = get(null, "/xac-minh/" + DocumentService.newCode());
		assertThat(refused.text()).contains("Quá nhiều yêu cầu");
		assertThat(refused.header("Retry-After")).isEqualTo("60");
	}

	private long decided(String nominee, String chapter, String chapterName, String number) {
		return register.record(new NewAward("it-" + UUID.randomUUID(), "bode", chapter, chapterName, "INDIVIDUAL",
				nominee, catalogue.find("GK_HOI_PHUONG").orElseThrow(), year, AwardEntry.DECIDED, number, today,
				"chair", 4, 1, 0));
	}

	private long recommended(String nominee, String chapter, String chapterName) {
		return register.record(new NewAward("it-" + UUID.randomUUID(), "bode", chapter, chapterName, "INDIVIDUAL",
				nominee, catalogue.find("BK_HOI_THANH_PHO").orElseThrow(), year, AwardEntry.RECOMMENDED, null, null,
				null, 5, 0, 0));
	}

	private void nominationWithRound(String pid, List<String> voters) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		jdbc.sql("""
				INSERT INTO thidua_nomination (process_instance_id, ward_code, chapter_group, nominee_type, nominee_name,
				  award_code, period_year, status, dedup_key, nominated_by, created_at, updated_at, nominee_name_folded)
				VALUES (:pid, 'bode', 'bode-ch01', 'INDIVIDUAL', 'Lê Thị Mỹ Duyên', 'GK_HOI_PHUONG', :year, 'ACTIVE',
				  :pid, 'head1', :now, :now, 'le thi my duyen')""").param("pid", pid).param("year", year).param("now", now).update();
		for (int i = 0; i < voters.size(); i++) {
			jdbc.sql("""
					INSERT INTO thidua_council_vote (process_instance_id, vote_round, voter, vote, vote_comment, voted_at)
					VALUES (:pid, 1, :voter, :vote, 'Ý kiến riêng', :now)""")
				.param("pid", pid)
				.param("voter", voters.get(i))
				.param("vote", i == 3 ? "disagree" : "agree")
				.param("now", now)
				.update();
		}
		jdbc.sql("""
				INSERT INTO thidua_council_round (process_instance_id, vote_round, members, agree, disagree, abstain,
				  quorum_reached, approved, closed_at, quorum_ratio, approval_ratio)
				VALUES (:pid, 1, 5, 3, 1, 1, TRUE, TRUE, :now, 0.6667, 0.5)""")
			.param("pid", pid)
			.param("now", now)
			.update();
	}

	private Reply get(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
	}

	private Reply post(String user, String path, String json) {
		return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	private Reply send(String user, HttpRequest.Builder request) {
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.body(), response.headers().map());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}


}
