package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.rollout.ProgrammeDates;
import vn.thidua.support.IntegrationTest;

/**
 * Scenario 2 of issue 6: the year's programme and its rollout in chapter 1, every step of board1,
 * the chair, head1 and cell1 done in Tasklist (programme drafted, returned, revised, approved,
 * commented, concluded; report to the Party cell and its guidance; work items registered and
 * acknowledged; mid-year and year-end reports; ratings confirmed). Timers run through the engine;
 * the other five chapters' tasks are completed through the engine API to move the plan on.
 */
@IntegrationTest
class RolloutBrowserTest extends BrowserScenario {

	static final String THEME = "Năm chỉnh trang đô thị, chăm lo đời sống hội viên phụ nữ";

	static final String RETURN_REASON = "Bổ sung chỉ tiêu về chuyển đổi số trong trọng tâm chỉ đạo.";

	static final String WORK_ITEM = "Mô hình “Tiết kiệm vì phụ nữ nghèo” tổ dân phố 3";

	static final String SECOND_WORK_ITEM = "Phần việc “Hỗ trợ hội viên khởi nghiệp”";

	/** Next year's programme, submitted today. */
	static final ProgrammeDates DATES = ProgrammeDates.nextYear();

	static final String YEAR = String.valueOf(DATES.year());

	static final String WORK_ITEMS_JSON = """
			[{"name":"Mô hình tiết kiệm của chi hội","target":"20 hội viên tham gia",
			  "successMeasure":"Quỹ đạt 20 triệu đồng","deadline":"%s"}]""".formatted(DATES.workItemDeadline());

	@Autowired
	HistoryService historyService;

