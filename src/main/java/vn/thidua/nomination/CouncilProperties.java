package vn.thidua.nomination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code thidua.council}: the council's voting period (ISO-8601), quorum (share of all members who
 * must vote) and approval ratio (share of ALL members whose "agree" must be exceeded). The
 * {@code AwardAuthority} decision table may set other values for an award.
 */
@ConfigurationProperties("thidua.council")
record CouncilProperties(@DefaultValue("P7D") String votePeriod, @DefaultValue("0.6667") double quorum,
		@DefaultValue("0.5") double approvalRatio) {
}
