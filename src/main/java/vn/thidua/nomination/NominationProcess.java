package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.ACHIEVEMENT_REPORT;
import static vn.thidua.nomination.NominationVariables.AWARD_CODE;
import static vn.thidua.nomination.NominationVariables.AWARD_ID;
import static vn.thidua.nomination.NominationVariables.AWARD_ISSUER;
import static vn.thidua.nomination.NominationVariables.AWARD_NAME;
import static vn.thidua.nomination.NominationVariables.BOARD_DECISION;
import static vn.thidua.nomination.NominationVariables.BOARD_REASON;
import static vn.thidua.nomination.NominationVariables.CHAPTER_CODE;
import static vn.thidua.nomination.NominationVariables.CHECKS_PASSED;
import static vn.thidua.nomination.NominationVariables.CHECKS_PROBLEM;
import static vn.thidua.nomination.NominationVariables.COUNCIL_GROUP;
import static vn.thidua.nomination.NominationVariables.DECIDING_AUTHORITY;
import static vn.thidua.nomination.NominationVariables.DECISION_PATH;
import static vn.thidua.nomination.NominationVariables.DECISION_DATE;
import static vn.thidua.nomination.NominationVariables.DECISION_NUMBER;
import static vn.thidua.nomination.NominationVariables.DECISION_SIGNED_BY;
import static vn.thidua.nomination.NominationVariables.ELIGIBILITY;
import static vn.thidua.nomination.NominationVariables.NOMINEE_NAME;
import static vn.thidua.nomination.NominationVariables.NOMINEE_TYPE;
import static vn.thidua.nomination.NominationVariables.NO_DISCIPLINE_DECLARED;
import static vn.thidua.nomination.NominationVariables.OBJECTION_BY;
import static vn.thidua.nomination.NominationVariables.OBJECTION_COUNT;
import static vn.thidua.nomination.NominationVariables.OBJECTION_REASON;
import static vn.thidua.nomination.NominationVariables.PERIOD_YEAR;
import static vn.thidua.nomination.NominationVariables.REVIEW_MEETING_AGREED;
import static vn.thidua.nomination.NominationVariables.REVIEW_MEETING_DATE;
import static vn.thidua.nomination.NominationVariables.WARD_GROUP;
import static vn.thidua.nomination.NominationVariables.WITHIN_WARD_AUTHORITY;
import static vn.thidua.process.ProcessVariables.BOARD_GROUP;
import static vn.thidua.process.ProcessVariables.CHAIR_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_NAME;
import static vn.thidua.process.ProcessVariables.INITIATOR;
import static vn.thidua.process.ProcessVariables.SUBJECT;
import static vn.thidua.process.ProcessVariables.WARD_CODE;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.dossier.DossierCompleteness;
import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.security.Actor;
import vn.thidua.identity.security.ApplicationAccess;
import vn.thidua.nomination.NominationService.Started;
import vn.thidua.web.Messages;

/**
 * The CommendationNomination process ({@code bpmn/CommendationNomination.bpmn}) and the engine:
 * each bean is a listener or delegate the BPMN names, and this class is the only code of the
 * nomination that reads or writes the process's variables. It reads them into plain values, calls
 * the services ({@link NominationService}, {@link AwardRecording}), and
 * writes back what they decided. The council's vote is a session of its own ({@link CouncilSessionProcess})
 * and the chair signs decisions in batches ({@link AwardDecisionProcess}); the nomination waits for
 * each at a receive task.
 */
@Configuration(proxyBeanMethods = false)
class NominationProcess {

	/** The field a missing dossier names: the «Hồ sơ» tab, not a form field. */
	static final String DOSSIER_FIELD = "dossier";

	private final NominationService service;

	private final AwardRecording recording;

	private final Actor actor;

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	private final AwardDecisionProcess decisions;

	private final CityReviewProcess cityReviews;

	NominationProcess(NominationService service, AwardRecording recording, Actor actor, RuntimeService runtimeService,
			IdentityService identityService, AwardDecisionProcess decisions, CityReviewProcess cityReviews) {
		this.cityReviews = cityReviews;
		this.service = service;
		this.recording = recording;
		this.actor = actor;
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.decisions = decisions;
	}

