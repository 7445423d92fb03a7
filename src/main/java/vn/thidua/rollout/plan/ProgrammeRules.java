package vn.thidua.rollout.plan;

import static vn.thidua.rollout.ProgrammeVariables.CONFERENCE_DEADLINE;
import static vn.thidua.rollout.ProgrammeVariables.EMULATION_PLAN;
import static vn.thidua.rollout.ProgrammeVariables.FOCUS_POINTS;
import static vn.thidua.rollout.ProgrammeVariables.IMPLEMENTATION_PLAN;
import static vn.thidua.rollout.ProgrammeVariables.MID_YEAR_REPORT_DATE;
import static vn.thidua.rollout.ProgrammeVariables.PROGRAMME_YEAR;
import static vn.thidua.rollout.ProgrammeVariables.REGISTRATION_DEADLINE;
import static vn.thidua.rollout.ProgrammeVariables.THEME;
import static vn.thidua.rollout.ProgrammeVariables.YEAR_END_REPORT_DATE;
import static vn.thidua.rollout.plan.PlanRolloutVariables.CONCLUSION;
import static vn.thidua.rollout.plan.PlanRolloutVariables.DECISION_APPROVE;
import static vn.thidua.rollout.plan.PlanRolloutVariables.DECISION_RETURN;
import static vn.thidua.rollout.plan.PlanRolloutVariables.PROGRAMME_COMMENT;
import static vn.thidua.rollout.plan.PlanRolloutVariables.PROGRAMME_DECISION;
import static vn.thidua.rollout.plan.PlanRolloutVariables.RATINGS_CONFIRMED;
import static vn.thidua.rollout.plan.PlanRolloutVariables.RETURN_REASON;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.rollout.RolloutRepository.Comment;
import vn.thidua.rollout.RolloutRepository.Programme;
import vn.thidua.web.Messages;

/**
 * The rules of PlanRollout on plain values: who drafts a programme, the rules across its dates, the
 * chair's decision, the conference's participants and comments, the board's confirmation.
 */
final class ProgrammeRules {

	/** The years a programme may be for; equal to {@code min}/{@code max} of {@code programmeYear} in the forms. */
	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	/** The programme as submitted on the start form or in Task_BoardReviseProgramme, before its rules. */
	record ProgrammeForm(Integer year, String theme, String focusPoints, String implementationPlan,
			String emulationPlan, String campaigns, LocalDate conferenceDeadline, LocalDate registrationDeadline,
			LocalDate midYearReportDate, LocalDate yearEndReportDate) {
	}

	/** The chair's decision: approved, or returned with its reason. */
	record Approval(boolean approved, String returnReason) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private ProgrammeRules() {
	}

	/**
	 * The unit whose programme the starter drafts: one she chairs or sits on the board of, a ward or
	 * (for the city's officials) the city.
	 */
	static Ward draftingWard(String initiator, List<Ward> wardsOfInitiator) {
		return Optional.ofNullable(initiator)
			.flatMap(login -> wardsOfInitiator.stream()
				.filter(w -> login.equals(w.chair()) || w.board().contains(login))
				.findFirst())
			.orElseThrow(() -> new FormValidationException(null, Messages.get("rollout.plan.start.board-only")));
	}

