package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.thidua.dossier.DossierFixtures;
import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.rollout.ProgrammeDates;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.NominationForms;

/**
 * Issue 20: a refusal of the server (400, the Vietnamese sentence alone) shows beside the button the
 * person pressed, in view, and on the field it names, never in Tasklist's notification bar: at 1366 px
 * and at 390 px, in the start dialog (a review meeting dated tomorrow), in the task pane
 * (the dossier still incomplete; the board's return without a reason), and in the rollout's start
 * dialog (a conference deadline already past).
 */
@IntegrationTest
class RefusalPlacementBrowserTest extends BrowserScenario {

	static final String MEETING_IN_THE_FUTURE = "Ngày họp bình xét không thể ở tương lai.";

	static final String DOSSIER_MISSING = "Hồ sơ còn thiếu";

	static final String RETURN_REASON_REQUIRED = "Cần ghi lý do trả lại hồ sơ để chi hội bổ sung.";

	@Autowired
	ApplicationContext context;

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 1366, 390 })
	void shouldShowEachRefusalBesideTheButtonPressed(int width) {
		String nominee = "Trần Thị Refusal " + width;

		// given: head1 fills in a nomination whose review meeting is dated tomorrow (the form cannot know
		// today; the award is offered by nominee type, so a wrong one can no longer be picked)
		browser.login("head1", "demo");
		narrow(width);
		// on a phone the header's links sit behind its menu button
		List<WebElement> menu = browser.visible(By.cssSelector("[cam-widget-header] button.navbar-toggle"));
		if (!menu.isEmpty() && browser.visible(By.partialLinkText("Bắt đầu quy trình")).isEmpty()) {
			menu.get(0).click();
		}
		browser.openStartForm("Đề nghị khen thưởng");
		browser.choose("Đối tượng được đề nghị", "Cá nhân")
			.type("Họ tên cá nhân / tên tập thể được đề nghị", nominee)
			.select("Hình thức khen thưởng đề nghị", "Giấy khen của Chủ tịch Hội LHPN phường")
			.type("Báo cáo thành tích", "Vận động hội viên tham gia tổ tiết kiệm.")
			.date("Ngày họp bình xét của chi hội", vn.thidua.rollout.ProgrammeDates.today().plusDays(2))
			.tick("Cuộc họp bình xét của chi hội đã đồng ý đề nghị (có biên bản bình xét)")
			.tick("Tôi cam đoan người/tập thể được đề nghị không bị kỷ luật, không đang bị điều tra, khiếu nại, tố cáo");

		// when: she presses «Bắt đầu»
		WebElement start = browser.waitFor(By.xpath("//div[contains(@class,'modal-dialog')]//button[normalize-space()='Bắt đầu']"));
		browser.clickStart();

		// then: the sentence beside «Bắt đầu», and under the meeting date's field; no notification bar
		WebElement refusal = refusalBeside(start, MEETING_IN_THE_FUTURE, "refusal-" + width + "-01-start-meeting-date");
		assertThat(browser.field("Ngày họp bình xét của chi hội").getText()).contains(MEETING_IN_THE_FUTURE);
		assertThat(refusal.getText()).isEqualTo(MEETING_IN_THE_FUTURE);

		// given: a nomination of hers waiting for its dossier
		Http http = new Http(port);
		Http.Reply started = http.post("head1", "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				NominationForms.form(NominationForms.nomination(nominee, "GK_HOI_PHUONG")));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pid = started.json().get("id").asText();
		awaitTask(pid, "Task_CompleteDossier");

		// when: she sends it without the documents
		as("head1", TasklistFilters.MY_TASKS);
		narrow(width);
		browser.openTask("Hoàn thiện hồ sơ, gửi Ban Thường vụ", nominee);
		WebElement complete = completeButton();
		browser.clickComplete();

		// then
		refusalBeside(complete, DOSSIER_MISSING, "refusal-" + width + "-02-dossier-incomplete");

		// given: the documents, and the nomination before the board
		DossierFixtures.attachRequired(context, pid, "head1");
		String dossierTask = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_CompleteDossier")
			.singleResult().getId();
		assertThat(http.post("head1", "/engine-rest/task/" + dossierTask + "/submit-form", Map.of("variables", Map.of()))
			.status()).isEqualTo(204);
		awaitTask(pid, "Task_BoardReview");

		// when: board1 returns it without a reason
		as("board1", TasklistFilters.BOARD_TASKS);
		narrow(width);
		browser.openTask("Ban Thường vụ xét đề nghị", nominee).claimIfOffered();
		browser.choose("Ý kiến của Ban Thường vụ", "Trả lại để chi hội bổ sung, sửa");
		complete = completeButton();
		browser.clickComplete();

		// then
		refusalBeside(complete, RETURN_REASON_REQUIRED, "refusal-" + width + "-03-board-return-without-reason");
		assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_BoardReview").count())
			.as("the task is still open").isEqualTo(1);
		runtimeService.deleteProcessInstance(pid, "Kết thúc kiểm thử");

		// when: board1 drafts next year's programme with a conference deadline already past
		ProgrammeDates dates = ProgrammeDates.nextYear();
		narrow(width);
		openMenu();
		browser.openStartForm("Triển khai chương trình công tác và phát động thi đua năm");
		browser.type("Chủ đề năm", "Chủ đề " + width)
			.type("Trọng tâm chỉ đạo", "Đổi mới phương thức hoạt động.")
			.type("Kế hoạch thực hiện nhiệm vụ công tác", "Chăm lo hội viên.")
			.type("Kế hoạch phát động phong trào thi đua", "Phát động thi đua.")
			.type("Năm", String.valueOf(dates.year()))
			.date("Hạn góp ý chương trình", ProgrammeDates.today().minusDays(1))
			.date("Hạn đăng ký mô hình, phần việc", dates.registrationDeadline())
			.date("Ngày báo cáo sơ kết (tháng 7)", dates.midYearReportDate())
			.date("Ngày báo cáo tổng kết (tháng 12)", dates.yearEndReportDate());
		start = browser.waitFor(By.xpath("//div[contains(@class,'modal-dialog')]//button[normalize-space()='Bắt đầu']"));
		browser.clickStart();

		// then: refused beside «Bắt đầu» and on the date's field; nothing started
		refusalBeside(start, "«Hạn góp ý chương trình» đã qua", "refusal-" + width + "-04-rollout-past-deadline");
		assertThat(browser.field("Hạn góp ý chương trình").getText()).contains("đã qua");
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("PlanRollout")
			.variableValueEquals("theme", "Chủ đề " + width).count()).isZero();
	}

	/** On a phone the header's links sit behind its menu button. */
	private void openMenu() {
		List<WebElement> menu = browser.visible(By.cssSelector("[cam-widget-header] button.navbar-toggle"));
		if (!menu.isEmpty() && browser.visible(By.partialLinkText("Bắt đầu quy trình")).isEmpty()) {
			menu.get(0).click();
		}
	}

	/** Tasklist's header folds its account menu below 768 px: log in wide, then look at {@code width}. */
	private void narrow(int width) {
		browser.driver().manage().window().setSize(new Dimension(width, width > 800 ? 900 : 844));
	}

	/** Before a user switch: wide again, so the login waits for the header's account menu. */
	@Override
	void as(String user, String filter) {
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		super.as(user, filter);
	}

	private WebElement completeButton() {
		return browser.waitFor(By.xpath("//button[normalize-space()='Hoàn thành']"));
	}

	private WebElement refusalBeside(WebElement button, String sentence, String screenshot) {
		return Refusals.beside(browser, button, sentence, screenshot);
	}

}
