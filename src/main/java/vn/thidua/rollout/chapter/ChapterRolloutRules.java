package vn.thidua.rollout.chapter;

import static vn.thidua.rollout.chapter.ChapterRolloutVariables.CHANGE_REQUEST;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.DECISION_ACKNOWLEDGE;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.DECISION_CHANGES;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.EXEMPLARY_PEOPLE;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.ITEM_DEADLINE;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.ITEM_NAME;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.ITEM_SUCCESS_MEASURE;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.ITEM_TARGET;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.MID_YEAR_REPORT;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.PERSON_ACHIEVEMENT;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.PERSON_FULL_NAME;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.SELF_RATING;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.WORK_ITEMS;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.WORK_ITEMS_DECISION;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.YEAR_END_REPORT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.thidua.forms.FormValidationException;
import vn.thidua.rollout.RolloutRepository.Proposal;
import vn.thidua.rollout.RolloutRepository.WorkItem;
import vn.thidua.rollout.RolloutState;
import vn.thidua.web.Messages;

/**
 * The rules of ChapterRollout on plain values: what a registration, the board's answer and a
 * year-end report need, and when a chapter is late. Lengths and types of each field are the forms'
 * ({@code vn.thidua.forms} checks them on the server before these rules run).
 */
final class ChapterRolloutRules {

	/** The board's answer to a registration: acknowledged, or changes asked with the request. */
	record Acknowledgement(boolean acknowledged, String changeRequest) {
	}

	private ChapterRolloutRules() {
	}

	/**
	 * Task_RegisterWorkItems: the complete rows of the dynamic list, numbered from 1; empty rows are
	 * skipped, a partly filled one is refused, and at least one is needed.
	 *
	 * @param rows the submitted list, or null when it could not be read
	 */
	static List<WorkItem> workItems(long chapterId, List<Map<String, Object>> rows) {
		List<WorkItem> items = new ArrayList<>();
		for (Map<String, Object> row : rowsOf(rows, WORK_ITEMS.name())) {
			String name = ITEM_NAME.of(row);
			String target = ITEM_TARGET.of(row);
			String measure = ITEM_SUCCESS_MEASURE.of(row);
			LocalDate deadline = ITEM_DEADLINE.of(row);
			if (name == null && target == null && measure == null && deadline == null) {
				continue;
			}
			int n = items.size() + 1;
			if (name == null || target == null || measure == null || deadline == null) {
				throw new FormValidationException(WORK_ITEMS.name(),
						Messages.get("rollout.chapter.work-item.incomplete", String.valueOf(n)));
			}
			items.add(new WorkItem(chapterId, n, name, target, measure, deadline));
		}
		if (items.isEmpty()) {
			throw new FormValidationException(WORK_ITEMS.name(), Messages.get("rollout.chapter.work-items.required"));
		}
		return items;
	}

	/** Task_BoardAcknowledgeWorkItems: acknowledge, or ask for changes with a reason. */
	static Acknowledgement acknowledgement(String decision, String changeRequest) {
		if (DECISION_ACKNOWLEDGE.equals(decision)) {
			return new Acknowledgement(true, null);
		}
		if (DECISION_CHANGES.equals(decision)) {
			if (changeRequest == null) {
				throw new FormValidationException(CHANGE_REQUEST.name(),
						Messages.get("rollout.chapter.change-request.required"));
			}
			return new Acknowledgement(false, changeRequest);
		}
		throw new FormValidationException(WORK_ITEMS_DECISION.name(),
				Messages.get("rollout.chapter.acknowledgement.required"));
	}

	/** Task_MidYearReport: the report is needed. */
	static void checkMidYear(String report) {
		if (report == null) {
			throw new FormValidationException(MID_YEAR_REPORT.name(), Messages.get("rollout.chapter.mid-year.required"));
		}
	}

	/** Task_YearEndReport: the report and a rating on the configured scale are needed. */
	static void checkYearEnd(String report, String rating, List<String> scale) {
		if (report == null) {
			throw new FormValidationException(YEAR_END_REPORT.name(), Messages.get("rollout.chapter.year-end.required"));
		}
		if (rating == null) {
			throw new FormValidationException(SELF_RATING.name(), Messages.get("rollout.chapter.rating.required"));
		}
		if (!scale.contains(rating)) {
			throw new FormValidationException(SELF_RATING.name(),
					Messages.get("rollout.chapter.rating.off-scale", String.join(", ", scale)));
		}
	}

	/** Task_YearEndReport: the proposed exemplary people; empty rows are skipped, a name is needed. */
	static List<Proposal> proposals(long chapterId, List<Map<String, Object>> rows) {
		List<Proposal> proposals = new ArrayList<>();
		for (Map<String, Object> row : rowsOf(rows, EXEMPLARY_PEOPLE.name())) {
			String name = PERSON_FULL_NAME.of(row);
			String achievement = PERSON_ACHIEVEMENT.of(row);
			if (name == null && achievement == null) {
				continue;
			}
			if (name == null) {
				throw new FormValidationException(EXEMPLARY_PEOPLE.name(),
						Messages.get("rollout.chapter.exemplary.name-required"));
			}
			proposals.add(new Proposal(chapterId, name, achievement, null));
		}
		return proposals;
	}

	/**
	 * Task_MarkRegistrationLate: a chapter that has registered (and waits for the board) is not late
	 * when the deadline passes; one that has not is.
	 */
	static boolean lateAtDeadline(RolloutState state) {
		return state.before(RolloutState.REGISTERED);
	}

	private static List<Map<String, Object>> rowsOf(List<Map<String, Object>> rows, String field) {
		if (rows == null) {
			throw new FormValidationException(field, Messages.get("rollout.chapter.list-invalid"));
		}
		return rows;
	}

}
