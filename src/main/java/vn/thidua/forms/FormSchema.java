package vn.thidua.forms;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of one Camunda Form (form-js schema): every input field with its key, label, type and
 * the validation it declares, so the server enforces exactly what the browser does; the variable
 * names a submission of this form may write ({@code editableKeys}), and those it only shows
 * ({@code displayKeys}: read-only and disabled fields, which a browser sends back but the server
 * never takes from a submission).
 */
public record FormSchema(String id, List<Field> fields, Set<String> editableKeys, Set<String> displayKeys) {

	/** Input component types of form-js 1.8 that submit a value. */
	static final List<String> INPUT_TYPES = List.of("textfield", "textarea", "number", "datetime", "checkbox",
			"checklist", "radio", "select", "taglist");

	/**
	 * One input field. {@code children} are set for a dynamic list (a list of objects whose fields
	 * are validated item by item).
	 */
	public record Field(String key, String label, String type, String subtype, boolean required, Integer minLength,
			Integer maxLength, String pattern, Double min, Double max, List<String> values, String valuesKey,
			boolean conditional, boolean readonly, List<Field> children) {

		/** The label users see, or the key when the form has none. */
		public String displayName() {
			return label == null || label.isBlank() ? key : label;
		}

	}

	/** Parses a form-js schema; groups are flattened (their {@code path}, if any, prefixes keys). */
	public static FormSchema parse(JsonNode form) {
		List<Field> fields = new ArrayList<>();
		Set<String> keys = new LinkedHashSet<>();
		collect(form.path("components"), "", fields, keys);
		Set<String> display = new LinkedHashSet<>();
		for (Field f : fields) {
			(f.readonly() ? display : keys).add(f.key().split("\\.")[0]);
		}
		display.removeAll(keys);
		return new FormSchema(form.path("id").asText(null), List.copyOf(fields), Set.copyOf(keys), Set.copyOf(display));
	}

	private static void collect(JsonNode components, String prefix, List<Field> into, Set<String> keys) {
		for (JsonNode c : components) {
			String type = c.path("type").asText("");
			if ("expression".equals(type) && c.hasNonNull("key")) {
				keys.add((prefix + c.path("key").asText()).split("\\.")[0]);
			}
			if ("group".equals(type)) {
				String path = c.path("path").asText("");
				collect(c.path("components"), path.isEmpty() ? prefix : prefix + path + ".", into, keys);
			}
			else if ("dynamiclist".equals(type)) {
				List<Field> children = new ArrayList<>();
				collect(c.path("components"), "", children, new LinkedHashSet<>());
				into.add(new Field(prefix + c.path("path").asText(), c.path("label").asText(null), type, null, false,
						null, null, null, null, null, List.of(), null, c.has("conditional"), false,
						List.copyOf(children)));
			}
			else if (INPUT_TYPES.contains(type) && c.hasNonNull("key")) {
				into.add(field(c, prefix + c.path("key").asText(), type));
			}
		}
	}

	/** An option's value in a {@code valuesExpression}: {@code value: "GK_HOI_PHUONG"}. */
	private static final Pattern EXPRESSION_OPTION = Pattern.compile("\\bvalue\\s*:\\s*\"([^\"]*)\"");

	private static Field field(JsonNode c, String key, String type) {
		JsonNode v = c.path("validate");
		List<String> values = new ArrayList<>();
		for (Iterator<JsonNode> it = c.path("values").elements(); it.hasNext();) {
			values.add(it.next().path("value").asText());
		}
		if (c.hasNonNull("valuesExpression")) {
			// options computed in the browser (FEEL): a submission may hold any option the expression names
			Matcher option = EXPRESSION_OPTION.matcher(c.get("valuesExpression").asText());
			while (option.find()) {
				if (!values.contains(option.group(1))) {
					values.add(option.group(1));
				}
			}
		}
		String subtype = "datetime".equals(type) ? c.path("subtype").asText("date") : null;
		String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(null);
		return new Field(key, label, type, subtype, v.path("required").asBoolean(false), intOrNull(v, "minLength"),
				intOrNull(v, "maxLength"), v.hasNonNull("pattern") ? v.get("pattern").asText() : null,
				doubleOrNull(v, "min"), doubleOrNull(v, "max"), List.copyOf(values),
				c.hasNonNull("valuesKey") ? c.get("valuesKey").asText() : null, c.has("conditional"),
				c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false), List.of());
	}

	private static Integer intOrNull(JsonNode v, String name) {
		return v.hasNonNull(name) && v.get(name).canConvertToInt() ? v.get(name).asInt() : null;
	}

	private static Double doubleOrNull(JsonNode v, String name) {
		return v.hasNonNull(name) && v.get(name).isNumber() ? v.get(name).asDouble() : null;
	}

	/** Field values by key from nested maps, following dotted keys of groups with a path. */
	static Object lookup(Map<String, Object> variables, String key) {
		if (variables.containsKey(key) || !key.contains(".")) {
			return variables.get(key);
		}
		Object current = variables;
		for (String part : key.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

}
