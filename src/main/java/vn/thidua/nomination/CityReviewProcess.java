package vn.thidua.nomination;

import static vn.thidua.nomination.CityReviewVariables.AWARD_ISSUER;
import static vn.thidua.nomination.CityReviewVariables.AWARD_NAME;
import static vn.thidua.nomination.CityReviewVariables.CITY_BOARD_DECISION;
import static vn.thidua.nomination.CityReviewVariables.CITY_BOARD_REASON;
import static vn.thidua.nomination.CityReviewVariables.ISSUER_NAME;
import static vn.thidua.nomination.CityReviewVariables.NOMINATING_WARD;
import static vn.thidua.nomination.CityReviewVariables.NOMINATING_WARD_NAME;
import static vn.thidua.nomination.CityReviewVariables.NOMINATION_ID;
import static vn.thidua.nomination.CityReviewVariables.NOMINEE_NAME;
import static vn.thidua.nomination.CityReviewVariables.PERIOD_YEAR;
import static vn.thidua.nomination.CityReviewVariables.REQUEST_LETTER_DATE;
import static vn.thidua.nomination.CityReviewVariables.REQUEST_LETTER_NUMBER;
import static vn.thidua.nomination.CityReviewVariables.REVIEW_ID;
import static vn.thidua.nomination.CityReviewVariables.WARD_VOTES;
import static vn.thidua.nomination.CityReviewVariables.WITHIN_CITY;
import static vn.thidua.nomination.NominationVariables.AWARD_ID;
import static vn.thidua.nomination.NominationVariables.DECISION_DATE;
import static vn.thidua.nomination.NominationVariables.DECISION_NUMBER;
import static vn.thidua.nomination.NominationVariables.DECISION_SIGNED_BY;
import static vn.thidua.process.ProcessVariables.BOARD_GROUP;
import static vn.thidua.process.ProcessVariables.CHAIR_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_NAME;
import static vn.thidua.process.ProcessVariables.SUBJECT;
import static vn.thidua.process.ProcessVariables.WARD_CODE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.identity.security.Actor;
import vn.thidua.nomination.CityReviews.Opened;

/**
 * The CityReview process ({@code bpmn/CityReview.bpmn}) and the engine (issue 19): one instance per
 * recommendation a ward's chair signed, in the same installation; its business key is the
 * nomination's process instance id (the council session and the decision batch reach it by it), its
 * {@code wardCode} the city's code. The only class that touches this process's variables; the rules
 * are {@link CityReviews}'.
 */
@Configuration(proxyBeanMethods = false)
class CityReviewProcess {

	private final CityReviews reviews;

	private final AwardDecisionProcess decisions;

	private final Actor actor;

	private final RuntimeService runtimeService;

	CityReviewProcess(CityReviews reviews, AwardDecisionProcess decisions, Actor actor, RuntimeService runtimeService) {
		this.reviews = reviews;
		this.decisions = decisions;
		this.actor = actor;
		this.runtimeService = runtimeService;
	}

	/**
	 * Task_RecordRecommendation of the nomination (in its transaction): the city's review starts with
	 * the ward's request letter and the register row, when the city has officials.
	 */
	void start(String nominationId, long awardId, String letterNumber, String letterDate) {
		Optional<Opened> opened = reviews.open(nominationId, awardId, letterNumber, letterDate);
		if (opened.isEmpty()) {
			return;
		}
		Opened o = opened.get();
		Map<String, Object> variables = new HashMap<>();
		variables.put(REVIEW_ID.name(), o.reviewId());
		variables.put(NOMINATION_ID.name(), nominationId);
		variables.put(AWARD_ID.name(), awardId);
		variables.put(WARD_CODE.name(), o.cityCode());
		variables.put(BOARD_GROUP.name(), o.boardGroup());
		variables.put(CHAIR_GROUP.name(), o.chairGroup());
		variables.put(NOMINATING_WARD.name(), o.wardCode());
		variables.put(NOMINATING_WARD_NAME.name(), o.wardName());
		variables.put(NOMINEE_NAME.name(), o.nomineeName());
		variables.put(AWARD_NAME.name(), o.awardName());
		variables.put(PERIOD_YEAR.name(), o.periodYear());
		variables.put(AWARD_ISSUER.name(), o.issuer());
		variables.put(ISSUER_NAME.name(), o.issuerName());
		variables.put(WITHIN_CITY.name(), o.withinCity());
		variables.put(WARD_VOTES.name(), o.wardVotes());
		variables.put(REQUEST_LETTER_NUMBER.name(), o.letterNumber());
		variables.put(REQUEST_LETTER_DATE.name(), o.letterDate());
		// what the city's task lists show (tasklist.TaskLabelsPlugin)
		variables.put(CHAPTER_NAME.name(), o.wardName());
		variables.put(SUBJECT.name(), o.subject());
		runtimeService.createProcessInstanceByKey(CityReviewVariables.PROCESS_KEY)
			.businessKey(nominationId)
			.setVariables(variables)
			.execute();
	}

