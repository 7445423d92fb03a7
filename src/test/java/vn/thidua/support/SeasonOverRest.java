package vn.thidua.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;

/**
 * The year-end season through {@code /engine-rest} as Tasklist sends it (submit-form, each person
 * with her own login), for integration tests with the job executor on: the council's chair opens a
 * session over every nomination of the ward waiting for the council, each member submits one ballot,
 * the chair ticks nominations and signs one decision. Only lookups (which task, which rows) read the
 * engine directly.
 */
public final class SeasonOverRest {

	public static final List<String> COUNCIL = List.of("council1", "council2", "council3", "council4", "council5");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration WAIT = Duration.ofSeconds(60);

	private final Http http;

	private final ProcessEngine engine;

	public SeasonOverRest(Http http, ProcessEngine engine) {
		this.http = http;
		this.engine = engine;
	}

	/** Waits until each nomination waits for the council (its disclosure has ended). */
	public void awaitCouncil(String... nominations) {
		for (String pid : nominations) {
			await().atMost(WAIT).until(() -> engine.getRuntimeService()
				.createExecutionQuery()
				.processInstanceId(pid)
				.activityId("ReceiveTask_AwaitCouncilSession")
				.count() > 0);
		}
	}

	/**
	 * Closes the sessions another test left open (one open session per ward): their deadline passes
	 * (the timer job runs now) and the ballots cast are counted.
	 */
	public void closeOpenSessions() {
		for (var open : engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("CouncilSession").list()) {
			for (var timer : engine.getManagementService().createJobQuery().processInstanceId(open.getId()).timers().list()) {
				engine.getManagementService().executeJob(timer.getId());
			}
			awaitClosed(open.getId());
		}
	}

	/** council1 opens a session; returns its process instance id. */
	public String openSession() {
		return openSession("council1");
	}

	/** The council's chair or the ward's chair opens a session. */
	public String openSession(String opener) {
		Http.Reply opened = http.post(opener,
				"/engine-rest/process-definition/key/CouncilSession/submit-form", Map.of("variables", Map.of()));
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		return opened.json().get("id").asText();
	}

	/** The member's ballot: each row's choice from its nomination's process instance id. */
	public Http.Reply vote(String session, String member, Function<String, String> vote) {
		return vote(session, member, vote, "Ý kiến của " + member);
	}

	/** The member's ballot with her comment on each row. */
	public Http.Reply vote(String session, String member, Function<String, String> vote, String comment) {
		return submitBallot(member, ballot(session, member), vote, comment, Map.of(), "/submit-form");
	}

	/**
	 * {@code login} sends the ballot of a task (her own or not) by {@code how} ({@code /submit-form} or
	 * {@code /complete}), with {@code extra} variables beside it, as an attacker would.
	 */
	public Http.Reply submitBallot(String login, Task task, Function<String, String> vote, String comment,
			Map<String, Object> extra, String how) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> row : rows(task.getId(), "ballot")) {
			Map<String, Object> filled = new LinkedHashMap<>(row);
			// Tasklist sends back the visible fields of each row, in the sheet's order
			String nomination = (String) filled.remove("nomination");
			filled.put("vote", vote.apply(nomination));
			filled.put("voteComment", comment);
			rows.add(filled);
		}
		Map<String, Object> variables = new LinkedHashMap<>(extra);
		variables.put("ballot", json(rows));
		return http.post(login, "/engine-rest/task/" + task.getId() + how, Map.of("variables", variables));
	}

	/** Every member agrees on every candidate; returns when the session is closed. */
	public void everyoneAgrees(String session) {
		for (String member : COUNCIL) {
			Http.Reply reply = vote(session, member, pid -> "agree");
			assertThat(reply.status()).as(member + ": " + reply.body()).isEqualTo(204);
		}
		awaitClosed(session);
	}

	/** Each member in order votes on {@code nomination} as given (she agrees on the others). */
	public void voteAll(String session, String nomination, List<String> votes) {
		for (int i = 0; i < votes.size(); i++) {
			String mine = votes.get(i);
			Http.Reply reply = vote(session, COUNCIL.get(i), pid -> pid.equals(nomination) ? mine : "agree");
			assertThat(reply.status()).as(COUNCIL.get(i) + ": " + reply.body()).isEqualTo(204);
		}
	}

	public Task ballot(String session, String member) {
		return await().atMost(WAIT)
			.until(() -> engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(session)
				.taskDefinitionKey("Task_CastBallot")
				.taskAssignee(member)
				.singleResult(), t -> t != null);
	}

	public void awaitClosed(String session) {
		await().atMost(WAIT).until(() -> engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(session)
			.count() == 0);
	}

	/** The chair's signing task of the batch that holds the nomination, once the nomination has joined it. */
	public Task signingTask(String nomination) {
		return await().atMost(WAIT).until(() -> {
			for (Task task : engine.getTaskService()
				.createTaskQuery()
				.processDefinitionKey("AwardDecision")
				.taskDefinitionKey("Task_SignDecisions")
				.list()) {
				Object candidates = engine.getTaskService().getVariableLocal(task.getId(), "decisionCandidates");
				if (candidates != null && candidates.toString().contains(nomination)) {
					return task;
				}
			}
			return null;
		}, t -> t != null);
	}

	/** The chair signs one decision with this number for the given nominations. */
	public Http.Reply sign(String number, String... nominations) {
		return sign("chair", "/submit-form", Map.of(), number, nominations);
	}

	/** {@code login} sends the signature by {@code how}, with {@code extra} variables beside it. */
	public Http.Reply sign(String login, String how, Map<String, Object> extra, String number, String... nominations) {
		Task task = signingTask(nominations[0]);
		Map<String, Object> variables = new LinkedHashMap<>(extra);
		variables.put("chosenNominations", json(List.of(nominations)));
		variables.put("decisionNumber", Map.of("value", number));
		variables.put("decisionDate", Map.of("value", LocalDate.now().toString()));
		return http.post(login, "/engine-rest/task/" + task.getId() + how, Map.of("variables", variables));
	}

	/** The council agrees unanimously, then the chair signs: the nominations' award is recorded. */
	public void approveAndSign(String number, String... nominations) {
		awaitCouncil(nominations);
		everyoneAgrees(openSession());
		Http.Reply signed = sign(number, nominations);
		assertThat(signed.status()).as(signed.body()).isEqualTo(204);
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> rows(String taskId, String name) {
		Object value = engine.getTaskService().getVariableLocal(taskId, name);
		try {
			return JSON.readValue(value.toString(), List.class);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A list as Tasklist submits it: a Json variable. */
	private static Map<String, Object> json(Object value) {
		try {
			return Map.of("value", JSON.writeValueAsString(value), "type", "Json");
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
