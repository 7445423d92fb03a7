package vn.thidua.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.AwardRegister.NewAward;
import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.support.Browser;
import vn.thidua.support.IntegrationTest;

/**
 * The pages in a real Chromium at 1366 px and at a phone's 390 px (screenshots in
 * {@code target/e2e/pages-*.png}): a nomination the board approved is on {@code /cong-khai}
 * without a login, an objection typed there reaches board1's Tasklist, the window's end removes it;
 * the register's search and a person's page show two years; {@code /thong-ke} draws its charts;
 * head1 follows her nomination and council2 sees the closed round's tally, not council1's ballot.
 * The other steps of the nomination are done through {@code /engine-rest} as Tasklist would.
 */
@IntegrationTest
@TestPropertySource(properties = { "thidua.notification.poll-interval=PT0.5S", "thidua.pages.objections-per-address=50" })
class PagesBrowserTest {

	static final Dimension DESKTOP = new Dimension(1366, 900);

	static final Dimension PHONE = new Dimension(390, 844);

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	ApplicationContext applicationContext;

	@Autowired
	ManagementService managementService;

	@Autowired
	AwardRegister register;

	@Autowired
	AwardCatalogue catalogue;

	Browser browser;

	NominationDriver driver;

	final int year = LocalDate.now().getYear();

	/** On a failure, the page as it was and its console. */
	@RegisterExtension
	final TestExecutionExceptionHandler screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

	@BeforeEach
	void open() {
		browser = Browser.open("http://localhost:" + port);
		driver = new NominationDriver(port, taskService, managementService, applicationContext);
	}

	@AfterEach
	void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void shouldDiscloseTakeAnObjectionToTheBoardAndRemoveTheNominationAtTheWindowsEnd() {
		String name = "Phạm Thị Thu Hà <script>window.pwned=1</script>";
		String pid = driver.start("head1", name, "GK_HOI_PHUONG", year,
				"Vận động 30 hội viên tham gia tổ tiết kiệm; giúp 8 hộ phụ nữ nghèo vay vốn không lãi.");
		driver.boardApproves(pid);

		// an anonymous visitor sees it, at 1366 px and at 390 px; what was typed shows as text
		browser.go("/cong-khai");
		browser.waitForText("Phạm Thị Thu Hà <script>window.pwned=1</script>");
		assertThat(browser.script("return window.pwned === undefined")).isEqualTo(true);
		assertThat(browser.visibleText()).contains("Chi hội Tổ dân phố số 1", "Giấy khen của Chủ tịch Hội LHPN phường",
				"Vận động 30 hội viên", "Hết công khai:");
		browser.fullScreenshot("pages-01-cong-khai-1366");
		phone();
		browser.go("/cong-khai");
		assertFitsTheWidth();
		browser.fullScreenshot("pages-02-cong-khai-390");

		// the visitor objects from the phone
		WebElement card = browser.waitFor(By.id("de-nghi-" + pid));
		card.findElement(By.tagName("summary")).click();
		card.findElement(By.name("hoTen")).sendKeys("Lê Văn Bình");
		card.findElement(By.name("lienHe")).sendKeys("0912 345 678");
		card.findElement(By.name("lyDo")).sendKeys("Số hộ được giúp vay vốn trong báo cáo chưa đúng, đề nghị xem lại.");
		browser.fullScreenshot("pages-03-phan-anh-390");
		card.findElement(By.cssSelector("button[type=submit]")).click();
		browser.waitForText("Mã số phản ánh");
		String reference = browser.waitFor(By.cssSelector(".td-reference")).getText();
		assertThat(reference).matches("PA-" + year + "-[2-9A-Z]{6}");
		browser.screenshot("pages-04-phan-anh-da-nhan-390");

		// board1 finds it in Tasklist, with the objection and its reference
		desktop();
		browser.login("board1", "demo");
		browser.openFilter(TasklistFilters.BOARD_TASKS);
		browser.openTask("Ban Thường vụ xét đề nghị", "Phạm Thị Thu Hà");
		assertThat(browser.taskPaneText()).contains(reference, "Số hộ được giúp vay vốn");
		browser.fullScreenshot("pages-05-board1-tasklist-objection");

		// the board approves again: disclosed again; the window ends: gone from the page
		driver.boardApproves(pid);
		browser.driver().manage().deleteAllCookies();
		browser.go("/cong-khai");
		browser.waitForText("Phạm Thị Thu Hà");
		driver.endDisclosure(pid);
		browser.go("/cong-khai");
		assertThat(browser.visibleText()).doesNotContain("Phạm Thị Thu Hà");
		assertThat(browser.driver().findElements(By.id("de-nghi-" + pid))).isEmpty();
		browser.screenshot("pages-06-cong-khai-after-window");
	}

