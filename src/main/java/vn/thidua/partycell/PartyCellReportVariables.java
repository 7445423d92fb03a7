package vn.thidua.partycell;

import java.util.List;

import vn.thidua.process.ProcessVariables;
import vn.thidua.process.Variable;

/**
 * Process key, element ids and variables of {@code bpmn/ChapterPartyCellReport.bpmn}; the variable
 * names equal the form field keys of {@code forms/cell-report-*.form}. The ward, chapter, subject,
 * initiator and board group are {@link ProcessVariables}.
 */
public final class PartyCellReportVariables {

	public static final String PROCESS_KEY = "ChapterPartyCellReport";

	public static final String START_EVENT = "StartEvent_CellReportRequested";

	public static final String TASK_WRITE_REPORT = "Task_WriteCellReport";

	public static final String TASK_GIVE_GUIDANCE = "Task_GiveGuidance";

	public static final String TASK_INFORM_BOARD = "Task_InformBoard";

	public static final String END_GUIDANCE_RECEIVED = "EndEvent_GuidanceReceived";

	/** What the report is about (start form, or passed in by a calling process). */
	public static final Variable<String> REPORT_TOPIC = Variable.text("reportTopic");

	/** Set by ChapterRollout: the chapter's row in {@code thidua_rollout_chapter}. */
	public static final Variable<Long> ROLLOUT_CHAPTER_ID = Variable.number("rolloutChapterId");

	/**
	 * The call-activity contract: what a calling process passes in ({@code camunda:in}, source equal to
	 * target). ChapterRollout's {@code CallActivity_PartyCellReport} maps exactly these; a test reads
	 * the BPMN to check it.
	 */
	public static final List<Variable<?>> CALL_INPUTS = List.of(ProcessVariables.CHAPTER_GROUP, ROLLOUT_CHAPTER_ID,
			REPORT_TOPIC);

	/** The chapter's report (Task_WriteCellReport). */
	public static final Variable<String> CELL_REPORT = Variable.text("cellReport");

	/** What the chapter asks the Party cell to guide (Task_WriteCellReport). */
	public static final Variable<String> GUIDANCE_REQUEST = Variable.text("guidanceRequest");

	/** {@link #DECISION_AGREED} or {@link #DECISION_REVISE} (Task_GiveGuidance). */
	public static final Variable<String> GUIDANCE_DECISION = Variable.text("guidanceDecision");

	public static final String DECISION_AGREED = "agreed";

	public static final String DECISION_REVISE = "revise";

	/** The Party cell's directions when it agrees (Task_GiveGuidance). */
	public static final Variable<String> GUIDANCE = Variable.text("guidance");

	/** Why the Party cell asks for a revision (Task_GiveGuidance); shown again to the chapter head. */
	public static final Variable<String> REVISION_REASON = Variable.text("revisionReason");

	/** Candidate group of Task_GiveGuidance: the Party cell paired with the chapter. */
	public static final Variable<String> PARTY_CELL_GROUP = Variable.text("partyCellGroup");

	/** Id of the row in {@code thidua_cell_report}. */
	public static final Variable<Long> CELL_REPORT_ID = Variable.number("cellReportId");

	private PartyCellReportVariables() {
	}

}
