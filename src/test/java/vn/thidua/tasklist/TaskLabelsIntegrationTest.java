package vn.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.support.NominationForms.form;
import static vn.thidua.support.NominationForms.nomination;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import vn.thidua.dossier.DossierFixtures;
import vn.thidua.identity.organisation.AssigneeCandidatePlugin;
import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.support.Http;
import vn.thidua.support.SeasonOverRest;
import vn.thidua.support.IntegrationTest;

/**
 * Tasklist's lists as each person sees them, through the filter endpoint Tasklist calls: every
 * task shows its chapter and subject (copies on the task, no READ on the process instance needed),
 * and the default filter «Việc của tôi» holds what the person must do now, the chair's signature
 * included.
 */
@IntegrationTest
class TaskLabelsIntegrationTest {

	private static final String ENGINE = "/engine-rest";

	private static final String CHAPTER = "Chi hội Tổ dân phố số 1";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	private Http http;

	@BeforeEach
	void http() {
		http = new Http(port);
	}

	@Test
	void everyoneSeesChapterAndNomineeInTheirDefaultList() {
		String nominee = "Lê Thị Nhãn " + System.nanoTime() % 100000;
		Http.Reply started = http.post("head1", ENGINE + "/process-definition/key/CommendationNomination/submit-form",
				form(nomination(nominee, "GK_HOI_PHUONG")));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pid = started.json().get("id").asText();

		// the nominator's dossier step, assigned to her
		JsonNode dossier = mine("head1", pid, "Task_CompleteDossier");
		assertLabelled(dossier, nominee);
		DossierFixtures.attachRequired(context, pid, "head1");
		complete("head1", dossier, Map.of());

		// the board's review: offered to the board, not taken; another chapter's head does not see it
		JsonNode review = mine("board1", pid, "Task_BoardReview");
		assertThat(review.get("assignee").isNull()).isTrue();
		assertLabelled(review, nominee);
		assertThat(list("head2", TasklistFilters.MY_TASKS, pid)).isEmpty();
		// taken by one board member, it is hers alone: it leaves her colleague's list
		assertThat(list("board2", TasklistFilters.MY_TASKS, pid)).hasSize(1);
		assertThat(http.post("board1", ENGINE + "/task/" + review.get("id").asText() + "/claim", Map.of("userId", "board1"))
			.status()).isEqualTo(204);
		assertThat(list("board2", TasklistFilters.MY_TASKS, pid)).isEmpty();
		review = mine("board1", pid, "Task_BoardReview");
		complete("board1", review, Map.of("boardDecision", "approve"));

		// the disclosure ends; the council meets: each member finds her own ballot, labelled with the session
		Job timer = managementService.createJobQuery().processInstanceId(pid).timers().singleResult();
		managementService.executeJob(timer.getId());
		SeasonOverRest season = new SeasonOverRest(http, context.getBean(org.camunda.bpm.engine.ProcessEngine.class));
		season.awaitCouncil(pid);
		String session = season.openSession();
		for (String member : List.of("council1", "council2", "council3", "council4", "council5")) {
			JsonNode ballot = mine(member, session, "Task_CastBallot");
			assertThat(ballot.get("assignee").asText()).isEqualTo(member);
			Map<String, String> shown = shown(ballot);
			assertThat(shown).containsEntry("chapterName", "Hội LHPN phường Bồ Đề");
			assertThat(shown.get("subject")).contains("Phiên họp xét", "đề nghị khen thưởng");
			// and in «Chờ Hội đồng thi đua», hers alone
			assertThat(list(member, TasklistFilters.COUNCIL_TASKS, session)).extracting(t -> t.get("id").asText())
				.containsExactly(ballot.get("id").asText());
		}
		// a ballot of an earlier version, given to its member with no candidate: it leaves her list
		// until the engine's next start offers it to its assignee (AssigneeCandidatePlugin)
		String ballot = mine("council1", session, "Task_CastBallot").get("id").asText();
		assertThat(taskService.getIdentityLinksForTask(ballot)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getUserId)).containsExactly("council1");
		taskService.deleteCandidateUser(ballot, "council1");
		assertThat(list("council1", TasklistFilters.MY_TASKS, session)).isEmpty();
		context.getBean(AssigneeCandidatePlugin.class).postProcessEngineBuild(context.getBean(ProcessEngine.class));
		assertThat(taskService.getIdentityLinksForTask(ballot)
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getUserId)).containsExactly("council1");
		assertThat(mine("council1", session, "Task_CastBallot").get("id").asText()).isEqualTo(ballot);
		season.everyoneAgrees(session);

		// the chair's signature is in her default filter, not only in «Việc của chi hội»
		String batch = season.signingTask(pid).getProcessInstanceId();
		JsonNode sign = mine("chair", batch, "Task_SignDecisions");
		assertThat(shown(sign).get("subject")).contains("Quyết định khen thưởng", "Chủ tịch Hội LHPN phường");
		var signed = season.sign("TL-" + System.nanoTime() % 1000000, pid);
		assertThat(signed.status()).as(signed.body()).isEqualTo(204);
	}

	private static Map<String, String> shown(JsonNode task) {
		Map<String, String> shown = new java.util.HashMap<>();
		task.path("_embedded").path("variable").forEach(v -> shown.put(v.get("name").asText(), v.path("value").asText()));
		return shown;
	}

	/** The one task of the instance in the person's «Việc của tôi», at the given step. */
	private JsonNode mine(String user, String pid, String step) {
		List<JsonNode> tasks = list(user, TasklistFilters.MY_TASKS, pid);
		assertThat(tasks).as(user + " «Việc của tôi»").hasSize(1);
		assertThat(tasks.get(0).get("taskDefinitionKey").asText()).isEqualTo(step);
		return tasks.get(0);
	}

	/** The tasks of one instance in a filter, with the variables Tasklist asks for (HAL, as Tasklist). */
	private List<JsonNode> list(String user, String filterName, String pid) {
		List<String> ids = new ArrayList<>();
		Http.Reply filters = http.get(user, ENGINE + "/filter?resourceType=Task&firstResult=0&maxResults=50");
		assertThat(filters.status()).as(filters.body()).isEqualTo(200);
		filters.json().forEach(filter -> {
			if (filterName.equals(filter.get("name").asText())) {
				ids.add(filter.get("id").asText());
			}
		});
		assertThat(ids).as(user + " sees the filter " + filterName + " once").hasSize(1);
		String id = ids.get(0);
		Http.Reply reply = http.send(user, "POST", ENGINE + "/filter/" + id + "/list?firstResult=0&maxResults=200",
				// the body extends the filter's query, as Tasklist's search does: this instance only
				Map.of("processInstanceId", pid, "processVariables", List.of(), "taskVariables", List.of()),
				Map.of("Accept", "application/hal+json"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		JsonNode embedded = reply.json().path("_embedded");
		List<JsonNode> tasks = new ArrayList<>();
		embedded.path("task").forEach(task -> {
			if (pid.equals(task.path("processInstanceId").asText())) {
				tasks.add(task);
			}
		});
		return tasks;
	}

	private static void assertLabelled(JsonNode task, String nominee) {
		Map<String, String> shown = new java.util.HashMap<>();
		task.path("_embedded").path("variable").forEach(v -> shown.put(v.get("name").asText(), v.path("value").asText()));
		assertThat(shown).as("variables shown for " + task.get("taskDefinitionKey"))
			.containsEntry("chapterName", CHAPTER);
		assertThat(shown.get("subject")).contains(nominee, "Giấy khen của Chủ tịch Hội LHPN phường");
	}

	private void complete(String user, JsonNode task, Map<String, Object> values) {
		String id = task.get("id").asText();
		if (task.get("assignee").isNull()) {
			assertThat(http.post(user, ENGINE + "/task/" + id + "/claim", Map.of("userId", user)).status())
				.isEqualTo(204);
		}
		Http.Reply done = http.post(user, ENGINE + "/task/" + id + "/submit-form", form(values));
		assertThat(done.status()).as(done.body()).isEqualTo(204);
	}

}
