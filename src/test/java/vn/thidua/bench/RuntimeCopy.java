package vn.thidua.bench;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Open nominations in bulk, as {@link HistoryCopy} does for finished ones: the engine drives one real
 * nomination to its wait state (a chapter task or a board task), then every row that instance owns
 * is copied N times with PostgreSQL {@code COPY}: the engine's runtime rows (executions, task,
 * variables and their byte arrays, identity links, authorizations, subscriptions, jobs), its history
 * rows, and the application's own rows (the nomination, its documents and their content, its
 * notifications). Each copy gets new ids for every id the instance owns (a name-based UUID per copy,
 * the same in every table and inside every text), and its own ward, chapter, people and nominee:
 * each copy's literal replacements (the template's logins, group ids, names) and its nominee
 * number. The process definition, job definitions and deployment stay shared. Copies are checked
 * afterwards through the engine ({@link DataLoader}): read back, and one completed.
 */
final class RuntimeCopy {

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** The columns whose UUIDs are shared by every instance (definitions, deployments): all others are the instance's own. */
	private static final Set<String> SHARED_ID_COLUMNS = Set.of("proc_def_id_", "deployment_id_", "job_def_id_",
			"case_def_id_", "decision_def_id_", "decision_req_def_id_");

	/** One table's rows of the template; {@code binary} marks bytea columns. */
	record Template(String table, List<String> columns, boolean[] binary, List<String[]> rows) {
	}

	/** What one copy changes: its index (for ids), its literal replacements, its nominee number. */
	record Copy(int index, Map<String, String> literals, String nominee) {
	}

	private final DataSource dataSource;

	private final List<Template> templates;

	private final Set<String> ownIds;

	private final String templateNominee;

	RuntimeCopy(DataSource dataSource, String pid, String templateNominee) throws Exception {
		this.dataSource = dataSource;
		this.templateNominee = templateNominee;
		this.templates = templates(pid);
		this.ownIds = ownIds(pid, templates);
	}

	List<String> tables() {
		return templates.stream().map(t -> t.table() + " " + t.rows().size()).toList();
	}

