package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import vn.thidua.organisation.TasklistFilters;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;

/**
 * Scenario 1 of issue 6: a nomination from the chapter's start form to the award register, every
 * step done by its person in Tasklist (head1, board1, the five council members, the chair); only
 * the disclosure period's timer is run through the engine.
 */
@IntegrationTest
class NominationBrowserTest extends BrowserScenario {

	static final String NOMINEE = "Nguyễn Thị Hồng Nhung";

	static final String RETURN_REASON = "Báo cáo thành tích chưa nêu số hộ được giúp đỡ; đề nghị bổ sung số liệu cụ thể.";

	static final String REVISED_REPORT = "Vận động 25 hội viên tham gia tổ tiết kiệm; giúp 12 hộ phụ nữ nghèo vay vốn "
			+ "không lãi, 3 hộ đã thoát nghèo trong năm.";

	@Test
	void shouldTakeANominationFromTheChapterToTheAwardRegister() {
		int year = LocalDate.now().getYear();

		// head1 starts the nomination from "Bắt đầu quy trình"
		browser.login("head1", "demo");
		browser.openStartForm("Đề nghị khen thưởng");
		RenderedForms.assertRendered(browser, "nomination-start", "nomination-01-head1-start-form");
		browser.choose("Đối tượng được đề nghị", "Cá nhân")
			.type("Họ tên cá nhân / tên tập thể được đề nghị", NOMINEE)
			.type("Năm thi đua", String.valueOf(year))
			.select("Hình thức khen thưởng đề nghị", "Giấy khen của Chủ tịch Hội LHPN phường")
			.type("Báo cáo thành tích", "Vận động hội viên tham gia tổ tiết kiệm, giúp đỡ hộ phụ nữ nghèo.")
			.date("Ngày họp bình xét của chi hội", LocalDate.now().minusDays(7))
			.tick("Cuộc họp bình xét của chi hội đã đồng ý đề nghị (có biên bản bình xét)")
			.tick("Tôi cam đoan người/tập thể được đề nghị không bị kỷ luật, không đang bị điều tra, khiếu nại, tố cáo");
		browser.fullScreenshot("nomination-02-head1-start-form-filled");
		browser.startProcess();
		browser.screenshot("nomination-03-head1-started");
		ProcessInstance nomination = await().atMost(SLOW)
			.until(() -> runtimeService.createProcessInstanceQuery()
				.processDefinitionKey("CommendationNomination")
				.variableValueEquals("nomineeName", NOMINEE)
				.singleResult(), p -> p != null);
		String pid = nomination.getId();
		awaitTask(pid, "Task_BoardReview");

		// board1 returns it with a reason
		as("board1", TasklistFilters.BOARD_TASKS);
		browser.openTask("Ban Thường vụ xét đề nghị", NOMINEE).claimIfOffered();
		RenderedForms.assertRendered(browser, "nomination-board-review", "nomination-04-board1-review");
		assertThat(browser.value("Họ tên cá nhân / tên tập thể")).isEqualTo(NOMINEE);
		browser.choose("Ý kiến của Ban Thường vụ", "Trả lại để chi hội bổ sung, sửa")
			.type("Lý do (bắt buộc khi trả lại hoặc không đồng ý)", RETURN_REASON);
		browser.fullScreenshot("nomination-05-board1-return-filled");
		browser.completeTask();
		awaitTask(pid, "Task_ReviseNomination");

		// head1 reads the reason, revises and resubmits
		as("head1", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Chi hội bổ sung, sửa hồ sơ", NOMINEE).claimIfOffered();
		RenderedForms.assertRendered(browser, "nomination-revise", "nomination-06-head1-revise");
		assertThat(browser.value("Lý do Ban Thường vụ trả lại")).isEqualTo(RETURN_REASON);
		assertThat(browser.value("Họ tên cá nhân / tên tập thể được đề nghị")).isEqualTo(NOMINEE);
		browser.type("Báo cáo thành tích", REVISED_REPORT);
		browser.fullScreenshot("nomination-07-head1-revised");
		browser.completeTask();
		awaitTask(pid, "Task_BoardReview");

		// board1 approves: the shortlist is published
		as("board1", TasklistFilters.BOARD_TASKS);
		browser.openTask("Ban Thường vụ xét đề nghị", NOMINEE).claimIfOffered();
		RenderedForms.assertRendered(browser, "nomination-board-review", "nomination-08-board1-review-again");
		assertThat(browser.value("Báo cáo thành tích")).isEqualTo(REVISED_REPORT);
		browser.choose("Ý kiến của Ban Thường vụ", "Đồng ý, đưa ra công khai");
		browser.completeTask();

		// the disclosure period ends (run through the engine)
		fireTimer(pid, "TimerEvent_DisclosureEnded");
		awaitTask(pid, "Task_CouncilVote");

		// the five council members vote, each logged in
		for (String member : List.of("council1", "council2", "council3", "council4", "council5")) {
			as(member, TasklistFilters.MY_TASKS);
			browser.openTask("Bỏ phiếu kín của thành viên Hội đồng", NOMINEE);
			RenderedForms.assertRendered(browser, "council-vote", "nomination-09-" + member + "-vote");
			assertThat(browser.value("Hình thức khen thưởng đề nghị")).isEqualTo("Giấy khen của Chủ tịch Hội LHPN phường");
			browser.choose("Phiếu của tôi", "Tán thành")
				.type("Ý kiến kèm phiếu (không bắt buộc)", "Thành tích rõ ràng, tiêu biểu của chi hội.");
			browser.completeTask();
		}
		awaitTask(pid, "Task_SignDecision");

		// the chair signs
		as("chair", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Chủ tịch ký quyết định khen thưởng", NOMINEE).claimIfOffered();
		RenderedForms.assertRendered(browser, "sign-decision", "nomination-10-chair-sign");
		assertThat(browser.value("Số phiếu tán thành")).isEqualTo("5");
		browser.type("Số quyết định", "27/QĐ-HLHPN").date("Ngày ký quyết định", LocalDate.now().minusDays(1));
		browser.fullScreenshot("nomination-11-chair-sign-filled");
		browser.completeTask();
		browser.screenshot("nomination-12-chair-signed");

		// then: the award is in the register, and head1 got the outcome mail through SMTP
		Http http = new Http(port);
		await().atMost(SLOW)
			.untilAsserted(() -> assertThat(http.get("chair", "/api/awards?year=" + year).body()).contains(NOMINEE,
					"27/QĐ-HLHPN"));
		await().atMost(SLOW)
			.untilAsserted(() -> assertThat(subjectsTo("head1@example.org"))
				.anySatisfy(s -> assertThat(s).startsWith("[Thi đua]").contains("27/QĐ-HLHPN")));
	}

}
