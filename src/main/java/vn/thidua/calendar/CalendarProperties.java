package vn.thidua.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code thidua.calendar}: per year, the weekdays off (public holidays and the compensating days
 * off the Government gave) and the weekend days worked in exchange. An operator adds next year's
 * lists once the Prime Minister's notice of the year's holidays is out (README "Working days").
 *
 * @param holidays year → weekdays off ({@code 2026: [2026-01-01, 2026-02-16, ...]})
 * @param workingWeekends year → Saturdays or Sundays that are working days
 */
@ConfigurationProperties("thidua.calendar")
public record CalendarProperties(Map<Integer, List<LocalDate>> holidays, Map<Integer, List<LocalDate>> workingWeekends) {

	public CalendarProperties {
		holidays = holidays == null ? Map.of() : Map.copyOf(holidays);
		workingWeekends = workingWeekends == null ? Map.of() : Map.copyOf(workingWeekends);
	}

}
