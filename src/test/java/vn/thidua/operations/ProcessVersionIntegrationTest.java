package vn.thidua.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.thidua.dossier.DossierFixtures;
import vn.thidua.support.IntegrationTest;

/**
 * New versions of the nomination process while nominations are half-way. Version 1 is the
 * application's {@code bpmn/CommendationNomination.bpmn} with its forms; version 2
 * ({@code src/test/resources/versioning/}, test only) renames the board's task
 * ({@code Task_BoardReview} becomes {@code Task_BoardAssessment}) and adds a field to its form, and
 * is deployed with the other forms and the DMN as a changed model is deployed at a restart.
 * <p>
 * Two sets of version-1 instances wait at every wait state (board review, revision, disclosure
 * timer, council vote with two of five ballots cast and its deadline timer, signature). The first
 * set finishes on version 1 with version 1's forms; the second is migrated by the administrator
 * with the plan kept in {@code versioning/CommendationNomination-v1-to-v2.migration.json} through
 * Camunda's migration API ({@code /engine-rest/migration/validate}, {@code /execute}), keeps its
 * timers' due dates and ballots, shows version 2's form, and finishes on version 2.
 */
@IntegrationTest
class ProcessVersionIntegrationTest {

	private static final String ENGINE = "/engine-rest";

	private static final String KEY = "CommendationNomination";

	private static final List<String> WAIT_STATES = List.of("Task_BoardReview", "Task_ReviseNomination",
			"TimerEvent_DisclosureEnded", "Task_CouncilVote", "Task_SignDecision");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	RepositoryService repository;

	@Autowired
	RuntimeService runtime;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

	@Autowired
	ApplicationContext context;

	private int nominees;

	/**
	 * The test's version 2 leaves the shared application context: later tests start nominations on
	 * the application's own model again (its instances are finished by then).
	 */
	@AfterEach
	void removeVersion2() {
		repository.createDeploymentQuery()
			.deploymentName("thidua-versioning-v2")
			.list()
			.forEach(d -> repository.deleteDeployment(d.getId(), true, true));
	}

	@Test
	void shouldFinishRunningInstancesOnTheirVersionAndMigrateWithThePlanInTheRepository() throws Exception {
		// given: version 1 and two sets of instances waiting at each of its wait states
		ProcessDefinition v1 = latest();
		Map<String, String> stay = atEveryWaitState("v1");
		Map<String, String> migrate = atEveryWaitState("mig");
		Date timerDue = disclosureTimer(migrate.get("TimerEvent_DisclosureEnded")).getDuedate();

		// when: version 2 is deployed
		ProcessDefinition v2 = deployVersion2();
		assertThat(v2.getVersion()).isEqualTo(v1.getVersion() + 1);

		// then: a new nomination starts on version 2 and its board task shows version 2's form
		String fresh = start("v2");
		assertThat(definitionOf(fresh)).isEqualTo(v2.getId());
		JsonNode freshTask = task("board1", fresh);
		assertThat(freshTask.path("taskDefinitionKey").asText()).isEqualTo("Task_BoardAssessment");
		assertThat(deployedForm("board1", freshTask)).contains("\"assessmentNote\"");

		// running instances stay on version 1 with version 1's form: the new field is not theirs
		for (String pid : stay.values()) {
			assertThat(definitionOf(pid)).isEqualTo(v1.getId());
		}
		JsonNode oldTask = task("board1", stay.get("Task_BoardReview"));
		assertThat(oldTask.path("taskDefinitionKey").asText()).isEqualTo("Task_BoardReview");
		assertThat(deployedForm("board1", oldTask)).doesNotContain("assessmentNote").contains("\"boardDecision\"");
		assertThat(submit("board1", oldTask, Map.of("boardDecision", "approve", "assessmentNote", "mới"))
			.getStatusCode().is4xxClientError()).as("version 2's field on a version 1 task").isTrue();

		// and they finish on version 1
		for (String pid : stay.values()) {
			finish(pid);
		}
		for (String pid : stay.values()) {
			assertFinishedOn(pid, v1, "Task_BoardReview");
		}

		// when: the administrator migrates the other set with the plan kept in the repository
		String plan = read("/versioning/CommendationNomination-v1-to-v2.migration.json")
			.replace("{{source}}", v1.getId())
			.replace("{{target}}", v2.getId());
		JsonNode body = JSON.readTree(plan);
		ResponseEntity<String> validation = post("admin", ENGINE + "/migration/validate", body.path("migrationPlan"));
		assertThat(validation.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JSON.readTree(validation.getBody()).path("instructionReports")).as(validation.getBody()).isEmpty();
		assertThat(post("head1", ENGINE + "/migration/execute", body).getStatusCode().is4xxClientError())
			.as("a chapter head cannot migrate").isTrue();
		ResponseEntity<String> executed = post("admin", ENGINE + "/migration/execute", body);
		assertThat(executed.getStatusCode()).as(executed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

		// then: each is on version 2 at the mapped wait state, timers and ballots kept
		for (String pid : migrate.values()) {
			assertThat(definitionOf(pid)).isEqualTo(v2.getId());
		}
		JsonNode migratedTask = task("board1", migrate.get("Task_BoardReview"));
		assertThat(migratedTask.path("taskDefinitionKey").asText()).isEqualTo("Task_BoardAssessment");
		assertThat(deployedForm("board1", migratedTask)).contains("\"assessmentNote\"");
		assertThat(disclosureTimer(migrate.get("TimerEvent_DisclosureEnded")).getDuedate()).isEqualTo(timerDue);
		String voting = migrate.get("Task_CouncilVote");
		assertThat(openBallots(voting)).isEqualTo(3);
		assertThat(management.createJobQuery().processInstanceId(voting).timers().count())
			.as("voting deadline timer").isEqualTo(1);

		// and they finish on version 2 (the board's task completed with version 2's new field)
		for (String pid : migrate.values()) {
			finish(pid);
		}
		finish(fresh);
		for (String pid : migrate.values()) {
			assertFinishedOn(pid, v2, null);
		}
		assertFinishedOn(fresh, v2, "Task_BoardAssessment");
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(fresh).variableName("assessmentNote")
			.singleResult().getValue()).isEqualTo("Đã thẩm định đủ hồ sơ.");
	}

