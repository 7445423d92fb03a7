package vn.thidua.rollout.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.rollout.RolloutRepository.Comment;
import vn.thidua.rollout.RolloutRepository.Programme;
import vn.thidua.rollout.plan.ProgrammeRules.ProgrammeForm;

/** The rules of PlanRollout on plain values: no engine, no Spring. */
class ProgrammeRulesTest {

	private static final Ward BODE = new Ward("bode", "Phường Bồ Đề", "chair", List.of("board1", "board2"), null,
			List.of(new Chapter("ch01", "Chi hội 1", "head1", null), new Chapter("ch02", "Chi hội 2", "board1", null)));

	/** The day the programme is submitted: a fixed day, the rules take it as a parameter. */
	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	private static ProgrammeForm form(Integer year, LocalDate conference, LocalDate registration, LocalDate midYear,
			LocalDate yearEnd) {
		return new ProgrammeForm(year, "Chủ đề", "Trọng tâm", "Kế hoạch", "Thi đua", null, conference, registration,
				midYear, yearEnd);
	}

	private static ProgrammeForm valid() {
		return form(2027, LocalDate.of(2027, 1, 15), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 7, 15),
				LocalDate.of(2027, 12, 10));
	}

	private static String fieldOf(Runnable call) {
		try {
			call.run();
		}
		catch (FormValidationException ex) {
			return ex.getField();
		}
		throw new AssertionError("accepted");
	}

	@Test
	void shouldAcceptAProgrammeWhoseDatesFollowEachOtherWithinItsYear() {
		Programme p = ProgrammeRules.programme(valid(), TODAY);
		assertThat(p.year()).isEqualTo(2027);
		assertThat(p.registrationDeadline()).isEqualTo(LocalDate.of(2027, 2, 28));
		// registration may close on the conference's last day
		ProgrammeRules.programme(form(2027, LocalDate.of(2027, 2, 28), LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 7, 15), LocalDate.of(2027, 12, 10)), TODAY);
	}

	@Test
	void shouldRefuseAMidYearReportOutsideJuly() {
		// given / when / then: a "mid-year (July)" report in March, after the registration
		LocalDate jan = LocalDate.of(2027, 1, 15);
		assertThatThrownBy(() -> ProgrammeRules.programme(form(2027, jan, LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 3, 20), LocalDate.of(2027, 12, 10)), TODAY))
			.hasMessage("Ngày báo cáo sơ kết 6 tháng phải trong tháng 7 năm 2027.");
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(2027, jan, LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 8, 1), LocalDate.of(2027, 12, 10)), TODAY))).isEqualTo("midYearReportDate");
	}

	@Test
	void shouldRefuseDeadlinesBeforeToday() {
		// given: a programme for next year whose conference deadline was yesterday
		LocalDate yesterday = TODAY.minusDays(1);
		// when / then: refused on the field, with today's date; today itself is accepted
		assertThatThrownBy(() -> ProgrammeRules.programme(form(2027, yesterday, LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 7, 15), LocalDate.of(2027, 12, 10)), TODAY))
			.hasMessage("«Hạn góp ý chương trình» đã qua: chọn một ngày từ hôm nay (01/12/2026) trở đi.");
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(2027, yesterday, LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 7, 15), LocalDate.of(2027, 12, 10)), TODAY))).isEqualTo("conferenceDeadline");
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(2027, TODAY, yesterday,
				LocalDate.of(2027, 7, 15), LocalDate.of(2027, 12, 10)), TODAY))).isEqualTo("registrationDeadline");
		assertThat(ProgrammeRules.programme(form(2027, TODAY, TODAY, LocalDate.of(2027, 7, 15),
				LocalDate.of(2027, 12, 10)), TODAY).conferenceDeadline()).isEqualTo(TODAY);
	}

	@Test
	void shouldRefuseAYearEndReportOutsideDecember() {
		assertThatThrownBy(() -> ProgrammeRules.programme(form(2027, LocalDate.of(2027, 1, 15),
				LocalDate.of(2027, 2, 28), LocalDate.of(2027, 7, 15), LocalDate.of(2027, 11, 20)), TODAY))
			.hasMessage("Ngày báo cáo tổng kết năm phải trong tháng 12 năm 2027.");
	}

	@Test
	void shouldRefuseDatesOutOfOrderOrOutsideTheYear() {
		LocalDate jan = LocalDate.of(2027, 1, 15);
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(2027, jan, jan.minusDays(1), LocalDate.of(2027, 7, 15),
				LocalDate.of(2027, 12, 10)), TODAY))).isEqualTo("registrationDeadline");
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(2027, jan, LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 2, 28), LocalDate.of(2027, 12, 10)), TODAY))).isEqualTo("midYearReportDate");
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(2027, jan, LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 7, 15), LocalDate.of(2027, 7, 15)), TODAY))).isEqualTo("yearEndReportDate");
		assertThatThrownBy(() -> ProgrammeRules.programme(form(2027, jan, LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 7, 15), LocalDate.of(2028, 1, 10)), TODAY))
			.hasMessage("Ngày sơ kết và ngày tổng kết phải thuộc năm 2027.");
	}

	@Test
	void shouldNeedTheYearInRangeAndEveryRequiredPart() {
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(1999, null, null, null, null), TODAY))).isEqualTo("programmeYear");
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(2101, null, null, null, null), TODAY))).isEqualTo("programmeYear");
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(null, null, null, null, null), TODAY))).isEqualTo("programmeYear");
		assertThat(fieldOf(() -> ProgrammeRules.programme(new ProgrammeForm(2027, null, "x", "x", "x", null,
				null, null, null, null), TODAY))).isEqualTo("theme");
		assertThat(fieldOf(() -> ProgrammeRules.programme(form(2027, null, LocalDate.of(2027, 2, 28),
				LocalDate.of(2027, 7, 15), LocalDate.of(2027, 12, 10)), TODAY))).isEqualTo("conferenceDeadline");
	}

	@Test
	void shouldLetOnlyTheChairOrTheBoardDraft() {
		assertThat(ProgrammeRules.draftingWard("chair", List.of(BODE))).isEqualTo(BODE);
		assertThat(ProgrammeRules.draftingWard("board2", List.of(BODE))).isEqualTo(BODE);
		assertThatThrownBy(() -> ProgrammeRules.draftingWard("head1", List.of(BODE)))
			.isInstanceOf(FormValidationException.class);
		assertThatThrownBy(() -> ProgrammeRules.draftingWard(null, List.of(BODE)))
			.isInstanceOf(FormValidationException.class);
	}

	@Test
	void shouldReturnAProgrammeOnlyWithAReason() {
		assertThat(ProgrammeRules.approval("approve", null).approved()).isTrue();
		assertThat(ProgrammeRules.approval("return", "Bổ sung.")).isEqualTo(new ProgrammeRules.Approval(false, "Bổ sung."));
		assertThatThrownBy(() -> ProgrammeRules.approval("return", null)).hasMessage("Vui lòng nhập lý do trả lại");
		assertThat(fieldOf(() -> ProgrammeRules.approval("later", null))).isEqualTo("programmeDecision");
	}

	@Test
	void shouldAskEveryChapterHeadAndBoardMemberOnce() {
		assertThat(ProgrammeRules.participants(BODE)).containsExactly("head1", "board1", "board2");
	}

	@Test
	void shouldAskEveryWardsChairAndTheCityBoardOnceAtCityLevel() {
		Ward city = new Ward("hanoi", "Thành phố", "citychair", List.of("cityboard1", "chair"), null, List.of());
		Ward other = new Ward("longbien", "Phường Long Biên", "lbchair", List.of(), null, List.of());
		assertThat(ProgrammeRules.cityParticipants(city, List.of(BODE, other)))
			.containsExactly("chair", "lbchair", "cityboard1");
		assertThat(ProgrammeRules.draftingWard("citychair", List.of(city)).code()).isEqualTo("hanoi");
	}

	@Test
	void shouldNumberTheCommentsForTheChair() {
		LocalDateTime at = LocalDateTime.of(2027, 1, 10, 9, 0);
		assertThat(ProgrammeRules.commentsText(List.of(new Comment("head1", "Nguyễn Thị Ánh", "Đồng ý.", at),
				new Comment("board2", "Lê Thị Hoa", "Bổ sung.", at))))
			.isEqualTo("1. Nguyễn Thị Ánh (head1): Đồng ý.\n\n2. Lê Thị Hoa (board2): Bổ sung.");
		assertThat(ProgrammeRules.commentsText(List.of())).isEqualTo("(Không có ý kiến góp ý nào trước hạn.)");
		assertThat(ProgrammeRules.subject(2027)).isEqualTo("Chương trình công tác năm 2027");
	}

	@Test
	void shouldNeedTheBoardsTick() {
		ProgrammeRules.checkConfirmed(true);
		assertThat(fieldOf(() -> ProgrammeRules.checkConfirmed(false))).isEqualTo("ratingsConfirmed");
	}

}