	@Test
	void shouldShowTheRegisterAPersonsYearsTheChartsAndTheFollowUpWithoutBallots() {
		seed("Hoàng Thị Lựu", "bode-ch01", "Chi hội Tổ dân phố số 1", year - 1, "GK_HOI_PHUONG", "4/QĐ-HLHPN");
		seed("Hoàng Thị Lựu", "bode-ch01", "Chi hội Tổ dân phố số 1", year, "CSTD_CO_SO", "21/QĐ-HLHPN");
		seed("Hoàng Thị Sen", "bode-ch02", "Chi hội Tổ dân phố số 2", year, "GK_HOI_PHUONG", "22/QĐ-HLHPN");
		String nominee = "Ngô Thị Kim Oanh";
		String pid = driver.start("head1", nominee, "LAO_DONG_TIEN_TIEN", year, "Tổ trưởng tổ phụ nữ tiết kiệm 5 năm liền.");
		driver.boardApproves(pid);
		driver.endDisclosure(pid);
		driver.councilVotes(pid, List.of("agree", "agree", "disagree", "agree", "agree"),
				List.of("BI-MAT-council1 không công khai", "BI-MAT-council2", "BI-MAT-council3", "BI-MAT-council4",
						"BI-MAT-council5"));
		driver.signingTask(pid);

		// a page without a login goes to Tasklist's login and back
		browser.go("/so-khen-thuong?ten=hoang+thi");
		browser.fillLogin("head1", "demo");
		browser.waiting(Duration.ofSeconds(30))
			.until(ExpectedConditions.urlContains("/so-khen-thuong?ten=hoang"));
		browser.waitForText("Hoàng Thị Lựu");

		// head1: chapter 1 only, both years
		String register = browser.visibleText();
		assertThat(register).contains("4/QĐ-HLHPN", "21/QĐ-HLHPN").doesNotContain("Hoàng Thị Sen");
		browser.fullScreenshot("pages-07-so-khen-thuong-head1-1366");
		phone();
		browser.go("/so-khen-thuong?ten=hoang+thi");
		assertFitsTheWidth();
		browser.fullScreenshot("pages-08-so-khen-thuong-head1-390");
		browser.waitFor(By.cssSelector("a.td-person")).click();
		browser.waitForText("chưa có mã hội viên");
		assertThat(browser.waitFor(By.cssSelector(".td-years")).getText()).isEqualTo((year - 1) + ", " + year);
		assertThat(browser.visibleText()).contains("Giấy khen của Chủ tịch Hội LHPN phường", "Chiến sĩ thi đua cơ sở");
		browser.fullScreenshot("pages-09-ca-nhan-390");

		// head1 follows her nomination: the chair's step, the closed round's tally
		browser.go("/ho-so-cua-toi");
		WebElement mine = browser.waitFor(By.id("ho-so-" + pid));
		assertThat(mine.getText()).contains(nominee, "Chủ tịch ký quyết định khen thưởng", "4/5");
		assertFitsTheWidth();
		browser.fullScreenshot("pages-10-ho-so-cua-toi-head1-390");

		// council2: the round she voted in with its tally, no ballot of anyone
		desktop();
		browser.driver().manage().deleteAllCookies();
		browser.login("council2", "demo");
		browser.go("/ho-so-cua-toi");
		WebElement rounds = browser.waitFor(By.id("phieu-cua-toi"));
		assertThat(rounds.getText()).contains(nominee, "4 tán thành, 1 không tán thành, 0 không bỏ phiếu / 5 thành viên");
		assertThat(browser.driver().getPageSource()).doesNotContain("BI-MAT").doesNotContain("council1");
		browser.fullScreenshot("pages-11-ho-so-cua-toi-council2");

		// the chair signs; head1 sees the decision; the chair's statistics: charts drawn, with their tables
		driver.chairSigns(pid, "30/QĐ-HLHPN");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> driver.awards("chair", "?year=" + year).toString().contains("30/QĐ-HLHPN"));
		browser.driver().manage().deleteAllCookies();
		browser.login("head1", "demo");
		browser.go("/ho-so-cua-toi");
		assertThat(browser.waitFor(By.id("ho-so-" + pid)).getText()).contains("Quyết định số 30/QĐ-HLHPN", "Đã khen thưởng");
		browser.fullScreenshot("pages-12-ho-so-cua-toi-head1-decided");
		browser.driver().manage().deleteAllCookies();
		browser.login("chair", "demo");
		browser.go("/thong-ke?nam=" + year);
		browser.waitForText("Khen thưởng theo năm và hình thức");
		for (String chart : List.of("bieu-do-theo-nam", "bieu-do-theo-chi-hoi")) {
			assertThat(browser.driver().findElements(By.cssSelector("#" + chart + " svg rect"))).as(chart).isNotEmpty();
		}
		// signed the day it was nominated: one row of 0 days (a bar of no length, its figure beside it)
		assertThat(browser.waitFor(By.cssSelector("#bieu-do-thoi-gian svg")).getText()).contains(String.valueOf(year),
				"0 ngày");
		assertThat(browser.driver().findElements(By.cssSelector("table.td-figures"))).hasSizeGreaterThanOrEqualTo(2);
		browser.fullScreenshot("pages-13-thong-ke-chair-1366");
		phone();
		browser.go("/thong-ke?nam=" + year);
		assertFitsTheWidth();
		browser.fullScreenshot("pages-14-thong-ke-chair-390");
	}

	private void phone() {
		browser.driver().manage().window().setSize(PHONE);
	}

	private void desktop() {
		browser.driver().manage().window().setSize(DESKTOP);
	}

	/** Nothing wider than the window: no sideways scrolling on a phone. */
	private void assertFitsTheWidth() {
		Number overflow = (Number) browser
			.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
		assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
	}

	private void seed(String name, String chapter, String chapterName, int year, String award, String number) {
		register.record(new NewAward("seed-" + UUID.randomUUID(), "bode", chapter, chapterName, "INDIVIDUAL", name,
				catalogue.find(award).orElseThrow(), year, "DECIDED", number, LocalDate.of(year, 12, 20), "chair", 5, 0,
				0));
	}

}
