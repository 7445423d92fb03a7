package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.thidua.nomination.EligibilityRules.Fact;
import vn.thidua.nomination.EligibilityRules.Outcome;
import vn.thidua.nomination.EligibilityRules.Requirement;
import vn.thidua.nomination.EligibilityRules.Verdict;

/** Each row of bpmn/AwardEligibility.dmn against in-memory register facts, at its bounds. */
class EligibilityRulesTest {

	private static final Map<String, String> NAMES = Map.of("LAO_DONG_TIEN_TIEN", "Lao động tiên tiến", "CSTD_CO_SO",
			"Chiến sĩ thi đua cơ sở", "TAP_THE_LDTT", "Tập thể lao động tiên tiến", "GK_HOI_PHUONG",
			"Giấy khen của Chủ tịch Hội LHPN phường", "GK_UBND_PHUONG", "Giấy khen của Chủ tịch UBND phường");

	private final EligibilityRules rules = new EligibilityRules(code -> NAMES.getOrDefault(code, code));

	@Test
	void shouldGiveEveryAwardOfTheCatalogueARowWithItsLegalBasis() {
		// given / when / then
		for (String code : List.of("GK_HOI_PHUONG", "GK_UBND_PHUONG", "LAO_DONG_TIEN_TIEN", "CSTD_CO_SO",
				"TAP_THE_LDTT", "BK_HOI_THANH_PHO", "BK_TW_HOI")) {
			String type = "TAP_THE_LDTT".equals(code) ? "COLLECTIVE" : "INDIVIDUAL";
			assertThat(rules.requirements(code, type)).as(code)
				.isNotEmpty()
				.allSatisfy(r -> assertThat(r.legalBasis()).isNotBlank());
		}
		assertThat(rules.requirements("CSTD_CO_SO", "INDIVIDUAL")).singleElement()
			.satisfies(r -> assertThat(r.awards()).containsExactly("LAO_DONG_TIEN_TIEN"))
			.satisfies(r -> assertThat(r.sameYear()).isTrue())
			.satisfies(r -> assertThat(r.wardPolicy()).isFalse());
		assertThat(rules.requirements("BK_HOI_THANH_PHO", "COLLECTIVE")).singleElement()
			.extracting(Requirement::consecutiveYears, Requirement::wardPolicy)
			.containsExactly(2, true);
	}

	@Test
	void shouldFindNoHistoryNeededForTitlesJudgedOnTheYearAlone() {
		// given no facts / when / then
		for (String code : List.of("GK_HOI_PHUONG", "GK_UBND_PHUONG", "LAO_DONG_TIEN_TIEN")) {
			assertThat(rules.judge(code, "INDIVIDUAL", 2026, List.of()).outcome()).as(code).isEqualTo(Outcome.ELIGIBLE);
		}
		assertThat(rules.judge("TAP_THE_LDTT", "COLLECTIVE", 2026, List.of()).outcome()).isEqualTo(Outcome.ELIGIBLE);
	}

	@Test
	void shouldAdmitCstdCoSoWithLaoDongTienTienOfTheSameYear() {
		// given
		List<Fact> facts = List.of(Fact.held("LAO_DONG_TIEN_TIEN", 2026));
		// when
		Verdict verdict = rules.judge("CSTD_CO_SO", "INDIVIDUAL", 2026, facts);
		// then
		assertThat(verdict.outcome()).isEqualTo(Outcome.ELIGIBLE);
		assertThat(verdict.label()).isEqualTo("Đủ điều kiện");
	}

	@Test
	void shouldRefuseCstdCoSoWithoutLaoDongTienTienOfThatYearNamingTheRule() {
		// given: the title of the year before and another award of the year do not count
		List<Fact> facts = List.of(Fact.held("LAO_DONG_TIEN_TIEN", 2025), Fact.held("GK_HOI_PHUONG", 2026));
		// when
		Verdict verdict = rules.judge("CSTD_CO_SO", "INDIVIDUAL", 2026, facts);
		// then
		assertThat(verdict.refused()).isTrue();
		assertThat(verdict.reason()).contains("Chiến sĩ thi đua cơ sở cần danh hiệu Lao động tiên tiến cùng năm")
			.contains("Điều 23")
			.contains("«Lao động tiên tiến» năm 2026")
			.contains("chưa được đề nghị");
	}

	@Test
	void shouldLetCstdCoSoWaitWhileLaoDongTienTienOfTheYearIsNominated() {
		// given
		List<Fact> facts = List.of(Fact.nominated("LAO_DONG_TIEN_TIEN", 2026));
		// when
		Verdict verdict = rules.judge("CSTD_CO_SO", "INDIVIDUAL", 2026, facts);
		// then
		assertThat(verdict.outcome()).isEqualTo(Outcome.PENDING);
		assertThat(verdict.label()).startsWith("Chưa đủ điều kiện: ").endsWith("(đang đề nghị)");
	}

