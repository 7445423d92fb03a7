package vn.thidua.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.thidua.web.Durations;
import vn.thidua.web.Messages;

/**
 * A window a setting names: either an ISO-8601 period or duration counted on the calendar
 * ({@code P10D}, {@code PT2H}) or a number of working days ({@code 10 working days}), which
 * {@link WorkingDays} counts and closes at the end of the last one.
 *
 * @param text the setting as written
 * @param workingDays the number of working days, or 0 for a calendar period
 */
public record Window(String text, int workingDays) {

	private static final Pattern WORKING_DAYS = Pattern.compile("(\\d{1,4})\\s+working\\s+days?");

	/** Reads a setting; a value that is neither form stops the start with a sentence naming the setting. */
	public static Window parse(String setting, String value) {
		String text = value == null ? "" : value.strip();
		Matcher working = WORKING_DAYS.matcher(text.toLowerCase(Locale.ROOT));
		if (working.matches()) {
			int days = Integer.parseInt(working.group(1));
			if (days < 1) {
				throw invalid(setting, value);
			}
			return new Window(text, days);
		}
		try {
			if (text.contains("T")) {
				Duration.parse(text);
			}
			else {
				Period.parse(text);
			}
		}
		catch (DateTimeParseException ex) {
			throw invalid(setting, value);
		}
		return new Window(text, 0);
	}

	/** A window of this many working days. */
	public static Window ofWorkingDays(int days) {
		if (days < 1) {
			throw new IllegalArgumentException("days must be at least 1: " + days);
		}
		return new Window(days + " working days", days);
	}

	public boolean inWorkingDays() {
		return workingDays > 0;
	}

	/** When the window opened at {@code start} closes. */
	public Instant end(Instant start, WorkingDays calendar) {
		if (inWorkingDays()) {
			return calendar.end(start, workingDays);
		}
		if (text.contains("T")) {
			return start.plus(Duration.parse(text));
		}
		return start.atZone(WorkingDays.VIETNAM).plus(Period.parse(text)).toInstant();
	}

	/** As people read it: «10 ngày làm việc», «10 ngày». */
	public String inWords() {
		return inWorkingDays() ? Messages.get("calendar.working-days", String.valueOf(workingDays))
				: Durations.inWords(text);
	}

	private static IllegalStateException invalid(String setting, String value) {
		return new IllegalStateException(Messages.get("calendar.window.invalid", setting, String.valueOf(value)));
	}

}
