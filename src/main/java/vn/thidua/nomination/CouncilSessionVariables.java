package vn.thidua.nomination;

import java.util.Date;

import vn.thidua.process.Variable;

/**
 * Process key, element ids and variable names of {@code bpmn/CouncilSession.bpmn}, the council's
 * session that votes on every candidate of the ward on one ballot sheet. Variable names equal the
 * form field keys of {@code forms/council-session-start.form} and {@code forms/council-ballot.form}.
 */
public final class CouncilSessionVariables {

	public static final String PROCESS_KEY = "CouncilSession";

	public static final String START_EVENT = "StartEvent_SessionOpened";

	/** One per council member, assigned to her: the whole ballot sheet. */
	public static final String TASK_CAST_BALLOT = "Task_CastBallot";

	public static final String TASK_COUNT_BALLOTS = "Task_CountBallots";

	public static final String SESSION_DEADLINE_EVENT = "BoundaryEvent_SessionDeadline";

	// start form
	/** The last day of the vote (form-js date); empty: {@code thidua.council.session-period}. */
	public static final Variable<java.time.LocalDate> SESSION_DEADLINE = Variable.date("sessionDeadline");

	// set by the process
	public static final Variable<Long> SESSION_ID = Variable.number("councilSessionId");

	/** The end of the last day: the deadline timer's {@code timeDate}. */
	public static final Variable<Date> SESSION_ENDS = Variable.instant("sessionEnds");

	public static final Variable<java.util.List<String>> COUNCIL_MEMBERS = Variable.strings("councilMembers");

	/** Element variable of Task_CastBallot's multi-instance: the member the ballot is assigned to. */
	public static final Variable<String> COUNCIL_MEMBER = Variable.text("councilMember");

	public static final Variable<String> COUNCIL_CHAIR = Variable.text("councilChair");

	public static final Variable<Integer> CANDIDATE_COUNT = Variable.integer("candidateCount");

	/**
	 * Task-local only: the ballot sheet (a dynamic list, one row per candidate: {@value #ROW_NOMINATION},
	 * {@value #ROW_CANDIDATE}, vote, voteComment), moved into thidua_council_vote on completion.
	 */
	public static final Variable<java.util.List<java.util.Map<String, Object>>> BALLOT = Variable.rows("ballot");

	/** Task-local, set by the application only: the council's chair who entered a written opinion. */
	public static final Variable<String> WRITTEN_BY = Variable.text("writtenBy");

	public static final String ROW_NOMINATION = "nomination";

	public static final String ROW_CANDIDATE = "candidate";

	private CouncilSessionVariables() {
	}

}
