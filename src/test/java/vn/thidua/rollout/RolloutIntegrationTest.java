package vn.thidua.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.thidua.support.IntegrationTest;

/**
 * The rollout with the demo logins, on PostgreSQL, through {@code /engine-rest} with HTTP Basic the
 * way Tasklist calls it (deployed forms, form variables, claim, submit-form), and the board's
 * progress API. Each step names the people it concerns, so that the mail each of them receives can
 * be asserted at that step once the notification mechanism is merged.
 */
@IntegrationTest
class RolloutIntegrationTest extends RolloutOverRest {

	@Test
	void shouldRollOutTheProgrammeToEveryChapterAndShowTheBoardTheirRegistrations() throws Exception {
		// the board drafts the programme from Tasklist's start form
		assertThat(as("board1").get("/engine-rest/process-definition/key/PlanRollout/deployed-start-form").getBody())
			.contains("plan-rollout-start", "Hạn đăng ký mô hình, phần việc");
		Map<String, Object> programme = new LinkedHashMap<>();
		ProgrammeDates dates = ProgrammeDates.nextYear();
		programme.put("programmeYear", typed(dates.year(), "Long"));
		programme.put("theme", typed("Năm chỉnh trang đô thị, chăm lo đời sống người dân", "String"));
		programme.put("focusPoints", typed("Thực hiện Nghị quyết Đại hội\nĐổi mới phương thức hoạt động", "String"));
		programme.put("implementationPlan", typed("Kế hoạch thực hiện nhiệm vụ công tác năm " + dates.year(), "String"));
		programme.put("emulationPlan", typed("Kế hoạch phát động phong trào thi đua năm " + dates.year(), "String"));
		programme.put("campaigns", typed("Mừng Đảng – Mừng Xuân " + dates.year(), "String"));
		programme.put("conferenceDeadline", typed(dates.conferenceDeadline().toString(), "String"));
		programme.put("registrationDeadline", typed(dates.registrationDeadline().toString(), "String"));
		programme.put("midYearReportDate", typed(dates.midYearReportDate().toString(), "String"));
		programme.put("yearEndReportDate", typed(dates.yearEndReportDate().toString(), "String"));
		ResponseEntity<String> started = as("board1").post("/engine-rest/process-definition/key/PlanRollout/submit-form",
				Map.of("variables", programme));
		assertThat(started.getStatusCode().is2xxSuccessful()).as(started.getBody()).isTrue();
		String planId = json(started).get("id").asText();

		// the chair: a return without a reason is refused and the task stays open; then she approves
		String approval = onlyTask("chair", "Task_ChairApproveProgramme", planId);
		assertThat(formVariables("chair", approval).get("theme").get("value").asText()).startsWith("Năm chỉnh trang");
		claim("chair", approval);
		ResponseEntity<String> refused = submit("chair", approval, Map.of("programmeDecision", typed("return", "String")));
		assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(refused.getBody()).contains("Vui lòng nhập lý do trả lại");
		assertOk(submit("chair", approval, Map.of("programmeDecision", typed("approve", "String"))));

		// the conference: six chapter heads and the two board members comment (the source counts 8)
		for (String login : List.of("head1", "head2", "head3", "head4", "head5", "head6", "board1", "board2")) {
			String comment = onlyTask(login, "Task_CommentProgramme", planId);
			assertOk(submit(login, comment, Map.of("programmeComment", typed("Góp ý của " + login, "String"))));
		}

		// the chair sees every comment and concludes
		String conclude = onlyTask("chair", "Task_ChairConclude", planId);
		assertThat(formVariables("chair", conclude).get("conferenceComments").get("value").asText())
			.contains("Góp ý của head1", "Góp ý của board2", "8. ");
		claim("chair", conclude);
		assertOk(submit("chair", conclude,
				Map.of("conclusion", typed("Tiếp thu các ý kiến; các chi hội báo cáo chi bộ, đăng ký phần việc.", "String"))));

		// every chapter head writes the report to the Party cell; each sees only her chapter's task
		Map<String, String> writeTasks = new LinkedHashMap<>();
		for (int i = 1; i <= 6; i++) {
			JsonNode visible = tasks("head" + i, "Task_WriteCellReport");
			assertThat(visible).hasSize(1);
			writeTasks.put("ch0" + i, visible.get(0).get("id").asText());
			assertThat(formVariables("head" + i, visible.get(0).get("id").asText()).get("chapterName").get("value").asText())
				.isEqualTo("Chi hội Tổ dân phố số " + i);
		}
		ResponseEntity<String> otherChapter = as("head1").get("/engine-rest/task/" + writeTasks.get("ch02"));
		assertThat(otherChapter.getStatusCode().value()).as(otherChapter.getBody()).isIn(403, 404);
		for (int i = 1; i <= 6; i++) {
			writeCellReport("head" + i, writeTasks.get("ch0" + i), "Báo cáo của chi hội " + i);
		}

		// the Party cells: cell2 cannot see chapter 1's report; cell3 asks chapter 3 for a revision first
		String ch1Guidance = tasks("cell1", "Task_GiveGuidance").get(0).get("id").asText();
		assertThat(ids(tasks("cell2", "Task_GiveGuidance"))).hasSize(1).doesNotContain(ch1Guidance);
		ResponseEntity<String> otherReport = as("cell2").get("/engine-rest/task/" + ch1Guidance + "/form-variables");
		assertThat(otherReport.getStatusCode().value()).as(otherReport.getBody()).isIn(403, 404);
		assertThat(otherReport.getBody()).doesNotContain("Báo cáo của chi hội 1");
		String ch3Guidance = tasks("cell3", "Task_GiveGuidance").get(0).get("id").asText();
		claim("cell3", ch3Guidance);
		assertOk(submit("cell3", ch3Guidance, Map.of("guidanceDecision", typed("revise", "String"), "revisionReason",
				typed("Bổ sung chỉ tiêu phát triển hội viên.", "String"))));
		String rewrite = tasks("head3", "Task_WriteCellReport").get(0).get("id").asText();
		assertThat(formVariables("head3", rewrite).get("revisionReason").get("value").asText())
			.isEqualTo("Bổ sung chỉ tiêu phát triển hội viên.");
		writeCellReport("head3", rewrite, "Báo cáo đã bổ sung chỉ tiêu hội viên");
		for (int i = 1; i <= 6; i++) {
			String guidance = tasks("cell" + i, "Task_GiveGuidance").get(0).get("id").asText();
			claim("cell" + i, guidance);
			assertOk(submit("cell" + i, guidance, Map.of("guidanceDecision", typed("agreed", "String"), "guidance",
					typed("Đồng ý; chú trọng hội viên trẻ.", "String"))));
		}

		// every chapter registers its work items; head1 cannot see chapter 2's registration
		Map<String, String> registerTasks = new LinkedHashMap<>();
		for (int i = 1; i <= 6; i++) {
			JsonNode visible = tasks("head" + i, "Task_RegisterWorkItems");
			assertThat(visible).hasSize(1);
			registerTasks.put("ch0" + i, visible.get(0).get("id").asText());
		}
		assertThat(ids(tasks("head1", null))).doesNotContain(registerTasks.get("ch02"));
		ResponseEntity<String> registerForm = as("head1").get("/engine-rest/task/" + registerTasks.get("ch01") + "/deployed-form");
		assertThat(registerForm.getStatusCode().is2xxSuccessful()).as(registerForm.getBody()).isTrue();
		assertThat(registerForm.getBody()).contains("work-items-register", "dynamiclist");
		for (int i = 1; i <= 6; i++) {
			String task = registerTasks.get("ch0" + i);
			claim("head" + i, task);
			String items = JSON.writeValueAsString(List.of(Map.of("name", "Mô hình tiết kiệm chi hội " + i, "target",
					"20 hội viên tham gia", "successMeasure", "Quỹ đạt 20 triệu đồng", "deadline", dates.workItemDeadline().toString())));
			assertOk(submit("head" + i, task, Map.of("workItems", typed(items, "Json"))));
		}

		// the board reads the progress: all six registered
		JsonNode rollouts = json(as("board1").get("/api/rollouts"));
		long rolloutId = rollouts.get(0).get("id").asLong();
		assertThat(rollouts.get(0).get("processInstanceId").asText()).isEqualTo(planId);
		JsonNode progress = json(as("board1").get("/api/rollouts/" + rolloutId + "/progress"));
		assertThat(progress.get("chapters")).hasSize(6);
		assertThat(progress.get("summary").get("REGISTERED").asInt()).isEqualTo(6);
		for (JsonNode chapter : progress.get("chapters")) {
			assertThat(chapter.get("state").asText()).isEqualTo("REGISTERED");
			assertThat(chapter.get("workItems")).hasSize(1);
			assertThat(chapter.get("overdue")).isEmpty();
		}
		ResponseEntity<String> csv = as("chair").get("/api/rollouts/" + rolloutId + "/progress", "text/csv");
		assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
		assertThat(csv.getBody()).contains("Mã chi hội", "bode-ch06", "Mô hình tiết kiệm chi hội 3");
		assertThat(csv.getBody().lines()).hasSize(7);
		assertThat(as("board2").get("/api/rollouts/" + rolloutId + "/progress?format=csv").getBody())
			.contains("Đã đăng ký phần việc");

		// chapter heads and Party cells may not read the whole progress
		for (String login : List.of("head1", "cell1", "council1")) {
			ResponseEntity<String> denied = as(login).get("/api/rollouts/" + rolloutId + "/progress");
			assertThat(denied.getStatusCode().value()).as(login).isEqualTo(403);
			assertThat(denied.getBody()).contains("Ban Thường vụ");
			assertThat(json(as(login).get("/api/rollouts"))).isEmpty();
		}
	}

