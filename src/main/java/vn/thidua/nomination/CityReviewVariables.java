package vn.thidua.nomination;

import vn.thidua.process.Variable;

/**
 * Process key, element ids and variable names of {@code bpmn/CityReview.bpmn}: the city reviews a
 * ward's recommendation. Names of the board's form equal the field keys of
 * {@code forms/city-board-review.form}. The instance's {@code wardCode} is the city's code (the unit
 * whose people act); the nominating ward is {@link #NOMINATING_WARD}; its business key is the
 * nomination's process instance id, which the council session and the decision batch use to find it.
 */
public final class CityReviewVariables {

	public static final String PROCESS_KEY = "CityReview";

	public static final String TASK_BOARD_REVIEW = "Task_BoardReviewRecommendation";

	/** Same id and message as the nomination's wait for its ward council. */
	public static final String RECEIVE_AWAIT_COUNCIL = NominationVariables.RECEIVE_AWAIT_COUNCIL;

	// set by the application when the review starts (none from a submission)
	public static final Variable<Long> REVIEW_ID = Variable.number("cityReviewId");

	public static final Variable<String> NOMINATION_ID = Variable.text("nominationId");

	public static final Variable<String> NOMINATING_WARD = Variable.text("nominatingWard");

	public static final Variable<String> NOMINATING_WARD_NAME = Variable.text("nominatingWardName");

	public static final Variable<String> NOMINEE_NAME = Variable.text("nomineeName");

	public static final Variable<String> AWARD_NAME = Variable.text("awardName");

	public static final Variable<Integer> PERIOD_YEAR = Variable.integer("periodYear");

	public static final Variable<String> REQUEST_LETTER_NUMBER = Variable.text("requestLetterNumber");

	public static final Variable<String> REQUEST_LETTER_DATE = Variable.text("requestLetterDate");

	/** The ward council's tally, e.g. «4/5 thành viên tán thành». */
	public static final Variable<String> WARD_VOTES = Variable.text("wardVotes");

	/** Whether the city decides the award itself (its issuer is the city) or proposes it higher. */
	public static final Variable<Boolean> WITHIN_CITY = Variable.flag("withinCity");

	public static final Variable<String> AWARD_ISSUER = Variable.text("awardIssuer");

	public static final Variable<String> ISSUER_NAME = Variable.text("issuerName");

	// the city board's form
	public static final Variable<String> CITY_BOARD_DECISION = Variable.text("cityBoardDecision");

	public static final Variable<String> CITY_BOARD_REASON = Variable.text("cityBoardReason");

	public static final String APPROVE = "approve";

	public static final String RETURN = "return";

	public static final String REJECT = "reject";

	private CityReviewVariables() {
	}

}