	/**
	 * The programme's required parts and the order of its dates: the deadlines not before today, the
	 * report dates within its year, the mid-year report (sơ kết) in July and the year-end one (tổng
	 * kết) in December, as the ward's annual cycle has them.
	 *
	 * @param today the date in Vietnam when it is submitted (the start, or Task_BoardReviseProgramme)
	 */
	static Programme programme(ProgrammeForm f, LocalDate today) {
		Integer year = f.year();
		if (year == null || year < MIN_YEAR || year > MAX_YEAR) {
			throw new FormValidationException(PROGRAMME_YEAR.name(), Messages.get("rollout.plan.year.required",
					String.valueOf(MIN_YEAR), String.valueOf(MAX_YEAR)));
		}
		required(f.theme(), THEME.name(), Messages.get("rollout.plan.theme.required"));
		required(f.focusPoints(), FOCUS_POINTS.name(), Messages.get("rollout.plan.focus-points.required"));
		required(f.implementationPlan(), IMPLEMENTATION_PLAN.name(),
				Messages.get("rollout.plan.implementation-plan.required"));
		required(f.emulationPlan(), EMULATION_PLAN.name(), Messages.get("rollout.plan.emulation-plan.required"));
		LocalDate conference = required(f.conferenceDeadline(), CONFERENCE_DEADLINE.name(),
				Messages.get("rollout.plan.conference-deadline.required"));
		LocalDate registration = required(f.registrationDeadline(), REGISTRATION_DEADLINE.name(),
				Messages.get("rollout.plan.registration-deadline.required"));
		LocalDate midYear = required(f.midYearReportDate(), MID_YEAR_REPORT_DATE.name(),
				Messages.get("rollout.plan.mid-year-date.required"));
		LocalDate yearEnd = required(f.yearEndReportDate(), YEAR_END_REPORT_DATE.name(),
				Messages.get("rollout.plan.year-end-date.required"));
		notPast(conference, today, CONFERENCE_DEADLINE.name(), "rollout.plan.conference-deadline.past");
		notPast(registration, today, REGISTRATION_DEADLINE.name(), "rollout.plan.registration-deadline.past");
		if (registration.isBefore(conference)) {
			throw new FormValidationException(REGISTRATION_DEADLINE.name(),
					Messages.get("rollout.plan.registration-deadline.before-conference"));
		}
		if (!midYear.isAfter(registration)) {
			throw new FormValidationException(MID_YEAR_REPORT_DATE.name(),
					Messages.get("rollout.plan.mid-year-date.before-registration"));
		}
		if (!yearEnd.isAfter(midYear)) {
			throw new FormValidationException(YEAR_END_REPORT_DATE.name(),
					Messages.get("rollout.plan.year-end-date.before-mid-year"));
		}
		if (midYear.getYear() != year || yearEnd.getYear() != year) {
			throw new FormValidationException(YEAR_END_REPORT_DATE.name(),
					Messages.get("rollout.plan.report-dates.other-year", String.valueOf(year)));
		}
		if (midYear.getMonth() != Month.JULY) {
			throw new FormValidationException(MID_YEAR_REPORT_DATE.name(),
					Messages.get("rollout.plan.mid-year-date.not-july", String.valueOf(year)));
		}
		if (yearEnd.getMonth() != Month.DECEMBER) {
			throw new FormValidationException(YEAR_END_REPORT_DATE.name(),
					Messages.get("rollout.plan.year-end-date.not-december", String.valueOf(year)));
		}
		return new Programme(year, f.theme(), f.focusPoints(), f.implementationPlan(), f.emulationPlan(), f.campaigns(),
				conference, registration, midYear, yearEnd);
	}

	/** The one-line subject of a programme's instances. */
	static String subject(int year) {
		return Messages.get("rollout.plan.subject", String.valueOf(year));
	}

	/** Task_ChairApproveProgramme: approve, or return with a reason. */
	static Approval approval(String decision, String returnReason) {
		if (DECISION_APPROVE.equals(decision)) {
			return new Approval(true, null);
		}
		if (DECISION_RETURN.equals(decision)) {
			return new Approval(false,
					required(returnReason, RETURN_REASON.name(), Messages.get("rollout.plan.return-reason.required")));
		}
		throw new FormValidationException(PROGRAMME_DECISION.name(), Messages.get("rollout.plan.decision.required"));
	}

	/** Task_OpenConference: every chapter head, then every board member, once each. */
	static Set<String> participants(Ward ward) {
		Set<String> participants = new LinkedHashSet<>();
		ward.chapters().stream().map(Chapter::head).forEach(participants::add);
		participants.addAll(ward.board());
		return participants;
	}

	/** Task_OpenConference of the city's rollout: every ward's chair, then the city's board, once each. */
	static Set<String> cityParticipants(Ward city, List<Ward> wards) {
		Set<String> participants = new LinkedHashSet<>();
		wards.stream().map(Ward::chair).forEach(participants::add);
		participants.addAll(city.board());
		return participants;
	}

	static String comment(String comment) {
		return required(comment, PROGRAMME_COMMENT.name(), Messages.get("rollout.plan.comment.required"));
	}

	/** Task_CollectComments: the comments numbered, with their authors, for the chair. */
	static String commentsText(List<Comment> comments) {
		if (comments.isEmpty()) {
			return Messages.get("rollout.plan.comments.none");
		}
		StringBuilder text = new StringBuilder();
		int n = 0;
		for (Comment c : comments) {
			text.append(++n).append(". ").append(c.authorName()).append(" (").append(c.author()).append("): ")
				.append(c.text()).append("\n\n");
		}
		return text.toString().strip();
	}

	static String conclusion(String conclusion) {
		return required(conclusion, CONCLUSION.name(), Messages.get("rollout.plan.conclusion.required"));
	}

	/** Task_BoardConfirmRatings: the board must tick the confirmation. */
	static void checkConfirmed(boolean confirmed) {
		if (!confirmed) {
			throw new FormValidationException(RATINGS_CONFIRMED.name(), Messages.get("rollout.plan.ratings.confirm-required"));
		}
	}

	private static void notPast(LocalDate date, LocalDate today, String field, String messageKey) {
		if (date.isBefore(today)) {
			throw new FormValidationException(field, Messages.get(messageKey, today.format(DAY)));
		}
	}

	private static <T> T required(T value, String field, String message) {
		if (value == null) {
			throw new FormValidationException(field, message);
		}
		return value;
	}

}
