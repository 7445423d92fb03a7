package vn.thidua.nomination;

import static vn.thidua.nomination.CouncilSessionVariables.BALLOT;
import static vn.thidua.nomination.CouncilSessionVariables.CANDIDATE_COUNT;
import static vn.thidua.nomination.CouncilSessionVariables.COUNCIL_CHAIR;
import static vn.thidua.nomination.CouncilSessionVariables.COUNCIL_MEMBERS;
import static vn.thidua.nomination.CouncilSessionVariables.SESSION_DEADLINE;
import static vn.thidua.nomination.CouncilSessionVariables.SESSION_ENDS;
import static vn.thidua.nomination.CouncilSessionVariables.SESSION_ID;
import static vn.thidua.nomination.CouncilSessionVariables.WRITTEN_BY;
import static vn.thidua.process.ProcessVariables.CHAPTER_NAME;
import static vn.thidua.process.ProcessVariables.INITIATOR;
import static vn.thidua.process.ProcessVariables.SUBJECT;
import static vn.thidua.process.ProcessVariables.WARD_CODE;

import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.security.Actor;
import vn.thidua.identity.security.ApplicationAccess;
import vn.thidua.nomination.CouncilVoting.OpenedSession;
import vn.thidua.nomination.CouncilVoting.Result;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * The CouncilSession process ({@code bpmn/CouncilSession.bpmn}) and the engine: the council's chair
 * opens a session with every nomination of the ward waiting at the council
 * ({@code ReceiveTask_AwaitCouncilSession} of the nomination); each member gets one ballot listing
 * every candidate; when all have voted, or at the last day, the ballots are counted per candidate by
 * its award's rule and each nomination goes on with its result. The only class that touches this
 * process's variables; the rules are {@link CouncilVoting}'s.
 */
@Configuration(proxyBeanMethods = false)
class CouncilSessionProcess {

	private static final Logger LOG = LoggerFactory.getLogger(CouncilSessionProcess.class);

	private final CouncilVoting voting;

	private final Actor actor;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final CityReviewProcess cityReviews;

	CouncilSessionProcess(CouncilVoting voting, Actor actor, RuntimeService runtimeService, TaskService taskService,
			IdentityService identityService, CityReviewProcess cityReviews) {
		this.cityReviews = cityReviews;
		this.voting = voting;
		this.actor = actor;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
		this.identityService = identityService;
	}

