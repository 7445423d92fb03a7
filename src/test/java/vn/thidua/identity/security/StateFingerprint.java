package vn.thidua.identity.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The state of the engine and of the application in one md5, computed by one SQL statement on
 * PostgreSQL: every {@code ACT_RU_*}, {@code ACT_RE_*}, {@code ACT_ID_*}, {@code ACT_HI_*} table,
 * {@code ACT_GE_BYTEARRAY} (variable and resource bytes) and the application's {@code thidua_*}
 * tables, each table's rows as text in sorted order. Left out is what changes by itself or is not
 * state a person could abuse: {@code ACT_GE_PROPERTY} (engine properties, telemetry), the meter
 * logs, Flyway's history, and the login throttling columns of {@code ACT_ID_USER} (a wrong password
 * changes them, and login throttling has tests of its own). Byte columns enter as their md5, so the
 * deployment resources do not make the statement slow.
 *
 * <p>The statement takes tens of milliseconds; a matrix of thousands of calls cannot afford it
 * after each one. So the same tables also get a statement-level trigger (test instrumentation in
 * the test's own database, no migration) that counts every INSERT, UPDATE, DELETE and TRUNCATE in a
 * sequence; a sequence is not transactional, so a write that was rolled back counts too. While the
 * counter stands still nothing was written and the fingerprint is the same; when it moved, the
 * md5 is computed again and decides.
 */
final class StateFingerprint implements AutoCloseable {

	private static final String COUNTER = "surface_write_counter";

	private static final Set<String> EXCLUDED_TABLES = Set.of("act_ge_property", "act_ge_schema_log",
			"act_ru_meter_log", "act_ru_task_meter_log", "thidua_schema_history");

	private static final Map<String, Set<String>> EXCLUDED_COLUMNS = Map.of("act_id_user",
			Set.of("attempts_", "lock_exp_time_"));

	private final Connection connection;

	private final List<String> tables = new ArrayList<>();

	private final PreparedStatement total;

	private final PreparedStatement perTable;

	private final PreparedStatement counter;

	private long lastCount;

	private String lastTotal;

	StateFingerprint(DataSource dataSource) {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		try {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
			try (Statement s = connection.createStatement();
					ResultSet rs = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns"
							+ " WHERE table_schema = current_schema() AND (table_name LIKE 'act\\_ru\\_%'"
							+ " OR table_name LIKE 'act\\_re\\_%' OR table_name LIKE 'act\\_id\\_%'"
							+ " OR table_name LIKE 'act\\_hi\\_%' OR table_name = 'act_ge_bytearray'"
							+ " OR table_name LIKE 'thidua\\_%') ORDER BY table_name, ordinal_position")) {
				while (rs.next()) {
					String table = rs.getString(1);
					String column = rs.getString(2);
					if (EXCLUDED_TABLES.contains(table)
							|| EXCLUDED_COLUMNS.getOrDefault(table, Set.of()).contains(column)) {
						continue;
					}
					String expression = "bytea".equals(rs.getString(3)) ? "md5(" + column + ")" : column;
					columns.computeIfAbsent(table, t -> new ArrayList<>()).add(expression);
				}
			}
			List<String> perTableParts = new ArrayList<>();
			columns.forEach((table, cols) -> {
				tables.add(table);
				perTableParts.add("(SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r COLLATE \"C\"), '')) FROM (SELECT ROW("
						+ String.join(", ", cols) + ")::text AS r FROM " + table + ") s) AS " + table);
			});
			perTable = connection.prepareStatement("SELECT " + String.join(",\n", perTableParts));
			total = connection.prepareStatement("SELECT md5(concat_ws(',', " + String.join(",\n",
					perTableParts.stream().map(p -> p.substring(0, p.lastIndexOf(" AS "))).toList()) + "))");
			try (Statement s = connection.createStatement()) {
				s.execute("CREATE SEQUENCE IF NOT EXISTS " + COUNTER);
				s.execute("CREATE OR REPLACE FUNCTION surface_count_write() RETURNS trigger LANGUAGE plpgsql AS"
						+ " $$ BEGIN PERFORM nextval('" + COUNTER + "'); RETURN NULL; END $$");
				for (String table : tables) {
					s.execute("DROP TRIGGER IF EXISTS surface_count_write ON " + table);
					s.execute("CREATE TRIGGER surface_count_write AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON " + table
							+ " FOR EACH STATEMENT EXECUTE FUNCTION surface_count_write()");
				}
			}
			counter = connection.prepareStatement("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END FROM " + COUNTER);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The fingerprint now: the last one when nothing has been written since, else computed afresh. */
	String current() {
		long count = count();
		if (lastTotal == null || count != lastCount) {
			lastCount = count;
			lastTotal = total();
		}
		return lastTotal;
	}

	private long count() {
		try (ResultSet rs = counter.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		try (Statement s = connection.createStatement()) {
			for (String table : tables) {
				s.execute("DROP TRIGGER IF EXISTS surface_count_write ON " + table);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// the pool's
			}
		}
	}

	/** The tables that enter the fingerprint. */
	List<String> tables() {
		return List.copyOf(tables);
	}

	/** One md5 over all of them: the one statement. */
	String total() {
		try (ResultSet rs = total.executeQuery()) {
			rs.next();
			return rs.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Each table's md5: taken only when the total differs, to name the tables that changed. */
	Map<String, String> perTable() {
		Map<String, String> result = new LinkedHashMap<>();
		try (ResultSet rs = perTable.executeQuery()) {
			rs.next();
			ResultSetMetaData meta = rs.getMetaData();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				result.put(meta.getColumnLabel(i), rs.getString(i));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return result;
	}

	static List<String> changed(Map<String, String> before, Map<String, String> after) {
		List<String> changed = new ArrayList<>();
		after.forEach((table, md5) -> {
			if (!md5.equals(before.get(table))) {
				changed.add(table);
			}
		});
		return changed;
	}

}
