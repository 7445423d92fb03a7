package vn.thidua.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * The year-end season through the engine's Java API, as Tasklist's calls reach it (each step
 * authenticated as its person): a council session over every nomination waiting for the council, each
 * member's one ballot, the count, and the chair's batch signature. For process tests with the job
 * executor off: each step runs the jobs it leaves behind. The demo ward {@code bode}.
 */
public final class SeasonSteps {

	public static final List<String> COUNCIL = List.of("council1", "council2", "council3", "council4", "council5");

	/** The city's council of the demo organisation (issue 19); citycouncil1 chairs it. */
	public static final List<String> CITY_COUNCIL = List.of("citycouncil1", "citycouncil2", "citycouncil3",
			"citycouncil4", "citycouncil5");

	private final ProcessEngine engine;

	public SeasonSteps(ProcessEngine engine) {
		this.engine = engine;
	}

	/** Runs every job that is due now (async continuations), until none is left. */
	public void runJobs() {
		for (int round = 0; round < 50; round++) {
			List<Job> jobs = engine.getManagementService().createJobQuery().executable().messages().list();
			if (jobs.isEmpty()) {
				return;
			}
			for (Job job : jobs) {
				engine.getManagementService().executeJob(job.getId());
			}
		}
	}

	/** council1 opens a session with every nomination of the ward waiting for the council. */
	public ProcessInstance openSession() {
		runJobs();
		return openSessionNow();
	}

	/** council1 opens a session now, the jobs left behind (async continuations) not run first. */
	public ProcessInstance openSessionNow() {
		return openSessionAs("council1");
	}

	/** The person (a council's chair) opens a session of her council; the jobs are run first. */
	public ProcessInstance openCitySession() {
		runJobs();
		return openSessionAs("citycouncil1");
	}

	private ProcessInstance openSessionAs(String opener) {
		return as(opener, () -> engine.getFormService()
			.submitStartForm(engine.getRepositoryService()
				.createProcessDefinitionQuery()
				.processDefinitionKey("CouncilSession")
				.latestVersion()
				.singleResult()
				.getId(), Map.of()));
	}

	/**
	 * The member fills in her ballot: {@code vote} gives each row's choice from the nomination's
	 * process instance id (null: the row is left empty).
	 */
	public void vote(ProcessInstance session, String member, Function<String, String> vote) {
		cast(session, member, vote);
		runJobs();
	}

	/** The member submits her ballot; the jobs it leaves (the count) are not run. */
	public void cast(ProcessInstance session, String member, Function<String, String> vote) {
		Task task = ballot(session, member);
		assertThat(task).as("ballot of " + member).isNotNull();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Map<String, Object> row : sheet(task)) {
			Map<String, Object> filled = new LinkedHashMap<>(row);
			filled.remove("nomination");
			filled.put("vote", vote.apply(row.get("nomination").toString()));
			filled.put("voteComment", "Ý kiến của " + member);
			rows.add(filled);
		}
		as(member, () -> {
			engine.getFormService().submitTaskForm(task.getId(), Map.of("ballot", json(rows)));
			return null;
		});
	}

	/** Each member in order votes on {@code nomination} as given (null: does not vote), agree on the others. */
	public void voteAll(ProcessInstance session, String nomination, String... votes) {
		for (int i = 0; i < votes.length; i++) {
			if (votes[i] != null) {
				String mine = votes[i];
				vote(session, COUNCIL.get(i), pid -> pid.equals(nomination) ? mine : "agree");
			}
		}
	}

	/** Each member of the city's council in order votes on {@code nomination} as given (null: does not vote). */
	public void cityVoteAll(ProcessInstance session, String nomination, String... votes) {
		for (int i = 0; i < votes.length; i++) {
			if (votes[i] != null) {
				String mine = votes[i];
				vote(session, CITY_COUNCIL.get(i), pid -> pid.equals(nomination) ? mine : "agree");
			}
		}
	}

	/** The rows of a member's ballot sheet, as her form reads them. */
	@SuppressWarnings("unchecked")
	public List<Map<String, Object>> sheet(Task ballot) {
		Object value = engine.getTaskService().getVariableLocal(ballot.getId(), "ballot");
		try {
			return new com.fasterxml.jackson.databind.ObjectMapper().readValue(value.toString(), List.class);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Task ballot(ProcessInstance session, String member) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(session.getId())
			.taskDefinitionKey("Task_CastBallot")
			.taskAssignee(member)
			.singleResult();
	}

	/** The session's last day passes: the deadline timer fires and the ballots are counted. */
	public void deadline(ProcessInstance session) {
		Job timer = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(session.getId())
			.timers()
			.singleResult();
		engine.getManagementService().executeJob(timer.getId());
		runJobs();
	}

	/** Closes every session left open (by a failed test): its deadline passes. */
	public void closeOpenSessions() {
		runJobs();
		for (ProcessInstance open : engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("CouncilSession")
			.list()) {
			deadline(open);
		}
	}

	/** The chair's open signing task of the ward's batch holding the nomination. */
	public Task signingTask(String nomination) {
		runJobs();
		for (Task task : engine.getTaskService()
			.createTaskQuery()
			.processDefinitionKey("AwardDecision")
			.taskDefinitionKey("Task_SignDecisions")
			.list()) {
			if (engine.getTaskService().getVariableLocal(task.getId(), "decisionCandidates").toString()
				.contains(nomination)) {
				return task;
			}
		}
		return null;
	}

	/** The chair signs one decision (or request letter) with this number for the given nominations. */
	public void sign(String number, String... nominations) {
		Task task = signingTask(nominations[0]);
		assertThat(task).as("the chair's signing task for " + nominations[0]).isNotNull();
		signOn(task, number, nominations);
	}

	/** The chair submits this signing task with the given nominations ticked. */
	public void signOn(Task task, String number, String... nominations) {
		signAs("chair", task, number, nominations);
	}

	/** The city's chair signs one decision (or request letter) of the city's batch holding the nominations. */
	public void citySign(String number, String... nominations) {
		Task task = signingTask(nominations[0]);
		assertThat(task).as("the city chair's signing task for " + nominations[0]).isNotNull();
		signAs("citychair", task, number, nominations);
	}

	/** The signer submits this signing task with the given nominations ticked. */
	public void signAs(String signer, Task task, String number, String... nominations) {
		Map<String, Object> v = new HashMap<>();
		v.put("chosenNominations", json(List.of(nominations)));
		v.put("decisionNumber", number);
		v.put("decisionDate", LocalDate.now().toString());
		as(signer, () -> {
			engine.getFormService().submitTaskForm(task.getId(), v);
			return null;
		});
		runJobs();
	}

	private static Object json(Object value) {
		try {
			return SpinValues.jsonValue(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value))
				.create();
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs the call authenticated as the person with her groups, as Tasklist's REST calls are. */
	public <T> T as(String user, java.util.function.Supplier<T> call) {
		var identity = engine.getIdentityService();
		identity.setAuthentication(user,
				identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
		try {
			return call.get();
		}
		finally {
			identity.clearAuthentication();
		}
	}

}
