package vn.thidua.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextFoldTest {

	@Test
	void shouldFindVietnameseNamesWithOrWithoutAccents() {
		assertThat(TextFold.fold("  Trần   Thị Bích Ngọc ")).isEqualTo("tran thi bich ngoc");
		assertThat(TextFold.fold("Đỗ Thị Đào")).isEqualTo("do thi dao");
		assertThat(TextFold.matches("Trần Thị Bích Ngọc", "tran thi")).isTrue();
		assertThat(TextFold.matches("Trần Thị Bích Ngọc", "TRẦN THỊ")).isTrue();
		assertThat(TextFold.matches("Trần Thị Bích Ngọc", "bich ngoc")).isTrue();
		assertThat(TextFold.matches("Nguyễn Thị Hoa", "tran thi")).isFalse();
		// decomposed input (as some phones send it) folds the same
		assertThat(TextFold.fold("Tra\u0300n")).isEqualTo("tran");
		// the folded query occurs in the folded name as one piece (as the register's SQL LIKE)
		for (String query : List.of("tran thi hoa", "TRAN", "hòa", "thi h", "ran th", "  Trần\u00a0Thị ", "")) {
			assertThat(TextFold.matches("Trần Thị Hoà", query)).as(query).isTrue();
		}
		assertThat(TextFold.matches("Trần Thị Hoà", "tran hoa")).isFalse();
		assertThat(TextFold.matches("Trần Thị Hoà", "tran thi hoa x")).isFalse();
	}

	@Test
	void shouldRefuseTheActionAfterTheLimitUntilTheWindowHasPassed() {
		MutableClock clock = new MutableClock();
		PageThrottle throttle = new PageThrottle(2, Duration.ofMinutes(10), 100, clock);
		assertThat(throttle.tryAcquire("10.0.0.1")).isTrue();
		assertThat(throttle.tryAcquire("10.0.0.1")).isTrue();
		assertThat(throttle.tryAcquire("10.0.0.1")).isFalse();
		assertThat(throttle.tryAcquire("10.0.0.2")).isTrue();
		clock.now = clock.now.plus(Duration.ofMinutes(11));
		assertThat(throttle.tryAcquire("10.0.0.1")).isTrue();
	}

	@Test
	void shouldForgetTheOldestAddressesBeyondTheLimitOfKeys() {
		PageThrottle throttle = new PageThrottle(1, Duration.ofMinutes(10), 2, new MutableClock());
		for (String address : List.of("a", "b", "c")) {
			assertThat(throttle.tryAcquire(address)).isTrue();
		}
		assertThat(throttle.tryAcquire("a")).as("forgotten").isTrue();
		assertThat(throttle.tryAcquire("c")).isFalse();
	}

	@Test
	void shouldDrawStackedBarsProportionalToTheLargestTotal() {
		BarChart chart = BarChart.of("c", "Biểu đồ", List.of("A", "B"), List.of("2025", "2026"),
				List.of(new double[] { 1, 1 }, new double[] { 4, 0 }), "");
		assertThat(chart.rows()).hasSize(2);
		assertThat(chart.rows().get(1).segments()).hasSize(1);
		int full = chart.rows().get(1).segments().get(0).width();
		int half = chart.rows().get(0).segments().stream().mapToInt(BarChart.Segment::width).sum();
		assertThat(full).isEqualTo(BarChart.WIDTH - BarChart.VALUE_SPACE);
		assertThat(half).isBetween(full / 2 - 1, full / 2 + 1);
		assertThat(chart.rows().get(0).totalText()).isEqualTo("2");
	}

	static final class MutableClock extends Clock {

		Instant now = Instant.parse("2026-12-01T00:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