	@Test
	void shouldAdmitBangKhenHoiThanhPhoAfterExactlyTwoConsecutiveYearsOfWardAwards() {
		// given: any ward-level award counts, one per year
		List<Fact> facts = List.of(Fact.held("GK_HOI_PHUONG", 2024), Fact.held("LAO_DONG_TIEN_TIEN", 2025));
		// when / then
		assertThat(rules.judge("BK_HOI_THANH_PHO", "INDIVIDUAL", 2026, facts).outcome()).isEqualTo(Outcome.ELIGIBLE);
	}

	@Test
	void shouldRefuseBangKhenHoiThanhPhoAfterOneYearOrWithAGap() {
		// given
		List<Fact> one = List.of(Fact.held("GK_HOI_PHUONG", 2025));
		List<Fact> gap = List.of(Fact.held("GK_HOI_PHUONG", 2023), Fact.held("GK_HOI_PHUONG", 2025));
		List<Fact> pending = List.of(Fact.held("GK_HOI_PHUONG", 2025), Fact.nominated("GK_HOI_PHUONG", 2024));
		// when
		Verdict afterOne = rules.judge("BK_HOI_THANH_PHO", "INDIVIDUAL", 2026, one);
		// then
		assertThat(afterOne.refused()).isTrue();
		assertThat(afterOne.reason()).contains("cần 2 năm liên tục trước năm 2026").contains("còn thiếu năm 2024");
		assertThat(rules.judge("BK_HOI_THANH_PHO", "INDIVIDUAL", 2026, gap).refused()).isTrue();
		assertThat(rules.judge("BK_HOI_THANH_PHO", "INDIVIDUAL", 2026, pending).refused()).as("past years need a decision")
			.isTrue();
	}

	@Test
	void shouldAdmitBangKhenTrungUongHoiAfterExactlyThreeConsecutiveYearsOfCstdCoSo() {
		// given
		List<Fact> three = List.of(Fact.held("CSTD_CO_SO", 2023), Fact.held("CSTD_CO_SO", 2024),
				Fact.held("CSTD_CO_SO", 2025));
		// when / then
		assertThat(rules.judge("BK_TW_HOI", "INDIVIDUAL", 2026, three).outcome()).isEqualTo(Outcome.ELIGIBLE);
	}

	@Test
	void shouldRefuseBangKhenTrungUongHoiAfterTwoYearsOrWithAGap() {
		// given
		List<Fact> two = List.of(Fact.held("CSTD_CO_SO", 2024), Fact.held("CSTD_CO_SO", 2025));
		List<Fact> gap = List.of(Fact.held("CSTD_CO_SO", 2022), Fact.held("CSTD_CO_SO", 2024),
				Fact.held("CSTD_CO_SO", 2025));
		List<Fact> otherTitle = List.of(Fact.held("LAO_DONG_TIEN_TIEN", 2023), Fact.held("CSTD_CO_SO", 2024),
				Fact.held("CSTD_CO_SO", 2025));
		// when
		Verdict afterTwo = rules.judge("BK_TW_HOI", "INDIVIDUAL", 2026, two);
		// then
		assertThat(afterTwo.refused()).isTrue();
		assertThat(afterTwo.reason()).contains("cần 3 năm liên tục trước năm 2026")
			.contains("«Chiến sĩ thi đua cơ sở»")
			.contains("còn thiếu năm 2023");
		assertThat(rules.judge("BK_TW_HOI", "INDIVIDUAL", 2026, gap).refused()).isTrue();
		assertThat(rules.judge("BK_TW_HOI", "INDIVIDUAL", 2026, otherTitle).refused()).isTrue();
	}

	@Test
	void shouldJudgeACollectivesBangKhenTrungUongHoiOnItsOwnTitle() {
		// given
		List<Fact> three = List.of(Fact.held("TAP_THE_LDTT", 2023), Fact.held("TAP_THE_LDTT", 2024),
				Fact.held("TAP_THE_LDTT", 2025));
		List<Fact> two = three.subList(1, 3);
		// when / then
		assertThat(rules.judge("BK_TW_HOI", "COLLECTIVE", 2026, three).outcome()).isEqualTo(Outcome.ELIGIBLE);
		assertThat(rules.judge("BK_TW_HOI", "COLLECTIVE", 2026, two).refused()).isTrue();
		assertThat(rules.judge("BK_TW_HOI", "COLLECTIVE", 2026, two).reason()).contains("«Tập thể lao động tiên tiến»");
	}

}
