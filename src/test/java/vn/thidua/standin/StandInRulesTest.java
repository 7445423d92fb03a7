package vn.thidua.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.thidua.identity.organisation.Organisation;
import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Council;
import vn.thidua.identity.organisation.Organisation.PartyCell;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.standin.StandInRules.Body;
import vn.thidua.standin.StandInRules.Period;
import vn.thidua.web.Refusal;

/** Who may stand in for whom and when a period counts, on plain values. */
class StandInRulesTest {

	static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

	static final List<Body> BODIES = StandInRules.bodies(new Organisation(null, List.of(new Ward("bode", "Bồ Đề",
			"chair", List.of("board1", "board2"), new Council("Hội đồng", "council1", List.of("council1", "council2")),
			List.of(new Chapter("ch01", "Chi hội 1", "head1", new PartyCell("Chi bộ 1", "cell1")),
					new Chapter("ch02", "Chi hội 2", "head2", new PartyCell("Chi bộ 2", "cell2"))))),
			List.of()));

	@Test
	void shouldLetTheChairNameABoardMemberAndTheBoardEachOther() {
		// given / when / then
		assertThat(StandInRules.allowedFor("chair", BODIES)).containsExactly("board1", "board2");
		assertThat(StandInRules.allowedFor("board1", BODIES)).containsExactly("board2");
		assertThat(StandInRules.allowedFor("council2", BODIES)).containsExactly("council1");
	}

	@Test
	void shouldNotLetABoardMemberNameTheChairNorAHeadAnotherChaptersHead() {
		// given / when / then
		assertThat(StandInRules.allowedFor("board1", BODIES)).doesNotContain("chair");
		assertThat(StandInRules.allowedFor("head1", BODIES)).isEmpty();
		assertThat(field(() -> check("head1", "head2", TODAY, TODAY.plusDays(6), List.of())))
			.isEqualTo(StandInRules.FIELD_STAND_IN);
	}

	@Test
	void shouldRefuseHerselfThePastAnEndBeforeTheStartAndATooLongPeriodNamingTheField() {
		// given / when / then
		assertThat(field(() -> check("chair", "chair", TODAY, TODAY, List.of()))).isEqualTo(StandInRules.FIELD_STAND_IN);
		assertThat(field(() -> check("chair", " ", TODAY, TODAY, List.of()))).isEqualTo(StandInRules.FIELD_STAND_IN);
		assertThat(field(() -> check("chair", "board1", TODAY.minusDays(1), TODAY, List.of())))
			.isEqualTo(StandInRules.FIELD_FROM);
		assertThat(field(() -> check("chair", "board1", TODAY.plusDays(3), TODAY.plusDays(2), List.of())))
			.isEqualTo(StandInRules.FIELD_TO);
		assertThat(field(() -> check("chair", "board1", TODAY, TODAY.plusDays(StandInRules.MAX_DAYS), List.of())))
			.isEqualTo(StandInRules.FIELD_TO);
		assertThat(field(() -> check("chair", "board1", null, TODAY, List.of()))).isEqualTo(StandInRules.FIELD_FROM);
		assertThatCode(() -> check("chair", "board1", TODAY, TODAY.plusDays(StandInRules.MAX_DAYS - 1), List.of()))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldRefuseAPeriodOverlappingAnotherOneButNotACancelledOne() {
		// given: the chair named board1 for 10–16 March, and board2 for April, cancelled
		List<Period> existing = List.of(new Period(1, "chair", "board1", TODAY, TODAY.plusDays(6), false),
				new Period(2, "chair", "board2", TODAY.plusDays(20), TODAY.plusDays(30), true));

		// when / then
		assertThatThrownBy(() -> check("chair", "board2", TODAY.plusDays(6), TODAY.plusDays(8), existing))
			.isInstanceOf(Refusal.class)
			.hasMessageContaining("10/03/2027")
			.hasMessageContaining("16/03/2027");
		assertThatCode(() -> check("chair", "board2", TODAY.plusDays(7), TODAY.plusDays(8), existing))
			.doesNotThrowAnyException();
		assertThatCode(() -> check("chair", "board1", TODAY.plusDays(21), TODAY.plusDays(22), existing))
			.doesNotThrowAnyException();
	}

	@Test
	void shouldCountAPeriodFromItsFirstToItsLastDayBothIncludedUnlessCancelled() {
		// given
		Period week = new Period(1, "chair", "board1", TODAY, TODAY.plusDays(6), false);

		// when / then
		assertThat(week.activeOn(TODAY.minusDays(1))).isFalse();
		assertThat(week.activeOn(TODAY)).isTrue();
		assertThat(week.activeOn(TODAY.plusDays(6))).isTrue();
		assertThat(week.activeOn(TODAY.plusDays(7))).isFalse();
		assertThat(new Period(1, "chair", "board1", TODAY, TODAY.plusDays(6), true).activeOn(TODAY)).isFalse();
	}

	private static void check(String person, String standIn, LocalDate from, LocalDate to, List<Period> existing) {
		StandInRules.check(person, standIn, from, to, TODAY, BODIES, existing);
	}

	private static String field(Runnable call) {
		try {
			call.run();
		}
		catch (Refusal refused) {
			return (String) refused.getBody().getProperties().get(vn.thidua.web.Problems.FIELD);
		}
		throw new AssertionError("not refused");
	}

}
