package vn.thidua.security;

import java.sql.Connection;
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
 */
final class StateFingerprint {

	private static final Set<String> EXCLUDED_TABLES = Set.of("act_ge_property", "act_ge_schema_log",
			"act_ru_meter_log", "act_ru_task_meter_log", "thidua_schema_history");

	private static final Map<String, Set<String>> EXCLUDED_COLUMNS = Map.of("act_id_user",
			Set.of("attempts_", "lock_exp_time_"));

	private final DataSource dataSource;

	private final List<String> tables = new ArrayList<>();

	private final String totalSql;

	private final String perTableSql;

	StateFingerprint(DataSource dataSource) {
		this.dataSource = dataSource;
		Map<String, List<String>> columns = new LinkedHashMap<>();
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
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
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		List<String> perTable = new ArrayList<>();
		columns.forEach((table, cols) -> {
			tables.add(table);
			perTable.add("(SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) FROM (SELECT ROW("
					+ String.join(", ", cols) + ")::text AS r FROM " + table + ") s) AS " + table);
		});
		this.perTableSql = "SELECT " + String.join(",\n", perTable);
		this.totalSql = "SELECT md5(concat_ws(',', " + String.join(",\n",
				perTable.stream().map(p -> p.substring(0, p.lastIndexOf(" AS "))).toList()) + "))";
	}

	/** The tables that enter the fingerprint. */
	List<String> tables() {
		return List.copyOf(tables);
	}

	/** One md5 over all of them. */
	String total() {
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(totalSql)) {
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
		try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(perTableSql)) {
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
