package vn.thidua.nomination;

import static vn.thidua.nomination.AwardDecisionVariables.BATCH_ID;
import static vn.thidua.nomination.AwardDecisionVariables.CANDIDATES;
import static vn.thidua.nomination.AwardDecisionVariables.CHOSEN;
import static vn.thidua.nomination.AwardDecisionVariables.FIRST_NOMINATION;
import static vn.thidua.nomination.AwardDecisionVariables.ISSUER;
import static vn.thidua.nomination.AwardDecisionVariables.KIND;
import static vn.thidua.nomination.AwardDecisionVariables.REMAINING;
import static vn.thidua.nomination.AwardDecisionVariables.SIGNED;
import static vn.thidua.nomination.NominationVariables.DECISION_DATE;
import static vn.thidua.nomination.NominationVariables.DECISION_NUMBER;
import static vn.thidua.nomination.NominationVariables.DECISION_SIGNED_BY;
import static vn.thidua.process.ProcessVariables.CHAIR_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_NAME;
import static vn.thidua.process.ProcessVariables.SUBJECT;
import static vn.thidua.process.ProcessVariables.WARD_CODE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.identity.security.Actor;
import vn.thidua.nomination.DecisionBatchRepository.Batch;
import vn.thidua.nomination.DecisionBatches.Signed;
import vn.thidua.web.Messages;

/**
 * The AwardDecision process ({@code bpmn/AwardDecision.bpmn}) and the engine: one instance per batch
 * of approved nominations of a ward and an issuer. The chair's task lists every nomination of the
 * batch not yet signed; she ticks those one decision (or request letter) covers; each of them then
 * continues ({@code Message_DecisionSigned}); the task comes back while nominations still wait. The
 * rules are {@link DecisionBatches}'.
 */
@Configuration(proxyBeanMethods = false)
class AwardDecisionProcess {

	private static final Logger LOG = LoggerFactory.getLogger(AwardDecisionProcess.class);

	private final DecisionBatches batches;

