package vn.thidua.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finished instances in history, in bulk: the engine runs one real {@code BenchHistory} instance
 * (a start-to-end model carrying a finished nomination's variables, at the application's history
 * level), then every history row it wrote ({@code ACT_HI_*} tables with a {@code PROC_INST_ID_}) is
 * copied N times with PostgreSQL {@code COPY}: new ids for the instance's own ids (instance,
 * executions, activity instances, variables, details), the same definition, and each copy's own
 * string variables (nominee, ward, chapter, subject…) and business key. The copies are then read back
 * through the engine's history API ({@link #verify}) so a row shape the engine does not accept fails
 * the benchmark instead of measuring nonsense. The tables' secondary indexes are dropped during the
 * copy and built again after it. 100,000 instances (3.5 million rows) took about 90 s on two cores
 * with the indexes in place, against 161–531 s for the engine's own starts.
 */
final class HistoryCopy {

	private static final Logger LOG = LoggerFactory.getLogger(HistoryCopy.class);

	static final String PROCESS = "BenchHistory";

	private static final int COPIES_PER_COPY_COMMAND = 2_000;

	private final DataSource dataSource;

	private final RuntimeService runtime;

	private final HistoryService history;

	private final IntFunction<Map<String, Object>> variables;

	HistoryCopy(BenchApplication app, IntFunction<Map<String, Object>> variables) {
		this.dataSource = app.bean(DataSource.class);
		this.runtime = app.bean(RuntimeService.class);
		this.history = app.bean(HistoryService.class);
		this.variables = variables;
	}

	/** One table's rows of the template instance. */
	private record Template(String table, List<String> columns, List<String[]> rows) {
	}

	static String businessKey(int i) {
		return "bench-history-" + i;
	}

