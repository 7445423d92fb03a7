package vn.thidua;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.thidua.identity.organisation.OrganisationSync;
import vn.thidua.support.PostgresTestDatabase;
import vn.thidua.support.TestProcesses;

/**
 * The application as a newcomer starts it: on the embedded H2 file database with no settings, and
 * on PostgreSQL with only the three datasource variables; a second start keeps the data and
 * changes nothing in the identity service.
 */
class StartupIntegrationTest {

	@TempDir
	Path dataDir;

	@Test
	void shouldKeepDataAcrossRestartsOnTheEmbeddedFileDatabase() {
		String url = "jdbc:h2:file:" + dataDir.resolve("thidua").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
		assertRestartKeepsData(url, "sa", "");
		assertThat(Files.exists(dataDir.resolve("thidua.mv.db"))).isTrue();
	}

	@Test
	void shouldRunOnPostgresWithOnlyTheDatasourceSettings() {
		assertRestartKeepsData(PostgresTestDatabase.create(), "postgres", "");
	}

	@Test
	void shouldRefuseToStartOutsideDemoModeWithoutAnAdministrator() {
		String url = "jdbc:h2:mem:no-admin;DB_CLOSE_DELAY=-1";
		assertThatThrownBy(() -> start(url, "sa", "", "--thidua.demo.enabled=false").close())
			.hasStackTraceContaining("THIDUA_ADMIN_USER");
	}

	private void assertRestartKeepsData(String url, String user, String password) {
		String instanceId;
		try (ConfigurableApplicationContext first = start(url, user, password)) {
			TestProcesses.deploy(first.getBean(RepositoryService.class));
			instanceId = first.getBean(RuntimeService.class)
				.startProcessInstanceByKey(TestProcesses.KEY, Map.of("chapterGroup", "bode-ch01", "year", 2027))
				.getId();
		}
		try (ConfigurableApplicationContext second = start(url, user, password)) {
			assertThat(second.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instanceId)
				.count()).isEqualTo(1);
			assertThat(second.getBean(OrganisationSync.class).synchronise().none()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(String url, String user, String password, String... more) {
		String[] args = { "--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--camunda.bpm.job-execution.enabled=false" };
		String[] all = new String[args.length + more.length];
		System.arraycopy(args, 0, all, 0, args.length);
		System.arraycopy(more, 0, all, args.length, more.length);
		return new SpringApplicationBuilder(ThiDuaApplication.class).run(all);
	}

}
