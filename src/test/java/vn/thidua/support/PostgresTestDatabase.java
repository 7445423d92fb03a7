package vn.thidua.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

	static final String HOST = envOr("THIDUA_TEST_PG_HOST", "127.0.0.1:5432");

	static final String USER = envOr("THIDUA_TEST_PG_USER", "postgres");

	static final String PASSWORD = envOr("THIDUA_TEST_PG_PASSWORD", "");

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String url = create();
		TestPropertyValues
			.of("spring.datasource.url=" + url, "spring.datasource.username=" + USER,
					"spring.datasource.password=" + PASSWORD)
			.applyTo(context);
	}

	/** Creates a new empty database and returns its JDBC URL. */
	public static String create() {
		String name = "thidua_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
		Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
		return "jdbc:postgresql://" + HOST + "/" + name;
	}

	private static void drop(String name) {
		try {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (IllegalStateException ex) {
			// the server may already be gone at JVM exit; the database is then dropped with it
		}
	}

	private static void execute(String sql) {
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, PASSWORD);
				Statement s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + HOST + " is needed for integration tests: " + ex.getMessage(),
					ex);
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
