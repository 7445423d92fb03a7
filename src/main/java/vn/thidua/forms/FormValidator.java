package vn.thidua.forms;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.thidua.forms.FormSchema.Field;
import vn.thidua.web.Messages;

/**
 * Checks submitted values against a form's rules, as form-js does in the browser: required,
 * lengths, pattern, min/max, allowed options, and the value's type. Text without a declared maximum
 * is capped at {@value #DEFAULT_MAX_LENGTH} characters. The first violation is thrown as a
 * {@link FormValidationException} with a Vietnamese message naming the field.
 */
public final class FormValidator {

	static final int DEFAULT_MAX_LENGTH = 10_000;

	/** The most rows a dynamic list may have. */
	static final int MAX_ROWS = 500;

	private static final ObjectMapper JSON = new ObjectMapper();

	private FormValidator() {
	}

	/**
	 * @param variables the values as the engine holds them (Spin JSON values are read as lists/maps)
	 */
	public static void validate(FormSchema form, Map<String, Object> variables) {
		validateFields(form.fields(), variables, "", key -> lookupOptions(variables, key));
	}

	private static void validateFields(List<Field> fields, Map<String, Object> values, String where,
			Function<String, List<String>> options) {
		for (Field field : fields) {
			Object value = plain(FormSchema.lookup(values, field.key()));
			String name = where + "«" + field.displayName() + "»";
			if ("dynamiclist".equals(field.type())) {
				validateList(field, value, name, options);
				continue;
			}
			if (isEmpty(value)) {
				if (field.required() && !field.conditional() && !field.readonly()) {
					throw new FormValidationException(field.key(), Messages.get("forms.required", name));
				}
				continue;
			}
			validateValue(field, value, name, options);
		}
	}

