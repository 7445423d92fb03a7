package vn.thidua.standin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.support.Browser;
import vn.thidua.support.Http;
import vn.thidua.rollout.ProgrammeDates;
import vn.thidua.support.IntegrationTest;

/**
 * {@code /nguoi-thay-the} in a real Chromium at 1366 px and 390 px (screenshots in
 * {@code target/e2e/standin-*.png}): the chair is refused a period ending before it starts, names
 * board1 for a week, and board1 finds the chair's approval in her «Việc của tôi» in Tasklist.
 */
@IntegrationTest
class StandInBrowserTest {

	static final Dimension DESKTOP = new Dimension(1366, 900);

	static final Dimension PHONE = new Dimension(390, 844);

	@LocalServerPort
	int port;

	@Autowired
	StandInService service;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@RegisterExtension
	final TestExecutionExceptionHandler screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

	@BeforeEach
	void open() {
		browser = Browser.open("http://localhost:" + port);
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.close();
		}
		jdbc.sql("SELECT id, person FROM thidua_stand_in WHERE cancelled_at IS NULL AND ends_on >= :today")
			.param("today", LocalDate.now())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(p -> service.cancel(p.getValue(), p.getKey()));
	}

	@Test
	void shouldLetTheChairNameBoard1OnHerPhoneAndBoard1SeeTheChairsApproval() {
		// given: the board drafts a programme, which waits for the chair
		Http http = new Http(port);
		String theme = "Năm chỉnh trang đô thị " + System.nanoTime() % 100000;
		ProgrammeDates dates = ProgrammeDates.nextYear();
		Http.Reply started = http.post("board2", "/engine-rest/process-definition/key/PlanRollout/submit-form",
				Map.of("variables", Map.ofEntries(Map.entry("programmeYear", Map.of("value", dates.year(), "type", "Long")),
						Map.entry("theme", Map.of("value", theme, "type", "String")),
						Map.entry("focusPoints", Map.of("value", "Đổi mới phương thức hoạt động", "type", "String")),
						Map.entry("implementationPlan", Map.of("value", "Kế hoạch thực hiện " + dates.year(), "type", "String")),
						Map.entry("emulationPlan", Map.of("value", "Kế hoạch thi đua " + dates.year(), "type", "String")),
						Map.entry("campaigns", Map.of("value", "Mừng Đảng – Mừng Xuân " + dates.year(), "type", "String")),
						Map.entry("conferenceDeadline", Map.of("value", dates.conferenceDeadline().toString(), "type", "String")),
						Map.entry("registrationDeadline", Map.of("value", dates.registrationDeadline().toString(), "type", "String")),
						Map.entry("midYearReportDate", Map.of("value", dates.midYearReportDate().toString(), "type", "String")),
						Map.entry("yearEndReportDate", Map.of("value", dates.yearEndReportDate().toString(), "type", "String")))));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		LocalDate today = LocalDate.now();

		// when: the chair, on her phone, first gives an end before the start, then a week
		browser.driver().manage().window().setSize(DESKTOP);
		browser.login("chair", "demo");
		browser.driver().manage().window().setSize(PHONE);
		browser.go("/nguoi-thay-the");
		browser.waitForText("Cử người thay thế");
		fill("board1", today.plusDays(3), today.plusDays(1));
		browser.waitForText("«Đến ngày» không được trước «Từ ngày»");
		assertFitsTheWidth();
		browser.fullScreenshot("standin-01-refused-390");
		fill("board1", today, today.plusDays(6));
		browser.waitForText("Đã cử đồng chí Vũ Thị Lan làm người thay thế");
		assertThat(browser.waitFor(By.id("da-cu")).getText()).contains("Vũ Thị Lan (board1)", "Đang thay", "Hủy");
		assertFitsTheWidth();
		browser.fullScreenshot("standin-02-named-390");
		browser.driver().manage().window().setSize(DESKTOP);
		browser.go("/nguoi-thay-the");
		browser.fullScreenshot("standin-03-named-1366");

		// then: board1 finds the chair's approval in «Việc của tôi»
		browser.driver().manage().deleteAllCookies();
		browser.login("board1", "demo");
		browser.openFilter(TasklistFilters.MY_TASKS);
		browser.openTask("Chủ tịch duyệt chương trình", theme);
		browser.fullScreenshot("standin-04-board1-tasklist-1366");
		browser.go("/nguoi-thay-the");
		assertThat(browser.waitFor(By.id("thay-cho")).getText()).contains("Phạm Thị Hòa (chair)", "Đang thay");
		browser.fullScreenshot("standin-05-board1-page-1366");
	}

	private void fill(String standIn, LocalDate from, LocalDate to) {
		new Select(browser.waitFor(By.id("nguoiThay"))).selectByValue(standIn);
		// a date input's typed form follows the browser's locale: set the value as the picker would
		WebElement fromField = browser.waitFor(By.id("tuNgay"));
		WebElement toField = browser.waitFor(By.id("denNgay"));
		browser.script("arguments[0].value = arguments[1]; arguments[2].value = arguments[3];", fromField,
				from.toString(), toField, to.toString());
		browser.waitFor(By.cssSelector("#cu-nguoi-thay button[type=submit]")).click();
	}

	private void assertFitsTheWidth() {
		Number overflow = (Number) browser
			.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

}
