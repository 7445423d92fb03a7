package vn.thidua.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import vn.thidua.rollout.RolloutProgressService.Overdue;
import vn.thidua.rollout.RolloutRepository.ChapterRow;
import vn.thidua.rollout.RolloutRepository.Programme;

/** What the board sees as overdue, on plain values: no engine, no Spring. */
class RolloutProgressServiceTest {

	private static final Programme PROGRAMME = new Programme(2027, "Chủ đề", "x", "x", "x", null,
			LocalDate.of(2027, 1, 15), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 7, 15), LocalDate.of(2027, 12, 10));

	private static final Period GRACE = Period.ofDays(14);

	private static ChapterRow chapter(RolloutState state, boolean late) {
		return new ChapterRow(1, 1, "bode-ch01", "Chi hội 1", "bode-ch01-cell", null, state, late, null, null, null,
				null, null, null, null, null, null);
	}

	private static Iterable<String> codes(RolloutState state, boolean late, LocalDate today) {
		return RolloutProgressService.overdue(PROGRAMME, chapter(state, late), today, GRACE)
			.stream()
			.map(Overdue::code)
			.toList();
	}

	@Test
	void shouldShowRegistrationOverdueTheDayAfterTheDeadlineOrOnceMarkedLate() {
		assertThat(codes(RolloutState.GUIDANCE_RECEIVED, false, LocalDate.of(2027, 2, 28))).isEmpty();
		assertThat(codes(RolloutState.GUIDANCE_RECEIVED, false, LocalDate.of(2027, 3, 1))).containsExactly("REGISTRATION");
		assertThat(codes(RolloutState.WAITING_FOR_REPORT, true, LocalDate.of(2027, 2, 1))).containsExactly("REGISTRATION");
		assertThat(codes(RolloutState.REGISTERED, true, LocalDate.of(2027, 3, 1))).isEmpty();
	}

	@Test
	void shouldShowAReportOverdueOnlyAfterItsGrace() {
		assertThat(codes(RolloutState.REGISTERED, false, LocalDate.of(2027, 7, 29))).isEmpty();
		assertThat(RolloutProgressService.overdue(PROGRAMME, chapter(RolloutState.REGISTERED, false),
				LocalDate.of(2027, 7, 30), GRACE))
			.singleElement()
			.satisfies(o -> {
				assertThat(o.code()).isEqualTo("MID_YEAR_REPORT");
				assertThat(o.due()).isEqualTo(LocalDate.of(2027, 7, 29));
				assertThat(o.label()).isEqualTo("Quá hạn báo cáo sơ kết");
			});
		assertThat(codes(RolloutState.REGISTERED, false, LocalDate.of(2027, 12, 25)))
			.containsExactly("MID_YEAR_REPORT", "YEAR_END_REPORT");
		assertThat(codes(RolloutState.YEAR_END_DONE, false, LocalDate.of(2028, 1, 1))).isEmpty();
	}

	@Test
	void shouldLabelEveryStateForTheBoard() {
		assertThat(RolloutState.REGISTERED.label()).isEqualTo("Đã đăng ký phần việc");
		for (RolloutState s : RolloutState.values()) {
			assertThat(s.label()).isNotBlank();
		}
	}

}
