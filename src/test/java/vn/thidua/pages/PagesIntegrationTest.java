package vn.thidua.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.AwardRegister.NewAward;
import vn.thidua.support.IntegrationTest;

/**
 * The pages over HTTP as a browser without scripts sees them, logged in through the web apps' own
 * login: who may open which page, the public objection (validation, CSRF, what reaches the board),
 * escaping of what people typed, the register's search and a person's page, the XLSX files read
 * back with POI, and one login and logout for Tasklist and the pages.
 */
@IntegrationTest
@TestPropertySource(properties = { "thidua.notification.poll-interval=PT0.5S", "thidua.pages.objections-per-address=50" })
class PagesIntegrationTest {

	static final String SCRIPT_NAME = "<script>alert('x')</script> Trần Thị Mơ";

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	ApplicationContext applicationContext;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	AwardRegister register;

	@Autowired
	AwardCatalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	NominationDriver driver;

	final int year = LocalDate.now().getYear();

	@BeforeEach
	void driver() {
		driver = new NominationDriver(port, taskService, managementService, applicationContext);
	}

	@Test
	void shouldLetAnAnonymousVisitorOpenOnlyThePublicDisclosure() {
		WebSession visitor = new WebSession(port);
		assertThat(visitor.get("/cong-khai").status()).isEqualTo(200);
		for (String path : List.of("/so-khen-thuong", "/so-khen-thuong/ca-nhan?ten=a&chi-hoi=bode-ch01", "/thong-ke",
				"/ho-so-cua-toi", "/so-khen-thuong/tai-ve.xlsx", "/thong-ke/bao-cao-nam.xlsx?nam=" + year)) {
			WebSession.Page page = visitor.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).contains("/camunda/app/tasklist/default/?quay-lai=").endsWith("#/login");
		}
		assertThat(visitor.post("/dang-xuat", Map.of()).status()).isEqualTo(401);
	}

	@Test
	void shouldTakeAPublicObjectionToTheBoardAndEscapeWhatPeopleTyped() {
		// given: a nomination with a name that is a script, approved by the board
		String pid = driver.start("head1", SCRIPT_NAME, "GK_HOI_PHUONG", year,
				"Giúp <b>12</b> hộ phụ nữ nghèo vay vốn <img src=x onerror=alert(1)>.");
		driver.boardApproves(pid);
		WebSession visitor = new WebSession(port);
		WebSession.Page list = await().atMost(Duration.ofSeconds(30))
			.until(() -> visitor.get("/cong-khai"), p -> p.body().contains("de-nghi-" + pid));
		assertThat(list.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Trần Thị Mơ")
			.doesNotContain("<script>alert")
			.doesNotContain("<img src=x")
			.contains("Chi hội Tổ dân phố số 1", "Giấy khen của Chủ tịch Hội LHPN phường");
		assertThat(list.status()).isEqualTo(200);
		// the nominator's mail about the disclosure links to the page
		assertThat(jdbc.sql("SELECT body_text FROM thidua_notification WHERE template = 'nomination-approved' "
				+ "AND process_instance_id = :pid")
			.param("pid", pid)
			.query(String.class)
			.list()).isNotEmpty().allSatisfy(body -> assertThat(body).contains("/cong-khai"));

		// a post without the page's token is refused, nothing written
		assertThat(visitor.post("/cong-khai/" + pid + "/phan-anh",
				Map.of("hoTen", "Lê Văn An", "lienHe", "0901234567", "lyDo", "Không đúng sự thật về số hộ.")).status())
			.isEqualTo(403);
		// a missing name: 400 naming the field, the typed values back (escaped), nothing written
		String token = WebSession.csrf(list);
		WebSession.Page refused = visitor.post("/cong-khai/" + pid + "/phan-anh", Map.of("_csrf", token, "hoTen", " ",
				"lienHe", "<script>x()</script>", "lyDo", "Không đúng sự thật về số hộ."));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("«Họ và tên» là bắt buộc")
			.contains("&lt;script&gt;x()&lt;/script&gt;")
			.doesNotContain("<script>x()");
		WebSession.Page tooLong = visitor.post("/cong-khai/" + pid + "/phan-anh",
				Map.of("_csrf", token, "hoTen", "Lê Văn An", "lienHe", "0901234567", "lyDo", "x".repeat(2001)));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("«Nội dung phản ánh» dài quá 2000 ký tự");
		assertThat(publicObjections(pid)).isZero();
		assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();

		// when: a visitor objects with the form
		WebSession.Page lodged = visitor.post("/cong-khai/" + pid + "/phan-anh", Map.of("_csrf", token, "hoTen",
				"Lê Văn An", "lienHe", "0901234567", "lyDo", "Số hộ được giúp đỡ không đúng như báo cáo."));
		assertThat(lodged.status()).isEqualTo(302);
		assertThat(lodged.location()).endsWith("/cong-khai/da-nhan");
		WebSession.Page received = visitor.get("/cong-khai/da-nhan");
		assertThat(received.body()).containsPattern("PA-" + year + "-[2-9A-Z]{6}");
		String reference = received.body().replaceAll("(?s).*(PA-" + year + "-[2-9A-Z]{6}).*", "$1");

		// then: the board has the nomination again, with the objection and its reference
		String review = driver.task(pid, "Task_BoardReview");
		assertThat(taskService.getVariable(review, "objectionReason").toString()).contains(reference, "Lê Văn An",
				"Số hộ được giúp đỡ không đúng như báo cáo.");
		assertThat(publicObjections(pid)).isEqualTo(1);
		assertThat(visitor.get("/cong-khai").body()).doesNotContain("de-nghi-" + pid);
		// a second objection on a nomination no longer disclosed: 409
		WebSession.Page late = visitor.post("/cong-khai/" + pid + "/phan-anh", Map.of("_csrf", token, "hoTen",
				"Lê Văn An", "lienHe", "0901234567", "lyDo", "Số hộ được giúp đỡ không đúng như báo cáo."));
		assertThat(late.status()).isEqualTo(409);

		// head1 follows it on her page (name escaped there too); head2 does not see it
		WebSession head1 = new WebSession(port).login("head1", "demo");
		WebSession.Page mine = head1.get("/ho-so-cua-toi");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains("ho-so-" + pid, "&lt;script&gt;", "Ban Thường vụ xét đề nghị")
			.doesNotContain("<script>alert")
			.doesNotContain("0901234567");
		assertThat(new WebSession(port).login("head2", "demo").get("/ho-so-cua-toi").body()).doesNotContain(pid);
	}

	@Test
	void shouldSearchTheRegisterWithoutAccentsAndShowAPersonAcrossYears() throws IOException {
		// given: awards of two years for one person of chapter 1, and one of chapter 2
		seed("Trần Thị Bích Ngọc", "bode-ch01", "Chi hội Tổ dân phố số 1", year - 1, "GK_HOI_PHUONG", "3/QĐ-HLHPN");
		seed("Trần  thị Bích Ngọc", "bode-ch01", "Chi hội Tổ dân phố số 1", year, "LAO_DONG_TIEN_TIEN", "9/QĐ-HLHPN");
		seed("Trần Thị Hoa", "bode-ch02", "Chi hội Tổ dân phố số 2", year, "GK_HOI_PHUONG", "10/QĐ-HLHPN");

		// head1 sees chapter 1 only
		WebSession head1 = new WebSession(port).login("head1", "demo");
		WebSession.Page found = head1.get("/so-khen-thuong?ten=tran+thi");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body()).contains("Trần Thị Bích Ngọc", "3/QĐ-HLHPN", "9/QĐ-HLHPN").doesNotContain("Trần Thị Hoa");
		assertThat(head1.get("/so-khen-thuong?chi-hoi=bode-ch02").status()).isEqualTo(403);
		assertThat(head1.get("/so-khen-thuong/ca-nhan?ten=Tr%E1%BA%A7n+Th%E1%BB%8B+Hoa&chi-hoi=bode-ch02").status())
			.isEqualTo(403);
		assertThat(head1.get("/thong-ke").status()).isEqualTo(403);
		assertThat(head1.get("/so-khen-thuong?nam=abc").status()).isEqualTo(400);

		// the board sees both chapters; a search by another spelling finds the same rows
		WebSession board1 = new WebSession(port).login("board1", "demo");
		assertThat(board1.get("/so-khen-thuong?ten=TRAN+THI").body()).contains("Trần Thị Bích Ngọc", "Trần Thị Hoa");
		assertThat(board1.get("/so-khen-thuong?ten=bich+ngoc&nam=" + (year - 1)).body()).contains("3/QĐ-HLHPN")
			.doesNotContain("9/QĐ-HLHPN");

		// a person's page: both years, and the rule that makes them one person
		WebSession.Page person = head1.get("/so-khen-thuong/ca-nhan?ten=tr%E1%BA%A7n+th%E1%BB%8B+b%C3%ADch+ng%E1%BB%8Dc&chi-hoi=bode-ch01");
		assertThat(person.status()).isEqualTo(200);
		assertThat(person.body()).contains((year - 1) + ", " + year, "3/QĐ-HLHPN", "9/QĐ-HLHPN", "chưa có mã hội viên");

		// the XLSX of the page and of the API, read back with POI
		WebSession.Page xlsx = head1.get("/so-khen-thuong/tai-ve.xlsx?ten=tran+thi");
		assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(cells(xlsx.bytes(), 0)).contains("Trần Thị Bích Ngọc", "3/QĐ-HLHPN").doesNotContain("Trần Thị Hoa");
		byte[] api = driver.bytes("board1", "/api/awards?format=xlsx&year=" + year);
		assertThat(cells(api, 0)).contains("Họ tên / Tập thể", "Trần Thị Hoa", "9/QĐ-HLHPN").doesNotContain("3/QĐ-HLHPN");
		assertThat(driver.http().get("cell1", "/api/awards?format=xlsx").status()).isEqualTo(403);

		// the statistics: charts and tables for the chair, and the year-end workbook; a programme whose
		// registration deadline has passed, one chapter registered, one not
		seedRollout();
		WebSession chair = new WebSession(port).login("chair", "demo");
		WebSession.Page stats = chair.get("/thong-ke?nam=" + year);
		assertThat(stats.status()).isEqualTo(200);
		assertThat(stats.body()).contains("<svg", "bieu-do-theo-nam", "bieu-do-theo-chi-hoi", "bieu-do-thoi-gian",
				"Lao động tiên tiến", "bieu-do-trien-khai-bode", "Chương trình thử nghiệm thống kê",
			"Quá hạn đăng ký mô hình, phần việc");
		assertThat(stats.body().replaceAll("\\s+", " "))
			.containsPattern("Chi hội Tổ dân phố số 2</td> <td[^>]*>Chờ báo cáo chi bộ</td>");
		WebSession.Page yearEnd = chair.get("/thong-ke/bao-cao-nam.xlsx?nam=" + year);
		assertThat(yearEnd.status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(yearEnd.bytes()))) {
			assertThat(book.getSheetName(0)).isEqualTo("Tổng hợp theo hình thức");
			assertThat(book.getSheet("Sổ khen thưởng")).isNotNull();
			Sheet summary = book.getSheetAt(0);
			Row total = summary.getRow(summary.getLastRowNum());
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("Tổng cộng");
			assertThat(total.getCell(3).getNumericCellValue()).isGreaterThanOrEqualTo(2.0);
		}
	}

	@Test
	void shouldShareOneLoginAndOneLogoutWithTasklist() {
		WebSession head1 = new WebSession(port).login("head1", "demo");
		assertThat(head1.get("/ho-so-cua-toi").status()).isEqualTo(200);
		// logging out of Tasklist logs out of the pages
		assertThat(head1.tasklistLogout().status()).isEqualTo(200);
		assertThat(head1.get("/ho-so-cua-toi").status()).isEqualTo(302);
		// logging out on a page logs out of Tasklist
		head1.login("head1", "demo");
		WebSession.Page page = head1.get("/ho-so-cua-toi");
		assertThat(head1.tasklistUser().status()).isEqualTo(200);
		assertThat(head1.post("/dang-xuat", Map.of()).status()).isEqualTo(403);
		WebSession.Page out = head1.post("/dang-xuat", Map.of("_csrf", WebSession.csrf(page)));
		assertThat(out.status()).isEqualTo(302);
		assertThat(out.location()).contains("/camunda/app/tasklist/default/#/login");
		assertThat(head1.tasklistUser().status()).isNotEqualTo(200);
		assertThat(head1.get("/ho-so-cua-toi").status()).isEqualTo(302);
	}

	@Test
	void shouldShowTheRegisterFiftyRowsAPageWithTheTotal() {
		// given: 53 awards of one accent-free-findable name (a name no other test uses), 2 of another
		for (int i = 0; i < 53; i++) {
			seed("Phùng Thị Nguyệt Ánh", i % 2 == 0 ? "bode-ch01" : "bode-ch02",
					i % 2 == 0 ? "Chi hội Tổ dân phố số 1" : "Chi hội Tổ dân phố số 2", year - 2, "GK_HOI_PHUONG",
					"P" + i + "/QĐ-HLHPN");
		}
		seed("Phùng Thị Nguyệt", "bode-ch01", "Chi hội Tổ dân phố số 1", year - 2, "GK_HOI_PHUONG", "PX/QĐ-HLHPN");
		WebSession board1 = new WebSession(port).login("board1", "demo");

		// when: the first page, the second, and one past the end
		WebSession.Page first = board1.get("/so-khen-thuong?ten=phung+thi+nguyet+anh");
		WebSession.Page second = board1.get("/so-khen-thuong?ten=PHUNG+THI+NGUYET+ANH&trang=2");
		WebSession.Page past = board1.get("/so-khen-thuong?ten=phung+thi+nguyet+anh&trang=9");

		// then: 50 rows and «Trang sau», then 3 and «Trang trước»; the total on each
		assertThat(first.status()).isEqualTo(200);
		assertThat(rows(first.body())).isEqualTo(50);
		assertThat(first.body()).contains("<span id=\"so-dong\">53</span> dòng", "trang 1/2", "Trang sau")
			.contains("trang=2")
			.doesNotContain("Trang trước");
		assertThat(rows(second.body())).isEqualTo(3);
		assertThat(second.body()).contains("<span id=\"so-dong\">53</span> dòng", "trang 2/2", "Trang trước")
			.doesNotContain("Trang sau");
		assertThat(past.status()).isEqualTo(200);
		assertThat(rows(past.body())).isZero();
		assertThat(past.body()).contains("Trang trước").contains("trang=2");
		// the files hold every row of the filter; the other name is found by its own search
		assertThat(board1.get("/so-khen-thuong/tai-ve.csv?ten=phung+thi+nguyet+anh").body().lines()
			.filter(l -> l.contains("Phùng Thị Nguyệt Ánh"))
			.count()).isEqualTo(53);
		assertThat(board1.get("/so-khen-thuong?ten=phung+thi+nguyet").body()).contains("<span id=\"so-dong\">54</span>");
		// a chapter head: her chapter's 27 rows
		assertThat(new WebSession(port).login("head1", "demo").get("/so-khen-thuong?ten=phung+thi+nguyet+anh").body())
			.contains("<span id=\"so-dong\">27</span>");

		// a page number that is not one: 400 naming the field
		for (String bad : List.of("0", "-1", "abc", "1.5", "400001", "99999999999")) {
			WebSession.Page refused = board1.get("/so-khen-thuong?trang=" + bad);
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.body()).as(bad).contains("Giá trị của «Trang» không hợp lệ.");
		}
	}

	/** The rows of the register's table in a page. */
	private static int rows(String body) {
		return body.split("class=\"td-person\"", -1).length - 1;
	}

	private void seed(String name, String chapter, String chapterName, int year, String award, String number) {
		register.record(new NewAward("seed-" + UUID.randomUUID(), "bode", chapter, chapterName, "INDIVIDUAL", name,
				catalogue.find(award).orElseThrow(), year, "DECIDED", number, LocalDate.of(year, 12, 20), "chair", 5, 0,
				0));
	}

	/** A programme of this year in the app's tables, as PlanRollout leaves it: chapter 1 registered, chapter 2 late. */
	private void seedRollout() {
		java.sql.Timestamp now = java.sql.Timestamp.valueOf(java.time.LocalDateTime.now());
		LocalDate today = LocalDate.now();
		jdbc.sql("""
				INSERT INTO thidua_rollout (process_instance_id, ward_code, programme_year, theme, focus_points,
				  implementation_plan, emulation_plan, conference_deadline, registration_deadline, mid_year_report_date,
				  year_end_report_date, state, created_at, updated_at)
				VALUES (:pid, 'bode', :year, 'Chương trình thử nghiệm thống kê', 'Một', 'Kế hoạch', 'Thi đua',
				  :conference, :registration, :midYear, :yearEnd, 'CHAPTERS_WORKING', :now, :now)""")
			.param("pid", "seed-" + UUID.randomUUID())
			.param("year", year)
			.param("conference", java.sql.Date.valueOf(today.minusDays(40)))
			.param("registration", java.sql.Date.valueOf(today.minusDays(20)))
			.param("midYear", java.sql.Date.valueOf(today.plusDays(60)))
			.param("yearEnd", java.sql.Date.valueOf(today.plusDays(120)))
			.param("now", now)
			.update();
		long id = jdbc.sql("SELECT MAX(id) FROM thidua_rollout").query(Long.class).single();
		for (String[] c : new String[][] { { "bode-ch01", "Chi hội Tổ dân phố số 1", "REGISTERED" },
				{ "bode-ch02", "Chi hội Tổ dân phố số 2", "WAITING_FOR_REPORT" } }) {
			jdbc.sql("""
					INSERT INTO thidua_rollout_chapter (rollout_id, chapter_group, chapter_name, party_cell_group, state,
					  updated_at)
					VALUES (:id, :group, :name, :cell, :state, :now)""")
				.param("id", id)
				.param("group", c[0])
				.param("name", c[1])
				.param("cell", c[0] + "-cell")
				.param("state", c[2])
				.param("now", now)
				.update();
		}
	}

	private long publicObjections(String pid) {
		return jdbc.sql("SELECT COUNT(*) FROM thidua_public_objection WHERE process_instance_id = :pid")
			.param("pid", pid)
			.query(Long.class)
			.single();
	}

	/** Every cell of a sheet as text. */
	static List<String> cells(byte[] xlsx, int sheet) throws IOException {
		List<String> out = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : book.getSheetAt(sheet)) {
				row.forEach(c -> out.add(switch (c.getCellType()) {
					case NUMERIC -> String.valueOf(c.getNumericCellValue());
					default -> c.toString();
				}));
			}
		}
		return out;
	}

}
