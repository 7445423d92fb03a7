package vn.thidua.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An error caused by an unreachable database becomes 503 problem details, on our API and the engine's. */
class DatabaseOutageFilterTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void shouldAnswerAnUnreachableDatabaseWith503ProblemDetails() throws Exception {
		// given
		DatabaseOutageConfig.DatabaseOutageFilter filter = new DatabaseOutageConfig.DatabaseOutageFilter();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/awards");
		MockHttpServletResponse response = new MockHttpServletResponse();

		// when
		filter.doFilter(request, response, (req, res) -> {
			throw new CannotCreateTransactionException("no connection");
		});

		// then
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseUnavailable.RETRY_AFTER_SECONDS);
		JsonNode body = JSON.readTree(response.getContentAsByteArray());
		assertThat(body.path("type").asText()).isEqualTo("about:blank");
		assertThat(body.path("status").asInt()).isEqualTo(503);
		assertThat(body.path("title").asText()).isEqualTo("Tạm thời không truy cập được cơ sở dữ liệu");
		assertThat(body.path("detail").asText()).contains("vui lòng thử lại");
		assertThat(body.path("instance").asText()).isEqualTo("/api/awards");
		assertThat(body.has("message")).isFalse();
	}

	@Test
	void shouldAddTheMessageTasklistReadsOnTheEngineApi() throws Exception {
		DatabaseOutageConfig.DatabaseOutageFilter filter = new DatabaseOutageConfig.DatabaseOutageFilter();
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(new MockHttpServletRequest("GET", "/engine-rest/task"), response, (req, res) -> {
			throw new CannotCreateTransactionException("no connection");
		});

		JsonNode body = JSON.readTree(response.getContentAsByteArray());
		assertThat(body.path("status").asInt()).isEqualTo(503);
		assertThat(body.path("message").asText()).isEqualTo(body.path("detail").asText());
	}

}
