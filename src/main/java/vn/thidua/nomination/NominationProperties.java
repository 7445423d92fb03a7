package vn.thidua.nomination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code thidua.nomination}: how long the shortlist is disclosed (ISO-8601 duration) and how many
 * past years still take nominations besides the current one.
 */
@ConfigurationProperties("thidua.nomination")
record NominationProperties(@DefaultValue("P10D") String disclosurePeriod, @DefaultValue("1") int openYearsBack) {
}
