package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.NominationForms;

/**
 * Issue 20's page-text check: every page a ward user opens (Tasklist's lists, a task with its diagram,
 * the start dialog and a start form, the sorting and search choices, the application's pages, an error
 * page) as head1, board1 and the chair, at 1366 px, shows none of the English or technical words ward
 * users met, nor «Tạo công việc» or the ↗ link to Cockpit, which they may not use.
 */
@IntegrationTest
class WardPagesTextBrowserTest extends BrowserScenario {

	/** Words of issue 20 that no ward user may read (case-sensitive where the word is a code). */
	static final List<Pattern> FORBIDDEN = List.of(Pattern.compile("Whitelabel"), Pattern.compile("(?i)tenant"),
			Pattern.compile("CMMN"), Pattern.compile("lượt thực hiện hồ sơ"), Pattern.compile("Gateway_"), Pattern.compile("Task_"), Pattern.compile("ENGINE-"),
			Pattern.compile("Exception"), Pattern.compile("Asia/"), Pattern.compile("Cannot"),
			Pattern.compile("\\bPT\\d+[SMHD]\\b"), Pattern.compile("\\bP\\d+D\\b"), Pattern.compile("Tạo công việc"),
			Pattern.compile("\\bnull\\b"), Pattern.compile("\\bundefined\\b"), Pattern.compile("\\b(Error|Forbidden|Not Found)\\b"));

	static final List<String> PAGES = List.of("/cong-khai", "/so-khen-thuong", "/thong-ke", "/ho-so-cua-toi",
			"/khong-co-trang-nay");

	@Test
	void shouldShowWardUsersNoEnglishOrTechnicalWord() {
		// given: a nomination waiting for head1's dossier, so her lists hold a task
		Http http = new Http(port);
		Http.Reply started = http.post("head1", "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				NominationForms.form(NominationForms.nomination("Lê Thị Kiểm Tra Chữ", "GK_HOI_PHUONG")));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pid = started.json().get("id").asText();
		awaitTask(pid, "Task_CompleteDossier");

		Map<String, String> seen = new LinkedHashMap<>();
		for (String user : List.of("head1", "board1", "chair")) {
			// when: she goes through Tasklist and the pages
			browser.switchUser(user, "demo");
			read(seen, user, "lists");
			for (String filter : filters()) {
				browser.openFilter(filter);
				read(seen, user, "filter " + filter);
				List<WebElement> tasks = browser.visible(By.cssSelector(".tasks-list li .names a, .tasks-list li h4 a"));
				if (!tasks.isEmpty()) {
					browser.click(tasks.get(0));
					browser.form();
					read(seen, user, "task in " + filter);
					diagram(seen, user, filter);
					assertThat(browser.visible(By.cssSelector("a.instance-link"))).as("%s: the link to Cockpit", user).isEmpty();
				}
			}
			choices(seen, user);
			browser.waitFor(By.partialLinkText("Bắt đầu quy trình")).click();
			browser.waitForText("Đề nghị khen thưởng");
			read(seen, user, "start dialog");
			browser.click(browser.waitFor(By.xpath("//div[contains(@class,'modal-dialog')]//a[normalize-space()='Đề nghị khen thưởng']")));
			browser.form();
			read(seen, user, "start form");
			for (String page : PAGES) {
				browser.go(page);
				browser.waitFor(By.tagName("main"));
				read(seen, user, page);
			}
			browser.fullScreenshot("page-text-" + user + "-error-page");
		}

		// then
		List<String> found = new ArrayList<>();
		seen.forEach((where, text) -> FORBIDDEN.forEach(p -> {
			var m = p.matcher(text);
			while (m.find()) {
				found.add(where + ": «" + m.group() + "» in …"
						+ text.substring(Math.max(0, m.start() - 40), Math.min(text.length(), m.end() + 40)).replace('\n', ' ') + "…");
			}
		}));
		assertThat(found).as("English or technical words a ward user reads").isEmpty();
		assertThat(seen.get("head1 /khong-co-trang-nay")).contains("Không có địa chỉ hoặc dữ liệu này.");
		runtimeService.deleteProcessInstance(pid, "Kết thúc kiểm thử");
	}

	private List<String> filters() {
		browser.waitFor(By.cssSelector(".task-filter h4 a"));
		@SuppressWarnings("unchecked")
		List<String> names = (List<String>) browser.script(
				"return Array.from(document.querySelectorAll('.task-filter h4 a')).map(a => a.innerText)");
		return names.stream().map(t -> t.replaceAll("\\s*\\(?\\d+\\)?$", "").trim()).toList();
	}

	/** The sorting choices («+» beside the sorting) and the search's criteria, opened. */
	private void choices(Map<String, String> seen, String user) {
		List<WebElement> newSort = browser.visible(By.cssSelector(".new-sort .dropdown-toggle, .new-sort > a"));
		if (!newSort.isEmpty()) {
			browser.click(newSort.get(0));
			menuShown();
			read(seen, user, "sorting choices");
			browser.click(newSort.get(0));
		}
		List<WebElement> search = browser.visible(By.cssSelector("[cam-widget-search] input.main-field, .cam-widget-search input"));
		if (!search.isEmpty()) {
			browser.click(search.get(0));
			menuShown();
			read(seen, user, "search criteria");
		}
	}

	private void menuShown() {
		try {
			browser.waiting(java.time.Duration.ofSeconds(5))
				.until(d -> !browser.visible(By.cssSelector(".dropdown-menu li, .dropdown-menu a")).isEmpty());
		}
		catch (org.openqa.selenium.TimeoutException none) {
			// no choices drawn: nothing more to read
		}
	}

	/**
	 * The task's «Sơ đồ» tab: the diagram's labels (SVG text). The join gateways of
	 * CommendationNomination.bpmn still carry their ids as names (the lead's file, issue 18): that one
	 * known case is left out until it is merged.
	 */
	private void diagram(Map<String, String> seen, String user, String where) {
		List<WebElement> tab = browser.visible(By.xpath("//*[contains(@class,'task-details')]//a[normalize-space()='Sơ đồ']"));
		if (tab.isEmpty()) {
			return;
		}
		browser.click(tab.get(0));
		browser.waiting().until(d -> !browser.visible(By.cssSelector(".task-details .djs-container svg")).isEmpty());
		String labels = (String) browser.script(
				"return Array.from(document.querySelectorAll('.task-details .djs-container text')).map(t => t.textContent).join('\\n')");
		browser.screenshot("page-text-" + user + "-diagram");
		seen.put(user + " diagram of " + where, labels);
		List<WebElement> form = browser.visible(By.xpath("//*[contains(@class,'task-details')]//a[normalize-space()='Biểu mẫu']"));
		if (!form.isEmpty()) {
			browser.click(form.get(0));
		}
	}

	/** The page's visible text and the diagram's labels, if one shows, under {@code where}. */
	private void read(Map<String, String> seen, String user, String where) {
		String key = user + " " + where;
		browser.screenshot("page-text-" + key.replaceAll("[^\\p{L}\\d]+", "-"));
		String text = browser.visibleText();
		seen.put(key, text);
	}

}
