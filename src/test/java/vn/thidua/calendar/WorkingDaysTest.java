package vn.thidua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The working-day rule on the holiday lists of {@code application.yaml} (2026 and 2027): across a
 * weekend, Tết, 30/4–1/5, the year's end, a year without a list; and the start-up checks.
 */
class WorkingDaysTest {

	private final WorkingDays calendar = configured();

	@Test
	void shouldSkipTheWeekend() {
		// given: published on Friday 04/12/2026 at 10:00
		Instant published = vietnam(2026, 12, 4, 10, 0);

		// when / then: the 1st working day is Monday, the window open all of it
		assertThat(calendar.end(published, 1)).isEqualTo(vietnam(2026, 12, 7, 23, 59).plusSeconds(59));
		assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 12, 4), 5)).isEqualTo(LocalDate.of(2026, 12, 11));
	}

	@Test
	void shouldSkipTetNguyenDan2026() {
		// given: Tết Bính Ngọ, off from Saturday 14/02 to Sunday 22/02/2026
		LocalDate tuesdayBefore = LocalDate.of(2026, 2, 10);

		// when / then: 11, 12, 13 February, then 23–27 February, 2 and 3 March
		assertThat(calendar.nthWorkingDayAfter(tuesdayBefore, 10)).isEqualTo(LocalDate.of(2026, 3, 3));
		assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 23));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
	}

	@Test
	void shouldSkipGioToAndThirtiethOfAprilAndFirstOfMay() {
		// given: Wednesday 22/04/2026; Giỗ Tổ (Sunday 26/04) taken Monday 27/04; 30/04 and 01/05 off
		LocalDate wednesday = LocalDate.of(2026, 4, 22);

		// when / then: 23, 24, 28, 29 April, then Monday 4 May
		assertThat(calendar.nthWorkingDayAfter(wednesday, 5)).isEqualTo(LocalDate.of(2026, 5, 4));
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
	}

	@Test
	void shouldCrossTheYearEnd() {
		// given: Wednesday 23/12/2026; 01/01/2027 is a holiday of the 2027 list
		LocalDate wednesday = LocalDate.of(2026, 12, 23);

		// when / then: 24, 25, 28–31 December, then 4–7 January 2027
		assertThat(calendar.nthWorkingDayAfter(wednesday, 10)).isEqualTo(LocalDate.of(2027, 1, 7));
	}

	@Test
	void shouldCountOnlyWeekendsInAYearWithoutAList() {
		// given: no list for 2030 (30/04 and 01/05/2030 are a Tuesday and a Wednesday)
		assertThat(calendar.hasList(2030)).isFalse();

		// when / then: the holidays are working days: 29, 30 April, 1, 2, 3 May
		assertThat(calendar.nthWorkingDayAfter(LocalDate.of(2030, 4, 26), 5)).isEqualTo(LocalDate.of(2030, 5, 3));
		assertThat(calendar.hasList(2026)).isTrue();
		assertThat(calendar.hasList(2027)).isTrue();
	}

	@Test
	void shouldCountAWorkingSaturdayAndStartTheDayAfterInVietnamTime() {
		// given: Saturday 12/12/2026 worked in exchange for a day off
		WorkingDays swapped = new WorkingDays(Map.of(2026, List.of(LocalDate.of(2026, 12, 14))),
				Map.of(2026, List.of(LocalDate.of(2026, 12, 12))));

		// when / then
		assertThat(swapped.nthWorkingDayAfter(LocalDate.of(2026, 12, 11), 2)).isEqualTo(LocalDate.of(2026, 12, 15));
		// 17:30 UTC on Monday is 00:30 on Tuesday in Hanoi: the window counts from Wednesday
		Instant mondayUtc = ZonedDateTime.of(2026, 12, 7, 17, 30, 0, 0, ZoneOffset.UTC).toInstant();
		assertThat(WorkingDays.weekendsOnly().end(mondayUtc, 1)).isEqualTo(vietnam(2026, 12, 9, 23, 59).plusSeconds(59));
	}

	@Test
	void shouldReadWindowSettingsAndRefuseOthersNamingTheSetting() {
		assertThat(Window.parse("x", "10 working days").workingDays()).isEqualTo(10);
		assertThat(Window.parse("x", "10 working days").inWords()).isEqualTo("10 ngày làm việc");
		assertThat(Window.parse("x", "P10D").inWorkingDays()).isFalse();
		assertThat(Window.parse("x", "P10D").inWords()).isEqualTo("10 ngày");
		assertThat(Window.parse("x", "PT2S").end(Instant.EPOCH, calendar)).isEqualTo(Instant.EPOCH.plusSeconds(2));
		assertThatThrownBy(() -> Window.parse("thidua.nomination.disclosure-period", "10 ngay"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("thidua.nomination.disclosure-period phải là khoảng thời gian ISO-8601 (ví dụ P10D) hoặc số ngày "
					+ "làm việc (ví dụ 10 working days), không phải '10 ngay'");
		assertThatThrownBy(() -> Window.parse("x", "0 working days")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void shouldRefuseAHolidayListedUnderTheWrongYearOrAWeekdayAsAWorkingWeekend() {
		Clock clock = Clock.systemUTC();
		assertThatThrownBy(() -> new WorkingDayCalendar(
				new CalendarProperties(Map.of(2027, List.of(LocalDate.of(2026, 9, 2))), Map.of()), clock))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("thidua.calendar.holidays.2027: ngày 02/09/2026 không thuộc năm 2027");
		assertThatThrownBy(() -> new WorkingDayCalendar(
				new CalendarProperties(Map.of(), Map.of(2026, List.of(LocalDate.of(2026, 12, 14)))), clock))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("thidua.calendar.working-weekends.2026: ngày 14/12/2026 không phải thứ Bảy hay Chủ nhật, "
					+ "không thể là ngày làm bù");
	}

	@Test
	void shouldGiveTheEndOfAWindowOpenedNowOnTheClock() {
		// given: the calendar of application.yaml on a clock at Friday 04/12/2026 10:00 in Hanoi
		Clock friday = Clock.fixed(vietnam(2026, 12, 4, 10, 0), ZoneOffset.UTC);
		WorkingDayCalendar beans = new WorkingDayCalendar(properties(), friday);

		// when / then: ${workingDays.after(5)}, ${workingDays.after('5 working days')}, ${workingDays.after('P5D')}
		assertThat(beans.after(5).toInstant()).isEqualTo(vietnam(2026, 12, 11, 23, 59).plusSeconds(59));
		assertThat(beans.after("5 working days").toInstant()).isEqualTo(vietnam(2026, 12, 11, 23, 59).plusSeconds(59));
		assertThat(beans.after("P5D").toInstant()).isEqualTo(vietnam(2026, 12, 9, 10, 0));
	}

	static Instant vietnam(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, WorkingDays.VIETNAM).toInstant();
	}

	/** thidua.calendar of src/main/resources/application.yaml, as Spring binds it. */
	static CalendarProperties properties() {
		try {
			StandardEnvironment environment = new StandardEnvironment();
			new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
				.forEach(environment.getPropertySources()::addLast);
			return new Binder(ConfigurationPropertySources.get(environment)).bind("thidua.calendar", CalendarProperties.class)
				.get();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static WorkingDays configured() {
		CalendarProperties p = properties();
		return new WorkingDays(p.holidays(), p.workingWeekends());
	}

}
