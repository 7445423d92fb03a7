package vn.thidua.rollout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.thidua.forms.FormValidationException;

/**
 * Lists in process variables. Tasklist submits a form's dynamic list as a {@code Json} variable (a
 * Spin node); the forms' tables read {@code Json} too; multi-instance collections need a Java list,
 * stored as JSON because Java serialization is off.
 */
final class JsonVariables {

	private static final ObjectMapper MAPPER = new ObjectMapper();

	private JsonVariables() {
	}

	/** A dynamic list's items, or an empty list when nothing was submitted. */
	static List<Map<String, Object>> items(Object value, String field) {
		if (value == null) {
			return List.of();
		}
		if (value instanceof Collection<?> c) {
			return MAPPER.convertValue(c, new TypeReference<List<Map<String, Object>>>() {
			});
		}
		String json = value.toString();
		if (json.isBlank()) {
			return List.of();
		}
		try {
			return MAPPER.readValue(json, new TypeReference<List<Map<String, Object>>>() {
			});
		}
		catch (JsonProcessingException ex) {
			throw new FormValidationException(field, "Danh sách không đúng định dạng.");
		}
	}

	/** A value for a form's table or dynamic list. */
	static TypedValue json(Object value) {
		try {
			return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Cannot write JSON", ex);
		}
	}

	/** A list of strings a multi-instance activity iterates over. */
	static TypedValue stringList(Collection<String> values) {
		return Variables.objectValue(new ArrayList<>(values))
			.serializationDataFormat(Variables.SerializationDataFormats.JSON)
			.create();
	}

}
