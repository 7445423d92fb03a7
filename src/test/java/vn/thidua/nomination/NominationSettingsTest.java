package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.calendar.CalendarProperties;
import vn.thidua.calendar.WorkingDayCalendar;
import vn.thidua.calendar.WorkingDays;

/** The start-up checks of the disclosure window and the calendar, and what the timer reads. */
@ExtendWith(OutputCaptureExtension.class)
class NominationSettingsTest {

	/** Friday 04/12/2026 10:00 in Hanoi. */
	private static final Instant FRIDAY = ZonedDateTime.of(2026, 12, 4, 10, 0, 0, 0, WorkingDays.VIETNAM).toInstant();

	private final CouncilProperties council = new CouncilProperties("P7D", 0.6667, 0.5, false, "MEMBERS", true, true,
			"P7D");

	/** No award: the catalogue's council rules are not what this test is about. */
	private final AwardCatalogue noAwards = Mockito.mock(AwardCatalogue.class);

	@Test
	void shouldRefuseToStartWithADisclosurePeriodThatIsNeitherFormNamingTheSetting() {
		assertThatThrownBy(() -> settings("10 ngày làm việc"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith("thidua.nomination.disclosure-period phải là khoảng thời gian ISO-8601")
			.hasMessageEndingWith("không phải '10 ngày làm việc'");
	}

	@Test
	void shouldEndTheDisclosureAtTheEndOfTheTenthWorkingDay() {
		// given
		NominationSettings settings = settings("10 working days");
		Instant end = ZonedDateTime.of(2026, 12, 18, 23, 59, 59, 0, WorkingDays.VIETNAM).toInstant();

		// when / then: the timer's date; the ISO duration older deployed versions read; the words of the mail
		assertThat(settings.getDisclosureEnd().toInstant()).isEqualTo(end);
		assertThat(Duration.parse(settings.getDisclosurePeriod())).isEqualTo(Duration.between(FRIDAY, end));
		assertThat(settings.disclosureInWords()).isEqualTo("10 ngày làm việc");
		// a calendar period stays what it was
		assertThat(settings("P10D").getDisclosurePeriod()).isEqualTo("P10D");
		assertThat(settings("PT2S").getDisclosureEnd().toInstant()).isEqualTo(FRIDAY.plusSeconds(2));
	}

	@Test
	void shouldWarnAtStartWhenTheCurrentOrNextYearHasNoHolidayList(CapturedOutput output) {
		// given: a list for 2026 only, in December 2026
		new WorkingDayCalendar(new CalendarProperties(Map.of(2026, List.of(LocalDate.of(2026, 1, 1))), Map.of()),
				Clock.fixed(FRIDAY, ZoneOffset.UTC));

		// then
		assertThat(output.getOut()).contains("thidua.calendar.holidays has no list for 2027")
			.doesNotContain("has no list for 2026");
	}

	private NominationSettings settings(String disclosure) {
		WorkingDayCalendar calendar = new WorkingDayCalendar(
				new CalendarProperties(Map.of(2026, List.of(), 2027, List.of(LocalDate.of(2027, 1, 1))), Map.of()),
				Clock.fixed(FRIDAY, ZoneOffset.UTC));
		return new NominationSettings(new NominationProperties(disclosure, 1), council, noAwards, calendar);
	}

}
