package vn.thidua.nomination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code thidua.nomination}: how long the shortlist is disclosed (a {@code vn.thidua.calendar.Window}: {@code 10 working days} or ISO-8601) and how many
 * past years still take nominations besides the current one.
 */
@ConfigurationProperties("thidua.nomination")
record NominationProperties(@DefaultValue("10 working days") String disclosurePeriod, @DefaultValue("1") int openYearsBack) {
}
