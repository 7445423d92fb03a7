package vn.thidua.rollout.chapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.thidua.forms.FormValidationException;
import vn.thidua.rollout.RolloutRepository.Proposal;
import vn.thidua.rollout.RolloutRepository.WorkItem;
import vn.thidua.rollout.RolloutState;

/** The rules of ChapterRollout on plain values: no engine, no Spring. */
class ChapterRolloutRulesTest {

	private static final List<String> SCALE = List.of("Vững mạnh", "Khá", "Trung bình", "Yếu");

	private static Map<String, Object> item(String name, String target, String measure, String deadline) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", name);
		row.put("target", target);
		row.put("successMeasure", measure);
		row.put("deadline", deadline);
		return row;
	}

	@Test
	void shouldNumberTheCompleteWorkItemsAndSkipEmptyRows() {
		List<WorkItem> items = ChapterRolloutRules.workItems(7, List.of(item(" Tiết kiệm ", "20", "20 triệu", "2027-11-30"),
				item("", " ", null, null), item("Hội viên mới", "15", "15 thẻ", "2027-10-31T00:00:00")));

		assertThat(items).containsExactly(
				new WorkItem(7, 1, "Tiết kiệm", "20", "20 triệu", LocalDate.of(2027, 11, 30)),
				new WorkItem(7, 2, "Hội viên mới", "15", "15 thẻ", LocalDate.of(2027, 10, 31)));
	}

	@Test
	void shouldRefuseAPartlyFilledWorkItemNamingItsNumber() {
		assertThatThrownBy(() -> ChapterRolloutRules.workItems(7,
				List.of(item("Tiết kiệm", "20", "20 triệu", "2027-11-30"), item("Mô hình", "10", null, "2027-11-30"))))
			.isInstanceOfSatisfying(FormValidationException.class, ex -> {
				assertThat(ex.getField()).isEqualTo("workItems");
				assertThat(ex.getMessage()).startsWith("Phần việc thứ 2:");
			});
	}

	@Test
	void shouldNeedAtLeastOneWorkItemAndAReadableList() {
		assertThatThrownBy(() -> ChapterRolloutRules.workItems(7, List.of()))
			.isInstanceOfSatisfying(FormValidationException.class, ex -> assertThat(ex.getMessage()).contains("ít nhất một"));
		assertThatThrownBy(() -> ChapterRolloutRules.workItems(7, List.of(item(null, null, null, null))))
			.isInstanceOf(FormValidationException.class);
		assertThatThrownBy(() -> ChapterRolloutRules.workItems(7, null)).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getMessage()).contains("không đúng định dạng"));
	}

	@Test
	void shouldAcknowledgeOrAskForChangesWithAReason() {
		assertThat(ChapterRolloutRules.acknowledgement("acknowledge", "ignored"))
			.isEqualTo(new ChapterRolloutRules.Acknowledgement(true, null));
		assertThat(ChapterRolloutRules.acknowledgement("changes", "Thêm chỉ tiêu."))
			.isEqualTo(new ChapterRolloutRules.Acknowledgement(false, "Thêm chỉ tiêu."));
		assertThatThrownBy(() -> ChapterRolloutRules.acknowledgement("changes", null)).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("changeRequest"));
		assertThatThrownBy(() -> ChapterRolloutRules.acknowledgement("maybe", null)).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("workItemsDecision"));
	}

	@Test
	void shouldTakeOnlyARatingOfTheScale() {
		ChapterRolloutRules.checkYearEnd("Báo cáo.", "Khá", SCALE);
		assertThatThrownBy(() -> ChapterRolloutRules.checkYearEnd("Báo cáo.", "Xuất sắc", SCALE))
			.isInstanceOfSatisfying(FormValidationException.class, ex -> {
				assertThat(ex.getField()).isEqualTo("selfRating");
				assertThat(ex.getMessage()).contains("Vững mạnh, Khá, Trung bình, Yếu");
			});
		assertThatThrownBy(() -> ChapterRolloutRules.checkYearEnd("Báo cáo.", null, SCALE)).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("selfRating"));
		assertThatThrownBy(() -> ChapterRolloutRules.checkYearEnd(null, "Khá", SCALE)).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("yearEndReport"));
		assertThatThrownBy(() -> ChapterRolloutRules.checkMidYear(null)).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("midYearReport"));
	}

	@Test
	void shouldProposeNamedPeopleOnly() {
		Map<String, Object> named = new LinkedHashMap<>(Map.of("fullName", "Nguyễn Thị Tâm"));
		Map<String, Object> empty = new LinkedHashMap<>(Map.of("fullName", "", "achievement", " "));
		assertThat(ChapterRolloutRules.proposals(3, List.of(named, empty)))
			.containsExactly(new Proposal(3, "Nguyễn Thị Tâm", null, null));
		assertThat(ChapterRolloutRules.proposals(3, List.of())).isEmpty();
		assertThatThrownBy(() -> ChapterRolloutRules.proposals(3, List.of(Map.of("achievement", "Vận động 10 hội viên"))))
			.isInstanceOfSatisfying(FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("exemplaryPeople"));
	}

	@Test
	void shouldCallOnlyAChapterThatHasNotRegisteredLateAtTheDeadline() {
		assertThat(ChapterRolloutRules.lateAtDeadline(RolloutState.WAITING_FOR_REPORT)).isTrue();
		assertThat(ChapterRolloutRules.lateAtDeadline(RolloutState.GUIDANCE_RECEIVED)).isTrue();
		assertThat(ChapterRolloutRules.lateAtDeadline(RolloutState.REGISTERED)).isFalse();
		assertThat(ChapterRolloutRules.lateAtDeadline(RolloutState.MID_YEAR_DONE)).isFalse();
	}

}
