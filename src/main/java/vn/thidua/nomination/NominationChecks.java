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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.nomination.NominationRepository.Nomination;

/**
 * The business rules of a nomination (issue 4, step "Checks"): complete, the award in the
 * catalogue and fitting the nominee, the period open, the review meeting held and agreed, the
 * declaration given, and the same achievement not nominated or awarded twice. Used at the start
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

	@Autowired
	NominationChecks(AwardCatalogue catalogue, NominationRepository nominations, NominationSettings settings) {
		this(catalogue, nominations, settings, Clock.systemDefaultZone());
	}

	NominationChecks(AwardCatalogue catalogue, NominationRepository nominations, NominationSettings settings,
			Clock clock) {
		this.catalogue = catalogue;
		this.nominations = nominations;
		this.settings = settings;
		this.clock = clock;
	}

	/** A broken rule: the form field at fault and a Vietnamese message for the nominator. */
	record Problem(String field, String message) {
	}

	Optional<Problem> check(NominationData d, String processInstanceId, String wardCode, String chapterGroup,
			String nominatedBy) {
		if (d.nomineeType() == null || !NOMINEE_TYPES.contains(d.nomineeType())) {
			return problem(NOMINEE_TYPE, "Cần chọn đối tượng được đề nghị: cá nhân hoặc tập thể.");
		}
		if (d.nomineeName() == null || d.nomineeName().isBlank()) {
			return problem(NOMINEE_NAME, "Cần ghi họ tên cá nhân hoặc tên tập thể được đề nghị.");
		}
		if (d.nomineeName().length() > NAME_MAX) {
			return problem(NOMINEE_NAME, "Họ tên hoặc tên tập thể dài quá " + NAME_MAX + " ký tự.");
		}
		if (d.achievementReport() == null || d.achievementReport().isBlank()) {
			return problem(ACHIEVEMENT_REPORT, "Cần có báo cáo thành tích.");
		}
		if (d.achievementReport().length() > REPORT_MAX) {
			return problem(ACHIEVEMENT_REPORT, "Báo cáo thành tích dài quá " + REPORT_MAX + " ký tự (hiện có "
					+ d.achievementReport().length() + ").");
		}
		Optional<Award> award = d.awardCode() == null ? Optional.empty() : catalogue.find(d.awardCode());
		if (award.isEmpty()) {
			return problem(AWARD_CODE, "Hình thức khen thưởng \"" + shorten(d.awardCode())
					+ "\" không có trong danh mục khen thưởng.");
		}
		if (!award.get().nomineeTypes().contains(d.nomineeType())) {
			return problem(AWARD_CODE, "\"" + award.get().name() + "\" không xét cho "
					+ ("INDIVIDUAL".equals(d.nomineeType()) ? "cá nhân." : "tập thể."));
		}
		int thisYear = LocalDate.now(clock).getYear();
		int firstOpen = thisYear - settings.getOpenYearsBack();
		if (d.periodYear() == null) {
			return problem(PERIOD_YEAR, "Cần ghi năm thi đua (số, ví dụ " + thisYear + ").");
		}
		if (d.periodYear() < firstOpen || d.periodYear() > thisYear) {
			return problem(PERIOD_YEAR, "Năm thi đua " + d.periodYear() + " không còn nhận đề nghị: chỉ nhận năm "
					+ (firstOpen == thisYear ? thisYear : firstOpen + " đến " + thisYear) + ".");
		}
		if (d.reviewMeetingDate() == null || d.reviewMeetingDate().isBlank()) {
			return problem(REVIEW_MEETING_DATE, "Cần ghi ngày họp bình xét của chi hội.");
		}
		try {
			if (LocalDate.parse(d.reviewMeetingDate()).isAfter(LocalDate.now(clock))) {
				return problem(REVIEW_MEETING_DATE, "Ngày họp bình xét không thể ở tương lai.");
			}
		}
		catch (DateTimeParseException ex) {
			return problem(REVIEW_MEETING_DATE, "Ngày họp bình xét phải có dạng NNNN-TT-NN.");
		}
		if (!d.reviewMeetingAgreed()) {
			return problem(REVIEW_MEETING_AGREED,
					"Chỉ đề nghị khi cuộc họp bình xét của chi hội đã đồng ý (biên bản bình xét).");
		}
		if (!d.noDisciplineDeclared()) {
			return problem(NO_DISCIPLINE_DECLARED, "Cần cam đoan người hoặc tập thể được đề nghị không bị kỷ luật, "
					+ "không đang bị điều tra, khiếu nại.");
		}
		Nomination n = nomination(d, processInstanceId, wardCode, chapterGroup, nominatedBy);
		if (nominations.duplicateExists(n)) {
			return problem(NOMINEE_NAME, "\"" + d.nomineeName().trim() + "\" đã được đề nghị hoặc đã được khen \""
					+ award.get().name() + "\" năm " + d.periodYear()
					+ " (một thành tích chỉ khen một lần).");
		}
		return Optional.empty();
	}

	static Nomination nomination(NominationData d, String processInstanceId, String wardCode, String chapterGroup,
			String nominatedBy) {
		return new Nomination(processInstanceId, wardCode, chapterGroup, d.nomineeType(), d.nomineeName().trim(),
				d.awardCode(), d.periodYear(), nominatedBy);
	}

	private static Optional<Problem> problem(String field, String message) {
		return Optional.of(new Problem(field, message));
	}

	private static String shorten(String s) {
		return s.length() > 60 ? s.substring(0, 60) + "…" : s;
	}

}