	/** StartEvent_NominationSubmitted (start): the chapter from the starter, the checks; a broken rule refuses the start. */
	@Bean
	ExecutionListener nominationStart() {
		return execution -> {
			String initiator = INITIATOR.get(execution) != null ? INITIATOR.get(execution) : actor.current().orElse(null);
			Started started = service.start(execution.getProcessInstanceId(), initiator, CHAPTER_CODE.get(execution),
					submitted(execution));
			INITIATOR.set(execution, initiator);
			WARD_CODE.set(execution, started.wardCode());
			CHAPTER_CODE.set(execution, started.chapterCode());
			CHAPTER_GROUP.set(execution, started.chapterGroup());
			CHAPTER_NAME.set(execution, started.chapterName());
			WARD_GROUP.set(execution, started.wardGroup());
			BOARD_GROUP.set(execution, started.boardGroup());
			COUNCIL_GROUP.set(execution, started.councilGroup());
			CHAIR_GROUP.set(execution, started.chairGroup());
			OBJECTION_COUNT.set(execution, 0);
			setAward(execution, started.award());
		};
	}

	/** Task_CheckNomination: the rules again after a revision; a failure returns the nomination to the chapter. */
	@Bean
	JavaDelegate nominationCheckAgain() {
		return execution -> {
			NominationService.Checked checked = service.checkAgain(execution.getProcessInstanceId(),
					WARD_CODE.get(execution), CHAPTER_GROUP.get(execution), INITIATOR.get(execution), submitted(execution));
			CHECKS_PASSED.set(execution, checked.problem() == null);
			CHECKS_PROBLEM.set(execution, checked.problem());
			if (checked.award() != null) {
				setAward(execution, checked.award());
			}
		};
	}

	/** Task_CompleteDossier and Task_ReviseNomination (complete): every kind the award requires is attached. */
	@Bean
	TaskListener nominationDossierComplete(DossierCompleteness dossier) {
		return task -> {
			List<String> missing = dossier.missing(task.getProcessInstanceId(), AWARD_CODE.get(task),
					NOMINEE_TYPE.get(task));
			if (!missing.isEmpty()) {
				throw new FormValidationException(DOSSIER_FIELD, Messages.get("nomination.dossier.missing",
						missing.stream().map(k -> "«" + k + "»").collect(Collectors.joining(", "))));
			}
		};
	}

	/** Task_BoardReview (complete): a return or a rejection gives its reason. */
	@Bean
	TaskListener nominationBoardReview() {
		return task -> NominationService.validateBoardReview(BOARD_DECISION.get(task), BOARD_REASON.get(task));
	}

	/**
	 * Task_BoardReview (create): whether the history rules are met, as the board reads it; a copy on
	 * the task (task-local), so that the task's candidates read it with the READ they have on the task.
	 */
	@Bean
	TaskListener nominationBoardReviewOpened(Eligibility eligibility) {
		return task -> ELIGIBILITY.setLocal(task,
				eligibility.verdict(submitted(task), task.getProcessInstanceId(), CHAPTER_GROUP.get(task)).label());
	}

	/** Task_PublishShortlist: the nominator is told the nomination is disclosed; the ward gets it in the daily digest. */
	@Bean
	JavaDelegate nominationPublishShortlist() {
		return execution -> {
			execution.removeVariable(OBJECTION_REASON.name());
			execution.removeVariable(OBJECTION_BY.name());
			service.publishShortlist(nomination(execution));
		};
	}

	/** Task_RecordObjection: the objection goes to the board with the nomination. */
	@Bean
	JavaDelegate nominationRecordObjection() {
		return execution -> {
			Integer count = OBJECTION_COUNT.get(execution);
			OBJECTION_COUNT.set(execution, (count == null ? 0 : count) + 1);
			execution.removeVariable(BOARD_DECISION.name());
			execution.removeVariable(BOARD_REASON.name());
			service.recordObjection(nomination(execution), BOARD_GROUP.get(execution), OBJECTION_REASON.get(execution));
		};
	}

	/** Task_NotifyReturned: the chapter is told what to change. */
	@Bean
	JavaDelegate nominationNotifyReturned() {
		return execution -> service.notifyReturned(nomination(execution));
	}

	/** Task_NotifyRejected: the board did not agree; the achievement is free again. */
	@Bean
	JavaDelegate nominationNotifyRejected() {
		return execution -> service.notifyRejected(nomination(execution));
	}

	/** Task_NotifyCouncilRejected: the council did not agree. */
	@Bean
	JavaDelegate nominationNotifyCouncilRejected() {
		return execution -> service.notifyCouncilRejected(nomination(execution), BOARD_GROUP.get(execution));
	}

	/** The process ended (also when cancelled): a nomination without an outcome frees its achievement. */
	@Bean
	ExecutionListener nominationEnd() {
		return execution -> service.end(execution.getProcessInstanceId());
	}

