package vn.thidua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import vn.thidua.support.Http;
import vn.thidua.support.Http.Reply;
import vn.thidua.support.IntegrationTest;

/**
 * Every kind of error of the application's own API has one shape: RFC 9457 problem details
 * ({@code type}, {@code title}, {@code status}, {@code detail} in Vietnamese, {@code field} where
 * one field is at fault) as {@code application/problem+json}, whether a controller, Spring MVC, the
 * engine's authentication or a servlet filter answers.
 */
@IntegrationTest
class ProblemDetailsIntegrationTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http http;

	long recommendation;

	@BeforeEach
	void setUp() {
		http = new Http(port);
		int year = LocalDate.now().getYear();
		String pid = "problem-details-" + UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO thidua_award (process_instance_id, ward_code, chapter_group, chapter_name, nominee_type,
				  nominee_name, award_code, award_name, issuer_name, period_year, status, votes_agree,
				  votes_disagree, votes_abstain, recorded_at, nominee_name_folded)
				VALUES (:pid, 'bode', 'bode-ch01', 'Chi hội 1', 'INDIVIDUAL', 'Nguyễn Thị Mơ',
				  'GK_HOI_PHUONG', 'Giấy khen', 'Hội LHPN phường', :year, 'RECOMMENDED', 0, 0, 0, now(), 'nguyen thi mo')""")
			.param("pid", pid)
			.param("year", year)
			.update();
		recommendation = jdbc.sql("SELECT id FROM thidua_award WHERE process_instance_id = :pid")
			.param("pid", pid)
			.query(Long.class)
			.single();
	}

	@Test
	void shouldAnswerABadValueWithTheFieldAtFault() {
		JsonNode missing = problem(http.get("head2", "/api/document-kinds"), 400);
		assertThat(missing.path("field").asText()).isEqualTo("award");
		assertThat(missing.path("detail").asText()).contains("«Hình thức khen thưởng»");

		JsonNode outcome = problem(http.post("board1", "/api/awards/" + recommendation + "/outcome",
				Map.of("outcome", "MAYBE")), 400);
		assertThat(outcome.path("field").asText()).isEqualTo("outcome");

		JsonNode mismatch = problem(http.get("board1", "/api/awards?year=abc"), 400);
		assertThat(mismatch.path("field").asText()).isEqualTo("year");
		assertThat(mismatch.path("detail").asText()).isEqualTo("Giá trị của «year» không hợp lệ.");

		problem(http.post("board1", "/api/awards/" + recommendation + "/outcome", "{not json"), 400);
		problem(http.post("board1", "/api/awards/" + recommendation + "/outcome",
				"{\"note\":" + "[".repeat(100) + "]".repeat(100) + "}"), 400);
	}

	@Test
	void shouldAnswerRefusalsAndUnknownThingsInTheSameShape() {
		// 401: no login
		problem(http.get(null, "/api/awards"), 401);
		problem(http.get("board1:wrong", "/api/awards"), 401);
		// 403: the council sees the row but does not enter the higher level's answer
		assertThat(problem(http.post("council1", "/api/awards/" + recommendation + "/outcome",
				Map.of("outcome", "GRANTED")), 403).path("detail").asText()).contains("Ban Thường vụ");
		// 404: a row nobody has, a document of it, a path that does not exist
		problem(http.get("board1", "/api/awards/999999999/decision.pdf"), 404);
		problem(http.post("board1", "/api/awards/999999999/outcome", Map.of("outcome", "GRANTED")), 404);
		problem(http.get("board1", "/api/khong-co-dia-chi-nay"), 404);
		// 405: a method the path does not take
		problem(http.delete("board1", "/api/awards"), 405);
		// 409: a recommendation has no decision of the ward
		assertThat(problem(http.get("board1", "/api/awards/" + recommendation + "/decision.pdf"), 409)
			.path("detail").asText()).contains("tờ trình");
		// 413: a body over thidua.http.max-json-bytes, refused by the servlet filter
		problem(http.post("board1", "/api/awards/" + recommendation + "/outcome",
				"{\"note\":\"" + "a".repeat(1_100_000) + "\"}"), 413);
	}

	/** The reply is problem details with this status; its body. */
	private static JsonNode problem(Reply reply, int status) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
		JsonNode body = reply.json();
		assertThat(body.path("type").asText()).isEqualTo("about:blank");
		assertThat(body.path("status").asInt()).isEqualTo(status);
		assertThat(body.path("title").asText()).isNotBlank();
		assertThat(body.path("detail").asText()).as(reply.body())
			.isNotBlank()
			.containsPattern("[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]");
		assertThat(body.has("message")).as("no second field for the sentence").isFalse();
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("timestamp");
		return body;
	}

}
