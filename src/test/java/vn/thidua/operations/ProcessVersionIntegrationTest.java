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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.SeasonOverRest;

/**
 * New versions of the nomination process while nominations are half-way. Version 1 is the
 * application's {@code bpmn/CommendationNomination.bpmn} with its forms; version 2
 * ({@code src/test/resources/versioning/}, test only) renames the board's task
 * ({@code Task_BoardReview} becomes {@code Task_BoardAssessment}) and adds a field to its form, and
 * is deployed with the other forms and the DMN as a changed model is deployed at a restart.
 * <p>
 * Two sets of version-1 instances wait at every wait state (board review, revision, disclosure
 * timer, waiting for the council in an open session with two of five ballots cast and its deadline
 * timer, waiting in the chair's batch). The second set is migrated by the administrator with the
 * plan kept in {@code versioning/CommendationNomination-v1-to-v2.migration.json} through Camunda's
 * migration API ({@code /engine-rest/migration/validate}, {@code /execute}), keeps its timers' due
 * dates, its place in the session (the ballots cast) and in the batch, shows version 2's form; the
 * first set stays on version 1 with version 1's forms. Both then finish, each on its version: the
 * ward's one council session and one batch take nominations of both versions together, so the first
 * set cannot finish before the migration without taking the second set past the council with it;
 * the migration therefore names the second set's instances instead of the plan's query (every
 * instance of version 1).
 */
@IntegrationTest
class ProcessVersionIntegrationTest {

	private static final String ENGINE = "/engine-rest";

	private static final String KEY = "CommendationNomination";

	private static final List<String> WAIT_STATES = List.of("Task_BoardReview", "Task_ReviseNomination",
			"TimerEvent_DisclosureEnded", "ReceiveTask_AwaitCouncilSession", "ReceiveTask_AwaitDecision");

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

	@Autowired
	ProcessEngine engine;

	@LocalServerPort
	int port;

	private SeasonOverRest season;

	@BeforeEach
	void season() {
		season = new SeasonOverRest(new Http(port), engine);
	}

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
		Map<String, String> stay = new LinkedHashMap<>();
		Map<String, String> migrate = new LinkedHashMap<>();
		atEveryWaitState(stay, "v1", migrate, "mig");
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

		// when: the administrator migrates the other set with the plan kept in the repository
		String plan = read("/versioning/CommendationNomination-v1-to-v2.migration.json")
			.replace("{{source}}", v1.getId())
			.replace("{{target}}", v2.getId());
		ObjectNode body = (ObjectNode) JSON.readTree(plan);
		// the set to migrate, not every instance of version 1 (the first set stays on it)
		body.remove("processInstanceQuery");
		ArrayNode ids = body.putArray("processInstanceIds");
		migrate.values().forEach(ids::add);
		ResponseEntity<String> validation = post("admin", ENGINE + "/migration/validate", body.path("migrationPlan"));
		assertThat(validation.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(JSON.readTree(validation.getBody()).path("instructionReports")).as(validation.getBody()).isEmpty();
		assertThat(post("head1", ENGINE + "/migration/execute", body).getStatusCode().is4xxClientError())
			.as("a chapter head cannot migrate").isTrue();
		ResponseEntity<String> executed = post("admin", ENGINE + "/migration/execute", body);
		assertThat(executed.getStatusCode()).as(executed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

		// then: each is on version 2 at the mapped wait state, timers, session and batch kept
		for (String pid : migrate.values()) {
			assertThat(definitionOf(pid)).isEqualTo(v2.getId());
		}
		for (String pid : stay.values()) {
			assertThat(definitionOf(pid)).as("the first set stays").isEqualTo(v1.getId());
		}
		waitsAtEveryState(migrate, "Task_BoardAssessment");
		JsonNode migratedTask = task("board1", migrate.get("Task_BoardReview"));
		assertThat(migratedTask.path("taskDefinitionKey").asText()).isEqualTo("Task_BoardAssessment");
		assertThat(deployedForm("board1", migratedTask)).contains("\"assessmentNote\"");
		assertThat(disclosureTimer(migrate.get("TimerEvent_DisclosureEnded")).getDuedate()).isEqualTo(timerDue);
		String voting = migrate.get("ReceiveTask_AwaitCouncilSession");
		assertThat(openBallots(session)).isEqualTo(3);
		assertThat(management.createJobQuery().processInstanceId(session).timers().count())
			.as("session deadline timer").isEqualTo(1);
		assertThat(season.ballot(session, "council5").getId()).isNotNull();
		assertThat(engine.getTaskService().getVariableLocal(season.ballot(session, "council5").getId(), "ballot")
			.toString()).as("the migrated nomination on the open session's sheet").contains(voting)
			.contains(stay.get("ReceiveTask_AwaitCouncilSession"));
		assertThat(season.signingTask(migrate.get("ReceiveTask_AwaitDecision"))).as("in the chair's batch").isNotNull();

		// and every one finishes on its version (the board's task of version 2 completed with its new field)
		for (String pid : stay.values()) {
			finish(pid);
		}
		for (String pid : migrate.values()) {
			finish(pid);
		}
		finish(fresh);
		for (String pid : stay.values()) {
			assertFinishedOn(pid, v1, "Task_BoardReview");
		}
		for (String pid : migrate.values()) {
			assertFinishedOn(pid, v2, null);
		}
		assertFinishedOn(fresh, v2, "Task_BoardAssessment");
		assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(fresh).variableName("assessmentNote")
			.singleResult().getValue()).isEqualTo("Đã thẩm định đủ hồ sơ.");
	}