	/**
	 * ReceiveTask_AwaitDecision and ReceiveTask_AwaitRequestLetter (start, in their own job): the
	 * nomination joins its ward's batch for the chair's signature.
	 */
	@Bean
	ExecutionListener nominationAwaitDecision() {
		return execution -> decisions.offer(execution.getProcessInstanceId(), WARD_CODE.get(execution),
				AWARD_ISSUER.get(execution), DECIDING_AUTHORITY.get(execution),
				"DECISION".equals(DECISION_PATH.get(execution)), CHAIR_GROUP.get(execution));
	}

	/** Task_RecordAward: the decision enters the register; everyone concerned is told. */
	@Bean
	JavaDelegate nominationRecordAward() {
		return execution -> AWARD_ID.set(execution, recording.recordDecision(nomination(execution),
				groups(execution), DECISION_NUMBER.get(execution), DECISION_DATE.get(execution),
				DECISION_SIGNED_BY.get(execution)));
	}

	/** Task_RecordRecommendation: the recommendation to the higher level enters the register. */
	@Bean
	JavaDelegate nominationRecordRecommendation() {
		return execution -> {
			long awardId = recording.recordRecommendation(nomination(execution), groups(execution),
					DECIDING_AUTHORITY.get(execution));
			AWARD_ID.set(execution, awardId);
			// the city reviews it in this installation when it has officials (issue 19)
			cityReviews.start(execution.getProcessInstanceId(), awardId, DECISION_NUMBER.get(execution),
					DECISION_DATE.get(execution));
		};
	}

	/**
	 * An objection to a disclosed nomination (public page or {@code /api}): the message the
	 * disclosure waits for, with the reason for the board. The person objecting has no rights on the
	 * instance (often no login): the application correlates, once the caller's rule has decided.
	 *
	 * @return false when the nomination is not waiting for objections (disclosure over)
	 */
	boolean lodgeObjection(String processInstanceId, String reason) {
		try {
			return ApplicationAccess.read(identityService, () -> {
				runtimeService.createMessageCorrelation(NominationVariables.MESSAGE_OBJECTION)
					.processInstanceId(processInstanceId)
					.setVariables(Map.of(OBJECTION_REASON.name(), reason))
					.correlate();
				return true;
			});
		}
		catch (MismatchingMessageCorrelationException ex) {
			return false;
		}
	}

	/**
	 * Starts a nomination on a person's behalf (a suggested nomination of {@code /de-xuat-khen-thuong}):
	 * as that person, so that her authorizations, the engine guard (start form fields only) and
	 * StartEvent_NominationSubmitted's checks apply as in Tasklist's start dialog; she is the initiator.
	 * Joins the caller's transaction.
	 *
	 * @return the process instance id
	 */
	String startAs(String login, List<String> groups, Map<String, Object> startFormValues) {
		var caller = identityService.getCurrentAuthentication();
		identityService.setAuthentication(login, groups);
		try {
			return runtimeService.startProcessInstanceByKey(NominationVariables.PROCESS_KEY, startFormValues).getId();
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
			else {
				identityService.clearAuthentication();
			}
		}
	}

	private static NominationData submitted(VariableScope scope) {
		return new NominationData(NOMINEE_TYPE.get(scope), NOMINEE_NAME.get(scope), PERIOD_YEAR.get(scope),
				ACHIEVEMENT_REPORT.get(scope), AWARD_CODE.get(scope), REVIEW_MEETING_DATE.get(scope),
				REVIEW_MEETING_AGREED.get(scope), NO_DISCIPLINE_DECLARED.get(scope));
	}

	private static void setAward(DelegateExecution execution, NominationService.AwardFacts award) {
		AWARD_NAME.set(execution, award.name());
		AWARD_ISSUER.set(execution, award.issuer());
		WITHIN_WARD_AUTHORITY.set(execution, award.withinWardAuthority());
		SUBJECT.set(execution, award.subject());
	}

	static NominationCase nomination(DelegateExecution execution) {
		return new NominationCase(execution.getProcessInstanceId(), WARD_CODE.get(execution),
				CHAPTER_GROUP.get(execution), CHAPTER_NAME.get(execution), INITIATOR.get(execution),
				SUBJECT.get(execution), NOMINEE_NAME.get(execution), AWARD_CODE.get(execution), AWARD_NAME.get(execution),
				PERIOD_YEAR.get(execution), BOARD_REASON.get(execution));
	}

	static List<String> groups(DelegateExecution execution) {
		return List.of(CHAPTER_GROUP.get(execution), BOARD_GROUP.get(execution), COUNCIL_GROUP.get(execution));
	}

}
