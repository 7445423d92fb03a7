package vn.thidua.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rollout's integration tests talk to the engine REST API as Tasklist does, one login at a time
 * (HTTP Basic, password demo): the calls they share.
 */
abstract class RolloutOverRest {

	static final ObjectMapper JSON = new ObjectMapper();

	/** Tasklist pages its queries; the engine refuses unbounded ones (query-max-results-limit). */
	static final String PAGE = "firstResult=0&maxResults=50";

	@Value("${local.server.port}")
	int port;


	JsonNode tasks(String login, String taskDefinitionKey) {
		String query = taskDefinitionKey == null ? "" : "&taskDefinitionKey=" + taskDefinitionKey;
		return json(as(login).get("/engine-rest/task?" + PAGE + query));
	}

	/** The one task; the job executor may still be moving the instance on (multi-instance steps). */
	String onlyTask(String login, String taskDefinitionKey, String processInstanceId) {
		JsonNode found = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> json(as(login).get("/engine-rest/task?" + PAGE + "&taskDefinitionKey=" + taskDefinitionKey
					+ "&processInstanceId=" + processInstanceId)), f -> f.size() == 1);
		return found.get(0).get("id").asText();
	}

	JsonNode formVariables(String login, String taskId) {
		return json(as(login).get("/engine-rest/task/" + taskId + "/form-variables"));
	}

	void claim(String login, String taskId) {
		assertOk(as(login).post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", login)));
	}

	ResponseEntity<String> submit(String login, String taskId, Map<String, Object> variables) {
		return as(login).post("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
	}

	static Map<String, Object> typed(Object value, String type) {
		return Map.of("value", value, "type", type);
	}

	static List<String> ids(JsonNode tasks) {
		List<String> ids = new ArrayList<>();
		tasks.forEach(t -> ids.add(t.get("id").asText()));
		return ids;
	}

	static void assertOk(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
	}

	static JsonNode json(ResponseEntity<String> response) {
		assertOk(response);
		try {
			return JSON.readTree(response.getBody() == null ? "null" : response.getBody());
		}
		catch (Exception ex) {
			throw new AssertionError("not JSON: " + response.getBody(), ex);
		}
	}

	Http as(String login) {
		return new Http(RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeaders(h -> h.setBasicAuth(login, "demo"))
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build());
	}

	/** A user's HTTP client that returns every answer, errors included. */
	record Http(RestClient client) {

		ResponseEntity<String> get(String path) {
			return get(path, MediaType.APPLICATION_JSON_VALUE);
		}

		ResponseEntity<String> get(String path, String accept) {
			return client.get().uri(path).header(HttpHeaders.ACCEPT, accept).retrieve().toEntity(String.class);
		}

		ResponseEntity<String> post(String path, Object body) {
			return client.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.toEntity(String.class);
		}

	}

}
