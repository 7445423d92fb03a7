package vn.thidua.rollout.plan;

import java.util.List;
import java.util.Map;

import vn.thidua.process.Variable;
import vn.thidua.rollout.ProgrammeVariables;
import vn.thidua.rollout.chapter.ChapterRolloutVariables;

/**
 * Process key, element ids and variables of {@code bpmn/PlanRollout.bpmn}; variable names equal the
 * form field keys of {@code forms/programme-*.form} and {@code ratings-confirm.form}. The programme
 * itself (start form) is {@link ProgrammeVariables}, shared with ChapterRollout; what
 * CallActivity_ChapterRollout passes on is declared by the callee,
 * {@link ChapterRolloutVariables#CALL_INPUTS}.
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

	// Task_ChairApproveProgramme
	/** {@link #DECISION_APPROVE} or {@link #DECISION_RETURN}. */
	public static final Variable<String> PROGRAMME_DECISION = Variable.text("programmeDecision");

	public static final String DECISION_APPROVE = "approve";

	public static final String DECISION_RETURN = "return";

	public static final Variable<String> RETURN_REASON = Variable.text("returnReason");

	// conference
	/** Logins of everyone asked to comment (chapter heads and board members); multi-instance collection. */
	public static final Variable<List<String>> CONFERENCE_PARTICIPANTS = Variable.strings("conferenceParticipants");

	/** Multi-instance element variable: the participant (assignee) of one Task_CommentProgramme. */
	public static final Variable<String> PARTICIPANT = Variable.text("participant");

	/** When the conference timer fires: the day after the conference deadline, 00:00. */
	public static final Variable<String> CONFERENCE_ENDS_AT = Variable.text("conferenceEndsAt");

	/** The comment of one participant (Task_CommentProgramme). */
	public static final Variable<String> PROGRAMME_COMMENT = Variable.text("programmeComment");

	/** Every comment as text, for the chair (Task_ChairConclude). */
	public static final Variable<String> CONFERENCE_COMMENTS = Variable.text("conferenceComments");

	public static final Variable<Integer> COMMENT_COUNT = Variable.integer("commentCount");

	/** The chair's conclusion (Task_ChairConclude). */
	public static final Variable<String> CONCLUSION = Variable.text("conclusion");

	// rollout
	/** Chapter group ids of the ward at rollout time; multi-instance collection of CallActivity_ChapterRollout. */
	public static final Variable<List<String>> ROLLOUT_CHAPTER_GROUPS = Variable.strings("rolloutChapterGroups");

	// Task_BoardConfirmRatings
	/** [{chapterName, selfRating, registrationLate}] for the table of ratings-confirm.form. */
	public static final Variable<List<Map<String, Object>>> CHAPTER_RATINGS = Variable.rows("chapterRatings");

	public static final Variable<Boolean> RATINGS_CONFIRMED = Variable.flag("ratingsConfirmed");

	public static final Variable<String> RATINGS_NOTE = Variable.text("ratingsNote");

	private PlanRolloutVariables() {
	}

}
