package vn.thidua.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.support.NominationForms.form;
import static vn.thidua.support.NominationForms.nomination;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.thidua.pages.WebSession;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;

/**
 * Tasklist calls the web apps' engine API, not {@code /engine-rest}: a refusal there is 400 with
 * the Vietnamese sentence alone, as on {@code /engine-rest}, not 500 «Cannot submit task form …»;
 * a task already gone is 404 with a sentence; the engine's own refusals speak Vietnamese.
 */
@IntegrationTest
class WebappEngineErrorsIntegrationTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

	@LocalServerPort
	int port;

	@Test
	void refusalsReachTasklistAsTheSentenceAlone() throws Exception {
		WebSession head1 = new WebSession(port).login("head1", "demo");
		// the login opens a new session: its CSRF token comes with the next GET
		assertThat(head1.tasklistUser().body()).contains("\"userId\":\"head1\"");

		// a start without the nominee's name
		Map<String, Object> values = new java.util.LinkedHashMap<>(nomination("Trần Thị Mơ", "GK_HOI_PHUONG"));
		values.put("nomineeName", "");
		WebSession.Page refusedStart = head1.postJson(
				WEBAPP_ENGINE + "/process-definition/key/CommendationNomination/submit-form",
				JSON.writeValueAsString(form(values)));
		assertThat(refusedStart.status()).as(refusedStart.body()).isEqualTo(400);
		JsonNode startError = JSON.readTree(refusedStart.body());
		assertThat(startError.get("message").asText()).startsWith("«").doesNotContain("Cannot", "ENGINE-");
		assertThat(startError.get("field").asText()).isEqualTo("nomineeName");

		// a completion the process refuses (the dossier lacks its required documents)
		Http http = new Http(port);
		String pid = http.post("head1", "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				form(nomination("Trần Thị Mơ " + System.nanoTime() % 100000, "GK_HOI_PHUONG"))).json().get("id").asText();
		String task = http.get("head1", "/engine-rest/task?firstResult=0&maxResults=10&processInstanceId=" + pid).json().get(0).get("id").asText();
		WebSession.Page refusedCompletion = head1.postJson(WEBAPP_ENGINE + "/task/" + task + "/submit-form",
				"{\"variables\":{}}");
		assertThat(refusedCompletion.status()).as(refusedCompletion.body()).isEqualTo(400);
		JsonNode completionError = JSON.readTree(refusedCompletion.body());
		assertThat(completionError.get("message").asText()).startsWith("Hồ sơ còn thiếu")
			.doesNotContain("Cannot", "ENGINE-", task);
		assertThat(completionError.get("field").asText()).isEqualTo("dossier");
	}

	@Test
	void shouldAnswerATaskAlreadyGoneAndTheEnginesOwnRefusalsInVietnamese() throws Exception {
		// given: a nomination of head1's chapter, and a task that no longer exists (completed by
		// someone else first, or the second click of «Hoàn thành»)
		Http http = new Http(port);
		String pid = http.post("head1", "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				form(nomination("Lê Thị Gấm " + System.nanoTime() % 100000, "GK_HOI_PHUONG"))).json().get("id").asText();
		String gone = java.util.UUID.randomUUID().toString();
		WebSession head1 = new WebSession(port).login("head1", "demo");
		assertThat(head1.tasklistUser().body()).contains("\"userId\":\"head1\"");

		// when / then: 404 with the sentence, in Tasklist and on /engine-rest alike
		Http.Reply overRest = http.post("head1", "/engine-rest/task/" + gone + "/submit-form", Map.of("variables", Map.of()));
		assertGone(overRest.status(), overRest.body(), gone);
		WebSession.Page inTasklist = head1.postJson(WEBAPP_ENGINE + "/task/" + gone + "/submit-form", "{\"variables\":{}}");
		assertGone(inTasklist.status(), inTasklist.body(), gone);

		// the engine's own check (head1 may not read the process instance, whose variables include
		// the council's): 403 in its shape, the missing permissions listed, the sentence Vietnamese
		Http.Reply refused = http.get("head1", "/engine-rest/process-instance/" + pid + "/variables");
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		JsonNode error = JSON.readTree(refused.body());
		assertThat(error.get("type").asText()).isEqualTo("AuthorizationException");
		assertThat(error.get("message").asText()).isEqualTo("Đồng chí không có quyền thực hiện thao tác này.");
		assertThat(error.get("missingAuthorizations")).isNotEmpty();
	}

	private static void assertGone(int status, String body, String taskId) throws Exception {
		assertThat(status).as(body).isEqualTo(404);
		JsonNode error = JSON.readTree(body);
		assertThat(error.get("message").asText()).startsWith("Việc này không còn nữa")
			.doesNotContain("Cannot", "ENGINE-", taskId);
	}

}
