package vn.thidua.process;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One process variable: its name and how its value is read and written. Each name is declared
 * once, as a constant of this type, in the variables class of its process ({@link ProcessVariables}
 * for the names every process shares), and only the process classes read and write it. A read is
 * lenient (the REST API accepts any type for any name): a value of the wrong shape reads as
 * {@code null}, and the service that needs it says what is missing.
 *
 * @param <T> the Java type the process works with
 */
public final class Variable<T> {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String name;

	private final Function<Object, T> read;

	private final Function<T, Object> write;

	private Variable(String name, Function<Object, T> read, Function<T, Object> write) {
		this.name = name;
		this.read = read;
		this.write = write;
	}

	/** Text, stripped; blank reads as {@code null}. */
	public static Variable<String> text(String name) {
		return new Variable<>(name, Variable::toText, v -> v);
	}

	/** A whole number written as a long; a number or numeric text reads. */
	public static Variable<Long> number(String name) {
		return new Variable<>(name, Variable::toLong, v -> v);
	}

	/** A year or a count written as an integer; a whole number or digits read. */
	public static Variable<Integer> integer(String name) {
		return new Variable<>(name, Variable::toInteger, v -> v);
	}

	/** A ratio or a share, e.g. a quorum from a decision table; a number or numeric text reads. */
	public static Variable<Double> ratio(String name) {
		return new Variable<>(name, Variable::toDouble, v -> v);
	}

	/** A checkbox or a flag: {@code true} or the text "true" read as true, anything else false. */
	public static Variable<Boolean> flag(String name) {
		return new Variable<>(name, v -> Boolean.TRUE.equals(v) || (v instanceof String s && s.strip().equalsIgnoreCase("true")),
				v -> v);
	}

	/** A form-js date, {@code YYYY-MM-DD} (a date-time keeps its date), written as that text. */
	public static Variable<LocalDate> date(String name) {
		return new Variable<>(name, Variable::toDate, v -> v == null ? null : v.toString());
	}

	/** An instant the engine reads, e.g. a timer's {@code timeDate}: written as a {@link java.util.Date}. */
	public static Variable<java.util.Date> instant(String name) {
		return new Variable<>(name, v -> v instanceof java.util.Date d ? d : null, v -> v);
	}

	/**
	 * A dynamic list or table of a form: Tasklist submits it as a {@code Json} variable; written as
	 * {@code Json} so that the next form's table reads it.
	 */
	public static Variable<List<Map<String, Object>>> rows(String name) {
		return new Variable<>(name, Variable::toRows, Variable::toJson);
	}

	/** A list of strings that a multi-instance activity iterates over (JSON, not Java serialization). */
	public static Variable<List<String>> strings(String name) {
		return new Variable<>(name, Variable::toStrings, v -> v == null ? null
				: Variables.objectValue(new ArrayList<>(v)).serializationDataFormat(Variables.SerializationDataFormats.JSON)
					.create());
	}

	public String name() {
		return name;
	}

	/** The value in the scope (the task's local value first, then the execution's), or null. */
	public T get(VariableScope scope) {
		return read.apply(scope.getVariable(name));
	}

	/** The value on the scope itself only. */
	public T getLocal(VariableScope scope) {
		return read.apply(scope.getVariableLocal(name));
	}

	/** Reads a value already taken out of the engine (a map of variables, a form submission). */
	public T of(Map<String, ?> values) {
		return read.apply(values.get(name));
	}

	/** The value as the engine stores it, for calls that take a map of variables. */
	public Object engineValue(T value) {
		return write.apply(value);
	}

	public void set(VariableScope scope, T value) {
		scope.setVariable(name, write.apply(value));
	}

	public void setLocal(VariableScope scope, T value) {
		scope.setVariableLocal(name, write.apply(value));
	}

	@Override
	public String toString() {
		return name;
	}

	private static String toText(Object value) {
		if (value == null) {
			return null;
		}
		String s = value.toString().strip();
		return s.isEmpty() ? null : s;
	}

	private static Long toLong(Object value) {
		if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
			return n.longValue();
		}
		if (value instanceof String s && s.strip().matches("-?\\d{1,18}")) {
			return Long.valueOf(s.strip());
		}
		return null;
	}

	private static Double toDouble(Object value) {
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		if (value instanceof String s && s.strip().matches("-?\\d{1,9}(\\.\\d{1,9})?")) {
			return Double.valueOf(s.strip());
		}
		return null;
	}

	private static Integer toInteger(Object value) {
		Long n = toLong(value);
		return n == null || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : n.intValue();
	}

	private static LocalDate toDate(Object value) {
		String s = toText(value);
		if (s == null) {
			return null;
		}
		try {
			return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static List<Map<String, Object>> toRows(Object value) {
		if (value == null) {
			return List.of();
		}
		try {
			if (value instanceof Collection<?> c) {
				return JSON.convertValue(c, new TypeReference<List<Map<String, Object>>>() {
				});
			}
			String json = value.toString();
			return json.isBlank() ? List.of() : JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
			});
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static List<String> toStrings(Object value) {
		if (value instanceof Collection<?> c) {
			return c.stream().map(String::valueOf).toList();
		}
		if (value == null) {
			return List.of();
		}
		// a checklist Tasklist submits as Json (a Spin node): its text is the JSON array
		try {
			String json = value.toString().strip();
			return json.startsWith("[") ? JSON.readValue(json, new TypeReference<List<String>>() {
			}) : List.of();
		}
		catch (JsonProcessingException ex) {
			return List.of();
		}
	}

	private static TypedValue toJson(Object value) {
		try {
			return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot write JSON", ex);
		}
	}

}
