package vn.thidua.rollout.chapter;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.thidua.partycell.PartyCellReportVariables;
import vn.thidua.process.ProcessVariables;
import vn.thidua.process.Variable;
import vn.thidua.rollout.ProgrammeVariables;

/**
 * Process key, element ids and variables of {@code bpmn/ChapterRollout.bpmn}, called once per chapter
 * by PlanRollout; variable names equal the form field keys of {@code work-items-*.form},
 * {@code mid-year-report.form} and {@code year-end-report.form}. What CallActivity_PartyCellReport
 * passes on is declared by the callee, {@link PartyCellReportVariables#CALL_INPUTS}.
 */
public final class ChapterRolloutVariables {

	public static final String PROCESS_KEY = "ChapterRollout";

	public static final String START_EVENT = "StartEvent_ChapterRolloutStarted";

	public static final String SUBPROCESS_REGISTRATION = "SubProcess_Registration";

	public static final String GATEWAY_PARTY_CELL_REPORT = "Gateway_PartyCellReportNeeded";

	public static final String CALL_PARTY_CELL_REPORT = "CallActivity_PartyCellReport";

	public static final String TASK_REGISTER_WORK_ITEMS = "Task_RegisterWorkItems";

	public static final String TASK_BOARD_ACKNOWLEDGE = "Task_BoardAcknowledgeWorkItems";

	public static final String TIMER_REGISTRATION_OVERDUE = "BoundaryEvent_RegistrationOverdue";

	public static final String TASK_MARK_REGISTRATION_LATE = "Task_MarkRegistrationLate";

	public static final String TIMER_MID_YEAR = "TimerEvent_MidYearDate";

	public static final String TASK_MID_YEAR_REPORT = "Task_MidYearReport";

	public static final String TIMER_YEAR_END = "TimerEvent_YearEndDate";

	public static final String TASK_YEAR_END_REPORT = "Task_YearEndReport";

	public static final String TASK_INFORM_BOARD_OF_PROPOSALS = "Task_InformBoardOfProposals";

	public static final String END_EVENT = "EndEvent_ChapterRolloutDone";

	/**
	 * The call-activity contract: what PlanRollout's {@code CallActivity_ChapterRollout} passes in
	 * ({@code camunda:in}, source equal to target; the chapter group is its multi-instance element).
	 * A test reads the BPMN to check it.
	 */
	public static final List<Variable<?>> CALL_INPUTS = List.of(ProcessVariables.WARD_CODE, ProgrammeVariables.ROLLOUT_ID,
			ProgrammeVariables.PROGRAMME_YEAR, ProgrammeVariables.THEME, ProgrammeVariables.REGISTRATION_DEADLINE,
			ProgrammeVariables.MID_YEAR_REPORT_DATE, ProgrammeVariables.YEAR_END_REPORT_DATE,
			ProcessVariables.BOARD_GROUP, ProcessVariables.INITIATOR, ProcessVariables.CHAPTER_GROUP);

	/**
	 * Whether the unit rolled out to reports to a Party cell first (a ward's chapter: true); a ward
	 * in the city's rollout has no Party cell of a chapter and goes straight to its registration.
	 * Computed at StartEvent_ChapterRolloutStarted from the organisation; Gateway_PartyCellReportNeeded reads it.
	 */
	public static final Variable<Boolean> PARTY_CELL_REPORT = Variable.flag("partyCellReport");

	/** Timer dates (ISO date-times) derived from the programme's deadlines. */
	public static final Variable<String> REGISTRATION_ENDS_AT = Variable.text("registrationEndsAt");

	public static final Variable<String> MID_YEAR_OPENS_AT = Variable.text("midYearOpensAt");

	public static final Variable<String> YEAR_END_OPENS_AT = Variable.text("yearEndOpensAt");

	/** [{name, target, successMeasure, deadline}] (Task_RegisterWorkItems, a dynamic list). */
	public static final Variable<List<Map<String, Object>>> WORK_ITEMS = Variable.rows("workItems");

	/** Fields of one row of {@link #WORK_ITEMS}. */
	public static final Variable<String> ITEM_NAME = Variable.text("name");

	public static final Variable<String> ITEM_TARGET = Variable.text("target");

	public static final Variable<String> ITEM_SUCCESS_MEASURE = Variable.text("successMeasure");

	public static final Variable<LocalDate> ITEM_DEADLINE = Variable.date("deadline");

	/** {@link #DECISION_ACKNOWLEDGE} or {@link #DECISION_CHANGES} (Task_BoardAcknowledgeWorkItems). */
	public static final Variable<String> WORK_ITEMS_DECISION = Variable.text("workItemsDecision");

	public static final String DECISION_ACKNOWLEDGE = "acknowledge";

	public static final String DECISION_CHANGES = "changes";

	public static final Variable<String> CHANGE_REQUEST = Variable.text("changeRequest");

	public static final Variable<String> MID_YEAR_REPORT = Variable.text("midYearReport");

	public static final Variable<String> YEAR_END_REPORT = Variable.text("yearEndReport");

	/** One of {@code thidua.rollout.ratings}. */
	public static final Variable<String> SELF_RATING = Variable.text("selfRating");

	/** [{fullName, achievement}], optional (Task_YearEndReport, a dynamic list). */
	public static final Variable<List<Map<String, Object>>> EXEMPLARY_PEOPLE = Variable.rows("exemplaryPeople");

	/** Fields of one row of {@link #EXEMPLARY_PEOPLE}. */
	public static final Variable<String> PERSON_FULL_NAME = Variable.text("fullName");

	public static final Variable<String> PERSON_ACHIEVEMENT = Variable.text("achievement");

	/** How many exemplary people were proposed; the gateway after Task_YearEndReport reads it. */
	public static final Variable<Integer> PROPOSAL_COUNT = Variable.integer("proposalCount");

	private ChapterRolloutVariables() {
	}

}
