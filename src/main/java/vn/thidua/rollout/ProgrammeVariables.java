package vn.thidua.rollout;

import java.time.LocalDate;

import vn.thidua.process.Variable;

/**
 * The year's programme as process variables, shared by both rollout processes: PlanRollout's start
 * form ({@code forms/plan-rollout-start.form}, again in {@code programme-revise.form}) sets them,
 * {@code CallActivity_ChapterRollout} passes them to each ChapterRollout, whose forms show them. The
 * names equal the form field keys.
 */
public final class ProgrammeVariables {

	/** Id of the programme's row in {@code thidua_rollout}. */
	public static final Variable<Long> ROLLOUT_ID = Variable.number("rolloutId");

	public static final Variable<Integer> PROGRAMME_YEAR = Variable.integer("programmeYear");

	public static final Variable<String> THEME = Variable.text("theme");

	/** One focus point (trọng tâm) per line. */
	public static final Variable<String> FOCUS_POINTS = Variable.text("focusPoints");

	public static final Variable<String> IMPLEMENTATION_PLAN = Variable.text("implementationPlan");

	public static final Variable<String> EMULATION_PLAN = Variable.text("emulationPlan");

	public static final Variable<String> CAMPAIGNS = Variable.text("campaigns");

	/** Last day for comments at the conference. */
	public static final Variable<LocalDate> CONFERENCE_DEADLINE = Variable.date("conferenceDeadline");

	/** Last day for chapters to register work items. */
	public static final Variable<LocalDate> REGISTRATION_DEADLINE = Variable.date("registrationDeadline");

	/** Mid-year (sơ kết) report date, usually in July. */
	public static final Variable<LocalDate> MID_YEAR_REPORT_DATE = Variable.date("midYearReportDate");

	/** Year-end (tổng kết) report date, usually in December. */
	public static final Variable<LocalDate> YEAR_END_REPORT_DATE = Variable.date("yearEndReportDate");

	private ProgrammeVariables() {
	}

}
