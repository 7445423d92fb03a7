package vn.thidua.identity.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engine's own REST description ({@code openapi.json} of
 * {@code org.camunda.bpm:camunda-engine-rest-openapi}, at the root of its jar), read into
 * operations, and the attacking request body of each write operation generated from its request
 * schema: every property filled by its name and type with the value an attacker would send
 * (variables the process computes, another user, another chapter's group, the award-recording
 * activity, dates in 2099, ...). Arrays get one element; nesting is limited in depth.
 */
final class EngineRestDescription {

	static final String RESOURCE = "/openapi.json";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

	private static final int MAX_DEPTH = 4;

	/** The writes that are reads by POST (queries with a body, filter execution, password checks). */
	private static final Set<String> READ_PREFIXES = Set.of("query", "postQuery", "postExecuteFilter");

	private static final Set<String> READ_OPERATIONS = Set.of("checkPassword", "queryUsers", "validateMigrationPlan",
			"generateMigrationPlan", "getPasswordPolicy", "checkPasswordPolicy");

	/** One operation of the description. */
	record Operation(String method, String path, String operationId, String contentType, JsonNode schema) {

		boolean write() {
			return !"GET".equals(method);
		}

		/** A write by method that only reads: a 2xx answer is allowed, a change of state is not. */
		boolean pureRead() {
			return READ_OPERATIONS.contains(operationId)
					|| READ_PREFIXES.stream().anyMatch(operationId::startsWith)
					|| path.endsWith("/singleResult");
		}

		List<String> pathParameters() {
			List<String> names = new ArrayList<>();
			Matcher m = PARAMETER.matcher(path);
			while (m.find()) {
				names.add(m.group(1));
			}
			return names;
		}

		@Override
		public String toString() {
			return method + " " + path;
		}

	}

	/** Values of the running state the generated requests point at (ids of the caller's own things). */
	interface Values {

		/** The value of a body property that names a thing by id (processInstanceId, taskId, ...), or null. */
		String id(String property);

		/** The attacking variables map: {"boardGroup":{"value":"bode-ch03"}, ...}. */
		ObjectNode variables();

	}

	private final JsonNode document;

	private final List<Operation> operations = new ArrayList<>();