	// --- driving nominations through the REST API as the people would ---

	/** The council session open at the council's wait state (two of five ballots cast). */
	private String session;

	/**
	 * Both sets at every wait state. The ward has one council session at a time: one counts both
	 * sets' nominations for the chair's batch (every member agrees), then the next one opens over
	 * both sets' nominations at the council and takes two ballots.
	 */
	private void atEveryWaitState(Map<String, String> first, String firstTag, Map<String, String> second,
			String secondTag) throws Exception {
		List<Map<String, String>> sets = List.of(first, second);
		List<String> tags = List.of(firstTag, secondTag);
		for (int i = 0; i < 2; i++) {
			Map<String, String> at = sets.get(i);
			String tag = tags.get(i);
			at.put("Task_BoardReview", start(tag));
			String revise = start(tag);
			assertThat(submit("board1", task("board1", revise), Map.of("boardDecision", "return", "boardReason",
					"Bổ sung biên bản bình xét.")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			at.put("Task_ReviseNomination", revise);
			String disclosure = start(tag);
			approve(disclosure);
			at.put("TimerEvent_DisclosureEnded", disclosure);
		}
		season.closeOpenSessions();
		List<String> signing = List.of(toCouncil(firstTag), toCouncil(secondTag));
		season.everyoneAgrees(season.openSession());
		for (int i = 0; i < 2; i++) {
			assertThat(season.signingTask(signing.get(i))).as("in the chair's batch").isNotNull();
		}
		List<String> council = List.of(toCouncil(firstTag), toCouncil(secondTag));
		session = season.openSession();
		for (String member : List.of("council1", "council2")) {
			assertThat(season.vote(session, member, nomination -> "agree").status()).isEqualTo(204);
		}
		for (int i = 0; i < 2; i++) {
			sets.get(i).put("ReceiveTask_AwaitCouncilSession", council.get(i));
			sets.get(i).put("ReceiveTask_AwaitDecision", signing.get(i));
			assertThat(sets.get(i).keySet()).containsExactlyElementsOf(WAIT_STATES);
			waitsAtEveryState(sets.get(i), "Task_BoardReview");
		}
	}

	/** Each instance waits at its state; {@code boardTask} is the board's task of the instance's version. */
	private void waitsAtEveryState(Map<String, String> at, String boardTask) {
		for (Map.Entry<String, String> e : at.entrySet()) {
			// at the disclosure timer the instance waits in the event-based gateway before it
			String active = switch (e.getKey()) {
				case "TimerEvent_DisclosureEnded" -> "Gateway_Disclosure";
				case "Task_BoardReview" -> boardTask;
				default -> e.getKey();
			};
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(runtime.getActiveActivityIds(e.getValue())).as("waits at %s", e.getKey())
					.contains(active));
		}
	}

	/** A nomination approved, its disclosure over: it waits for the council. */
	private String toCouncil(String tag) throws Exception {
		String pid = start(tag);
		approve(pid);
		management.executeJob(disclosureTimer(pid).getId());
		season.awaitCouncil(pid);
		return pid;
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

	private int openBallots(String sessionId) {
		return (int) tasks.createTaskQuery().processInstanceId(sessionId).taskDefinitionKey("Task_CastBallot").count();
	}

	/**
	 * The council counts the nomination: the ward's open session (or a new one over every
	 * nomination waiting) gets the ballots not yet cast, each agreeing on every row.
	 */
	private void council(String pid) {
		if (runtime.createEventSubscriptionQuery().processInstanceId(pid).eventName("Message_CouncilDecided").count() == 0) {
			return;
		}
		var open = runtime.createProcessInstanceQuery().processDefinitionKey("CouncilSession").list();
		String sessionId = open.isEmpty() ? season.openSession() : open.get(0).getId();
		for (String member : SeasonOverRest.COUNCIL) {
			if (tasks.createTaskQuery().processInstanceId(sessionId).taskDefinitionKey("Task_CastBallot")
				.taskAssignee(member).count() == 1) {
				var cast = season.vote(sessionId, member, nomination -> "agree");
				assertThat(cast.status()).as(member + ": " + cast.body()).isEqualTo(204);
			}
		}
		season.awaitClosed(sessionId);
	}

	/** The chair's signing task lists the nomination: she signs its decision alone. */
	private void sign(String pid) {
		for (var task : tasks.createTaskQuery().processDefinitionKey("AwardDecision").taskDefinitionKey("Task_SignDecisions").list()) {
			Object candidates = tasks.getVariableLocal(task.getId(), "decisionCandidates");
			if (candidates != null && candidates.toString().contains(pid)) {
				var signed = season.sign("PB-" + pid.substring(0, 8) + "/QĐ-HLHPN", pid);
				assertThat(signed.status()).as(signed.body()).isEqualTo(204);
				return;
			}
		}
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
			council(pid);
			sign(pid);
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
