package vn.thidua.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import vn.thidua.rollout.chapter.ChapterRolloutVariables;
import vn.thidua.support.IntegrationTest;

/**
 * The city's rollout (issue 19) with the demo city of three wards, on PostgreSQL, through
 * {@code /engine-rest} as Tasklist calls it: the city chair starts the city's programme with the same
 * PlanRollout a ward uses; the wards' chairs comment; each ward's part reaches her ward's chair, with
 * no Party cell report; the city board acknowledges and confirms the ratings. A ward chair of another
 * ward and a chapter head see nothing of it.
 */
@IntegrationTest
class CityRolloutIntegrationTest extends RolloutOverRest {

	/** The demo city's wards and their chairs. */
	private static final Map<String, String> WARD_CHAIRS = Map.of("bode", "chair", "longbien", "lbchair", "phucloi",
			"plchair");

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Test
	void shouldRollOutTheCitysProgrammeToEachWardsChairAndLetTheCityBoardConfirmTheRatings() {
		// the city chair drafts the city's programme from Tasklist's start form
		ProgrammeDates dates = ProgrammeDates.nextYear();
		ResponseEntity<String> started = as("citychair").post(
				"/engine-rest/process-definition/key/PlanRollout/submit-form", Map.of("variables", programme(dates)));
		assertOk(started);
		String planId = json(started).get("id").asText();

		// the city's chair approves, not a ward's
		assertThat(json(as("chair").get("/engine-rest/task?" + PAGE + "&processInstanceId=" + planId))).isEmpty();
		String approval = onlyTask("citychair", "Task_ChairApproveProgramme", planId);
		assertThat(formVariables("citychair", approval).get("chapterName").get("value").asText())
			.isEqualTo("Hội LHPN thành phố Hà Nội");
		claim("citychair", approval);
		assertOk(submit("citychair", approval, Map.of("programmeDecision", typed("approve", "String"))));

		// the conference: the three wards' chairs and the city board; no chapter head
		for (String login : List.of("chair", "lbchair", "plchair", "cityboard1", "cityboard2")) {
			String comment = onlyTask(login, "Task_CommentProgramme", planId);
			assertOk(submit(login, comment, Map.of("programmeComment", typed("Góp ý của " + login, "String"))));
		}
		assertThat(json(as("head1").get("/engine-rest/task?" + PAGE + "&processInstanceId=" + planId))).isEmpty();
		String conclude = onlyTask("citychair", "Task_ChairConclude", planId);
		assertThat(formVariables("citychair", conclude).get("conferenceComments").get("value").asText())
			.contains("Góp ý của lbchair", "Góp ý của cityboard2", "5. ");
		claim("citychair", conclude);
		assertOk(submit("citychair", conclude,
				Map.of("conclusion", typed("Các phường đăng ký phần việc, triển khai đến chi hội.", "String"))));

		// each ward's part reaches its chair, labelled with the ward, straight to the registration
		Map<String, String> registerTasks = new LinkedHashMap<>();
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> wardRollouts(planId).size() == 3);
		for (Map.Entry<String, String> ward : WARD_CHAIRS.entrySet()) {
			String chapterId = wardRollout(planId, ward.getKey()).getId();
			String task = onlyTask(ward.getValue(), "Task_RegisterWorkItems", chapterId);
			registerTasks.put(ward.getKey(), task);
			assertThat(formVariables(ward.getValue(), task).get("chapterName").get("value").asText())
				.startsWith("Hội LHPN phường");
			assertThat(json(as(ward.getValue()).get("/engine-rest/task/" + task + "/localVariables/chapterName"))
				.get("value").asText()).isEqualTo(wardName(ward.getKey()));
			assertThat(json(as(ward.getValue()).get("/engine-rest/task/" + task + "/localVariables/subject"))
				.get("value").asText()).contains(wardName(ward.getKey()));
		}
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("ChapterPartyCellReport")
			.rootProcessInstanceId(planId).count()).isZero();

		// a ward chair of another ward can neither read nor complete it; a chapter head sees nothing
		String longbienTask = registerTasks.get("longbien");
		assertThat(ids(tasks("chair", "Task_RegisterWorkItems"))).contains(registerTasks.get("bode"))
			.doesNotContain(longbienTask, registerTasks.get("phucloi"));
		ResponseEntity<String> otherWard = as("chair").get("/engine-rest/task/" + longbienTask);
		assertThat(otherWard.getStatusCode().value()).as(otherWard.getBody()).isIn(403, 404);
		ResponseEntity<String> otherForm = as("chair").get("/engine-rest/task/" + longbienTask + "/form-variables");
		assertThat(otherForm.getStatusCode().value()).as(otherForm.getBody()).isIn(403, 404);
		assertThat(as("chair").post("/engine-rest/task/" + longbienTask + "/claim", Map.of("userId", "chair"))
			.getStatusCode()
			.is2xxSuccessful()).isFalse();
		assertThat(submit("chair", longbienTask, Map.of("workItems", typed(workItems(dates, "bode"), "Json")))
			.getStatusCode()
			.is2xxSuccessful()).isFalse();
		List<String> cityTasks = new ArrayList<>(registerTasks.values());
		cityTasks.add(conclude);
		assertThat(ids(tasks("head1", null))).doesNotContainAnyElementsOf(cityTasks);
		for (String task : registerTasks.values()) {
			assertThat(as("head1").get("/engine-rest/task/" + task).getStatusCode().value()).isIn(403, 404);
		}
		assertThat(as("head1").get("/engine-rest/process-instance/" + planId).getStatusCode().value()).isIn(403, 404);

		// each ward chair registers her ward's work items; the city board (not a ward's) acknowledges
		for (Map.Entry<String, String> ward : WARD_CHAIRS.entrySet()) {
			String task = registerTasks.get(ward.getKey());
			claim(ward.getValue(), task);
			assertOk(submit(ward.getValue(), task, Map.of("workItems", typed(workItems(dates, ward.getKey()), "Json"))));
		}
		for (String ward : WARD_CHAIRS.keySet()) {
			String chapterId = wardRollout(planId, ward).getId();
			assertThat(json(as("board1").get("/engine-rest/task?" + PAGE + "&processInstanceId=" + chapterId))).isEmpty();
			String acknowledge = onlyTask("cityboard1", "Task_BoardAcknowledgeWorkItems", chapterId);
			claim("cityboard1", acknowledge);
			assertOk(submit("cityboard1", acknowledge, Map.of("workItemsDecision", typed("acknowledge", "String"))));
		}

		// the city board follows the wards' progress; a ward's board does not
		JsonNode cityRollouts = json(as("cityboard1").get("/api/rollouts"));
		JsonNode cityRollout = null;
		for (JsonNode r : cityRollouts) {
			if (r.get("processInstanceId").asText().equals(planId)) {
				cityRollout = r;
			}
		}
		assertThat(cityRollout).as(cityRollouts.toString()).isNotNull();
		long rolloutId = cityRollout.get("id").asLong();
		JsonNode progress = json(as("cityboard1").get("/api/rollouts/" + rolloutId + "/progress"));
		assertThat(progress.get("chapters")).hasSize(3);
		assertThat(progress.get("summary").get("REGISTERED").asInt()).isEqualTo(3);
		assertThat(as("board1").get("/api/rollouts/" + rolloutId + "/progress").getStatusCode().value()).isEqualTo(403);
		assertThat(as("lbchair").get("/api/rollouts/" + rolloutId + "/progress").getStatusCode().value()).isEqualTo(403);

		// mid-year and year-end: the dates come (their timers run now), each ward chair reports
		for (Map.Entry<String, String> ward : WARD_CHAIRS.entrySet()) {
			String chapterId = wardRollout(planId, ward.getKey()).getId();
			fireTimer(chapterId, ChapterRolloutVariables.TIMER_MID_YEAR);
			String midYear = onlyTask(ward.getValue(), "Task_MidYearReport", chapterId);
			claim(ward.getValue(), midYear);
			assertOk(submit(ward.getValue(), midYear,
					Map.of("midYearReport", typed("Phường hoàn thành 60% chỉ tiêu.", "String"))));
			fireTimer(chapterId, ChapterRolloutVariables.TIMER_YEAR_END);
			String yearEnd = onlyTask(ward.getValue(), "Task_YearEndReport", chapterId);
			claim(ward.getValue(), yearEnd);
			assertOk(submit(ward.getValue(), yearEnd, Map.of("yearEndReport",
					typed("Phường hoàn thành các chỉ tiêu.", "String"), "selfRating", typed("Vững mạnh", "String"))));
		}

		// the city board confirms the wards' ratings; the city's year ends
		String confirm = onlyTask("cityboard2", "Task_BoardConfirmRatings", planId);
		assertThat(json(as("board1").get("/engine-rest/task?" + PAGE + "&processInstanceId=" + planId))).isEmpty();
		JsonNode ratings = json(as("cityboard2").get("/engine-rest/task/" + confirm + "/form-variables?deserializeValues=false"))
			.get("chapterRatings");
		assertThat(ratings.toString()).contains("Vững mạnh");
		for (String ward : WARD_CHAIRS.keySet()) {
			assertThat(ratings.toString()).contains(wardName(ward));
		}
		claim("cityboard2", confirm);
		assertOk(submit("cityboard2", confirm, Map.of("ratingsConfirmed", typed(true, "Boolean"), "ratingsNote",
				typed("Ba phường đều vững mạnh.", "String"))));
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.until(() -> runtimeService.createProcessInstanceQuery().processInstanceId(planId).count() == 0);
	}

	// ------------------------------------------------------------ the city's programme

	private static Map<String, Object> programme(ProgrammeDates dates) {
		Map<String, Object> programme = new LinkedHashMap<>();
		programme.put("programmeYear", typed(dates.year(), "Long"));
		programme.put("theme", typed("Năm đô thị văn minh, phụ nữ Thủ đô hội nhập", "String"));
		programme.put("focusPoints", typed("Triển khai Nghị quyết Đại hội\nChuyển đổi số trong công tác Hội", "String"));
		programme.put("implementationPlan", typed("Kế hoạch thực hiện nhiệm vụ năm " + dates.year() + " của Hội LHPN thành phố", "String"));
		programme.put("emulationPlan", typed("Kế hoạch phát động thi đua năm " + dates.year() + " toàn thành phố", "String"));
		programme.put("campaigns", typed("Mừng Đảng – Mừng Xuân " + dates.year(), "String"));
		programme.put("conferenceDeadline", typed(dates.conferenceDeadline().toString(), "String"));
		programme.put("registrationDeadline", typed(dates.registrationDeadline().toString(), "String"));
		programme.put("midYearReportDate", typed(dates.midYearReportDate().toString(), "String"));
		programme.put("yearEndReportDate", typed(dates.yearEndReportDate().toString(), "String"));
		return programme;
	}

	private static String workItems(ProgrammeDates dates, String ward) {
		try {
			return JSON.writeValueAsString(List.of(Map.of("name", "Công trình phụ nữ phường " + ward, "target",
					"Mỗi chi hội một mô hình", "successMeasure", "Hoàn thành trước tổng kết", "deadline",
					dates.workItemDeadline().toString())));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String wardName(String ward) {
		return switch (ward) {
			case "bode" -> "Hội LHPN phường Bồ Đề";
			case "longbien" -> "Hội LHPN phường Long Biên";
			case "phucloi" -> "Hội LHPN phường Phúc Lợi";
			default -> throw new IllegalArgumentException(ward);
		};
	}

	private List<ProcessInstance> wardRollouts(String planId) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ChapterRolloutVariables.PROCESS_KEY)
			.rootProcessInstanceId(planId)
			.list();
	}

	private ProcessInstance wardRollout(String planId, String ward) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(ChapterRolloutVariables.PROCESS_KEY)
			.rootProcessInstanceId(planId)
			.variableValueEquals("chapterGroup", ward + "-chair")
			.singleResult();
	}

	/** The report date has come: the timer (months ahead) runs now, as the job executor would then. */
	private void fireTimer(String processInstanceId, String activityId) {
		Job timer = Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
				.singleResult(), j -> j != null);
		managementService.executeJob(timer.getId());
	}

}
