package vn.thidua.award;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "One achievement, one award" and the register's same person compare names this one way. */
class NomineeNamesTest {

	@Test
	void spacesInvisibleCharactersAndCaseDoNotMakeAnotherPerson() {
		assertThat(NomineeNames.comparable("  Trần\u00a0Thị\u200b  Ánh ")).isEqualTo("trần thị ánh");
		assertThat(NomineeNames.comparable("TRẦN THỊ ÁNH")).isEqualTo(NomineeNames.comparable("trần thị ánh"));
		// decomposed letters (a + circumflex + grave) are the composed ones
		assertThat(NomineeNames.comparable("Tra\u0302\u0300n Thi\u0323 A\u0301nh")).isEqualTo("trần thị ánh");
		assertThat(NomineeNames.comparable("\uFEFFChi hội\tTổ 1")).isEqualTo("chi hội tổ 1");
	}

	@Test
	void differentLettersStayDifferent() {
		assertThat(NomineeNames.comparable("Trần Thị Ánh")).isNotEqualTo(NomineeNames.comparable("Trần Thị Anh"));
		assertThat(NomineeNames.comparable("Đỗ Thu")).isNotEqualTo(NomineeNames.comparable("Do Thu"));
		assertThat(NomineeNames.comparable(null)).isEmpty();
	}

	@Test
	void theFoldedNameDropsAccentsAndIsAlikeForNamesThatAreComparableAlike() {
		assertThat(NomineeNames.folded("  Trần   Thị Bích Ngọc ")).isEqualTo("tran thi bich ngoc");
		assertThat(NomineeNames.folded("Đỗ Thị ĐÀO")).isEqualTo("do thi dao");
		assertThat(NomineeNames.folded("TRẦN THỊ HÒA")).isEqualTo(NomineeNames.folded("trần thị hoà"));
		for (String same : new String[] { "Trần\u00a0Thị\u200b  Ánh", "TRẦN THỊ ÁNH", "Tra\u0302\u0300n Thi\u0323 A\u0301nh",
				"\uFEFFtrần thị ánh" }) {
			assertThat(NomineeNames.comparable(same)).isEqualTo("trần thị ánh");
			assertThat(NomineeNames.folded(same)).as(same).isEqualTo("tran thi anh");
		}
		assertThat(NomineeNames.folded(null)).isEmpty();
	}

}
