package vn.thidua.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.thidua.web.Messages;

/**
 * The working-day calendar of the application ({@code thidua.calendar}) on the engine clock, as
 * the bean {@code workingDays} that BPMN expressions may call: {@code ${workingDays.after(5)}} or
 * {@code ${workingDays.after('5 working days')}} (also {@code 'P5D'}) is the end of such a window
 * opened now, as a {@link Date} for a {@code timeDate} or {@code camunda:dueDate}. Checked at
 * start-up: a date listed under the wrong year, or a "working weekend" that is a weekday, stops the
 * start; a current or next year without a list is logged as a warning and counts weekends only.
 */
@Component("workingDays")
public class WorkingDayCalendar {

	private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final WorkingDays rule;

	private final Clock clock;

	public WorkingDayCalendar(CalendarProperties properties, Clock clock) {
		validate(properties);
		this.rule = new WorkingDays(properties.holidays(), properties.workingWeekends());
		this.clock = clock;
		int year = clock.instant().atZone(WorkingDays.VIETNAM).getYear();
		for (int y : List.of(year, year + 1)) {
			if (!rule.hasList(y)) {
				LOG.warn("thidua.calendar.holidays has no list for {}: windows in working days count only weekends "
						+ "in {} until an operator adds that year's public holidays (README \"Working days\")", y, y);
			}
		}
	}

	/** The clock windows open on: the engine's. */
	public Clock clock() {
		return clock;
	}

	/** The engine-free rule. */
	public WorkingDays rule() {
		return rule;
	}

	/**
	 * The end of a window opened now (engine clock): a number is working days, a text is a
	 * {@link Window} ({@code '5 working days'}, {@code 'P5D'}, {@code 'PT2H'}).
	 */
	public Date after(Object window) {
		return Date.from(end(clock.instant(), toWindow(window)));
	}

	/** The end of {@code window} opened at {@code start}. */
	public Instant end(Instant start, Window window) {
		return window.end(start, rule);
	}

	/** The end of {@code window} opened now (engine clock). */
	public Instant endFromNow(Window window) {
		return end(clock.instant(), window);
	}

	private static Window toWindow(Object window) {
		if (window instanceof Number days) {
			return Window.ofWorkingDays(days.intValue());
		}
		return Window.parse("workingDays.after", window == null ? null : window.toString());
	}

	private static void validate(CalendarProperties properties) {
		check(properties.holidays(), "thidua.calendar.holidays", false);
		check(properties.workingWeekends(), "thidua.calendar.working-weekends", true);
	}

	private static void check(Map<Integer, List<LocalDate>> perYear, String setting, boolean weekendsOnly) {
		perYear.forEach((year, days) -> {
			for (LocalDate day : days) {
				if (day.getYear() != year) {
					throw new IllegalStateException(Messages.get("calendar.day.wrong-year", setting + "." + year,
							DAY.format(day), String.valueOf(year)));
				}
				boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
				if (weekendsOnly && !weekend) {
					throw new IllegalStateException(
							Messages.get("calendar.day.not-weekend", setting + "." + year, DAY.format(day)));
				}
			}
		});
	}

}
