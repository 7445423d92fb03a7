package vn.thidua.partycell;

import static vn.thidua.partycell.PartyCellReportVariables.CELL_REPORT;
import static vn.thidua.partycell.PartyCellReportVariables.DECISION_AGREED;
import static vn.thidua.partycell.PartyCellReportVariables.DECISION_REVISE;
import static vn.thidua.partycell.PartyCellReportVariables.GUIDANCE;
import static vn.thidua.partycell.PartyCellReportVariables.GUIDANCE_DECISION;
import static vn.thidua.partycell.PartyCellReportVariables.GUIDANCE_REQUEST;
import static vn.thidua.partycell.PartyCellReportVariables.REVISION_REASON;

import java.util.List;

import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;
import vn.thidua.process.ProcessVariables;
import vn.thidua.web.Messages;

/** The rules of ChapterPartyCellReport on plain values: whose chapter, what a round needs, what an answer means. */
final class CellReportRules {

	/** The Party cell's answer as stored: its state and the text that goes with it. */
	record Answer(String state, String guidance, String revisionReason) {
	}

	private CellReportRules() {
	}

	/**
	 * The chapter a head reports for when she starts the report herself: the one she names, which must
	 * be hers, or her only one.
	 *
	 * @param headed the chapters the starter heads
	 * @param chosen the chapter group she named, or null
	 */
	static String chapterOfHead(List<ChapterRef> headed, String chosen) {
		if (headed.isEmpty()) {
			throw new FormValidationException(null, Messages.get("partycell.start.head-only"));
		}
		if (chosen == null) {
			if (headed.size() > 1) {
				throw new FormValidationException(ProcessVariables.CHAPTER_GROUP.name(),
						Messages.get("partycell.start.choose-chapter"));
			}
			return headed.get(0).groupId();
		}
		if (headed.stream().map(ChapterRef::groupId).noneMatch(chosen::equals)) {
			throw new FormValidationException(ProcessVariables.CHAPTER_GROUP.name(),
					Messages.get("partycell.start.not-your-chapter"));
		}
		return chosen;
	}

	/** Task_WriteCellReport: both the report and the request for guidance are needed. */
	static void checkReport(String report, String request) {
		if (report == null) {
			throw new FormValidationException(CELL_REPORT.name(), Messages.get("partycell.report.required"));
		}
		if (request == null) {
			throw new FormValidationException(GUIDANCE_REQUEST.name(), Messages.get("partycell.request.required"));
		}
	}

	/** Task_GiveGuidance: agreement needs directions, a revision needs its reason. */
	static Answer answer(String decision, String guidance, String reason) {
		if (DECISION_AGREED.equals(decision)) {
			if (guidance == null) {
				throw new FormValidationException(GUIDANCE.name(), Messages.get("partycell.guidance.required"));
			}
			return new Answer(CellReportRepository.STATE_GUIDANCE_AGREED, guidance, null);
		}
		if (DECISION_REVISE.equals(decision)) {
			if (reason == null) {
				throw new FormValidationException(REVISION_REASON.name(), Messages.get("partycell.revision.required"));
			}
			return new Answer(CellReportRepository.STATE_REVISION_REQUESTED, null, reason);
		}
		throw new FormValidationException(GUIDANCE_DECISION.name(), Messages.get("partycell.decision.required"));
	}

}
