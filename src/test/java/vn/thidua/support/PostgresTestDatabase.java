package vn.thidua.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives each Spring test context a PostgreSQL database of its own on the local server
 * ({@code THIDUA_TEST_PG_HOST}, default 127.0.0.1:5432, user postgres), created empty and dropped
 * when the JVM ends, so parallel builds and reruns never see each other's data.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String HOST = envOr("THIDUA_TEST_PG_HOST", "127.0.0.1:5432");

	public static final String USER = envOr("THIDUA_TEST_PG_USER", "postgres");

	public static final String PASSWORD = envOr("THIDUA_TEST_PG_PASSWORD", "");

	/**
	 * Name prefix of the test databases: builds that run side by side on one server give each a
	 * prefix of its own ({@code THIDUA_TEST_DB_PREFIX}), so one build's clean-up never drops a
	 * database another build has created but not yet connected to.
	 */
	public static final String PREFIX = envOr("THIDUA_TEST_DB_PREFIX", "thidua_it_");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = create();
		TestPropertyValues
			.of("spring.datasource.url=" + url, "spring.datasource.username=" + USER,
					"spring.datasource.password=" + PASSWORD,
					// Spring keeps every test context of the run alive: idle pools give their connections
					// back, so two dozen contexts stay within the server's max_connections (100)
					"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=15000")
			.applyTo(context);
	}

	/**
	 * Creates a new empty database and returns its JDBC URL. Databases of earlier runs that nobody
	 * is connected to any more are dropped first (a JVM-exit hook would race the pool's shutdown).
	 */
	public static String create() {
		return create(PREFIX);
	}

	/**
	 * The same with another name prefix: the benchmark's databases ({@code thidua_bench_}) must not
	 * be dropped by a test run's clean-up while the benchmark's application starts.
	 */
	public static String create(String prefix) {
		String name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, PASSWORD);
				Statement s = c.createStatement()) {
			List<String> stale = new ArrayList<>();
			try (ResultSet rs = s.executeQuery("SELECT d.datname FROM pg_database d WHERE d.datname LIKE '" + prefix.replace("_", "\\_") + "%'"
					+ " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)")) {
				while (rs.next()) {
					stale.add(rs.getString(1));
				}
			}
			for (String old : stale) {
				try {
					s.execute("DROP DATABASE IF EXISTS " + old);
				}
				catch (SQLException inUse) {
					// somebody connected meanwhile: leave it
				}
			}
			s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + HOST + " is needed for integration tests: " + ex.getMessage(),
					ex);
		}
		return "jdbc:postgresql://" + HOST + "/" + name;
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