	private final Actor actor;

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	AwardDecisionProcess(DecisionBatches batches, Actor actor, RuntimeService runtimeService, TaskService taskService) {
		this.batches = batches;
		this.actor = actor;
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	/**
	 * ReceiveTask_AwaitDecision and ReceiveTask_AwaitRequestLetter of the nomination (start, in their
	 * own job): the nomination joins the open batch of its ward and issuer, or opens one. Called by
	 * {@link NominationProcess} with values the process computed.
	 */
	void offer(String nominationProcessInstanceId, String wardCode, String issuer, String issuerName,
			boolean withinWard, String chairGroup) {
		Optional<Batch> open = batches.openBatch(wardCode, issuer);
		if (open.isEmpty()) {
			String kind = withinWard ? DecisionBatches.DECISION : DecisionBatches.RECOMMENDATION;
			OptionalLong claimed = batches.claim(wardCode, issuer, kind);
			if (claimed.isPresent()) {
				Map<String, Object> variables = new HashMap<>();
				variables.put(BATCH_ID.name(), claimed.getAsLong());
				variables.put(WARD_CODE.name(), wardCode);
				variables.put(ISSUER.name(), issuer);
				variables.put(KIND.name(), kind);
				variables.put(CHAIR_GROUP.name(), chairGroup);
				variables.put(FIRST_NOMINATION.name(), nominationProcessInstanceId);
				variables.put(CHAPTER_NAME.name(), batches.wardName(wardCode));
				variables.put(SUBJECT.name(), Messages.get(withinWard ? "decision.batch.subject.decision"
						: "decision.batch.subject.recommendation", issuerName));
				runtimeService.startProcessInstanceByKey(AwardDecisionVariables.PROCESS_KEY, variables);
				return;
			}
			// another nomination opened it at the same moment: its transaction has committed, join it
			open = batches.openBatch(wardCode, issuer);
			if (open.isEmpty()) {
				throw new IllegalStateException("The decision batch of ward " + wardCode + " and issuer " + issuer
						+ " was opened and closed meanwhile: the nomination's job runs again");
			}
		}
		Batch batch = open.get();
		// the batch's row is locked (openBatch): a signature or a close of this batch waits for this
		// transaction, and none of them can have left it closed with this nomination in it
		batches.add(batch.id(), nominationProcessInstanceId);
		for (Task task : taskService.createTaskQuery()
			.processInstanceId(batch.processInstanceId())
			.taskDefinitionKey(AwardDecisionVariables.TASK_SIGN)
			.list()) {
			taskService.setVariableLocal(task.getId(), CANDIDATES.name(), CANDIDATES.engineValue(batches.candidates(batch.id())));
		}
	}

	/** StartEvent_BatchOpened (start): the batch claimed for it (its id a start variable), with its first nomination. */
	@Bean
	ExecutionListener awardDecisionOpen() {
		return execution -> {
			long id = BATCH_ID.get(execution);
			batches.open(id, execution.getProcessInstanceId(), WARD_CODE.get(execution), ISSUER.get(execution),
					FIRST_NOMINATION.get(execution));
			REMAINING.set(execution, batches.remaining(id));
		};
	}

	/** Task_SignDecisions (create): the nominations waiting in the batch, as the checklist's options. */
	@Bean
	TaskListener awardDecisionSignCreated() {
		return task -> CANDIDATES.setLocal(task, batches.candidates(BATCH_ID.get(task)));
	}

	/** Task_SignDecisions (complete): the ticked nominations, the number and date; the signer. */
	@Bean
	TaskListener awardDecisionSign() {
		return task -> {
			Signed signed = batches.sign(BATCH_ID.get(task), CHOSEN.get(task), DECISION_NUMBER.get(task),
					DECISION_DATE.get(task), actor.idOr(task.getAssignee()));
			SIGNED.set(task.getExecution(), signed.processInstanceIds());
			DECISION_NUMBER.set(task.getExecution(), signed.number());
			DECISION_SIGNED_BY.set(task.getExecution(), signed.signer());
			task.removeVariablesLocal(List.of(CANDIDATES.name()));
		};
	}

	/**
	 * Task_IssueDecision (in its own job): each nomination the signature covers goes on with the
	 * number, all of them or none (a nomination signed but still running elsewhere fails the job);
	 * the batch closes when none is left.
	 */
	@Bean
	JavaDelegate awardDecisionIssue() {
		return execution -> {
			long batchId = BATCH_ID.get(execution);
			String unitCode = WARD_CODE.get(execution);
			Map<String, Object> decision = Map.of(DECISION_NUMBER.name(), DECISION_NUMBER.get(execution),
					DECISION_DATE.name(), DECISION_DATE.get(execution), DECISION_SIGNED_BY.name(),
					DECISION_SIGNED_BY.get(execution));
			for (String nomination : SIGNED.get(execution)) {
				var correlation = runtimeService.createMessageCorrelation(NominationVariables.MESSAGE_DECISION_SIGNED);
				// a ward's batch signs its nominations; the city's the city's reviews of them (business key: the nomination)
				if ((batches.isCity(unitCode) ? correlation.processInstanceBusinessKey(nomination)
					.processInstanceVariableEquals(WARD_CODE.name(), unitCode) : correlation.processInstanceId(nomination))
					.setVariables(decision)
					.correlateAllWithResult()
					.isEmpty()) {
					if (runtimeService.createProcessInstanceQuery().processInstanceId(nomination).count() > 0) {
						// signed, running, but not (yet) at its receive task: nothing of this job is kept,
						// it runs again (camunda:failedJobRetryTimeCycle), an incident if it never does
						throw new IllegalStateException("Nomination " + nomination + " is signed in decision "
								+ DECISION_NUMBER.get(execution) + " but does not wait for it");
					}
					LOG.warn("Nomination {} no longer waits for its decision (cancelled?): decision {} stays in the batch",
							nomination, DECISION_NUMBER.get(execution));
				}
			}
			// the next signature starts with an empty form
			execution.removeVariables(List.of(DECISION_NUMBER.name(), DECISION_DATE.name(), CHOSEN.name()));
			REMAINING.set(execution, batches.closeIfSigned(batchId));
		};
	}

}
