package vn.thidua.web;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** A setting's ISO-8601 period or duration ({@code P10D}, {@code PT2H30M}) as people read it: «10 ngày», «2 giờ 30 phút». */
public final class Durations {

	private Durations() {
	}

	public static String inWords(String iso) {
		List<String> parts = new ArrayList<>();
		if (iso.contains("T")) {
			Duration d = Duration.parse(iso);
			add(parts, d.toDaysPart(), "duration.days");
			add(parts, d.toHoursPart(), "duration.hours");
			add(parts, d.toMinutesPart(), "duration.minutes");
			add(parts, d.toSecondsPart(), "duration.seconds");
		}
		else {
			Period p = Period.parse(iso);
			add(parts, p.getYears(), "duration.years");
			add(parts, p.getMonths(), "duration.months");
			add(parts, p.getDays(), "duration.days");
		}
		return parts.isEmpty() ? Messages.get("duration.seconds", "0") : String.join(" ", parts);
	}

	private static void add(List<String> parts, long amount, String key) {
		if (amount != 0) {
			parts.add(Messages.get(key, String.valueOf(amount)));
		}
	}

}
