package vn.thidua.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ApplicationContext;

import vn.thidua.dossier.DossierFixtures;
import vn.thidua.support.Http;
import vn.thidua.support.SeasonOverRest;

/**
 * Drives CommendationNomination through {@code /engine-rest} with the demo logins, as Tasklist
 * does (submit-form), for the pages' tests; only timers are run through the engine.
 */
public final class NominationDriver {

	static final List<String> COUNCIL = List.of("council1", "council2", "council3", "council4", "council5");

	private final Http http;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final String base;

	private final ApplicationContext context;

	private final SeasonOverRest season;

	public NominationDriver(int port, TaskService taskService, ManagementService managementService,
			ApplicationContext context) {
		this.context = context;
		this.base = "http://localhost:" + port;
		this.http = new Http(port);
		this.taskService = taskService;
		this.managementService = managementService;
		this.season = new SeasonOverRest(http, context.getBean(ProcessEngine.class));
	}

	public String start(String head, String nominee, String award, int year, String report) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("nomineeType", "INDIVIDUAL");
		v.put("nomineeName", nominee);
		v.put("periodYear", Map.of("value", year, "type", "Long"));
		v.put("awardCode", award);
		v.put("achievementReport", report);
		v.put("reviewMeetingDate", LocalDate.now().minusDays(5).toString());
		v.put("reviewMeetingAgreed", true);
		v.put("noDisciplineDeclared", true);
		Http.Reply started = http.post(head, "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				form(v));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pid = started.json().get("id").asText();
		// the chapter's dossier: the required documents, then Task_CompleteDossier sends it to the board
		DossierFixtures.attachRequired(context, pid, head);
		complete(head, task(pid, "Task_CompleteDossier"), Map.of());
		return pid;
	}

	public void boardApproves(String pid) {
		complete("board1", task(pid, "Task_BoardReview"), Map.of("boardDecision", "approve"));
	}

	void endDisclosure(String pid) {
		Job job = await().atMost(Duration.ofSeconds(60))
			.until(() -> managementService.createJobQuery()
				.processInstanceId(pid)
				.activityId("TimerEvent_DisclosureEnded")
				.timers()
				.singleResult(), j -> j != null);
		managementService.executeJob(job.getId());
	}

	/**
	 * The council meets over every nomination waiting (this one among them): each member votes on
	 * this one as given, with her private comment, and agrees on the others.
	 */
	void councilVotes(String pid, List<String> votes, List<String> comments) {
		season.awaitCouncil(pid);
		String session = season.openSession();
		for (int i = 0; i < COUNCIL.size(); i++) {
			String mine = votes.get(i);
			Http.Reply reply = season.vote(session, COUNCIL.get(i), n -> n.equals(pid) ? mine : "agree", comments.get(i));
			assertThat(reply.status()).as(reply.body()).isEqualTo(204);
		}
		season.awaitClosed(session);
	}

	void chairSigns(String pid, String number) {
		Http.Reply reply = season.sign(number, pid);
		assertThat(reply.status()).as(reply.body()).isEqualTo(204);
	}

	/** The chair's signing task that lists the nomination. */
	String signingTask(String pid) {
		return season.signingTask(pid).getId();
	}

	String task(String pid, String key) {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult(),
					t -> t != null)
			.getId();
	}

	void complete(String user, String taskId, Map<String, Object> values) {
		Http.Reply reply = http.post(user, "/engine-rest/task/" + taskId + "/submit-form", form(values));
		assertThat(reply.status()).as(user + " completes " + taskId + ": " + reply.body()).isEqualTo(204);
	}

	JsonNode awards(String user, String query) {
		return http.get(user, "/api/awards" + query).json();
	}

	Http http() {
		return http;
	}

	/** A GET with HTTP Basic whose body is binary (an XLSX file). */
	byte[] bytes(String user, String path) {
		try {
			var response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
					.header("Authorization", "Basic " + java.util.Base64.getEncoder()
						.encodeToString((user + ":demo").getBytes(java.nio.charset.StandardCharsets.UTF_8)))
					.GET()
					.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return response.body();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> form(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((k, v) -> variables.put(k, v instanceof Map<?, ?> typed ? typed : Map.of("value", v)));
		return Map.of("variables", variables);
	}

}
