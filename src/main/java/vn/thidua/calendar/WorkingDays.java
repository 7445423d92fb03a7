package vn.thidua.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule of working days, free of the engine and of Spring: a working day is a Monday to Friday
 * that is not a public holiday (or compensating day off) of its year's list, or a Saturday or Sunday
 * the Government made a working day in exchange. A year without a list counts weekends only.
 * <p>
 * A window of N working days starts on the day after the event (Civil Code 2015 Art. 147: "thời
 * điểm bắt đầu thời hạn được tính từ ngày tiếp theo liền kề ngày xác định") and ends at the end of
 * its Nth working day (Art. 148): 23:59:59 of that day in Vietnam's time zone, so that every date
 * shown of the end (dd/MM/yyyy) is that last day.
 */
public final class WorkingDays {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** The last second of a working day: the window is open all of it. */
	static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

	private final Map<Integer, Set<LocalDate>> holidays = new TreeMap<>();

	private final Set<LocalDate> workingWeekends = new HashSet<>();

	/**
	 * @param holidays per year, the days off on weekdays (holidays and compensating days off)
	 * @param workingWeekends per year, Saturdays or Sundays worked in exchange for a day off
	 */
	public WorkingDays(Map<Integer, List<LocalDate>> holidays, Map<Integer, List<LocalDate>> workingWeekends) {
		if (holidays != null) {
			holidays.forEach((year, days) -> this.holidays.put(year, Set.copyOf(days == null ? List.of() : days)));
		}
		if (workingWeekends != null) {
			workingWeekends.values().forEach(days -> this.workingWeekends.addAll(days == null ? List.of() : days));
		}
	}

	/** Weekends only, no holiday list: what a year without a list counts. */
	public static WorkingDays weekendsOnly() {
		return new WorkingDays(Map.of(), Map.of());
	}

	/** Whether the year has a holiday list (an empty list counts as one: the operator said so). */
	public boolean hasList(int year) {
		return holidays.containsKey(year);
	}

	public boolean isWorkingDay(LocalDate day) {
		if (workingWeekends.contains(day)) {
			return true;
		}
		DayOfWeek weekday = day.getDayOfWeek();
		if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
			return false;
		}
		return !holidays.getOrDefault(day.getYear(), Set.of()).contains(day);
	}

	/** The Nth working day after {@code day} (not counting {@code day} itself); {@code n} ≥ 1. */
	public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
		if (n < 1) {
			throw new IllegalArgumentException("n must be at least 1: " + n);
		}
		LocalDate current = day;
		int counted = 0;
		while (counted < n) {
			current = current.plusDays(1);
			if (isWorkingDay(current)) {
				counted++;
			}
		}
		return current;
	}

	/** The end of a window of {@code n} working days opened at {@code start}: 23:59:59 of its last day, Vietnam time. */
	public Instant end(Instant start, int n) {
		LocalDate opened = start.atZone(VIETNAM).toLocalDate();
		return nthWorkingDayAfter(opened, n).atTime(END_OF_DAY).atZone(VIETNAM).toInstant();
	}

}
