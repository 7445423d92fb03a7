package vn.thidua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for one benchmark run on the local server (as
 * {@link vn.thidua.support.PostgresTestDatabase}: {@code THIDUA_TEST_PG_HOST}, default
 * 127.0.0.1:5432, user postgres), named {@code thidua_bench_*} so that the test suite's clean-up of
 * idle {@code thidua_it_*} databases cannot drop it before the application connects. Databases of
 * earlier benchmark runs are dropped first.
 */
final class BenchDatabase {

	static final String HOST = envOr("THIDUA_TEST_PG_HOST", "127.0.0.1:5432");

	static final String USER = envOr("THIDUA_TEST_PG_USER", "postgres");

	static final String PASSWORD = envOr("THIDUA_TEST_PG_PASSWORD", "");

	private BenchDatabase() {
	}

	static String create() {
		String name = "thidua_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", USER, PASSWORD);
				Statement s = c.createStatement()) {
			List<String> stale = new ArrayList<>();
			try (ResultSet rs = s.executeQuery("SELECT d.datname FROM pg_database d WHERE d.datname LIKE 'thidua\\_bench\\_%'"
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
			throw new IllegalStateException("PostgreSQL at " + HOST + " is needed for the benchmark: " + ex.getMessage(),
					ex);
		}
		return "jdbc:postgresql://" + HOST + "/" + name;
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