	/** Copies the template once for each of {@code copies}, in COPY commands of {@code batch} copies. */
	void copy(List<Copy> copies, int batch) throws Exception {
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			for (int from = 0; from < copies.size(); from += batch) {
				List<Copy> part = copies.subList(from, Math.min(copies.size(), from + batch));
				for (Template template : templates) {
					copy.copyIn("COPY " + template.table() + " (" + String.join(", ", template.columns())
							+ ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv(template, part)));
				}
				c.commit();
			}
		}
	}

	private List<Template> templates(String pid) throws Exception {
		List<Template> found = new ArrayList<>();
		try (Connection c = dataSource.getConnection()) {
			Set<String> taskIds = new LinkedHashSet<>(ids(c, "SELECT id_ FROM act_ru_task WHERE proc_inst_id_ = ?", pid));
			Set<String> resources = new LinkedHashSet<>(taskIds);
			resources.add(pid);
			// foreign keys: byte arrays, executions, tasks before what refers to them
			List<String[]> engine = List.of(new String[] { "act_ru_execution", "proc_inst_id_" },
					new String[] { "act_ru_task", "proc_inst_id_" }, new String[] { "act_ru_variable", "proc_inst_id_" },
					new String[] { "act_ru_identitylink", "task_id_" }, new String[] { "act_ru_event_subscr", "proc_inst_id_" },
					new String[] { "act_ru_job", "process_instance_id_" },
					new String[] { "act_ru_authorization", "resource_id_" });
			for (String[] t : engine) {
				found.add(rows(c, t[0], t[1], t[1].equals("resource_id_") ? resources
						: t[1].equals("task_id_") ? taskIds : Set.of(pid)));
			}
			for (String table : tablesWith(c, "act_hi_%", "proc_inst_id_")) {
				found.add(rows(c, table, "proc_inst_id_", Set.of(pid)));
			}
			found.add(rows(c, "act_hi_job_log", "process_instance_id_", Set.of(pid)));
			for (String table : List.of("act_hi_identitylink", "act_hi_dec_in", "act_hi_dec_out")) {
				found.add(rows(c, table, "root_proc_inst_id_", Set.of(pid)));
			}
			for (String table : tablesWith(c, "thidua_%", "process_instance_id")) {
				found.add(rows(c, table, "process_instance_id", Set.of(pid)));
			}
			for (String table : tablesWith(c, "thidua_%", "task_id")) {
				if (tablesWith(c, table, "process_instance_id").isEmpty()) {
					found.add(rows(c, table, "task_id", taskIds));
				}
			}
			found.removeIf(t -> t.rows().isEmpty());
			Set<String> bytes = new LinkedHashSet<>();
			Set<String> storage = new LinkedHashSet<>();
			for (Template t : found) {
				for (String column : List.of("bytearray_id_", "exception_stack_id_", "error_details_id_")) {
					values(t, column).forEach(bytes::add);
				}
				values(t, "storage_key").forEach(storage::add);
			}
			if (found.stream().anyMatch(t -> t.table().equals("act_ru_incident") || t.table().equals("act_ru_ext_task"))) {
				throw new IllegalStateException("The template " + pid + " has incidents or external tasks");
			}
			Template byteArrays = rows(c, "act_ge_bytearray", "id_", bytes);
			if (byteArrays.rows().size() != bytes.size()) {
				throw new IllegalStateException("Byte arrays of " + pid + " not found: " + bytes);
			}
			found.add(0, byteArrays);
			found.add(rows(c, "thidua_document_chunk", "storage_key", storage));
			found.removeIf(t -> t.rows().isEmpty());
		}
		return found;
	}

	private static List<String> values(Template t, String column) {
		int i = t.columns().indexOf(column);
		return i < 0 ? List.of() : t.rows().stream().map(r -> r[i]).filter(v -> v != null).toList();
	}

	private static List<String> ids(Connection c, String sql, String value) throws Exception {
		List<String> ids = new ArrayList<>();
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, value);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getString(1));
				}
			}
		}
		return ids;
	}

	private static List<String> tablesWith(Connection c, String tablePattern, String column) throws Exception {
		List<String> tables = new ArrayList<>();
		try (ResultSet rs = c.getMetaData().getColumns(null, "public", tablePattern, column)) {
			while (rs.next()) {
				tables.add(rs.getString("TABLE_NAME"));
			}
		}
		return tables;
	}

	/** The rows of a table whose column is one of the values; identity columns left to the table. */
	private static Template rows(Connection c, String table, String column, Collection<String> values) throws Exception {
		Set<String> identity = new LinkedHashSet<>();
		try (PreparedStatement ps = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE "
				+ "table_schema = current_schema() AND table_name = ? AND (is_identity = 'YES' OR column_default LIKE 'nextval%')")) {
			ps.setString(1, table);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					identity.add(rs.getString(1));
				}
			}
		}
		List<String> columns = new ArrayList<>();
		List<Boolean> binary = new ArrayList<>();
		List<String[]> rows = new ArrayList<>();
		if (values.isEmpty()) {
			return new Template(table, columns, new boolean[0], rows);
		}
		try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE " + column + " = ANY (?)")) {
			ps.setArray(1, c.createArrayOf("varchar", values.toArray()));
			try (ResultSet rs = ps.executeQuery()) {
				ResultSetMetaData meta = rs.getMetaData();
				List<Integer> kept = new ArrayList<>();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					if (!identity.contains(meta.getColumnName(i))) {
						kept.add(i);
						columns.add(meta.getColumnName(i));
						int type = meta.getColumnType(i);
						binary.add(type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY);
					}
				}
				while (rs.next()) {
					String[] row = new String[kept.size()];
					for (int i = 0; i < row.length; i++) {
						row[i] = rs.getString(kept.get(i));
					}
					rows.add(row);
				}
			}
		}
		boolean[] flags = new boolean[binary.size()];
		for (int i = 0; i < flags.length; i++) {
			flags[i] = binary.get(i);
		}
		return new Template(table, columns, flags, rows);
	}

	/**
	 * Every UUID in the template's rows but those of definitions and deployments: ids of the instance's
	 * executions, tasks, variables, byte arrays, documents, notifications, also inside texts and keys.
	 */
	private static Set<String> ownIds(String pid, List<Template> templates) {
		Set<String> own = new LinkedHashSet<>();
		Set<String> shared = new LinkedHashSet<>();
		own.add(pid);
		for (Template t : templates) {
			for (int c = 0; c < t.columns().size(); c++) {
				Set<String> into = SHARED_ID_COLUMNS.contains(t.columns().get(c)) ? shared : own;
				for (String[] row : t.rows()) {
					if (row[c] != null && !t.binary()[c]) {
						Matcher m = UUID_TEXT.matcher(row[c]);
						while (m.find()) {
							into.add(m.group());
						}
					}
				}
			}
		}
		own.removeAll(shared);
		return own;
	}

	private String csv(Template template, List<Copy> copies) {
		StringBuilder out = new StringBuilder();
		for (Copy copy : copies) {
			Pattern pattern = pattern(copy);
			for (String[] row : template.rows()) {
				for (int c = 0; c < row.length; c++) {
					String value = row[c];
					if (value != null) {
						value = template.binary()[c] ? binary(value, pattern, copy) : replace(value, pattern, copy);
					}
					if (c > 0) {
						out.append(',');
					}
					if (value != null) {
						out.append('"').append(value.replace("\"", "\"\"")).append('"');
					}
				}
				out.append('\n');
			}
		}
		return out.toString();
	}

	private final Map<Set<String>, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

	/** UUIDs, then the copy's literals longest first, then the template's nominee number after «viên». */
	private Pattern pattern(Copy copy) {
		return patterns.computeIfAbsent(copy.literals().keySet(), keys -> {
			List<String> literals = new ArrayList<>(keys);
			literals.sort((a, b) -> b.length() - a.length());
			StringBuilder regex = new StringBuilder("(" + UUID_TEXT.pattern() + ")|(");
			for (int i = 0; i < literals.size(); i++) {
				regex.append(i == 0 ? "" : "|").append(Pattern.quote(literals.get(i)));
			}
			regex.append(")|((?iu:(?<=vi[eê]n ))").append(Pattern.quote(templateNominee)).append("(?!\\d))");
			return Pattern.compile(regex.toString());
		});
	}

	private String replace(String value, Pattern pattern, Copy copy) {
		Matcher m = pattern.matcher(value);
		if (!m.find()) {
			return value;
		}
		StringBuilder out = new StringBuilder();
		do {
			String replacement;
			if (m.group(1) != null) {
				replacement = ownIds.contains(m.group(1)) ? copyId(m.group(1), copy.index()) : m.group(1);
			}
			else if (m.group(2) != null && !m.group(2).isEmpty()) {
				replacement = copy.literals().getOrDefault(m.group(2), m.group(2));
			}
			else {
				replacement = copy.nominee();
			}
			m.appendReplacement(out, Matcher.quoteReplacement(replacement));
		}
		while (m.find());
		m.appendTail(out);
		return out.toString();
	}

	/** A bytea value as PostgreSQL prints it ({@code \x…}): UTF-8 text is replaced like any text, other bytes kept. */
	private String binary(String hex, Pattern pattern, Copy copy) {
		byte[] bytes = HexFormat.of().parseHex(hex.substring(2));
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException notText) {
			return hex;
		}
		String replaced = replace(text, pattern, copy);
		return replaced.equals(text) ? hex : "\\x" + HexFormat.of().formatHex(replaced.getBytes(StandardCharsets.UTF_8));
	}

	/** The id of copy {@code i} of one of the template's own ids, the same in every table and text. */
	static String copyId(String own, int i) {
		return UUID.nameUUIDFromBytes(("open#" + own + "#" + i).getBytes(StandardCharsets.UTF_8)).toString();
	}

}
