package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.ACHIEVEMENT_REPORT;
import static vn.thidua.nomination.NominationVariables.AWARD_CODE;
import static vn.thidua.nomination.NominationVariables.NOMINEE_NAME;
import static vn.thidua.nomination.NominationVariables.NOMINEE_TYPE;
import static vn.thidua.nomination.NominationVariables.NO_DISCIPLINE_DECLARED;
import static vn.thidua.nomination.NominationVariables.PERIOD_YEAR;
import static vn.thidua.nomination.NominationVariables.REVIEW_MEETING_AGREED;
import static vn.thidua.nomination.NominationVariables.REVIEW_MEETING_DATE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.nomination.NominationRepository.Nomination;
import vn.thidua.process.Variable;
import vn.thidua.web.Messages;

/**
 * The business rules of a nomination (issue 4, step "Checks"): complete, the award in the
 * catalogue and fitting the nominee, the period open, the review meeting held and agreed, the
 * declaration given, the same achievement not nominated or awarded twice, and the history the award
 * builds on ({@link Eligibility}: a nomination that cannot qualify). Used at the start
 * (a failure refuses the start) and by Task_CheckNomination after a revision (a failure returns the
 * nomination to the chapter).
 */
@Service
class NominationChecks {

	static final Set<String> NOMINEE_TYPES = Set.of("INDIVIDUAL", "COLLECTIVE");

	static final int NAME_MAX = 200;

	static final int REPORT_MAX = 10_000;

	private final AwardCatalogue catalogue;

	private final NominationRepository nominations;

	private final NominationSettings settings;

	private final Clock clock;

	private final Eligibility eligibility;

	NominationChecks(AwardCatalogue catalogue, NominationRepository nominations, NominationSettings settings,
			Clock clock, Eligibility eligibility) {
		this.catalogue = catalogue;
		this.nominations = nominations;
		this.settings = settings;
		this.clock = clock;
		this.eligibility = eligibility;
	}

	/** A broken rule: the form field at fault and a Vietnamese message for the nominator. */
	record Problem(String field, String message) {
	}

	Optional<Problem> check(NominationData d, String processInstanceId, String wardCode, String chapterGroup,
			String nominatedBy) {
		if (d.nomineeType() == null || !NOMINEE_TYPES.contains(d.nomineeType())) {
			return problem(NOMINEE_TYPE, "nomination.check.nominee-type.required");
		}
		if (d.nomineeName() == null || d.nomineeName().isBlank()) {
			return problem(NOMINEE_NAME, "nomination.check.nominee-name.required");
		}
		if (d.nomineeName().length() > NAME_MAX) {
			return problem(NOMINEE_NAME, "nomination.check.nominee-name.too-long", NAME_MAX);
		}
		if (d.achievementReport() == null || d.achievementReport().isBlank()) {
			return problem(ACHIEVEMENT_REPORT, "nomination.check.report.required");
		}
		if (d.achievementReport().length() > REPORT_MAX) {
			return problem(ACHIEVEMENT_REPORT, "nomination.check.report.too-long", REPORT_MAX,
					d.achievementReport().length());
		}
		Optional<Award> award = d.awardCode() == null ? Optional.empty() : catalogue.find(d.awardCode());
		if (award.isEmpty()) {
			return problem(AWARD_CODE, "nomination.check.award.unknown", shorten(d.awardCode()));
		}
		if (!award.get().givenTo(d.nomineeType())) {
			return problem(AWARD_CODE, "INDIVIDUAL".equals(d.nomineeType())
					? "nomination.check.award.not-for-individual" : "nomination.check.award.not-for-collective",
					award.get().name());
		}
		int thisYear = LocalDate.now(clock).getYear();
		int firstOpen = thisYear - settings.getOpenYearsBack();
		if (d.periodYear() == null) {
			return problem(PERIOD_YEAR, "nomination.check.year.required", String.valueOf(thisYear));
		}
		if (d.periodYear() < firstOpen || d.periodYear() > thisYear) {
			return problem(PERIOD_YEAR, firstOpen == thisYear ? "nomination.check.year.closed-one" : "nomination.check.year.closed",
					String.valueOf(d.periodYear()), String.valueOf(firstOpen), String.valueOf(thisYear));
		}
		if (d.reviewMeetingDate() == null || d.reviewMeetingDate().isBlank()) {
			return problem(REVIEW_MEETING_DATE, "nomination.check.meeting-date.required");
		}
		try {
			if (LocalDate.parse(d.reviewMeetingDate()).isAfter(LocalDate.now(clock))) {
				return problem(REVIEW_MEETING_DATE, "nomination.check.meeting-date.future");
			}
		}
		catch (DateTimeParseException ex) {
			return problem(REVIEW_MEETING_DATE, "nomination.check.meeting-date.invalid");
		}
		if (!d.reviewMeetingAgreed()) {
			return problem(REVIEW_MEETING_AGREED, "nomination.check.meeting.not-agreed");
		}
		if (!d.noDisciplineDeclared()) {
			return problem(NO_DISCIPLINE_DECLARED, "nomination.check.declaration.required");
		}
		Nomination n = nomination(d, processInstanceId, wardCode, chapterGroup, nominatedBy);
		if (nominations.duplicateExists(n)) {
			return problem(NOMINEE_NAME, "nomination.check.duplicate", d.nomineeName().trim(), award.get().name(),
					String.valueOf(d.periodYear()));
		}
		EligibilityRules.Verdict verdict = eligibility.verdict(d, processInstanceId, chapterGroup);
		if (verdict.refused()) {
			return problem(AWARD_CODE, "nomination.eligibility.refused", award.get().name(), verdict.reason());
		}
		return Optional.empty();
	}

	static Nomination nomination(NominationData d, String processInstanceId, String wardCode, String chapterGroup,
			String nominatedBy) {
		return new Nomination(processInstanceId, wardCode, chapterGroup, d.nomineeType(), d.nomineeName().trim(),
				d.awardCode(), d.periodYear(), nominatedBy);
	}

	private static Optional<Problem> problem(Variable<?> field, String key, Object... args) {
		return Optional.of(new Problem(field.name(), Messages.get(key, args)));
	}

	private static String shorten(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

}
