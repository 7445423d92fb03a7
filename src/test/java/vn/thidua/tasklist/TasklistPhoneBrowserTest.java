package vn.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.support.Browser;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestProcesses;

/**
 * A chapter head in Tasklist on a PC (1366 px) and on a phone (390 × 844, mobile emulation): no
 * large-screen warning, labels of the nomination's start form wrapped and whole, the date picker
 * inside the screen and in Vietnamese, an opened task in view, and the start dialog asking before it
 * discards typed values (Esc, a click beside it, «Đóng», «Quay lại»). Screenshots
 * {@code target/e2e/phone-<width>-*.png}.
 */
@IntegrationTest
class TasklistPhoneBrowserTest {

	private static final String QUESTION = "Bỏ các thông tin đã nhập?";

	private static final String TASK_NAME = "Cập nhật danh sách hội viên chi hội";

	private static final String NOMINATION = "Đề nghị khen thưởng";

	private static final String NOMINEE = "Họ tên cá nhân / tên tập thể được đề nghị";

	private static final String DECLARATION = "Tôi cam đoan người/tập thể được đề nghị không bị kỷ luật, không đang bị điều tra, khiếu nại, tố cáo";

	@LocalServerPort
	int port;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	private final List<String> instances = new ArrayList<>();

	private Browser browser;

	private int width;

	private boolean asked;

	/** A long list: 20 tasks of chapter 1 (head1's "Việc của chi hội"), in the small test process. */
	@BeforeEach
	void createTasksForChapterOne() {
		TestProcesses.deploy(repositoryService);
		for (int i = 1; i <= 20; i++) {
			String instance = runtimeService
				.startProcessInstanceByKey(TestProcesses.KEY, Map.of("chapterGroup", "bode-ch01", "year", 2027))
				.getId();
			Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
			task.setName(TASK_NAME + " " + i);
			taskService.saveTask(task);
			instances.add(instance);
		}
	}

