package vn.thidua.rollout;

/**
 * Process key, element ids and variable names of {@code bpmn/PlanRollout.bpmn}; variable names equal
 * the form field keys of {@code forms/plan-rollout-start.form}, {@code programme-*.form} and
 * {@code ratings-confirm.form}.
 */
public final class PlanRolloutVariables {

	public static final String PROCESS_KEY = "PlanRollout";

	public static final String START_EVENT = "StartEvent_ProgrammeDrafted";

	public static final String TASK_CHAIR_APPROVE = "Task_ChairApproveProgramme";

	public static final String TASK_BOARD_REVISE = "Task_BoardReviseProgramme";

	public static final String TASK_OPEN_CONFERENCE = "Task_OpenConference";

	public static final String TASK_COMMENT = "Task_CommentProgramme";

	public static final String TIMER_CONFERENCE_DEADLINE = "BoundaryEvent_ConferenceDeadline";

	public static final String TASK_COLLECT_COMMENTS = "Task_CollectComments";

	public static final String TASK_CHAIR_CONCLUDE = "Task_ChairConclude";

	public static final String TASK_PREPARE_ROLLOUT = "Task_PrepareRollout";

	public static final String CALL_CHAPTER_ROLLOUT = "CallActivity_ChapterRollout";

	public static final String TASK_COLLECT_RATINGS = "Task_CollectRatings";

	public static final String TASK_BOARD_CONFIRM_RATINGS = "Task_BoardConfirmRatings";

	public static final String END_EVENT = "EndEvent_RolloutCompleted";

	// start form (also editable in Task_BoardReviseProgramme)
	public static final String PROGRAMME_YEAR = "programmeYear";

	public static final String THEME = "theme";

	/** One focus point (trọng tâm) per line. */
	public static final String FOCUS_POINTS = "focusPoints";

	public static final String IMPLEMENTATION_PLAN = "implementationPlan";

	public static final String EMULATION_PLAN = "emulationPlan";

	public static final String CAMPAIGNS = "campaigns";

	/** Last day for comments at the conference ({@code YYYY-MM-DD}). */
	public static final String CONFERENCE_DEADLINE = "conferenceDeadline";

	/** Last day for chapters to register work items ({@code YYYY-MM-DD}). */
	public static final String REGISTRATION_DEADLINE = "registrationDeadline";

	/** Mid-year (sơ kết) report date, usually in July ({@code YYYY-MM-DD}). */
	public static final String MID_YEAR_REPORT_DATE = "midYearReportDate";

	/** Year-end (tổng kết) report date, usually in December ({@code YYYY-MM-DD}). */
	public static final String YEAR_END_REPORT_DATE = "yearEndReportDate";

	// Task_ChairApproveProgramme
	/** {@link #DECISION_APPROVE} or {@link #DECISION_RETURN}. */
	public static final String PROGRAMME_DECISION = "programmeDecision";

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_RETURN = "return";

	public static final String RETURN_REASON = "returnReason";

	// conference
	/** Logins of everyone asked to comment (chapter heads and board members); JSON list. */
	public static final String CONFERENCE_PARTICIPANTS = "conferenceParticipants";

	/** Multi-instance element variable: the participant of one Task_CommentProgramme. */
	public static final String PARTICIPANT = "participant";

	/** When the conference timer fires: the day after {@link #CONFERENCE_DEADLINE}, 00:00. */
	public static final String CONFERENCE_ENDS_AT = "conferenceEndsAt";

	/** The comment of one participant (Task_CommentProgramme). */
	public static final String PROGRAMME_COMMENT = "programmeComment";

	/** Every comment as text, for the chair (Task_ChairConclude). */
	public static final String CONFERENCE_COMMENTS = "conferenceComments";

	public static final String COMMENT_COUNT = "commentCount";

	/** The chair's conclusion (Task_ChairConclude). */
	public static final String CONCLUSION = "conclusion";

	// rollout
	/** Chapter group ids of the ward at rollout time; JSON list (multi-instance collection). */
	public static final String ROLLOUT_CHAPTER_GROUPS = "rolloutChapterGroups";

	/** Id of the row in {@code thidua_rollout}. */
	public static final String ROLLOUT_ID = "rolloutId";

	public static final String CHAIR_GROUP = "chairGroup";

	public static final String BOARD_GROUP = "boardGroup";

	// Task_BoardConfirmRatings
	/** [{chapterName, selfRating, yearEndReport, late}] for the table of ratings-confirm.form. */
	public static final String CHAPTER_RATINGS = "chapterRatings";

	public static final String RATINGS_CONFIRMED = "ratingsConfirmed";

	public static final String RATINGS_NOTE = "ratingsNote";

	private PlanRolloutVariables() {
	}

}
