package vn.thidua.award;

/**
 * How the emulation and commendation council decides on an award (its {@code council} entry in the
 * catalogue, {@code thidua.awards.catalogue[].council}); awards without one use {@code thidua.council}.
 *
 * @param secretBallot whether the vote must be by secret ballot (bỏ phiếu kín) rather than open
 * @param quorum the share of ALL members who must take part in person for the council to decide
 * @param approvalRatio the share of the base whose "agree" decides
 * @param approvalAtLeast true: "agree" must reach {@code approvalRatio} of the base (80 % means 4 of 5);
 *        false: it must exceed it (more than half)
 * @param approvalBase MEMBERS (all members of the council) or PRESENT (those whose ballot counts)
 * @param writtenOpinionsCount whether the written opinions of absent members count as ballots
 * @param basis the legal basis or policy of the rule, printed in the vote minutes
 */
public record CouncilRule(Boolean secretBallot, Double quorum, Double approvalRatio, Boolean approvalAtLeast,
		String approvalBase, Boolean writtenOpinionsCount, String basis) {

	public static final String MEMBERS = "MEMBERS";

	public static final String PRESENT = "PRESENT";

	/** This rule with each missing part taken from {@code defaults}. */
	public CouncilRule orElse(CouncilRule defaults) {
		return new CouncilRule(secretBallot != null ? secretBallot : defaults.secretBallot,
				quorum != null ? quorum : defaults.quorum, approvalRatio != null ? approvalRatio : defaults.approvalRatio,
				approvalAtLeast != null ? approvalAtLeast : defaults.approvalAtLeast,
				approvalBase != null ? approvalBase : defaults.approvalBase,
				writtenOpinionsCount != null ? writtenOpinionsCount : defaults.writtenOpinionsCount,
				basis != null ? basis : defaults.basis);
	}

	/** Whether every part is set and in range (checked at start-up for every award). */
	public boolean complete() {
		return secretBallot != null && quorum != null && quorum > 0 && quorum <= 1 && approvalRatio != null && approvalRatio > 0
				&& approvalRatio <= 1 && approvalAtLeast != null
				&& (MEMBERS.equals(approvalBase) || PRESENT.equals(approvalBase)) && writtenOpinionsCount != null;
	}

}