	/** Instance 0 is run by the engine, 1..count-1 are copies of its rows; returns the millis. */
	long load(int count, int threads) throws Exception {
		long start = System.nanoTime();
		String pid = runtime.startProcessInstanceByKey(PROCESS, businessKey(0), variables.apply(0)).getId();
		List<Template> templates = templates(pid);
		Set<String> ownIds = ownIds(pid, templates);
		// the tables' secondary indexes are built once after the copy, not row by row during it
		List<String> indexes = dropIndexes(templates);
		AtomicInteger next = new AtomicInteger(1);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					try (Connection c = dataSource.getConnection()) {
						c.setAutoCommit(true);
						CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
						int from;
						while ((from = next.getAndAdd(COPIES_PER_COPY_COMMAND)) < count) {
							int to = Math.min(count, from + COPIES_PER_COPY_COMMAND);
							for (Template template : templates) {
								copy.copyIn("COPY " + template.table() + " (" + String.join(", ", template.columns())
										+ ") FROM STDIN WITH (FORMAT csv)", new StringReader(csv(template, ownIds, from, to)));
							}
							if (to / 20_000 != from / 20_000) {
								LOG.info("History: {} of {} finished instances", to, count);
							}
						}
					}
					return null;
				}));
			}
			for (Future<?> f : futures) {
				f.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		long indexStart = System.nanoTime();
		try (Connection c = dataSource.getConnection(); java.sql.Statement st = c.createStatement()) {
			for (String index : indexes) {
				st.execute(index);
			}
			for (Template template : templates) {
				st.execute("ANALYZE " + template.table());
			}
		}
		LOG.info("History: {} indexes built again in {} ms", indexes.size(), (System.nanoTime() - indexStart) / 1_000_000);
		return (System.nanoTime() - start) / 1_000_000;
	}

	/** Drops the copied tables' indexes other than primary keys; returns their definitions. */
	private List<String> dropIndexes(List<Template> templates) throws Exception {
		List<String> definitions = new ArrayList<>();
		try (Connection c = dataSource.getConnection()) {
			for (Template template : templates) {
				List<String[]> found = new ArrayList<>();
				try (PreparedStatement ps = c.prepareStatement("SELECT i.indexname, i.indexdef FROM pg_indexes i "
						+ "WHERE i.schemaname = current_schema() AND i.tablename = ? AND NOT EXISTS (SELECT 1 FROM "
						+ "pg_constraint k WHERE k.conname = i.indexname)")) {
					ps.setString(1, template.table());
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							found.add(new String[] { rs.getString(1), rs.getString(2) });
						}
					}
				}
				try (java.sql.Statement st = c.createStatement()) {
					for (String[] index : found) {
						st.execute("DROP INDEX " + index[0]);
						definitions.add(index[1]);
					}
				}
			}
		}
		return definitions;
	}

	private List<Template> templates(String pid) throws Exception {
		List<Template> templates = new ArrayList<>();
		try (Connection c = dataSource.getConnection()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet rs = c.getMetaData().getColumns(null, null, "act_hi_%", "proc_inst_id_")) {
				while (rs.next()) {
					tables.add(rs.getString("TABLE_NAME"));
				}
			}
			for (String table : tables) {
				try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " WHERE proc_inst_id_ = ?")) {
					ps.setString(1, pid);
					try (ResultSet rs = ps.executeQuery()) {
						ResultSetMetaData meta = rs.getMetaData();
						List<String> columns = new ArrayList<>();
						for (int i = 1; i <= meta.getColumnCount(); i++) {
							columns.add(meta.getColumnName(i));
						}
						List<String[]> rows = new ArrayList<>();
						while (rs.next()) {
							String[] row = new String[columns.size()];
							for (int i = 0; i < row.length; i++) {
								row[i] = rs.getString(i + 1);
							}
							rows.add(row);
						}
						if (!rows.isEmpty()) {
							templates.add(new Template(table, columns, rows));
						}
					}
				}
			}
		}
		for (Template t : templates) {
			int bytes = t.columns().indexOf("bytearray_id_");
			if (bytes >= 0 && t.rows().stream().anyMatch(r -> r[bytes] != null)) {
				throw new IllegalStateException(t.table() + " refers to ACT_GE_BYTEARRAY: not copied, use short values");
			}
		}
		LOG.info("History template {}: {}", pid, templates.stream().map(t -> t.table() + " " + t.rows().size()).toList());
		return templates;
	}

	/** The ids the instance owns (each copy gets its own): every row's ID_, and the instance's id. */
	private static Set<String> ownIds(String pid, List<Template> templates) {
		Set<String> ids = new HashSet<>();
		ids.add(pid);
		for (Template t : templates) {
			int id = t.columns().indexOf("id_");
			for (String[] row : t.rows()) {
				ids.add(ownPart(row[id]));
			}
			for (String column : List.of("execution_id_", "act_inst_id_", "parent_act_inst_id_", "var_inst_id_")) {
				int c = t.columns().indexOf(column);
				if (c >= 0) {
					t.rows().stream().filter(r -> r[c] != null).forEach(r -> ids.add(ownPart(r[c])));
				}
			}
		}
		return ids;
	}

	/** Activity instance ids are "{@code <activity id>:<uuid>}": the uuid is the instance's own. */
	private static String ownPart(String id) {
		return id.substring(id.indexOf(':') + 1);
	}

	/** The id of copy {@code i} of one of the template's own ids: the same in every table (a name-based UUID). */
	private static String copyId(String own, int i) {
		return UUID.nameUUIDFromBytes((own + "#" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
	}

	private String csv(Template template, Set<String> ownIds, int from, int to) {
		StringBuilder out = new StringBuilder(template.rows().size() * (to - from) * 300);
		List<String> columns = template.columns();
		int name = columns.indexOf("name_");
		int type = columns.indexOf("var_type_");
		int text = columns.indexOf("text_");
		int businessKey = columns.indexOf("business_key_");
		boolean instances = template.table().equals("act_hi_procinst");
		for (int i = from; i < to; i++) {
			Map<String, Object> values = variables.apply(i);
			for (String[] row : template.rows()) {
				for (int c = 0; c < row.length; c++) {
					String value = row[c];
					if (value != null && ownIds.contains(ownPart(value))) {
						String own = ownPart(value);
						value = value.substring(0, value.length() - own.length()) + copyId(own, i);
					}
					if (c == text && name >= 0 && "string".equals(row[type]) && values.get(row[name]) instanceof String s) {
						value = s;
					}
					if (c == businessKey && instances) {
						value = businessKey(i);
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

	/**
	 * Reads copies back through the engine: the number of finished instances, and for a sample the
	 * instance by its business key, its variables (the copy's own values) and its activity instances.
	 */
	Map<String, Object> verify(int count) {
		long finished = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).finished().count();
		if (finished < count) {
			throw new IllegalStateException("History holds " + finished + " finished " + PROCESS + ", expected " + count);
		}
		HistoricProcessInstance template = instance(0);
		int variablesPerInstance = (int) history.createHistoricVariableInstanceQuery()
			.processInstanceId(template.getId())
			.count();
		long activities = history.createHistoricActivityInstanceQuery().processInstanceId(template.getId()).count();
		int sampled = 0;
		for (int i = 1; i < count; i += Math.max(1, count / 50)) {
			HistoricProcessInstance copy = instance(i);
			if (copy.getEndTime() == null || !PROCESS.equals(copy.getProcessDefinitionKey())) {
				throw new IllegalStateException("Copy " + i + " is not a finished " + PROCESS + ": " + copy);
			}
			Map<String, Object> read = new LinkedHashMap<>();
			for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
				.processInstanceId(copy.getId())
				.list()) {
				read.put(v.getName(), v.getValue());
			}
			Map<String, Object> expected = variables.apply(i);
			if (read.size() != variablesPerInstance || !expected.get("nomineeName").equals(read.get("nomineeName"))
					|| !expected.get("wardCode").equals(read.get("wardCode"))) {
				throw new IllegalStateException("Copy " + i + " reads back " + read + ", expected " + expected);
			}
			if (history.createHistoricActivityInstanceQuery().processInstanceId(copy.getId()).count() != activities) {
				throw new IllegalStateException("Copy " + i + " has other activity instances than the template");
			}
			sampled++;
		}
		return Map.of("finishedInstances", finished, "sampledThroughHistoryApi", sampled, "variablesPerInstance",
				variablesPerInstance);
	}

	private HistoricProcessInstance instance(int i) {
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey(i))
			.singleResult();
		if (instance == null) {
			throw new IllegalStateException("No history instance " + businessKey(i));
		}
		return instance;
	}

}