	@Test
	void shouldLetAChapterHeadReportToHerPartyCellOnHerOwn() {
		// head2 starts a report from Tasklist's start form; the chapter comes from her login
		ResponseEntity<String> form = as("head2").get("/engine-rest/process-definition/key/ChapterPartyCellReport/deployed-start-form");
		assertThat(form.getBody()).contains("cell-report-start");
		ResponseEntity<String> started = as("head2").post(
				"/engine-rest/process-definition/key/ChapterPartyCellReport/submit-form",
				Map.of("variables", Map.of("reportTopic", typed("Kế hoạch hoạt động quý II", "String"))));
		String reportId = json(started).get("id").asText();
		String write = onlyTask("head2", "Task_WriteCellReport", reportId);
		assertThat(formVariables("head2", write).get("chapterName").get("value").asText())
			.isEqualTo("Chi hội Tổ dân phố số 2");
		writeCellReport("head2", write, "Kế hoạch quý II của chi hội 2");

		// only the Party cell of chapter 2 sees it
		assertThat(json(as("cell1").get("/engine-rest/task?" + PAGE + "&processInstanceId=" + reportId))).isEmpty();
		String guidance = onlyTask("cell2", "Task_GiveGuidance", reportId);
		claim("cell2", guidance);
		assertOk(submit("cell2", guidance, Map.of("guidanceDecision", typed("agreed", "String"), "guidance",
				typed("Đồng ý kế hoạch quý II.", "String"))));
		assertThat(json(as("head2").get("/engine-rest/task?" + PAGE + "&processInstanceId=" + reportId))).isEmpty();

		// a board member may not start it (it is the chapter head's report)
		ResponseEntity<String> refused = as("board1").post(
				"/engine-rest/process-definition/key/ChapterPartyCellReport/submit-form",
				Map.of("variables", Map.of("reportTopic", typed("Thử", "String"))));
		assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
	}

	private void writeCellReport(String login, String taskId, String report) {
		claim(login, taskId);
		assertOk(submit(login, taskId, Map.of("cellReport", typed(report, "String"), "guidanceRequest",
				typed("Xin ý kiến chỉ đạo của cấp ủy chi bộ.", "String"))));
	}

}