	EngineRestDescription() {
		try (InputStream in = EngineRestDescription.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " not on the test class path: camunda-engine-rest-openapi missing");
			}
			document = JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
		while (paths.hasNext()) {
			Map.Entry<String, JsonNode> path = paths.next();
			Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields();
			while (methods.hasNext()) {
				Map.Entry<String, JsonNode> method = methods.next();
				String verb = method.getKey().toUpperCase();
				if (!Set.of("GET", "POST", "PUT", "DELETE").contains(verb)) {
					continue; // OPTIONS: the description of a resource's links, no operation of the engine
				}
				JsonNode content = method.getValue().path("requestBody").path("content");
				String contentType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
				JsonNode schema = contentType == null ? null : content.get(contentType).get("schema");
				operations.add(new Operation(verb, path.getKey(), method.getValue().path("operationId").asText(),
						contentType, schema));
			}
		}
	}

	List<Operation> operations() {
		return List.copyOf(operations);
	}

	List<Operation> writes() {
		return operations.stream().filter(Operation::write).toList();
	}

	/** The JSON body of an operation, or null when it has none. */
	JsonNode body(Operation operation, Values values) {
		if (operation.schema() == null) {
			return null;
		}
		return generate(operation.schema(), null, values, 0);
	}

	/** Top-level properties that write variables; a URL filter that looks only at these is what issue 13 found. */
	static final Set<String> TOP_LEVEL_VARIABLES = Set.of("variables", "modifications", "processVariables",
			"processVariablesLocal", "localVariables");

	/**
	 * The bodies to send: the generated one, and where it writes variables at the top level beside
	 * other properties (start instructions, modification instructions, ...), the same without those
	 * top-level variables, so that a check of the top level alone does not refuse the call for the
	 * wrong reason and hide what the rest of the body does.
	 */
	List<JsonNode> bodies(Operation operation, Values values) {
		JsonNode full = body(operation, values);
		List<JsonNode> bodies = new ArrayList<>();
		bodies.add(full);
		if (full instanceof ObjectNode object) {
			ObjectNode without = object.deepCopy();
			without.remove(TOP_LEVEL_VARIABLES);
			boolean rest = without.properties().stream().anyMatch(e -> e.getValue().isContainerNode() && !e.getValue().isEmpty());
			if (without.size() < object.size() && rest) {
				bodies.add(without);
			}
		}
		return bodies;
	}

	/** The multipart fields of a multipart operation: name to value; a binary field's value is its content. */
	Map<String, String> multipart(Operation operation, Values values) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		JsonNode schema = resolve(operation.schema());
		schema.path("properties").fields().forEachRemaining(p -> {
			JsonNode property = resolve(p.getValue());
			String name = p.getKey();
			if ("binary".equals(property.path("format").asText()) || "data".equals(name)) {
				fields.put(name, operation.path().startsWith("/deployment") ? EVIL_BPMN : "tấn công");
			}
			else {
				JsonNode value = generate(property, name, values, 1);
				fields.put(name, value == null ? "" : value.isTextual() ? value.asText() : value.toString());
			}
		});
		if (operation.path().startsWith("/deployment")) {
			fields.put("deployment-name", "evil");
			fields.put("data", EVIL_BPMN);
		}
		if (operation.path().endsWith("/data")) {
			fields.put("valueType", "Bytes");
		}
		return fields;
	}

	static final String EVIL_BPMN = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
			+ " targetNamespace=\"x\"><process id=\"Evil\" isExecutable=\"true\"><startEvent id=\"s\"/></process></definitions>";

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 10 && current != null && current.has("$ref"); i++) {
			String ref = current.get("$ref").asText();
			current = document.at(ref.substring(1));
		}
		if (current != null && current.has("allOf")) {
			ObjectNode merged = NODES.objectNode();
			ObjectNode properties = merged.putObject("properties");
			merged.put("type", "object");
			for (JsonNode part : current.get("allOf")) {
				JsonNode resolved = resolve(part);
				resolved.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
			}
			current.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
			return merged;
		}
		return current == null ? NODES.objectNode() : current;
	}

	private JsonNode generate(JsonNode rawSchema, String name, Values values, int depth) {
		JsonNode schema = resolve(rawSchema);
		String lower = name == null ? "" : name.toLowerCase();
		if (name != null) {
			JsonNode named = byName(name, lower, schema, values, depth);
			if (named != null) {
				return named.isNull() ? null : named;
			}
		}
		if (schema.has("enum")) {
			for (JsonNode option : schema.get("enum")) {
				if ("startBeforeActivity".equals(option.asText())) {
					return option;
				}
			}
			return schema.get("enum").get(0);
		}
		String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
		switch (type) {
			case "object": {
				if (depth >= MAX_DEPTH) {
					return NODES.objectNode();
				}
				if (!schema.has("properties") && schema.has("additionalProperties")) {
					JsonNode additional = resolve(schema.get("additionalProperties"));
					return additional.path("properties").has("value") ? values.variables() : NODES.objectNode();
				}
				ObjectNode object = NODES.objectNode();
				JsonNode properties = schema.path("properties");
				boolean identityLink = properties.has("groupId") && properties.has("userId");
				properties.fields().forEachRemaining(p -> {
					if (identityLink && "userId".equals(p.getKey())) {
						return; // a user or a group, not both: the group is the attack on a task's scope
					}
					if ("type".equals(p.getKey()) && properties.has("groupId") && !resolve(p.getValue()).has("enum")
							&& "string".equals(resolve(p.getValue()).path("type").asText("string"))) {
						object.put("type", "candidate");
						return;
					}
					JsonNode value = generate(p.getValue(), p.getKey(), values, depth + 1);
					if (value != null) {
						object.set(p.getKey(), value);
					}
				});
				return object;
			}
			case "array": {
				ArrayNode array = NODES.arrayNode();
				if (depth < MAX_DEPTH) {
					JsonNode element = generate(schema.path("items"), singular(name), values, depth + 1);
					if (element != null) {
						array.add(element);
					}
				}
				return array;
			}
			case "boolean":
				return NODES.booleanNode(!lower.startsWith("without") && !lower.equals("withvariablesinreturn"));
			case "integer":
			case "number":
				if (lower.contains("priority")) {
					return NODES.numberNode(99);
				}
				if (lower.contains("retries")) {
					return NODES.numberNode(0);
				}
				if (lower.contains("lockduration") || lower.contains("timeout")) {
					return NODES.numberNode(60000);
				}
				if (lower.contains("historytimetolive")) {
					return NODES.numberNode(0);
				}
				if (lower.contains("maxresults") || lower.contains("maxtasks")) {
					return NODES.numberNode(10);
				}
				if (lower.contains("firstresult")) {
					return NODES.numberNode(0);
				}
				return NODES.numberNode(1);
			default:
				if ("date-time".equals(schema.path("format").asText()) || lower.endsWith("date")
						|| lower.endsWith("time") || lower.contains("duedate")) {
					return NODES.textNode("2099-01-01T00:00:00.000+0700");
				}
				return NODES.textNode("Tấn công");
		}
	}

	/** Values chosen by the property's name; null when the name says nothing, NullNode to leave it out. */
	private JsonNode byName(String name, String lower, JsonNode schema, Values values, int depth) {
		String type = schema.path("type").asText("");
		switch (name) {
			case "variables", "modifications", "localVariables", "processVariables", "processVariablesLocal",
					"processVariablesToTriggeredScope" -> {
				return "array".equals(type) ? null : values.variables();
			}
			case "correlationKeys", "localCorrelationKeys" -> {
				return NODES.nullNode(); // filters of a correlation, not writes: left out so it finds its instance
			}
			case "deletions" -> {
				return NODES.arrayNode().add("boardGroup");
			}
			case "activityId", "startBeforeActivity", "startAfterActivity", "startTransition", "cancelActivityId" -> {
				return NODES.textNode("Task_RecordAward");
			}
			case "messageName" -> {
				return NODES.textNode("Message_NominationObjection");
			}
			case "userId", "assignee", "owner", "workerId", "candidateUser", "userIdIn" -> {
				return "array".equals(type) ? NODES.arrayNode().add("head2") : NODES.textNode("head2");
			}
			case "groupId", "candidateGroup" -> {
				return NODES.textNode("bode-ch03");
			}
			case "groupIds", "userIds" -> {
				return NODES.arrayNode().add(name.startsWith("group") ? "bode-ch03" : "head2");
			}
			case "password" -> {
				return NODES.textNode("TanCong2099!x");
			}
			case "authenticatedUserPassword" -> {
				return NODES.textNode("demo");
			}
			case "email" -> {
				return NODES.textNode("tancong@example.org");
			}
			case "value" -> {
				return NODES.textNode("bode-ch03");
			}
			case "suspended" -> {
				return NODES.booleanNode(true);
			}
			case "permissions" -> {
				return NODES.arrayNode().add("ALL");
			}
			case "resourceId" -> {
				return NODES.textNode("*");
			}
			default -> {
				// fall through to the ids below
			}
		}
		if (lower.contains("tenant")) {
			return NODES.nullNode(); // no tenants here: a tenant id would only make the call fail early
		}
		if (name.endsWith("Query") && "object".equals(schema.path("type").asText("object")) && depth < MAX_DEPTH) {
			// a query selecting the caller's own instance (not every instance: that would end the test early)
			ObjectNode query = NODES.objectNode();
			JsonNode properties = schema.path("properties");
			if (properties.has("processInstanceIds")) {
				query.putArray("processInstanceIds").add(values.id("processInstanceId"));
			}
			else if (properties.has("processInstanceId")) {
				query.put("processInstanceId", values.id("processInstanceId"));
			}
			else if (properties.has("processInstanceIdIn")) {
				query.putArray("processInstanceIdIn").add(values.id("processInstanceId"));
			}
			return query;
		}
		if (name.equals("businessKey")) {
			String key = values.id(name);
			return key == null ? NODES.nullNode() : NODES.textNode(key);
		}
		if (name.endsWith("Ids") || name.endsWith("IdIn")) {
			String id = values.id(name.substring(0, name.length() - (name.endsWith("Ids") ? 1 : 2)));
			return id == null ? null : NODES.arrayNode().add(id);
		}
		if (name.endsWith("Id") || name.equals("businessKey") || name.endsWith("Key") || name.equals("id")) {
			String id = values.id(name);
			return id == null ? null : NODES.textNode(id);
		}
		return null;
	}

	private static String singular(String name) {
		if (name == null) {
			return null;
		}
		return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
	}

}
