package vn.thidua.nomination;

/**
 * What a step of a nomination knows about it, read once from the process by
 * {@link NominationProcess}: who, for which chapter and award, and who must hear of it. The
 * services work on this, never on the engine.
 */
record NominationCase(String processInstanceId, String wardCode, String chapterGroup, String chapterName,
		String initiator, String subject, String nomineeName, String awardCode, String awardName, Integer periodYear,
		String boardReason) {
}