	@Test
	void shouldRollTheProgrammeOutToChapterOneThroughTasklist() {
		// board1 drafts the programme through the start form
		browser.login("board1", "demo");
		browser.openStartForm("Triển khai chương trình công tác và phát động thi đua năm");
		RenderedForms.assertRendered(browser, "plan-rollout-start", "rollout-01-board1-start-form");
		// the number field last among the typed ones: its debounced change re-rendered the form and
		// emptied a text field typed right after it (form-js 1.8.7)
		browser.type("Chủ đề năm", THEME)
			.type("Trọng tâm chỉ đạo", "Thực hiện Nghị quyết Đại hội phụ nữ các cấp; đổi mới phương thức hoạt động.")
			.type("Kế hoạch thực hiện nhiệm vụ công tác", "Tuyên truyền, giáo dục; chăm lo hội viên; giám sát bình đẳng giới.")
			.type("Kế hoạch phát động phong trào thi đua", "Phát động thi đua “Phụ nữ tích cực học tập, lao động sáng tạo”.")
			.type("Các đợt thi đua, hoạt động (ví dụ: “Mừng Đảng – Mừng Xuân”)", "Mừng Đảng – Mừng Xuân " + YEAR)
			.type("Năm", YEAR)
			.date("Hạn góp ý chương trình", ProgrammeDates.today().minusDays(1))
			.date("Hạn đăng ký mô hình, phần việc", DATES.registrationDeadline())
			.date("Ngày báo cáo sơ kết (tháng 7)", DATES.midYearReportDate())
			.date("Ngày báo cáo tổng kết (tháng 12)", DATES.yearEndReportDate());
		// a conference deadline already past is refused beside «Bắt đầu»; with a later one it starts
		WebElement start = browser.waitFor(By.xpath("//div[contains(@class,'modal-dialog')]//button[normalize-space()='Bắt đầu']"));
		browser.clickStart();
		Refusals.beside(browser, start, "«Hạn góp ý chương trình» đã qua", "rollout-02-board1-past-deadline-refused");
		assertThat(browser.field("Hạn góp ý chương trình").getText()).contains("đã qua");
		browser.date("Hạn góp ý chương trình", DATES.conferenceDeadline());
		browser.fullScreenshot("rollout-02-board1-start-form-filled");
		browser.startProcess();
		ProcessInstance plan = await().atMost(SLOW)
			.until(() -> runtimeService.createProcessInstanceQuery()
				.processDefinitionKey("PlanRollout")
				.variableValueEquals("theme", THEME)
				.singleResult(), p -> p != null);
		String pid = plan.getId();
		awaitTask(pid, "Task_ChairApproveProgramme");

		// the chair returns it; board1 revises; the chair approves
		as("chair", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Chủ tịch duyệt chương trình", THEME).claimIfOffered();
		RenderedForms.assertRendered(browser, "programme-approve", "rollout-03-chair-approve");
		browser.choose("Quyết định", "Trả lại để sửa").type("Lý do trả lại", RETURN_REASON);
		browser.completeTask();
		awaitTask(pid, "Task_BoardReviseProgramme");

		as("board1", TasklistFilters.BOARD_TASKS);
		browser.openTask("Ban Thường vụ sửa chương trình", THEME).claimIfOffered();
		RenderedForms.assertRendered(browser, "programme-revise", "rollout-04-board1-revise");
		assertThat(browser.value("Lý do trả lại")).isEqualTo(RETURN_REASON);
		browser.type("Trọng tâm chỉ đạo", "Thực hiện Nghị quyết Đại hội phụ nữ các cấp; chuyển đổi số trong hoạt động Hội.");
		browser.completeTask();
		awaitTask(pid, "Task_ChairApproveProgramme");

		as("chair", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Chủ tịch duyệt chương trình", THEME).claimIfOffered();
		RenderedForms.assertRendered(browser, "programme-approve", "rollout-05-chair-approve-again");
		browser.choose("Quyết định", "Duyệt, đưa ra hội nghị góp ý");
		browser.completeTask();
		awaitTask(pid, "Task_CommentProgramme");

		// head1 comments in the conference; its deadline passes (engine)
		as("head1", TasklistFilters.MY_TASKS);
		browser.openTask("Góp ý chương trình", THEME);
		RenderedForms.assertRendered(browser, "programme-comment", "rollout-06-head1-comment");
		browser.type("Ý kiến góp ý của đồng chí", "Đề nghị thêm chỉ tiêu hỗ trợ hội viên khởi nghiệp ở tổ dân phố 3.");
		browser.completeTask();
		fireTimer(pid, "BoundaryEvent_ConferenceDeadline");
		awaitTask(pid, "Task_ChairConclude");

		// the chair concludes: the chapters start
		as("chair", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Chủ tịch kết luận hội nghị", THEME).claimIfOffered();
		RenderedForms.assertRendered(browser, "programme-conclude", "rollout-07-chair-conclude");
		assertThat(browser.value("Các ý kiến góp ý")).contains("khởi nghiệp");
		browser.type("Kết luận của Chủ tịch Hội", "Thống nhất triển khai; tiếp thu ý kiến về hỗ trợ khởi nghiệp.");
		browser.completeTask();

		List<ProcessInstance> chapters = await().atMost(SLOW)
			.until(() -> runtimeService.createProcessInstanceQuery()
				.processDefinitionKey("ChapterRollout")
				.rootProcessInstanceId(pid)
				.list(), l -> l.size() == 6);
		ProcessInstance chapter1 = chapters.stream()
			.filter(c -> "bode-ch01".equals(runtimeService.getVariable(c.getId(), "chapterGroup")))
			.findFirst()
			.orElseThrow();
		String chapterName = (String) runtimeService.getVariable(chapter1.getId(), "chapterName");
		ProcessInstance cellReport = await().atMost(SLOW)
			.until(() -> runtimeService.createProcessInstanceQuery().superProcessInstanceId(chapter1.getId()).singleResult(),
					p -> p != null);
		awaitTask(cellReport.getId(), "Task_WriteCellReport");

		// head1 reports to the Party cell; cell1 gives guidance
		as("head1", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Viết báo cáo, xin ý kiến chỉ đạo", chapterName).claimIfOffered();
		RenderedForms.assertRendered(browser, "cell-report-write", "rollout-08-head1-cell-report");
		browser.type("Báo cáo của chi hội", "Chi hội đã phổ biến chương trình năm " + YEAR + " tới 100% tổ phụ nữ.")
			.type("Nội dung xin ý kiến chỉ đạo", "Xin ý kiến về mô hình tiết kiệm ở tổ dân phố 3.");
		browser.completeTask();
		awaitTask(cellReport.getId(), "Task_GiveGuidance");

		as("cell1", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Chi bộ cho ý kiến chỉ đạo", chapterName).claimIfOffered();
		RenderedForms.assertRendered(browser, "cell-report-guidance", "rollout-09-cell1-guidance");
		assertThat(browser.value("Báo cáo của chi hội")).contains("100% tổ phụ nữ");
		browser.choose("Ý kiến của chi bộ", "Đồng ý, cho ý kiến chỉ đạo")
			.type("Ý kiến chỉ đạo", "Đồng ý; chú trọng hội viên trẻ và hộ khó khăn.");
		browser.fullScreenshot("rollout-10-cell1-guidance-filled");
		browser.completeTask();
		awaitTask(chapter1.getId(), "Task_RegisterWorkItems");

		// head1 registers a work item (dynamic list); board1 acknowledges them
		as("head1", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Đăng ký mô hình, phần việc", chapterName).claimIfOffered();
		RenderedForms.assertRendered(browser, "work-items-register", "rollout-11-head1-work-items");
		browser.type("Tên mô hình, phần việc", 0, WORK_ITEM)
			.type("Chỉ tiêu", 0, "25 hội viên tham gia")
			.type("Thước đo kết quả", 0, "Quỹ tiết kiệm đạt 30 triệu đồng")
			.date("Thời hạn", 0, DATES.workItemDeadline())
			.addListItem("Tên mô hình, phần việc")
			.type("Tên mô hình, phần việc", 1, SECOND_WORK_ITEM)
			.type("Chỉ tiêu", 1, "10 hộ hội viên được hỗ trợ")
			.type("Thước đo kết quả", 1, "10 hộ có thu nhập tăng")
			.date("Thời hạn", 1, LocalDate.of(DATES.year(), 9, 30));
		browser.fullScreenshot("rollout-12-head1-work-items-filled");
		browser.completeTask();
		awaitTask(chapter1.getId(), "Task_BoardAcknowledgeWorkItems");

		as("board1", TasklistFilters.BOARD_TASKS);
		browser.openTask("Ban Thường vụ ghi nhận đăng ký", WORK_ITEM).claimIfOffered();
		RenderedForms.assertRendered(browser, "work-items-acknowledge", "rollout-13-board1-acknowledge");
		assertThat(browser.taskPaneText()).contains(WORK_ITEM, "25 hội viên tham gia", SECOND_WORK_ITEM, DATES.workItemDeadline().toString());
		browser.choose("Ý kiến của Ban Thường vụ", "Ghi nhận");
		browser.completeTask();

		// mid-year and year-end reports of chapter 1
		fireTimer(chapter1.getId(), "TimerEvent_MidYearDate");
		awaitTask(chapter1.getId(), "Task_MidYearReport");
		as("head1", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Báo cáo sơ kết 6 tháng", WORK_ITEM).claimIfOffered();
		RenderedForms.assertRendered(browser, "mid-year-report", "rollout-14-head1-mid-year");
		browser.type("Báo cáo sơ kết", "Hoàn thành 60% chỉ tiêu; quỹ tiết kiệm đạt 18 triệu đồng.");
		browser.completeTask();

		fireTimer(chapter1.getId(), "TimerEvent_YearEndDate");
		awaitTask(chapter1.getId(), "Task_YearEndReport");
		browser.openFilter(TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Báo cáo tổng kết, tự xếp loại", WORK_ITEM).claimIfOffered();
		RenderedForms.assertRendered(browser, "year-end-report", "rollout-15-head1-year-end");
		assertThat(browser.value("Báo cáo sơ kết đã gửi")).contains("60% chỉ tiêu");
		browser.type("Báo cáo tổng kết", "Hoàn thành vượt các chỉ tiêu đã đăng ký.")
			.select("Chi hội tự xếp loại", "Vững mạnh")
			.type("Họ và tên", 0, "Trần Thị Mai")
			.type("Thành tích nổi bật", 0, "Vận động 15 hội viên tham gia tổ tiết kiệm.");
		browser.fullScreenshot("rollout-16-head1-year-end-filled");
		browser.completeTask();

		// the other chapters finish their year through the engine
		chapters.stream().filter(c -> !c.getId().equals(chapter1.getId())).forEach(this::finishChapterThroughEngine);
		awaitTask(pid, "Task_BoardConfirmRatings");

		// board1 confirms the ratings
		as("board1", TasklistFilters.BOARD_TASKS);
		browser.openTask("Ban Thường vụ xác nhận xếp loại", chapterName).claimIfOffered();
		RenderedForms.assertRendered(browser, "ratings-confirm", "rollout-17-board1-ratings");
		assertThat(browser.taskPaneText()).contains("Vững mạnh");
		browser.type("Nhận xét của Ban Thường vụ", "Các chi hội hoàn thành tốt chương trình năm " + YEAR + ".")
			.tick("Ban Thường vụ xác nhận kết quả xếp loại");
		browser.completeTask();

		await().atMost(SLOW)
			.until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(pid).finished().count() == 1);
	}

	private void finishChapterThroughEngine(ProcessInstance chapter) {
		ProcessInstance report = await().atMost(SLOW)
			.until(() -> runtimeService.createProcessInstanceQuery().superProcessInstanceId(chapter.getId()).singleResult(),
					p -> p != null);
		complete(report.getId(), "Task_WriteCellReport",
				Map.of("cellReport", "Chi hội đã phổ biến chương trình.", "guidanceRequest", "Xin ý kiến chỉ đạo."));
		complete(report.getId(), "Task_GiveGuidance",
				Map.of("guidanceDecision", "agreed", "guidance", "Đồng ý."));
		complete(chapter.getId(), "Task_RegisterWorkItems",
				Variables.createVariables().putValueTyped("workItems", SpinValues.jsonValue(WORK_ITEMS_JSON).create()));
		complete(chapter.getId(), "Task_BoardAcknowledgeWorkItems", Map.of("workItemsDecision", "acknowledge"));
		fireTimer(chapter.getId(), "TimerEvent_MidYearDate");
		complete(chapter.getId(), "Task_MidYearReport", Map.of("midYearReport", "Hoàn thành 50% chỉ tiêu."));
		fireTimer(chapter.getId(), "TimerEvent_YearEndDate");
		complete(chapter.getId(), "Task_YearEndReport",
				Map.of("yearEndReport", "Hoàn thành các chỉ tiêu.", "selfRating", "Khá"));
	}

	private void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
		awaitTask(processInstanceId, taskKey);
		Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
		taskService.complete(task.getId(), variables);
	}

}
