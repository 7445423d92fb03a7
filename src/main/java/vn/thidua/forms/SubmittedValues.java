package vn.thidua.forms;

import java.util.Collection;
import java.util.Map;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

import vn.thidua.web.JsonShape;
import vn.thidua.web.Messages;

/**
 * The shape of a submitted value before anything parses it: a list or object (Tasklist sends them as
 * JSON text) may be at most {@value #MAX_DEPTH} levels deep and {@value #MAX_SERIALIZED} characters
 * long, so a deeply nested or huge value is a clear 400 naming the field, never a parser's stack
 * overflow or an internal error.
 */
public final class SubmittedValues {

	static final int MAX_DEPTH = 8;

	static final int MAX_SERIALIZED = 1_000_000;

	private SubmittedValues() {
	}

	public static void checkShape(FormSchema form, String key, Object value) {
		Object plain = value;
		if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
			String text = serializable.getValueSerialized();
			if (text != null && (text.length() > MAX_SERIALIZED || JsonShape.depth(text) > MAX_DEPTH)) {
				throw tooDeep(form, key);
			}
			return;
		}
		if (value instanceof TypedValue typed) {
			plain = typed.getValue();
		}
		if (depth(plain, 0) > MAX_DEPTH) {
			throw tooDeep(form, key);
		}
	}

	private static FormValidationException tooDeep(FormSchema form, String key) {
		String label = form.fields()
			.stream()
			.filter(f -> f.key().equals(key) || f.key().startsWith(key + "."))
			.map(FormSchema.Field::displayName)
			.findFirst()
			.orElse(key);
		return new FormValidationException(key,
				Messages.get("forms.value.too-deep", label, String.valueOf(MAX_DEPTH)));
	}

	private static int depth(Object value, int level) {
		if (level > MAX_DEPTH) {
			return level;
		}
		int max = level;
		if (value instanceof Map<?, ?> map) {
			for (Object item : map.values()) {
				max = Math.max(max, depth(item, level + 1));
			}
			return Math.max(max, level + 1);
		}
		if (value instanceof Collection<?> items) {
			for (Object item : items) {
				max = Math.max(max, depth(item, level + 1));
			}
			return Math.max(max, level + 1);
		}
		return max;
	}

}
