package vn.thidua.nomination;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import vn.thidua.award.CouncilRule;

/**
 * {@code thidua.city-review}: the rule the city's council votes each award by (issue 19), per award
 * code; parts left out, and awards without an entry, take {@code thidua.council}'s.
 *
 * @param councilRules award code to the city council's rule
 */
@ConfigurationProperties("thidua.city-review")
record CityReviewProperties(Map<String, CouncilRule> councilRules) {

	CityReviewProperties {
		councilRules = councilRules == null ? Map.of() : Map.copyOf(councilRules);
	}

}
