package vn.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.pages.WebSession;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;

/**
 * Tasklist's list of a filter, through the web apps' engine API as the browser asks for it, and
 * the engine's REST API: both take the one shared mapper of {@link EngineRestObjectMapper}
 * (fails when Camunda's own resolver, a new mapper per request, answers instead) and answer the
 * same as before.
 */
@IntegrationTest
class EngineRestObjectMapperIntegrationTest {

	private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

	private static final String TASKLIST_BODY = """
			{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"orQueries":[],
			 "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";

	@LocalServerPort
	int port;

	@Test
	void shouldAnswerTasklistsListWithTheSharedMapper() throws Exception {
		WebSession tasklist = new WebSession(port).login("head1", "demo");
		JsonNode filters = new ObjectMapper()
			.readTree(tasklist.get(WEBAPP_ENGINE + "/filter?resourceType=Task&firstResult=0&maxResults=50").body());
		String chapter = null;
		for (JsonNode filter : filters) {
			if (TasklistFilters.CHAPTER_TASKS.equals(filter.path("name").asText())) {
				chapter = filter.path("id").asText();
			}
		}
		assertThat(chapter).as("the chapter's filter, in %s", filters).isNotNull();

		long before = EngineRestObjectMapper.resolutions();
		WebSession.Page first = tasklist.postJson(WEBAPP_ENGINE + "/filter/" + chapter + "/list?firstResult=0&maxResults=15",
				TASKLIST_BODY, "application/hal+json");
		WebSession.Page second = tasklist.postJson(WEBAPP_ENGINE + "/filter/" + chapter + "/list?firstResult=0&maxResults=15",
				TASKLIST_BODY, "application/hal+json");
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(new ObjectMapper().readTree(first.body()).has("count")).as(first.body()).isTrue();
		assertThat(EngineRestObjectMapper.resolutions()).as("the web apps' engine API asked the shared mapper")
			.isGreaterThan(before);

		Http http = new Http(port);
		long beforeRest = EngineRestObjectMapper.resolutions();
		Http.Reply count = http.post("head1", "/engine-rest/filter/" + chapter + "/count", new ObjectMapper().readTree(TASKLIST_BODY));
		assertThat(count.status()).as(count.body()).isEqualTo(200);
		assertThat(count.json().path("count").asLong()).isEqualTo(new ObjectMapper().readTree(first.body()).path("count").asLong());
		assertThat(EngineRestObjectMapper.resolutions()).as("/engine-rest asked the shared mapper").isGreaterThan(beforeRest);
	}

}