	/** StartEvent_RecommendationReceived (start): the review's row learns its instance. */
	@Bean
	ExecutionListener cityReviewOpen() {
		return execution -> reviews.attach(REVIEW_ID.get(execution), execution.getProcessInstanceId());
	}

	/** Task_BoardReviewRecommendation (complete): the city board's choice and reason, and who gave them. */
	@Bean
	TaskListener cityReviewBoardReviewed() {
		return task -> reviews.boardReviewed(REVIEW_ID.get(task), CITY_BOARD_DECISION.get(task),
				CITY_BOARD_REASON.get(task), actor.idOr(task.getAssignee()));
	}

	/** Task_NotifyWardReturned: back to the ward with the reason; the review ends. */
	@Bean
	JavaDelegate cityReviewReturned() {
		return execution -> reviews.returned(REVIEW_ID.get(execution));
	}

	/** Task_RecordBoardRejected and Task_RecordCouncilRejected: «không khen thưởng» on the ward's row. */
	@Bean
	JavaDelegate cityReviewNotGranted() {
		return execution -> reviews.notGranted(REVIEW_ID.get(execution),
				"Task_RecordCouncilRejected".equals(execution.getCurrentActivityId()));
	}

	/**
	 * ReceiveTask_AwaitCityDecision and ReceiveTask_AwaitCityRequestLetter (start, in their own job):
	 * the recommendation joins the open batch of the city and the award's issuer.
	 */
	@Bean
	ExecutionListener cityReviewAwaitDecision() {
		return execution -> decisions.offer(NOMINATION_ID.get(execution), WARD_CODE.get(execution),
				AWARD_ISSUER.get(execution), ISSUER_NAME.get(execution), Boolean.TRUE.equals(WITHIN_CITY.get(execution)),
				CHAIR_GROUP.get(execution));
	}

	/** Task_RecordCityDecision: the city's decision on the ward's register row; the ward is mailed. */
	@Bean
	JavaDelegate cityReviewGranted() {
		return execution -> reviews.granted(REVIEW_ID.get(execution), DECISION_NUMBER.get(execution),
				DECISION_DATE.get(execution), DECISION_SIGNED_BY.get(execution));
	}

	/** Task_RecordForwarded: the city's request letter to the higher level; the ward is mailed. */
	@Bean
	JavaDelegate cityReviewForwarded() {
		return execution -> reviews.forwarded(REVIEW_ID.get(execution), DECISION_NUMBER.get(execution),
				DECISION_DATE.get(execution), DECISION_SIGNED_BY.get(execution));
	}

	/**
	 * The recommendations of the city waiting for its council (for {@link CouncilSessionProcess}): the
	 * nominations' ids, which are the instances' business keys.
	 */
	List<String> waitingForCouncil(String cityCode) {
		return runtimeService.createExecutionQuery()
			.processDefinitionKey(CityReviewVariables.PROCESS_KEY)
			.activityId(CityReviewVariables.RECEIVE_AWAIT_COUNCIL)
			.messageEventSubscriptionName(NominationVariables.MESSAGE_COUNCIL_DECIDED)
			.processVariableValueEquals(WARD_CODE.name(), cityCode)
			.list()
			.stream()
			.map(Execution::getProcessInstanceId)
			.distinct()
			.map(pid -> runtimeService.createProcessInstanceQuery().processInstanceId(pid).singleResult())
			.filter(java.util.Objects::nonNull)
			.map(p -> p.getBusinessKey())
			.toList();
	}

}
