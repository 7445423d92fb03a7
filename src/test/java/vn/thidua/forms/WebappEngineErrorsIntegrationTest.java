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
 * the Vietnamese sentence alone, as on {@code /engine-rest}, not 500 «Cannot submit task form …».
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

}
