package vn.thidua.nomination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code thidua.council}: the rule of the council's vote for awards whose catalogue entry has none
 * ({@link vn.thidua.award.CouncilRule}): the quorum (share of ALL members who must vote in person),
 * the approval ratio, whether "agree" must reach it ({@code approval-at-least}) or exceed it, its base
 * (MEMBERS or PRESENT), whether absent members' written opinions count, and whether the ballot is
 * secret; and {@code vote-period}, the deadline of the per-nomination vote of versions deployed
 * before the council session.
 */
@ConfigurationProperties("thidua.council")
record CouncilProperties(@DefaultValue("P7D") String votePeriod, @DefaultValue("0.6667") double quorum,
		@DefaultValue("0.5") double approvalRatio, @DefaultValue("false") boolean approvalAtLeast,
		@DefaultValue("MEMBERS") String approvalBase, @DefaultValue("true") boolean writtenOpinionsCount,
		@DefaultValue("true") boolean secretBallot, @DefaultValue("P7D") String sessionPeriod) {
}
