package vn.thidua.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class FormValidatorTest {

	private static final String FORM = """
			{ "id": "f", "components": [
			  { "type": "text", "text": "Hướng dẫn" },
			  { "type": "textfield", "key": "name", "label": "Họ và tên", "validate": { "required": true, "minLength": 2, "maxLength": 5 } },
			  { "type": "number", "key": "year", "label": "Năm", "validate": { "min": 2000, "max": 2100 } },
			  { "type": "select", "key": "award", "label": "Hình thức", "valuesKey": "awardOptions" },
			  { "type": "checklist", "key": "tags", "label": "Nhãn", "values": [ { "label": "A", "value": "a" } ] },
			  { "type": "textfield", "key": "reason", "label": "Lý do", "validate": { "required": true },
			    "conditional": { "hide": "=decision != \\"return\\"" } },
			  { "type": "textfield", "key": "shown", "label": "Chỉ xem", "readonly": true, "validate": { "required": true } },
			  { "type": "group", "path": "meeting", "components": [
			    { "type": "datetime", "subtype": "date", "key": "date", "dateLabel": "Ngày họp", "validate": { "required": true } } ] },
			  { "type": "expression", "key": "total", "expression": "=1+1" }
			] }""";

	private final FormSchema form = parse(FORM);

	@Test
	void shouldKnowWhichKeysTheFormSubmits() {
		assertThat(form.editableKeys()).containsExactlyInAnyOrder("name", "year", "award", "tags", "reason", "meeting",
				"total");
		assertThat(form.displayKeys()).containsExactly("shown");
	}

	@Test
	void shouldAcceptValuesTheBrowserWouldAccept() {
		assertThatCode(() -> FormValidator.validate(form, valid())).doesNotThrowAnyException();
	}

	@Test
	void shouldNameTheFieldInVietnameseForEachRule() {
		assertThat(violation("name", "A")).isEqualTo("«Họ và tên» phải có ít nhất 2 ký tự.");
		assertThat(violation("name", "Nguyễn")).isEqualTo("«Họ và tên» dài tối đa 5 ký tự (đang có 6).");
		assertThat(violation("name", 12)).isEqualTo("«Họ và tên» phải là văn bản.");
		assertThat(violation("year", 2101L)).isEqualTo("«Năm» không được lớn hơn 2100.");
		assertThat(violation("year", "2027")).isEqualTo("«Năm» phải là một số.");
		assertThat(violation("award", "BK_TW")).isEqualTo("«Hình thức»: giá trị «BK_TW» không có trong danh sách được chọn.");
		assertThat(violation("tags", List.of("b"))).isEqualTo("«Nhãn»: giá trị «b» không có trong danh sách được chọn.");
		assertThat(violation("meeting", Map.of("date", "2027-13-01"))).startsWith("«Ngày họp» không phải là ngày hợp lệ");
		assertThat(violation("meeting", Map.of())).isEqualTo("«Ngày họp» là bắt buộc, vui lòng nhập.");
	}

	@Test
	void shouldCountCharactersNotBytesAndRefuseControlCharacters() {
		assertThatCode(() -> FormValidator.validate(form, with("name", "Ánh Ộ"))).doesNotThrowAnyException();
		assertThat(violation("name", "a\u0000b")).isEqualTo("«Họ và tên» có ký tự điều khiển không hợp lệ.");
	}

	@Test
	void shouldLeaveConditionalAndReadonlyFieldsToBusinessRules() {
		Map<String, Object> values = valid();
		values.remove("reason");
		values.remove("shown");

		assertThatCode(() -> FormValidator.validate(form, values)).doesNotThrowAnyException();
	}

	private String violation(String key, Object value) {
		return org.assertj.core.api.Assertions
			.catchThrowableOfType(FormValidationException.class, () -> FormValidator.validate(form, with(key, value)))
			.getMessage();
	}

	private Map<String, Object> with(String key, Object value) {
		Map<String, Object> values = valid();
		values.put(key, value);
		return values;
	}

	private static Map<String, Object> valid() {
		Map<String, Object> values = new HashMap<>();
		values.put("name", "Lan");
		values.put("year", 2027L);
		values.put("award", "GK_PHUONG");
		values.put("awardOptions", List.of(Map.of("label", "Giấy khen", "value", "GK_PHUONG")));
		values.put("tags", List.of("a"));
		values.put("reason", "x");
		values.put("shown", "y");
		values.put("meeting", Map.of("date", "2027-01-15"));
		return values;
	}

	private static FormSchema parse(String json) {
		try {
			return FormSchema.parse(new ObjectMapper().readTree(json));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void shouldFailLoudlyOnAFieldThatIsMissingEntirely() {
		assertThatThrownBy(() -> FormValidator.validate(form, Map.of())).isInstanceOf(FormValidationException.class)
			.hasFieldOrPropertyWithValue("field", "name");
	}

}
