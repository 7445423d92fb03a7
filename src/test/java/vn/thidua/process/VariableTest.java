package vn.thidua.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reading a variable is lenient (the REST API accepts any type for any name): a wrong shape reads as null. */
class VariableTest {

	private static Map<String, Object> values(Object value) {
		Map<String, Object> values = new HashMap<>();
		values.put("v", value);
		return values;
	}

	@Test
	void textIsStrippedAndBlankIsAbsent() {
		Variable<String> text = Variable.text("v");
		assertThat(text.of(values("  Chi hội 1 "))).isEqualTo("Chi hội 1");
		assertThat(text.of(values(" \t"))).isNull();
		assertThat(text.of(values(null))).isNull();
		assertThat(text.of(values(42))).isEqualTo("42");
	}

	@Test
	void numbersReadFromNumbersOrDigitsOnly() {
		Variable<Integer> year = Variable.integer("v");
		assertThat(year.of(values(2026))).isEqualTo(2026);
		assertThat(year.of(values(2026L))).isEqualTo(2026);
		assertThat(year.of(values(" 2026 "))).isEqualTo(2026);
		assertThat(year.of(values(2026.5))).isNull();
		assertThat(year.of(values("2026a"))).isNull();
		assertThat(year.of(values(5_000_000_000L))).as("out of int range").isNull();
		assertThat(Variable.number("v").of(values(5_000_000_000L))).isEqualTo(5_000_000_000L);
		assertThat(Variable.ratio("v").of(values("0.6667"))).isEqualTo(0.6667);
		assertThat(Variable.ratio("v").of(values("2/3"))).isNull();
	}

	@Test
	void flagsAreTrueOnlyWhenTrue() {
		Variable<Boolean> flag = Variable.flag("v");
		assertThat(flag.of(values(true))).isTrue();
		assertThat(flag.of(values("TRUE "))).isTrue();
		assertThat(flag.of(values("yes"))).isFalse();
		assertThat(flag.of(values(null))).isFalse();
		assertThat(flag.of(values(1))).isFalse();
	}

	@Test
	void datesAreFormJsDates() {
		Variable<LocalDate> date = Variable.date("v");
		assertThat(date.of(values("2026-12-01"))).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(date.of(values("2026-12-01T08:00:00"))).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(date.of(values("01/12/2026"))).isNull();
	}

	@Test
	void rowsOfADynamicListReadFromJsonOrAList() {
		Variable<List<Map<String, Object>>> rows = Variable.rows("v");
		assertThat(rows.of(values("[{\"content\":\"Tập huấn\",\"count\":2}]")))
			.containsExactly(Map.of("content", "Tập huấn", "count", 2));
		assertThat(rows.of(values(List.of(Map.of("content", "A"))))).containsExactly(Map.of("content", "A"));
		assertThat(rows.of(values(null))).isEmpty();
		assertThat(rows.of(values("not json"))).as("a broken list reads as null: the service names the field")
			.isNull();
	}

}