	// --- driving nominations through the REST API as the people would ---

	private Map<String, String> atEveryWaitState(String tag) throws Exception {
		Map<String, String> at = new LinkedHashMap<>();
		at.put("Task_BoardReview", start(tag));
		String revise = start(tag);
		assertThat(submit("board1", task("board1", revise), Map.of("boardDecision", "return", "boardReason",
				"Bổ sung biên bản bình xét.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		at.put("Task_ReviseNomination", revise);
		String disclosure = start(tag);
		approve(disclosure);
		at.put("TimerEvent_DisclosureEnded", disclosure);
		String voting = start(tag);
		approve(voting);
		management.executeJob(disclosureTimer(voting).getId());
		vote(voting, 2);
		at.put("Task_CouncilVote", voting);
		String signing = start(tag);
		approve(signing);
		management.executeJob(disclosureTimer(signing).getId());
		vote(signing, 5);
		at.put("Task_SignDecision", signing);
		for (Map.Entry<String, String> e : at.entrySet()) {
			// at the disclosure timer the instance waits in the event-based gateway before it
			String active = e.getKey().equals("TimerEvent_DisclosureEnded") ? "Gateway_Disclosure" : e.getKey();
			assertThat(runtime.getActiveActivityIds(e.getValue())).as("waits at %s", e.getKey()).contains(active);
		}
		assertThat(at.keySet()).containsExactlyElementsOf(WAIT_STATES);
		return at;
	}

	private String start(String tag) throws Exception {
		nominees++;
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("nomineeType", "INDIVIDUAL");
		v.put("nomineeName", "Hội viên phiên bản " + tag + " số " + nominees);
		v.put("periodYear", LocalDate.now().getYear());
		v.put("awardCode", "GK_HOI_PHUONG");
		v.put("achievementReport", "Chủ nhiệm mô hình \"Phụ nữ tự tin khởi nghiệp\", giúp 12 hội viên vay vốn.");
		v.put("reviewMeetingDate", LocalDate.now().minusDays(5).toString());
		v.put("reviewMeetingAgreed", true);
		v.put("noDisciplineDeclared", true);
		ResponseEntity<String> started = post("head1", ENGINE + "/process-definition/key/" + KEY + "/submit-form",
				form(v));
		assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
		String pid = JSON.readTree(started.getBody()).path("id").asText();
		// the chapter's dossier where the version has that step: the documents, then Task_CompleteDossier
		var dossier = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_CompleteDossier").singleResult();
		if (dossier != null) {
			DossierFixtures.attachRequired(context, pid, "head1");
			assertThat(post("head1", ENGINE + "/task/" + dossier.getId() + "/submit-form", Map.of("variables", Map.of()))
				.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		}
		return pid;
	}

	private void approve(String pid) throws Exception {
		assertThat(submit("board1", task("board1", pid), Map.of("boardDecision", "approve")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	private void vote(String pid, int members) throws Exception {
		for (int m = 1; m <= 5 && members > 0; m++) {
			String member = "council" + m;
			JsonNode ballots = tasks(member, "processInstanceId=" + pid + "&assignee=" + member);
			if (ballots.isEmpty()) {
				continue;
			}
			assertThat(submit(member, ballots.get(0), Map.of("vote", "agree")).getStatusCode())
				.isEqualTo(HttpStatus.NO_CONTENT);
			members--;
		}
	}

	private int openBallots(String pid) {
		return (int) tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_CouncilVote").count();
	}

	/** From wherever the instance waits to the award, as the people would. */
	private void finish(String pid) throws Exception {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (history.createHistoricProcessInstanceQuery().processInstanceId(pid).finished().count() == 1) {
				return true;
			}
			JsonNode revise = tasks("head1", "processInstanceId=" + pid + "&taskDefinitionKey=Task_ReviseNomination");
			if (!revise.isEmpty()) {
				assertThat(submit("head1", revise.get(0), Map.of("achievementReport",
						"Đã bổ sung biên bản bình xét; chủ nhiệm mô hình khởi nghiệp.")).getStatusCode())
					.isEqualTo(HttpStatus.NO_CONTENT);
			}
			JsonNode board = tasks("board1", "processInstanceId=" + pid + "&taskDefinitionKeyIn=Task_BoardReview,Task_BoardAssessment");
			if (!board.isEmpty()) {
				Map<String, Object> values = new LinkedHashMap<>(Map.of("boardDecision", "approve"));
				if (board.get(0).path("taskDefinitionKey").asText().equals("Task_BoardAssessment")) {
					values.put("assessmentNote", "Đã thẩm định đủ hồ sơ.");
				}
				assertThat(submit("board1", board.get(0), values).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			}
			Job timer = management.createJobQuery().processInstanceId(pid).activityId("TimerEvent_DisclosureEnded")
				.singleResult();
			if (timer != null) {
				management.executeJob(timer.getId());
			}
			vote(pid, 5);
			JsonNode sign = tasks("chair", "processInstanceId=" + pid + "&taskDefinitionKey=Task_SignDecision");
			if (!sign.isEmpty()) {
				ResponseEntity<String> signed = submit("chair", sign.get(0), Map.of("decisionNumber",
						"PB-" + pid.substring(0, 8) + "/QĐ-HLHPN", "decisionDate", LocalDate.now().toString()));
				assertThat(signed.getStatusCode()).as(signed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
			}
			return false;
		});
	}

	private void assertFinishedOn(String pid, ProcessDefinition definition, String boardTask) {
		var instance = history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult();
		assertThat(instance.getProcessDefinitionId()).as("definition of %s", pid).isEqualTo(definition.getId());
		assertThat(instance.getEndActivityId()).isEqualTo("EndEvent_AwardGranted");
		if (boardTask != null) {
			assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pid).activityId(boardTask).count())
				.as("%s in the history of %s", boardTask, pid).isPositive();
		}
	}

	// --- engine and REST helpers ---

	private ProcessDefinition latest() {
		return repository.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
	}

	private String definitionOf(String pid) {
		var active = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
		return active != null ? active.getProcessDefinitionId()
				: history.createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult().getProcessDefinitionId();
	}

	private Job disclosureTimer(String pid) {
		return management.createJobQuery().processInstanceId(pid).activityId("TimerEvent_DisclosureEnded").singleResult();
	}

	/** Version 2 with the application's other forms and its DMN, as a restart with a changed model deploys it. */
	private ProcessDefinition deployVersion2() throws IOException {
		DeploymentBuilder deployment = repository.createDeployment().name("thidua-versioning-v2");
		deployment.addInputStream(KEY + ".bpmn", stream("/versioning/CommendationNomination.bpmn"));
		deployment.addInputStream("nomination-board-review.form", stream("/versioning/nomination-board-review.form"));
		deployment.addInputStream("AwardAuthority.dmn", stream("/bpmn/AwardAuthority.dmn"));
		for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
			if (!"nomination-board-review.form".equals(form.getFilename())) {
				deployment.addInputStream(form.getFilename(), form.getInputStream());
			}
		}
		deployment.deploy();
		return latest();
	}

	private String deployedForm(String user, JsonNode task) {
		ResponseEntity<String> form = rest.withBasicAuth(user, "demo")
			.getForEntity(ENGINE + "/task/" + task.path("id").asText() + "/deployed-form", String.class);
		assertThat(form.getStatusCode()).as(form.getBody()).isEqualTo(HttpStatus.OK);
		return form.getBody();
	}

	private JsonNode task(String user, String pid) throws Exception {
		JsonNode found = tasks(user, "processInstanceId=" + pid);
		assertThat(found).as("tasks of %s in %s", user, pid).hasSize(1);
		return found.get(0);
	}

	private JsonNode tasks(String user, String query) throws Exception {
		ResponseEntity<String> reply = rest.withBasicAuth(user, "demo")
			.getForEntity(ENGINE + "/task?" + query + "&firstResult=0&maxResults=100", String.class);
		assertThat(reply.getStatusCode()).as(reply.getBody()).isEqualTo(HttpStatus.OK);
		return JSON.readTree(reply.getBody());
	}

	private ResponseEntity<String> submit(String user, JsonNode task, Map<String, Object> values) {
		return post(user, ENGINE + "/task/" + task.path("id").asText() + "/submit-form", form(values));
	}

	private ResponseEntity<String> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers),
				String.class);
	}

	private static Map<String, Object> form(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((k, v) -> variables.put(k,
				v instanceof Integer ? Map.of("value", v, "type", "Long") : Map.of("value", v)));
		return Map.of("variables", variables);
	}

	private static InputStream stream(String resource) {
		InputStream in = ProcessVersionIntegrationTest.class.getResourceAsStream(resource);
		assertThat(in).as(resource).isNotNull();
		return in;
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = stream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
