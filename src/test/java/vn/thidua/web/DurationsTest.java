package vn.thidua.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DurationsTest {

	@Test
	void settingsReadAsWords() {
		assertThat(Durations.inWords("P10D")).isEqualTo("10 ngày");
		assertThat(Durations.inWords("P1M15D")).isEqualTo("1 tháng 15 ngày");
		assertThat(Durations.inWords("PT10S")).isEqualTo("10 giây");
		assertThat(Durations.inWords("PT2H30M")).isEqualTo("2 giờ 30 phút");
		assertThat(Durations.inWords("PT49H")).isEqualTo("2 ngày 1 giờ");
		assertThat(Durations.inWords("P0D")).isEqualTo("0 giây");
	}

}
