package vn.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.support.Browser;
import vn.thidua.support.TestProcesses;
import vn.thidua.support.IntegrationTest;

/**
 * A chapter head with an English browser opens Tasklist on a fresh start and reads it in
 * Vietnamese: login page, filters, task list, task details, start-process dialog; no migration
 * banner, our name in header and title, no footer. Screenshots under {@code target/e2e/}.
 */
@IntegrationTest
class TasklistLocalizationBrowserTest {

	/**
	 * Tasklist's common English labels (the list) and what our users read instead. "Filter"
	 * appears in Tasklist only as the task search's placeholder "Filter Tasks". The task is a process
	 * task with a due date (every task gets one), so Tasklist shows the date where "Set due date" would be.
	 */
	private static final Map<String, String> VIETNAMESE_FOR_ENGLISH = orderedMap("Claim", "Nhận việc", "Complete",
			"Hoàn thành", "Start process", "Bắt đầu quy trình", "Filter", "Lọc công việc", "Add Comment",
			"Thêm ghi chú", "Set follow-up date", "Đặt ngày nhắc việc", "Created", "Ngày tạo");

	private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final String TASK_NAME = "Xét đề nghị khen thưởng chị Nguyễn Thị Hoa";

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	private Browser browser;

	private String instanceId;

	/**
	 * A task of chapter 1 (head1's) in the small test process (standalone tasks are refused by the
	 * engine guard), renamed by the test to read like a nomination's step.
	 */
	@BeforeEach
	void openBrowserWithATaskForChapterOne() {
		TestProcesses.deploy(repositoryService);
		String instance = runtimeService
			.startProcessInstanceByKey(TestProcesses.KEY, Map.of("chapterGroup", "bode-ch01", "year", 2027))
			.getId();
		Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		task.setName(TASK_NAME);
		task.setDescription("Công việc tạo cho kiểm thử giao diện.");
		taskService.saveTask(task);
		instanceId = instance;
		browser = Browser.open("http://localhost:" + port);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		runtimeService.deleteProcessInstance(instanceId, "Kết thúc kiểm thử");
	}

	@Test
	void shouldShowTheLoginPagesInVietnamese() {
		// when: the application's start page: it opens Tasklist, which asks her to log in
		browser.go("/");
		assertLoginPageInVietnamese("01-tasklist-login");
		assertThat(browser.script("return location.pathname")).isEqualTo("/camunda/app/tasklist/default/");

		// when: she logs in, then opens the welcome app, which lists her applications
		browser.submitLogin("head1", "demo");
		browser.waitFor(By.cssSelector("[cam-widget-header] .account .dropdown-toggle"));
		browser.go("/camunda/app/welcome/default/");
		browser.waitFor(By.partialLinkText("Công việc"));
		browser.screenshot("07-welcome-applications");

		// then
		assertVietnameseWithoutBanner();
		assertThat(browser.visibleText()).doesNotContain("Applications", "Tasklist", "Profile");

		// when: the welcome app's own login page, after logging out
		browser.waitFor(By.cssSelector("[cam-widget-header] .account .dropdown-toggle")).click();
		browser.waitFor(By.partialLinkText("Đăng xuất")).click();
		browser.go("/camunda/app/welcome/default/");

		// then
		assertLoginPageInVietnamese("02-welcome-login");
	}

	private void assertLoginPageInVietnamese(String screenshot) {
		browser.waitFor(By.xpath("//form[@name='signinForm']//button[normalize-space()='Đăng nhập']"));
		browser.waitFor(By.xpath("//*[contains(@class,'app-name')][normalize-space()='Hội LHPN thành phố Hà Nội']"));
		browser.screenshot(screenshot);
		assertVietnameseWithoutBanner();
		assertThat(browser.visibleText()).doesNotContain("Log in", "Camunda");
		assertThat(placeholders()).contains("Tên đăng nhập", "Mật khẩu");
		assertThat(browser.visible(By.cssSelector(".login-logo svg"))).as("Camunda's word mark").isEmpty();
		assertThat(browser.script(
				"return getComputedStyle(document.querySelector('.login-header .app-name'), '::before').content"))
			.as("product name above the organisation (thidua.css, read as UTF-8)")
			.isEqualTo("\"Thi đua\"");
	}

