package vn.thidua.partycell;

/**
 * Process key, element ids and variable names of {@code bpmn/ChapterPartyCellReport.bpmn}; the
 * variable names equal the form field keys of {@code forms/cell-report-*.form}.
 */
public final class PartyCellReportVariables {

	public static final String PROCESS_KEY = "ChapterPartyCellReport";

	public static final String START_EVENT = "StartEvent_CellReportRequested";

	public static final String TASK_WRITE_REPORT = "Task_WriteCellReport";

	public static final String TASK_GIVE_GUIDANCE = "Task_GiveGuidance";

	public static final String TASK_INFORM_BOARD = "Task_InformBoard";

	public static final String END_GUIDANCE_RECEIVED = "EndEvent_GuidanceReceived";

	/** What the report is about (start form, or passed in by ChapterRollout). */
	public static final String REPORT_TOPIC = "reportTopic";

	/** The chapter's report (Task_WriteCellReport). */
	public static final String CELL_REPORT = "cellReport";

	/** What the chapter asks the Party cell to guide (Task_WriteCellReport). */
	public static final String GUIDANCE_REQUEST = "guidanceRequest";

	/** {@link #DECISION_AGREED} or {@link #DECISION_REVISE} (Task_GiveGuidance). */
	public static final String GUIDANCE_DECISION = "guidanceDecision";

	public static final String DECISION_AGREED = "agreed";

	public static final String DECISION_REVISE = "revise";

	/** The Party cell's directions when it agrees (Task_GiveGuidance). */
	public static final String GUIDANCE = "guidance";

	/** Why the Party cell asks for a revision (Task_GiveGuidance); shown again to the chapter head. */
	public static final String REVISION_REASON = "revisionReason";

	/** Candidate group of Task_GiveGuidance: the Party cell paired with the chapter. */
	public static final String PARTY_CELL_GROUP = "partyCellGroup";

	/** The ward's board, told of the outcome. */
	public static final String BOARD_GROUP = "boardGroup";

	/** Id of the row in {@code thidua_cell_report}. */
	public static final String CELL_REPORT_ID = "cellReportId";

	/** Set when called from ChapterRollout: the chapter's row in {@code thidua_rollout_chapter}. */
	public static final String ROLLOUT_CHAPTER_ID = "rolloutChapterId";

	private PartyCellReportVariables() {
	}

}
