package vn.thidua.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Docker HEALTHCHECK and the load balancer call {@code /actuator/health} without credentials:
 * it must answer, include the database, and ignore the SMTP server (an SMTP outage must not take
 * every node out of the load balancer; here the mail port is closed on purpose). Nothing else of
 * Actuator is reachable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:health-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.job-execution.enabled=false", "spring.mail.host=127.0.0.1", "spring.mail.port=1" })
class HealthEndpointTest {

	@LocalServerPort
	int port;

	@Autowired
	HealthContributorRegistry registry;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthIncludesTheDatabaseButNotTheMailServer() {
		assertThat(registry.getContributor("db")).as("database health contributor").isNotNull();
		assertThat(registry.getContributor("mail")).as("mail health contributor").isNull();
	}

	@Test
	void healthIsPublicAndUp() throws Exception {
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components");
	}

	@Test
	void nothingElseOfActuatorIsExposed() throws Exception {
		for (String path : new String[] { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/configprops",
				"/actuator/metrics", "/actuator/heapdump", "/actuator/loggers" }) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(404);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
