package vn.thidua.rollout;

import java.time.LocalDate;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The dates of a programme fixture, relative to the day it is submitted, so that every test passes
 * on any day of the year (the year-end weeks and New Year included): the conference deadline two
 * weeks on, the registration six weeks on, the mid-year report on 15 July and the year-end report on
 * 10 December of the programme's year, as {@code ProgrammeRules} wants them.
 */
public record ProgrammeDates(int year, LocalDate conferenceDeadline, LocalDate registrationDeadline,
		LocalDate midYearReportDate, LocalDate yearEndReportDate) {

	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** Today in Vietnam by the engine's clock, which the application's clock follows. */
	public static LocalDate today() {
		return ClockUtil.now().toInstant().atZone(VIETNAM).toLocalDate();
	}

	/** Next year's programme, submitted today: valid whatever today is. */
	public static ProgrammeDates nextYear() {
		return of(today().getYear() + 1, today());
	}

	/**
	 * The programme of {@code year} submitted on {@code submittedOn}; the caller picks a day early
	 * enough in the year for the registration to end before July.
	 */
	public static ProgrammeDates of(int year, LocalDate submittedOn) {
		return new ProgrammeDates(year, submittedOn.plusDays(14), submittedOn.plusDays(42), LocalDate.of(year, 7, 15),
				LocalDate.of(year, 12, 10));
	}

	/** A work item's deadline within the programme's year. */
	public LocalDate workItemDeadline() {
		return LocalDate.of(year, 11, 30);
	}

}
