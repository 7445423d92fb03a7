package vn.thidua.rollout;

import java.time.Period;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code thidua.rollout.*}.
 *
 * @param ratings the self-assessment scale of Task_YearEndReport, best first; set in
 *        {@code application.yaml}, equal to the values of the select in {@code forms/year-end-report.form}
 * @param reportGrace how long after the mid-year or year-end report date a chapter that has not
 *        reported is shown as overdue in the progress
 */
@ConfigurationProperties("thidua.rollout")
public record RolloutProperties(List<String> ratings, @DefaultValue("P14D") Period reportGrace) {

	public RolloutProperties {
		if (ratings == null || ratings.isEmpty()) {
			throw new IllegalStateException("thidua.rollout.ratings must list the scale of forms/year-end-report.form");
		}
		ratings = List.copyOf(ratings);
	}

}
