package vn.thidua.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * The application's own tables without the application: Flyway over the same locations as
 * {@code spring.flyway} ({@code db/migration} and {@code db/vendor/{vendor}}), for tests of SQL
 * that need no engine. V10 indexes an engine table that Camunda creates when the application
 * starts, so stand-ins with their indexed columns are created first (V10, V30).
 */
public final class SchemaOnly {

	private SchemaOnly() {
	}

	/**
	 * @param vendor {@code h2} or {@code postgresql}
	 * @param target a version, or {@code latest}
	 */
	public static void migrate(DataSource dataSource, String vendor, String target) {
		flyway(dataSource, vendor, "4").migrate();
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE TABLE IF NOT EXISTS ACT_RU_AUTHORIZATION (USER_ID_ VARCHAR(255))");
			// V30 indexes the engine's variables: the same stand-in for its columns
			s.execute("CREATE TABLE IF NOT EXISTS ACT_RU_VARIABLE (NAME_ VARCHAR(255), TEXT_ VARCHAR(4000),"
					+ " PROC_INST_ID_ VARCHAR(64), TASK_ID_ VARCHAR(64))");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		flyway(dataSource, vendor, target).migrate();
	}

	private static Flyway flyway(DataSource dataSource, String vendor, String target) {
		return Flyway.configure()
			.dataSource(dataSource)
			.table("thidua_schema_history")
			.locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
			.target(target)
			.load();
	}

}
