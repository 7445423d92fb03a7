package vn.thidua.bench;

import vn.thidua.support.PostgresTestDatabase;

/**
 * A fresh PostgreSQL database for one benchmark run, made by {@link PostgresTestDatabase} on the same
 * server and login, named {@code thidua_bench_*} so that the test suite's clean-up of idle
 * {@code thidua_it_*} databases cannot drop it before the application connects. Databases of earlier
 * benchmark runs are dropped first.
 */
final class BenchDatabase {

	static final String USER = PostgresTestDatabase.USER;

	static final String PASSWORD = PostgresTestDatabase.PASSWORD;

	private BenchDatabase() {
	}

	static String create() {
		return PostgresTestDatabase.create("thidua_bench_");
	}

}