	private static void validateList(Field field, Object value, String name, Function<String, List<String>> options) {
		if (value == null) {
			return;
		}
		if (!(value instanceof List<?> items)) {
			throw new FormValidationException(field.key(), Messages.get("forms.list.expected", name));
		}
		if (items.size() > MAX_ROWS) {
			throw new FormValidationException(field.key(), Messages.get("forms.list.too-long", name, String.valueOf(MAX_ROWS)));
		}
		int row = 1;
		for (Object item : items) {
			if (!(item instanceof Map<?, ?> map)) {
				throw new FormValidationException(field.key(), Messages.get("forms.list.row-invalid", name, String.valueOf(row)));
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> itemValues = (Map<String, Object>) map;
			try {
				validateFields(field.children(), itemValues,
						Messages.get("forms.list.row", name, String.valueOf(row)) + " ", options);
			}
			catch (FormValidationException inItem) {
				// the variable a client sent is the list: name it, the message says which row and column
				throw new FormValidationException(field.key(), inItem.getMessage());
			}
			row++;
		}
	}

	private static void validateValue(Field field, Object value, String name, Function<String, List<String>> options) {
		switch (field.type()) {
			case "textfield", "textarea" -> validateText(field, requireString(field, value, name), name);
			case "number" -> validateNumber(field, value, name);
			case "checkbox" -> {
				if (!(value instanceof Boolean checked)) {
					throw new FormValidationException(field.key(), Messages.get("forms.checkbox.expected", name));
				}
				if (field.required() && !field.conditional() && !checked) {
					throw new FormValidationException(field.key(), Messages.get("forms.checkbox.required", name));
				}
			}
			case "datetime" -> validateDate(field, requireString(field, value, name), name);
			case "radio", "select" -> requireOption(field, String.valueOf(requireScalar(field, value, name)), name,
					options);
			case "checklist", "taglist" -> {
				if (!(value instanceof Collection<?> chosen)) {
					throw new FormValidationException(field.key(), Messages.get("forms.choices.expected", name));
				}
				if (field.required() && chosen.isEmpty()) {
					throw new FormValidationException(field.key(), Messages.get("forms.choices.required", name));
				}
				for (Object choice : chosen) {
					requireOption(field, String.valueOf(choice), name, options);
				}
			}
			default -> {
			}
		}
	}

	private static String requireString(Field field, Object value, String name) {
		if (!(value instanceof String s)) {
			throw new FormValidationException(field.key(), Messages.get("forms.text.expected", name));
		}
		return s;
	}

	private static Object requireScalar(Field field, Object value, String name) {
		if (value instanceof Map || value instanceof Collection) {
			throw new FormValidationException(field.key(), Messages.get("forms.choice.expected", name));
		}
		return value;
	}

	private static void validateText(Field field, String text, String name) {
		int length = text.codePointCount(0, text.length());
		int max = field.maxLength() != null ? field.maxLength() : DEFAULT_MAX_LENGTH;
		if (length > max) {
			throw new FormValidationException(field.key(),
					Messages.get("forms.text.too-long", name, String.valueOf(max), String.valueOf(length)));
		}
		if (field.minLength() != null && length < field.minLength()) {
			throw new FormValidationException(field.key(), Messages.get("forms.text.too-short", name, String.valueOf(field.minLength())));
		}
		if (field.pattern() != null) {
			try {
				if (!Pattern.compile(field.pattern()).matcher(text).matches()) {
					throw new FormValidationException(field.key(), Messages.get("forms.text.pattern", name));
				}
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalStateException("Form field " + field.key() + " has an invalid pattern", ex);
			}
		}
		if (text.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
			throw new FormValidationException(field.key(), Messages.get("forms.text.control", name));
		}
	}

	private static void validateNumber(Field field, Object value, String name) {
		if (!(value instanceof Number number)) {
			throw new FormValidationException(field.key(), Messages.get("forms.number.expected", name));
		}
		double d = number.doubleValue();
		if (Double.isNaN(d) || Double.isInfinite(d)) {
			throw new FormValidationException(field.key(), Messages.get("forms.number.expected", name));
		}
		if (field.min() != null && d < field.min()) {
			throw new FormValidationException(field.key(), Messages.get("forms.number.too-small", name, format(field.min())));
		}
		if (field.max() != null && d > field.max()) {
			throw new FormValidationException(field.key(), Messages.get("forms.number.too-large", name, format(field.max())));
		}
	}

	private static String format(double d) {
		return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
	}

	private static void validateDate(Field field, String text, String name) {
		try {
			switch (field.subtype()) {
				case "time" -> LocalTime.parse(text.length() > 8 ? text.substring(0, 8) : text);
				case "datetime" -> {
					if (text.length() <= 16 || text.charAt(10) != 'T') {
						throw new DateTimeParseException("no time", text, 0);
					}
					if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
						OffsetDateTime.parse(text);
					}
					else {
						java.time.LocalDateTime.parse(text);
					}
				}
				default -> LocalDate.parse(text);
			}
		}
		catch (DateTimeParseException ex) {
			throw new FormValidationException(field.key(),
					Messages.get("forms.date.invalid", name));
		}
	}

	private static void requireOption(Field field, String value, String name, Function<String, List<String>> options) {
		List<String> allowed = field.valuesKey() != null ? options.apply(field.valuesKey()) : field.values();
		if (!allowed.contains(value)) {
			throw new FormValidationException(field.key(),
					Messages.get("forms.choice.unknown", name, abbreviate(value)));
		}
	}

	private static String abbreviate(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	private static List<String> lookupOptions(Map<String, Object> variables, String valuesKey) {
		Object options = plain(variables.get(valuesKey));
		List<String> values = new ArrayList<>();
		if (options instanceof Collection<?> list) {
			for (Object option : list) {
				if (option instanceof Map<?, ?> map && map.containsKey("value")) {
					values.add(String.valueOf(map.get("value")));
				}
				else if (option != null) {
					values.add(String.valueOf(option));
				}
			}
		}
		return values;
	}

	private static boolean isEmpty(Object value) {
		return value == null || (value instanceof String s && s.isBlank())
				|| (value instanceof Collection<?> c && c.isEmpty());
	}

	/** Spin JSON values (how Tasklist submits lists and objects) as plain lists and maps. */
	static Object plain(Object value) {
		if (value instanceof SpinJsonNode node) {
			try {
				return JSON.readValue(node.toString(), new TypeReference<Object>() {
				});
			}
			catch (JsonProcessingException ex) {
				throw new FormValidationException(null, Messages.get("forms.json.invalid"));
			}
		}
		return value;
	}

}
