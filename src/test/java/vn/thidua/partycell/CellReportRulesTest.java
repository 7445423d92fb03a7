package vn.thidua.partycell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.PartyCell;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;

/** The rules of ChapterPartyCellReport on plain values: no engine, no Spring. */
class CellReportRulesTest {

	private static final Ward BODE = new Ward("bode", "Phường Bồ Đề", "chair", List.of("board1"), null, List.of());

	private static ChapterRef chapter(String code) {
		return new ChapterRef(BODE, new Chapter(code, "Chi hội " + code, "head1", new PartyCell("Chi bộ", "cell1")));
	}

	@Test
	void shouldTakeTheOnlyChapterOfAHeadWhoNamesNone() {
		assertThat(CellReportRules.chapterOfHead(List.of(chapter("ch01")), null)).isEqualTo("bode-ch01");
	}

	@Test
	void shouldMakeAHeadOfSeveralChaptersChooseOneOfHers() {
		List<ChapterRef> two = List.of(chapter("ch01"), chapter("ch02"));
		assertThat(CellReportRules.chapterOfHead(two, "bode-ch02")).isEqualTo("bode-ch02");
		assertThatThrownBy(() -> CellReportRules.chapterOfHead(two, null)).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("chapterGroup"));
		assertThatThrownBy(() -> CellReportRules.chapterOfHead(two, "bode-ch03"))
			.isInstanceOfSatisfying(FormValidationException.class, ex -> {
				assertThat(ex.getField()).isEqualTo("chapterGroup");
				assertThat(ex.getMessage()).startsWith("Đồng chí không phải");
			});
	}

	@Test
	void shouldRefuseAStarterWhoHeadsNoChapter() {
		assertThatThrownBy(() -> CellReportRules.chapterOfHead(List.of(), "bode-ch01"))
			.isInstanceOfSatisfying(FormValidationException.class, ex -> {
				assertThat(ex.getField()).isNull();
				assertThat(ex.getMessage()).contains("chi hội trưởng");
			});
	}

	@Test
	void shouldNeedBothTheReportAndTheRequest() {
		CellReportRules.checkReport("Báo cáo.", "Xin ý kiến.");
		assertThatThrownBy(() -> CellReportRules.checkReport(null, "Xin ý kiến."))
			.isInstanceOfSatisfying(FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("cellReport"));
		assertThatThrownBy(() -> CellReportRules.checkReport("Báo cáo.", null)).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("guidanceRequest"));
	}

	@Test
	void shouldStoreAnAgreementWithItsDirectionsAndARevisionWithItsReason() {
		assertThat(CellReportRules.answer("agreed", "Đồng ý.", "ignored"))
			.isEqualTo(new CellReportRules.Answer("GUIDANCE_AGREED", "Đồng ý.", null));
		assertThat(CellReportRules.answer("revise", "ignored", "Bổ sung."))
			.isEqualTo(new CellReportRules.Answer("REVISION_REQUESTED", null, "Bổ sung."));
	}

	@Test
	void shouldRefuseAnAnswerWithoutWhatItNeeds() {
		assertThatThrownBy(() -> CellReportRules.answer("agreed", null, "x"))
			.isInstanceOfSatisfying(FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("guidance"));
		assertThatThrownBy(() -> CellReportRules.answer("revise", "x", null)).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("revisionReason"));
		assertThatThrownBy(() -> CellReportRules.answer(null, "x", "y")).isInstanceOfSatisfying(
				FormValidationException.class, ex -> assertThat(ex.getField()).isEqualTo("guidanceDecision"));
	}

}