	@Test
	void shouldShowTasklistInVietnameseToAChapterHeadWithAnEnglishBrowser() {
		// given
		browser.login("head1", "demo");

		// when: the chapter's filter and its task
		browser.waitFor(By.partialLinkText(TasklistFilters.CHAPTER_TASKS)).click();
		browser.waitFor(By.partialLinkText(TASK_NAME)).click();
		browser.waitFor(By.cssSelector("button.claim"));
		browser.waitForText("Thêm ghi chú");
		browser.screenshot("03-tasklist-task");

		// then
		assertVietnameseWithoutBanner();
		assertThat(readableText()).contains(VIETNAMESE_FOR_ENGLISH.values()).contains(TasklistFilters.CHAPTER_TASKS);
		// the demo file holds three wards (issue 19): the header names the city
		assertThat(browser.driver().getTitle()).isEqualTo("Thi đua – Hội LHPN thành phố Hà Nội");
		assertThat(browser.waitFor(By.cssSelector(".navbar-brand .brand-name")).getText())
			.isEqualTo("Thi đua – Hội LHPN thành phố Hà Nội");
		// no footer: the time zone's id («Asia/Saigon», Chromium's alias of Asia/Ho_Chi_Minh) meant nothing to her
		assertThat(browser.visible(By.cssSelector("[cam-widget-footer]"))).isEmpty();
		assertThat(browser.visibleText()).doesNotContain("Asia/", "múi giờ");
		assertThat(browser.visibleText()).doesNotContain("Powered by", "Camunda Platform", "v7.24.0");

		// when: she takes the task
		browser.waitFor(By.cssSelector("button.claim")).click();
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
		browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Hoàn thành']")));
		browser.screenshot("04-tasklist-task-claimed");

		// then
		assertVietnameseWithoutBanner();
		assertThat(browser.visibleText()).contains("Hoàn thành", "Nguyễn Thị Ánh");

		// when: the creation time's tooltip, in the long date format of config.js, Vietnamese weekday
		// (the list refreshes itself: a tooltip whose task row was drawn again is hovered again)
		String tooltip = browser.waiting(Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class).until(d -> {
			new Actions(d).moveToElement(browser.waitFor(By.cssSelector(".creation-date span[uib-tooltip]"))).perform();
			List<WebElement> shown = d.findElements(By.cssSelector(".tooltip-inner"));
			return shown.isEmpty() || shown.get(0).getText().isBlank() ? null : shown.get(0).getText();
		});
		browser.screenshot("04b-tasklist-date-tooltip");

		// then
		assertThat(tooltip).matches("(Chủ nhật|Thứ (hai|ba|tư|năm|sáu|bảy)), \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
		// the task was created within the last minutes: today, or yesterday just after midnight in Vietnam
		ZonedDateTime now = ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh"));
		assertThat(List.of(now.format(DAY_MONTH_YEAR), now.minusMinutes(5).format(DAY_MONTH_YEAR)))
			.anyMatch(tooltip::contains);

		// when: the start-process dialog
		browser.waitFor(By.partialLinkText("Bắt đầu quy trình")).click();
		browser.waitFor(By.cssSelector(".modal-dialog"));
		// the hint above the list, or the notice when no process is deployed yet
		browser.waiting()
			.until(d -> browser.visibleText().contains("Bấm vào quy trình muốn bắt đầu.")
					|| browser.visibleText().contains("Chưa có quy trình nào chị được phép bắt đầu."));
		browser.screenshot("05-tasklist-start-process");

		// then
		assertVietnameseWithoutBanner();
	}

	@Test
	void shouldLetTheUserSwitchToEnglishAndBack() {
		// given
		browser.login("head1", "demo");
		browser.waitForText("Bắt đầu quy trình");

		// when
		browser.waitFor(By.cssSelector("a.thidua-language-switch")).click();

		// then
		browser.waitForText("Start process");
		browser.waitFor(By.cssSelector("a.thidua-language-switch[lang=vi]"));
		browser.screenshot("06-tasklist-english");
		assertThat(browser.visibleText()).doesNotContain("Bắt đầu quy trình").contains("Tiếng Việt");
		assertThat(browser.visible(By.cssSelector(".ce-eol-banner"))).isEmpty();

		// when
		browser.waitFor(By.cssSelector("a.thidua-language-switch")).click();

		// then
		browser.waitForText("Bắt đầu quy trình");
		browser.waitFor(By.cssSelector("a.thidua-language-switch[lang=en]"));
		assertVietnameseWithoutBanner();
	}

	@Test
	void shouldHideTheMigrationBannerInCockpitWhichStaysEnglishForOperators() {
		// when
		browser.go("/camunda/app/cockpit/default/");
		browser.waitFor(By.cssSelector("form[name=signinForm] button[type=submit]"));
		browser.submitLogin("admin", "demo");
		browser.waitForText("Processes");
		browser.screenshot("08-cockpit");

		// then
		assertThat(browser.visible(By.cssSelector(".ce-eol-banner"))).as("migration banner").isEmpty();
		assertThat(browser.visibleText()).doesNotContain("Camunda 8", "migrate", "Powered by");
	}

	private void assertVietnameseWithoutBanner() {
		String readable = readableText();
		List<String> english = VIETNAMESE_FOR_ENGLISH.keySet()
			.stream()
			.filter(label -> Pattern.compile("(?<!\\p{L})" + Pattern.quote(label) + "(?!\\p{L})").matcher(readable).find())
			.toList();
		assertThat(english).as("English labels a user can read; the page shows:%n%s", readable).isEmpty();
		assertThat(browser.visible(By.cssSelector(".ce-eol-banner"))).as("migration banner").isEmpty();
		assertThat(readable).doesNotContain("Camunda 8", "migrate");
	}

	/** Visible text and placeholders. */
	private String readableText() {
		return browser.visibleText() + "\n" + placeholders();
	}

	/** Placeholders of the visible inputs: users read them as labels. */
	private String placeholders() {
		return browser.visible(By.cssSelector("input[placeholder], textarea[placeholder]"))
			.stream()
			.map(e -> e.getAttribute("placeholder"))
			.collect(Collectors.joining("\n"));
	}

	private static Map<String, String> orderedMap(String... keysAndValues) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
