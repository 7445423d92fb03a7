package vn.thidua.rollout;

/**
 * Process key, element ids and variable names of {@code bpmn/ChapterRollout.bpmn}, called once per
 * chapter by PlanRollout; variable names equal the form field keys of {@code work-items-*.form},
 * {@code mid-year-report.form} and {@code year-end-report.form}.
 */
public final class ChapterRolloutVariables {

	public static final String PROCESS_KEY = "ChapterRollout";

	public static final String START_EVENT = "StartEvent_ChapterRolloutStarted";

	public static final String SUBPROCESS_REGISTRATION = "SubProcess_Registration";

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

	/** Candidate group of the Party cell paired with the chapter. */
	public static final String PARTY_CELL_GROUP = "partyCellGroup";

	/** Id of the chapter's row in {@code thidua_rollout_chapter}. */
	public static final String ROLLOUT_CHAPTER_ID = "rolloutChapterId";

	/** Topic of the report to the Party cell, passed to ChapterPartyCellReport. */
	public static final String REPORT_TOPIC = "reportTopic";

	/** Timer dates (ISO date-times) derived from the programme's deadlines. */
	public static final String REGISTRATION_ENDS_AT = "registrationEndsAt";

	public static final String MID_YEAR_OPENS_AT = "midYearOpensAt";

	public static final String YEAR_END_OPENS_AT = "yearEndOpensAt";

	/** [{name, target, successMeasure, deadline}] (Task_RegisterWorkItems, a dynamic list). */
	public static final String WORK_ITEMS = "workItems";

	public static final String ITEM_NAME = "name";

	public static final String ITEM_TARGET = "target";

	public static final String ITEM_SUCCESS_MEASURE = "successMeasure";

	public static final String ITEM_DEADLINE = "deadline";

	/** {@link #DECISION_ACKNOWLEDGE} or {@link #DECISION_CHANGES} (Task_BoardAcknowledgeWorkItems). */
	public static final String WORK_ITEMS_DECISION = "workItemsDecision";

	public static final String DECISION_ACKNOWLEDGE = "acknowledge";

	public static final String DECISION_CHANGES = "changes";

	public static final String CHANGE_REQUEST = "changeRequest";

	public static final String MID_YEAR_REPORT = "midYearReport";

	public static final String YEAR_END_REPORT = "yearEndReport";

	/** One of {@code thidua.rollout.ratings}. */
	public static final String SELF_RATING = "selfRating";

	/** [{fullName, achievement}], optional (Task_YearEndReport, a dynamic list). */
	public static final String EXEMPLARY_PEOPLE = "exemplaryPeople";

	public static final String PERSON_FULL_NAME = "fullName";

	public static final String PERSON_ACHIEVEMENT = "achievement";

	/** How many exemplary people were proposed; the gateway after Task_YearEndReport reads it. */
	public static final String PROPOSAL_COUNT = "proposalCount";

	private ChapterRolloutVariables() {
	}

}
