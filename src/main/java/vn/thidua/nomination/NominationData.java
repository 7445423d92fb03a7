package vn.thidua.nomination;

/**
 * The nomination as submitted on the start or revise form. Values of the wrong type arrive as
 * {@code null} (the REST API accepts any type) and the checks name the field.
 */
record NominationData(String nomineeType, String nomineeName, Integer periodYear, String achievementReport,
		String awardCode, String reviewMeetingDate, boolean reviewMeetingAgreed, boolean noDisciplineDeclared) {
}