	@AfterEach
	void cleanUp() {
		if (browser != null) {
			browser.close();
		}
		instances.forEach(id -> runtimeService.deleteProcessInstance(id, "Kết thúc kiểm thử"));
	}

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 1366, 390 })
	void shouldFitTheScreenAndKeepTypedValues(int width) {
		// given
		open(width);

		// then: no «!» saying the application is meant for larger screens
		assertThat(browser.visible(By.cssSelector(".small-screen-warning"))).as("large-screen warning").isEmpty();
		screenshot("01-list");

		// when: she opens the last task of a long list
		browser.openFilter(TasklistFilters.CHAPTER_TASKS);
		By entries = By.xpath("//*[contains(@class,'tasks-list')]//li//h4//a[starts-with(normalize-space(), "
				+ Browser.xpathLiteral(TASK_NAME) + ")]");
		browser.waiting(Duration.ofSeconds(60)).until(d -> d.findElements(entries).size() >= 10);
		List<WebElement> tasks = browser.driver().findElements(entries);
		WebElement last = tasks.get(tasks.size() - 1);
		String name = last.getText().trim();
		browser.click(last);

		// then: the task shows at the top of the screen, not below the list
		By title = By.cssSelector(".task-details .names h2.task");
		browser.waiting().until(d -> name.equals(d.findElement(title).getText().trim()));
		browser.waiting(Duration.ofSeconds(30))
			.withMessage(() -> "the opened task in view; its title's top is at " + top(title) + " of " + innerHeight())
			.until(d -> top(title) >= 0 && top(title) < innerHeight() / 2);
		screenshot("02-task-opened");

		// when: the nomination's start form
		openStartForm();

		// then: every label whole and inside the screen, the long declaration wrapped
		assertThat(cutLabels()).as("labels cut or beyond the screen's edge").isEmpty();
		WebElement declaration = label(DECLARATION);
		browser.script("arguments[0].scrollIntoView({block: 'center'})", declaration);
		if (width < 500) {
			assertThat((double) declaration.getSize().getHeight()).as("the declaration on several lines")
				.isGreaterThan(2 * lineHeight(declaration));
		}
		screenshot("03-start-form-labels");

		// when: the date picker
		WebElement date = browser.waitFor(By.cssSelector(".fjs-form-field-datetime input"));
		browser.click(date);
		WebElement calendar = browser.waitFor(By.cssSelector(".flatpickr-calendar.open"));

		// then: inside the screen, months and days in Vietnamese
		Map<?, ?> box = (Map<?, ?>) browser.script(
				"const r = arguments[0].getBoundingClientRect(); return {left: r.left, right: r.right, width: window.innerWidth}",
				calendar);
		assertThat(((Number) box.get("left")).doubleValue()).as("calendar's left edge").isGreaterThanOrEqualTo(0);
		assertThat(((Number) box.get("right")).doubleValue()).as("calendar's right edge")
			.isLessThanOrEqualTo(((Number) box.get("width")).doubleValue());
		int month = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getMonthValue();
		assertThat(browser.script("const s = arguments[0].querySelector('.flatpickr-monthDropdown-months');"
				+ " return s.options[s.selectedIndex].text", calendar)).isEqualTo("Tháng " + month);
		assertThat(calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream().map(e -> e.getText().trim()).toList())
			.containsExactly("CN", "T2", "T3", "T4", "T5", "T6", "T7");
		assertThat(calendar.getText()).doesNotContain("January", "December", "Sun", "Mon");
		screenshot("04-date-picker");

		// when: Esc closes the calendar only
		new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();

		// then
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open")));
		assertNoQuestion();
		assertThat(browser.visible(By.cssSelector(".modal-dialog"))).as("start dialog").isNotEmpty();

		// when: she types a name, then presses Esc, clicks beside the dialog, «Đóng», «Quay lại», each time keeping her values
		browser.type(NOMINEE, "Nguyễn Thị Lan");
		browser.script("document.activeElement.blur()");
		new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();
		answer(false);
		new Actions(browser.driver()).moveToLocation(3, innerHeight() / 2).click().perform();
		answer(false);
		footerButton("Đóng").click();
		answer(false);
		footerButton("Quay lại").click();
		answer(false);

		// then
		assertThat(browser.value(NOMINEE)).isEqualTo("Nguyễn Thị Lan");
		screenshot("06-dialog-kept");

		// when: «Đóng», and she agrees
		footerButton("Đóng").click();
		answer(true);

		// then
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

		// when: a start form nothing was typed into: Esc closes it without a question
		openStartForm();
		new Actions(browser.driver()).sendKeys(Keys.ESCAPE).perform();

		// then
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
		assertNoQuestion();
		screenshot("07-closed");
	}

	private void open(int width) {
		this.width = width;
		browser = Browser.open("http://localhost:" + port);
		if (width < 500) {
			((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setDeviceMetricsOverride",
					Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
		}
		browser.go("/camunda/app/tasklist/default/");
		browser.fillLogin("head1", "demo");
		browser.waitFor(By.partialLinkText(TasklistFilters.CHAPTER_TASKS));
	}

	private void openStartForm() {
		// on a phone the header's links sit behind its menu button
		List<WebElement> menu = browser.visible(By.cssSelector("[cam-widget-header] button.navbar-toggle"));
		if (!menu.isEmpty() && browser.visible(By.partialLinkText("Bắt đầu quy trình")).isEmpty()) {
			menu.get(0).click();
		}
		browser.openStartForm(NOMINATION);
		browser.field(NOMINEE);
	}

	/** form-js labels whose text is cut (wider than their box) or that reach beyond the screen. */
	private List<?> cutLabels() {
		return (List<?>) browser.script("""
				return Array.from(document.querySelectorAll('.modal .fjs-form-field-label'))
				  .filter(l => l.offsetParent !== null)
				  .filter(l => l.scrollWidth > l.clientWidth + 1 || l.getBoundingClientRect().right > window.innerWidth)
				  .map(l => l.textContent.trim());""");
	}

	private WebElement label(String text) {
		return browser.waitFor(By.xpath("//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(), "
				+ Browser.xpathLiteral(text) + ")]"));
	}

	private double lineHeight(WebElement element) {
		return Double.parseDouble(((String) browser.script("return getComputedStyle(arguments[0]).lineHeight", element))
			.replace("px", ""));
	}

	private WebElement footerButton(String text) {
		return browser.waitFor(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()="
				+ Browser.xpathLiteral(text) + "]"));
	}

	/** The question is asked (our dialog, in Vietnamese); she answers it. */
	private void answer(boolean discard) {
		WebElement question = browser.waitFor(By.cssSelector(".thidua-discard-question"));
		assertThat(question.getText()).startsWith(QUESTION).contains("Tiếp tục nhập", "Bỏ thông tin");
		if (!asked) {
			screenshot("05-question");
			asked = true;
		}
		browser.click(question.findElement(By.cssSelector(discard ? ".thidua-discard-discard" : ".thidua-discard-keep")));
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".thidua-discard-question")));
		if (!discard) {
			assertThat(browser.visible(By.cssSelector(".modal-dialog"))).as("start dialog kept").isNotEmpty();
		}
	}

	private void assertNoQuestion() {
		assertThat(browser.visible(By.cssSelector(".thidua-discard-question"))).as("question asked").isEmpty();
	}

	private double top(By locator) {
		return ((Number) browser.script("return arguments[0].getBoundingClientRect().top",
				browser.driver().findElement(locator))).doubleValue();
	}

	private int innerHeight() {
		return ((Number) browser.script("return window.innerHeight")).intValue();
	}

	private void screenshot(String step) {
		browser.screenshot("phone-" + width + "-" + step);
	}

}