	/** StartEvent_SessionOpened (start): the ward of the opener, the candidates, the members, the deadline. */
	@Bean
	ExecutionListener councilSessionOpen() {
		return execution -> {
			String opener = INITIATOR.get(execution) != null ? INITIATOR.get(execution) : actor.current().orElse(null);
			String wardCode = voting.wardChairedBy(opener)
				.orElseThrow(() -> new FormValidationException(SESSION_DEADLINE.name(),
						Messages.get("council.session.not-chair")));
			OpenedSession session = voting.openSession(execution.getProcessInstanceId(), wardCode, opener,
					waitingForCouncil(wardCode), SESSION_DEADLINE.get(execution));
			INITIATOR.set(execution, opener);
			WARD_CODE.set(execution, wardCode);
			SESSION_ID.set(execution, session.id());
			COUNCIL_MEMBERS.set(execution, session.members());
			COUNCIL_CHAIR.set(execution, session.councilChair());
			CANDIDATE_COUNT.set(execution, session.candidates());
			// what every ballot shows in the task lists (tasklist.TaskLabelsPlugin)
			CHAPTER_NAME.set(execution, session.wardName());
			SUBJECT.set(execution, Messages.get("council.session.subject", String.valueOf(session.candidates()),
					session.deadline().toLocalDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
			SESSION_ENDS.set(execution, Date.from(session.deadline().atZone(ZoneId.systemDefault()).toInstant()));
		};
	}

	/** Task_CastBallot (create): the ballot sheet lives on the member's own task only. */
	@Bean
	TaskListener councilSessionBallotCreated() {
		return task -> BALLOT.setLocal(task, voting.ballotSheet(SESSION_ID.get(task)));
	}

	/** Task_CastBallot (complete): the ballot moves into the vote table and off the task. */
	@Bean
	TaskListener councilSessionBallotCast() {
		return task -> {
			voting.castBallot(SESSION_ID.get(task), task.getAssignee(), actor.current().orElse(null),
					WRITTEN_BY.getLocal(task), BALLOT.getLocal(task));
			task.removeVariablesLocal(List.of(BALLOT.name(), WRITTEN_BY.name()));
		};
	}

	/**
	 * Task_CountBallots: each candidate counted by its award's rule; each nomination receives its
	 * result (the process computes it, nobody submits it); one mail with the session's results.
	 */
	@Bean
	JavaDelegate councilSessionCount() {
		return execution -> {
			long sessionId = SESSION_ID.get(execution);
			String unitCode = WARD_CODE.get(execution);
			List<Result> results = voting.countSession(sessionId);
			ApplicationAccess.read(identityService, () -> {
				for (Result r : results) {
					Map<String, Object> outcome = new HashMap<>();
					outcome.put(NominationVariables.COUNCIL_ROUND.name(), r.tally().round());
					outcome.put(NominationVariables.VOTES_AGREE.name(), r.tally().agree());
					outcome.put(NominationVariables.VOTES_DISAGREE.name(), r.tally().disagree());
					outcome.put(NominationVariables.VOTES_ABSTAIN.name(), r.tally().abstain());
					outcome.put(NominationVariables.QUORUM_REACHED.name(), r.tally().quorumReached());
					outcome.put(NominationVariables.COUNCIL_APPROVED.name(), r.tally().approved());
					outcome.put(NominationVariables.COUNCIL_MEMBER_COUNT.name(), r.tally().members());
					if (waiting(runtimeService.createMessageCorrelation(NominationVariables.MESSAGE_COUNCIL_DECIDED),
							unitCode, r.processInstanceId())
						.setVariables(outcome)
						.correlateAllWithResult()
						.isEmpty()) {
						LOG.warn("Nomination {} no longer waits for the council (cancelled?): its result {} is kept in the session only", r.processInstanceId(), r.outcome());
					}
				}
				return null;
			});
			voting.notifySessionClosed(sessionId, results);
		};
	}

	/**
	 * The written opinion of an absent member, entered by the council's chair (
	 * {@code POST /api/council-sessions/{id}/written-opinions}): the member's ballot task completes
	 * with it, marked as written. The rule (the chair of this session's council, the member's ballot
	 * still open) is decided here, so the application completes the task itself.
	 */
	void enterWrittenOpinion(String sessionProcessInstanceId, String member, List<Map<String, Object>> ballot) {
		String chair = actor.id();
		Task task = ApplicationAccess.read(identityService, () -> taskService.createTaskQuery()
			.processInstanceId(sessionProcessInstanceId)
			.taskDefinitionKey(CouncilSessionVariables.TASK_CAST_BALLOT)
			.taskAssignee(member)
			.singleResult());
		Long sessionId = task == null ? null
				: ApplicationAccess.read(identityService,
						() -> (Long) runtimeService.getVariable(sessionProcessInstanceId, SESSION_ID.name()));
		if (sessionId == null) {
			throw Refusal.notFound(Messages.get("council.written.no-ballot"));
		}
		if (!voting.mayEnterWrittenOpinions(sessionId, chair)) {
			throw Refusal.forbidden(Messages.get("council.written.not-chair"));
		}
		ApplicationAccess.read(identityService, () -> {
			// on the task itself, like a submitted ballot (complete(id, variables) would write them on the session)
			taskService.setVariableLocal(task.getId(), WRITTEN_BY.name(), chair);
			taskService.setVariableLocal(task.getId(), BALLOT.name(), BALLOT.engineValue(ballot));
			taskService.complete(task.getId());
			return null;
		});
	}

	/**
	 * The nominations of the ward waiting for the council: their instances wait at the receive task
	 * for its message. One whose result arrived is still at the receive task until its continuation
	 * (asynchronous after) runs; without its message subscription it is not waiting any more.
	 */
	private List<String> waitingForCouncil(String wardCode) {
		if (voting.isCity(wardCode)) {
			return ApplicationAccess.read(identityService, () -> cityReviews.waitingForCouncil(wardCode));
		}
		return ApplicationAccess.read(identityService, () -> runtimeService.createExecutionQuery()
			.processDefinitionKey(NominationVariables.PROCESS_KEY)
			.activityId(NominationVariables.RECEIVE_AWAIT_COUNCIL)
			.messageEventSubscriptionName(NominationVariables.MESSAGE_COUNCIL_DECIDED)
			.processVariableValueEquals(WARD_CODE.name(), wardCode)
			.list()
			.stream()
			.map(Execution::getProcessInstanceId)
			.distinct()
			.toList());
	}


	/**
	 * Where a candidate waits for its result: a ward's nomination itself, or, in the city's session,
	 * the city's review of it (business key: the nomination's id).
	 */
	private MessageCorrelationBuilder waiting(MessageCorrelationBuilder correlation, String unitCode,
			String nominationId) {
		return voting.isCity(unitCode) ? correlation.processInstanceBusinessKey(nominationId)
			.processInstanceVariableEquals(WARD_CODE.name(), unitCode) : correlation.processInstanceId(nominationId);
	}

}
