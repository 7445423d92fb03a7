package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.ACHIEVEMENT_REPORT;
import static vn.thidua.nomination.NominationVariables.AWARD_CODE;
import static vn.thidua.nomination.NominationVariables.NOMINEE_NAME;
import static vn.thidua.nomination.NominationVariables.NOMINEE_TYPE;
import static vn.thidua.nomination.NominationVariables.NO_DISCIPLINE_DECLARED;
import static vn.thidua.nomination.NominationVariables.PERIOD_YEAR;
import static vn.thidua.nomination.NominationVariables.REVIEW_MEETING_AGREED;
import static vn.thidua.nomination.NominationVariables.REVIEW_MEETING_DATE;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the nomination's form variables (the REST API accepts any type, so be lenient). */
record NominationData(String nomineeType, String nomineeName, Integer periodYear, String achievementReport,
		String awardCode, String reviewMeetingDate, boolean reviewMeetingAgreed, boolean noDisciplineDeclared) {

	static NominationData of(VariableScope scope) {
		return new NominationData(string(scope, NOMINEE_TYPE), string(scope, NOMINEE_NAME),
				integer(scope.getVariable(PERIOD_YEAR)), string(scope, ACHIEVEMENT_REPORT), string(scope, AWARD_CODE),
				string(scope, REVIEW_MEETING_DATE), bool(scope.getVariable(REVIEW_MEETING_AGREED)),
				bool(scope.getVariable(NO_DISCIPLINE_DECLARED)));
	}

	static String string(VariableScope scope, String name) {
		Object value = scope.getVariable(name);
		return value == null ? null : value.toString();
	}

	static Integer integer(Object value) {
		if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
			return n.intValue();
		}
		if (value instanceof String s && s.trim().matches("\\d{1,9}")) {
			return Integer.valueOf(s.trim());
		}
		return null;
	}

	static boolean bool(Object value) {
		return Boolean.TRUE.equals(value) || (value instanceof String s && s.equalsIgnoreCase("true"));
	}

}
