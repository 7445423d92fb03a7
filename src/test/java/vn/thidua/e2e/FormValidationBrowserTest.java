package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.support.IntegrationTest;

/**
 * Scenario 3 of issue 6: form-js refuses a form with a required field left empty (start form and
 * task form) and nothing is started or completed; a chapter head sees no task of another chapter
 * in any of her filters.
 */
@IntegrationTest
class FormValidationBrowserTest extends BrowserScenario {

	static final String PROCESS = "Chi hội báo cáo, xin ý kiến chỉ đạo của chi bộ";

	static final String TOPIC = "Xin ý kiến về tổ chức “Ngày hội phụ nữ khởi nghiệp” ở tổ dân phố 5";

	static final String WRITE_TASK = "Viết báo cáo, xin ý kiến chỉ đạo";

	/** form-js 1.8.7's message for an empty required field (English: form-js has no Vietnamese). */
	static final String REQUIRED = "Trường này bắt buộc.";

	@Test
	void shouldRefuseEmptyRequiredFieldsAndKeepChaptersApart() {
		long reportsBefore = reports();

		// head1 tries to start a Party cell report without its topic
		browser.login("head1", "demo");
		browser.openStartForm(PROCESS);
		RenderedForms.assertRendered(browser, "cell-report-start", "validation-01-head1-start-form");
		browser.clickStart();
		browser.waiting().withMessage(() -> "form-js's message under the empty field; the page shows: "
				+ browser.visibleText()).until(d -> browser.fieldErrors().contains(REQUIRED));
		browser.fullScreenshot("validation-02-head1-start-form-required");
		assertThat(browser.field("Nội dung cần báo cáo").getText()).contains(REQUIRED);
		assertThat(browser.visibleText()).doesNotContain("Đã bắt đầu quy trình.");
		assertThat(reports()).as("no process started").isEqualTo(reportsBefore);

		// with the topic, it starts
		browser.type("Nội dung cần báo cáo", TOPIC);
		browser.startProcess();
		ProcessInstance report = await().atMost(SLOW)
			.until(() -> runtimeService.createProcessInstanceQuery()
				.processDefinitionKey("ChapterPartyCellReport")
				.variableValueEquals("reportTopic", TOPIC)
				.singleResult(), p -> p != null);
		awaitTask(report.getId(), "Task_WriteCellReport");

		// the task form with its required fields empty: refused, the task stays open
		browser.openFilter(TasklistFilters.CHAPTER_TASKS);
		browser.openTask(WRITE_TASK, TOPIC).claimIfOffered();
		RenderedForms.assertRendered(browser, "cell-report-write", "validation-03-head1-write-form");
		browser.type("Báo cáo của chi hội", "Chi hội đã chuẩn bị kế hoạch tổ chức ngày hội.");
		browser.clickComplete();
		browser.waiting().until(d -> browser.fieldErrors().contains(REQUIRED));
		browser.fullScreenshot("validation-04-head1-write-form-required");
		assertThat(browser.field("Nội dung xin ý kiến chỉ đạo").getText()).contains(REQUIRED);
		assertThat(browser.fieldErrors()).hasSize(1);
		assertThat(browser.visibleText()).doesNotContain("Công việc đã hoàn thành.");
		assertThat(taskService.createTaskQuery().processInstanceId(report.getId()).taskDefinitionKey("Task_WriteCellReport")
			.count()).as("the task is still open").isEqualTo(1);

		// head2 (chapter 2) sees it in none of her filters
		browser.switchUser("head2", "demo");
		List<String> filters = browser.visible(By.cssSelector(".task-filter h4 a"))
			.stream()
			.map(WebElement::getText)
			.map(t -> t.replaceAll("\\s*\\(?\\d+\\)?$", "").trim())
			.toList();
		assertThat(filters).contains(TasklistFilters.MY_TASKS, TasklistFilters.CHAPTER_TASKS)
			.doesNotContain(TasklistFilters.BOARD_TASKS, TasklistFilters.COUNCIL_TASKS);
		for (String filter : filters) {
			browser.openFilter(filter);
			browser.fullScreenshot("validation-05-head2-" + (filters.indexOf(filter) + 1));
			assertThat(browser.taskListText()).as("head2's filter %s", filter).doesNotContain(TOPIC);
			browser.assertNoTaskShows(WRITE_TASK, TOPIC);
		}

		// while head1 does see it
		browser.switchUser("head1", "demo");
		browser.openFilter(TasklistFilters.CHAPTER_TASKS);
		browser.openTask(WRITE_TASK, TOPIC);
	}

	private long reports() {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey("ChapterPartyCellReport").count();
	}

}
