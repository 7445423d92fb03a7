package vn.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;

/**
 * {@link FilterReadOncePlugin}: Tasklist's page of a filter reads the filter (and checks READ on it)
 * once instead of three times, shows the same tasks, and a filter the person may not read stays
 * closed on every request, also right after someone who may read it did and right after her READ is
 * taken away.
 */
@IntegrationTest
class FilterReadOnceIntegrationTest {

	private static final String ENGINE = "/engine-rest";

	private static final String HAL = "application/hal+json";

	/** MyBatis logs each statement of the filter mapping under this logger, at DEBUG. */
	private static final String FILTER_STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity.FilterEntity";

	@LocalServerPort
	int port;

	@Autowired
	FilterService filterService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	private Http http;

	private final FilterStatements statements = new FilterStatements();

	@BeforeEach
	void start() {
		http = new Http(port);
		statements.start();
		Logger logger = (Logger) LoggerFactory.getLogger(FILTER_STATEMENTS);
		logger.setLevel(Level.DEBUG);
		logger.addAppender(statements);
	}

	@AfterEach
	void stop() {
		Logger logger = (Logger) LoggerFactory.getLogger(FILTER_STATEMENTS);
		logger.detachAppender(statements);
		logger.setLevel(null);
	}

	@Test
	void aTasklistPageReadsItsFilterOnceAndShowsWhatTheFilterHolds() {
		String filter = filterId(TasklistFilters.CHAPTER_TASKS);
		statements.reset();
		Http.Reply page = page("head1", filter);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		// the REST resource, the page and its count: one read of the filter (three before)
		assertThat(statements.selects()).as(statements.all().toString()).hasSize(1);

		List<String> shown = new ArrayList<>();
		page.json().path("_embedded").path("task").forEach(task -> shown.add(task.path("id").asText()));
		identityService.setAuthentication("head1", identityService.createGroupQuery()
			.groupMember("head1")
			.list()
			.stream()
			.map(g -> g.getId())
			.toList());
		try {
			List<String> expected = filterService.<Task>listPage(filter, 0, 15).stream().map(Task::getId).toList();
			assertThat(shown).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(page.json().path("count").asLong()).isEqualTo(filterService.count(filter));
		}
		finally {
			identityService.clearAuthentication();
		}

		// the next request reads it again
		statements.reset();
		assertThat(page("head1", filter).status()).isEqualTo(200);
		assertThat(statements.selects()).hasSize(1);
	}

	@Test
	void aFilterSomeoneMayNotReadStaysClosedOnEveryRequest() {
		String board = filterId(TasklistFilters.BOARD_TASKS);
		assertThat(page("head1", board).status()).isEqualTo(403);
		assertThat(page("board1", board).status()).isEqualTo(200);
		assertThat(page("head1", board).status()).isEqualTo(403);
		assertThat(http.get("head1", ENGINE + "/filter/" + board + "/count").status()).isEqualTo(403);

		// given READ, she reads it; taken away, the very next request is refused
		Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		grant.setUserId("head1");
		grant.setResource(Resources.FILTER);
		grant.setResourceId(board);
		grant.addPermission(Permissions.READ);
		String id = authorizationService.saveAuthorization(grant).getId();
		try {
			assertThat(page("head1", board).status()).isEqualTo(200);
		}
		finally {
			authorizationService.deleteAuthorization(id);
		}
		assertThat(page("head1", board).status()).isEqualTo(403);
	}

	private Http.Reply page(String user, String filter) {
		return http.send(user, "POST", ENGINE + "/filter/" + filter + "/list?firstResult=0&maxResults=15",
				Map.of("processVariables", List.of(), "taskVariables", List.of(), "caseInstanceVariables", List.of(),
						"sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"))),
				Map.of("Accept", HAL));
	}

	private String filterId(String name) {
		return filterService.createFilterQuery().filterName(name).singleResult().getId();
	}

	/** The filter mapping's statements prepared by HTTP request threads (not the job executor's). */
	private static final class FilterStatements extends AppenderBase<ILoggingEvent> {

		private final List<String> all = Collections.synchronizedList(new ArrayList<>());

		@Override
		protected void append(ILoggingEvent event) {
			if (event.getThreadName().contains("exec-") && event.getFormattedMessage().contains("Preparing:")) {
				all.add(event.getLoggerName() + ": " + event.getFormattedMessage());
			}
		}

		void reset() {
			all.clear();
		}

		List<String> all() {
			return List.copyOf(all);
		}

		List<String> selects() {
			// selectFilter, or its database's variant (selectFilter_postgres): not the filter queries
			return all().stream().filter(s -> s.matches("(?s).*\\.selectFilter(_[a-z0-9]+)?: .*")).toList();
		}

	}

}
