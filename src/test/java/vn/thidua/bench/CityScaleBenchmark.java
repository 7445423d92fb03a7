package vn.thidua.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.icegreen.greenmail.util.GreenMail;

import vn.thidua.identity.organisation.Organisation;
import vn.thidua.identity.organisation.TasklistFilters;

import vn.thidua.support.TestSmtp;

/**
 * Benchmark, not a test (issue 9): the application at city scale on PostgreSQL, measured from the
 * outside through HTTP. Run it alone with {@code ./mvnw -Pbench verify} (README, "Benchmarks"); the
 * normal build never runs it. Steps, all in one run against one fresh database:
 * <ol>
 * <li>a generated city (organisation file, loaded by the production OrganisationSync at the first,
 * cold start), open tasks and finished instances in history loaded through the engine;</li>
 * <li>a restart on the loaded database: time to ready and heap;</li>
 * <li>Tasklist's first page for a chapter head, a board member and a council member (p50/p95/p99);</li>
 * <li>whole nomination chains with 1, 2, 4, 8 concurrent clients, and the same chains on the bare
 * floor model ({@code BenchFloor}) in the same engine: chains/s, p95 per step, the ratio;</li>
 * <li>heap after the run.</li>
 * </ol>
 * Results: a table in the log and {@code target/bench/results.txt}, {@code results.json},
 * {@code results.png}. Scale: {@code -Dbench.wards} (126), {@code -Dbench.openTasks} (10000),
 * {@code -Dbench.history} (100000), {@code -Dbench.requests} (1000), {@code -Dbench.clients} (1,2,4,8),
 * {@code -Dbench.chainsPerClient} (5). {@code -Dbench.compare="key=value;..."} (and
 * {@code -Dbench.compareSql="..."}, run on the database first) measure the task list once more after a
 * restart with other settings, e.g. with the fixes of issue 9 undone.
 */
@Tag("benchmark")
class CityScaleBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(CityScaleBenchmark.class);

	private static final String HAL = "application/hal+json";

	/** Tasklist's request body for a filter's list (the filter's own query is merged in by the server). */
	private static final Map<String, Object> TASKLIST_BODY = Map.of("processVariables", List.of(), "taskVariables",
			List.of(), "caseInstanceVariables", List.of(), "sorting",
			List.of(Map.of("sortBy", "created", "sortOrder", "desc")));

	final int wards = Integer.getInteger("bench.wards", 126);

	final int openTasks = Integer.getInteger("bench.openTasks", 10_000);

	final int history = Integer.getInteger("bench.history", 100_000);

	final int requests = Math.max(1, Integer.getInteger("bench.requests", 1_000));

	final int warmup = Integer.getInteger("bench.warmup", 200);

	final int chainsPerClient = Integer.getInteger("bench.chainsPerClient", 5);

	final List<Integer> clients = parseClients(System.getProperty("bench.clients", "1,2,4,8"));

	final Path output = Path.of(System.getProperty("bench.output", "target/bench"));

	@Test
	void cityScale() throws Exception {
		Files.createDirectories(output);
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("date", Instant.now().toString());
		results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "maxHeapMiB",
				Runtime.getRuntime().maxMemory() / (1024 * 1024), "memoryGiB", totalMemoryGiB(), "java",
				System.getProperty("java.version")));

		Organisation city = CityGenerator.city(wards);
		Path organisationFile = CityGenerator.write(city, output.resolve("organisation.yaml"));
		// -Dbench.database=<JDBC URL of an earlier run's database>: skip generating and loading, measure again
		String reuse = System.getProperty("bench.database", "");
		String database = reuse.isBlank() ? BenchDatabase.create() : reuse;
		GreenMail smtp = TestSmtp.start();
		String chainWard = CityGenerator.wardCode(0);
		AtomicInteger nominees = new AtomicInteger();

		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", database);
		properties.put("spring.datasource.username", BenchDatabase.USER);
		properties.put("spring.datasource.password", BenchDatabase.PASSWORD);
		properties.put("server.port", "0");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.vn.thidua.bench", "INFO");
		properties.put("thidua.demo.enabled", "true");
		properties.put("thidua.organisation.file", organisationFile.toUri().toString());
		properties.put("thidua.organisation.process-starters.BenchFloor", "CHAPTER_HEAD,BOARD,CHAIR");
		properties.put("thidua.organisation.process-starters.BenchFloorSession", "COUNCIL");
		properties.put("thidua.organisation.process-starters.BenchFloorDecision", "CHAIR");
		// the floor model must run with no listener of ours (see NotificationEnginePlugin)
		properties.put("thidua.notification.excluded-process-keys", String.join(",", ChainDriver.FLOOR_MODELS));
		properties.put("thidua.notification.poll-interval", "PT1S");

		// 1. cold start on an empty database: schema, the whole city through OrganisationSync
		Map<String, Object> scale = new LinkedHashMap<>();
		Map<String, Object> startup = new LinkedHashMap<>();
		Map<String, Object> loading = new LinkedHashMap<>();
		properties.put("spring.mail.host", "");
		if (!reuse.isBlank()) {
			startup.put("coldStartWithOrganisationSyncMillis", "(reused database)");
			loading.put("reusedDatabase", reuse);
			try (java.sql.Connection c = java.sql.DriverManager.getConnection(database, BenchDatabase.USER,
					BenchDatabase.PASSWORD); java.sql.Statement st = c.createStatement()) {
				scale.put("wards", wards);
				scale.put("chapters", wards * CityGenerator.CHAPTERS_PER_WARD);
				scale.put("people", city.people().size());
				for (String[] q : new String[][] { { "groups", "SELECT COUNT(*) FROM act_id_group" },
						{ "authorizations", "SELECT COUNT(*) FROM act_ru_authorization" },
						{ "openTasks", "SELECT COUNT(*) FROM act_ru_task" },
						{ "finishedInstances", "SELECT COUNT(*) FROM act_hi_procinst WHERE end_time_ IS NOT NULL" },
						{ "maxNominee", "SELECT COUNT(*) FROM act_hi_procinst" } }) {
					try (java.sql.ResultSet rs = st.executeQuery(q[1])) {
						rs.next();
						scale.put(q[0], rs.getLong(1));
					}
				}
				// nominee names of this run must not repeat earlier ones (duplicate check)
				nominees.set((int) (long) (Long) scale.remove("maxNominee") + 1_000_000);
			}
		}
		else try (BenchApplication app = BenchApplication.start(properties)) {
			startup.put("coldStartWithOrganisationSyncMillis", app.startMillis);
			LOG.info("Cold start (empty database, {} people synchronised): {} ms", city.people().size(), app.startMillis);
			DataLoader.deployBenchModels(app.bean(RepositoryService.class), chainWard);
			DataLoader loader = new DataLoader(app, wards, 2, nominees);
			long historyMillis = loader.loadHistory(history);
			loading.put("historyMillis", historyMillis);
			LOG.info("History: {} finished instances in {} ms", history, historyMillis);
			DataLoader.OpenTasks open = loader.loadOpenTasks(openTasks);
			loading.put("openTasksMillis", open.millis());
			LOG.info("Open tasks: {} in {} ms", open, open.millis());
			long tasks = app.bean(TaskService.class).createTaskQuery().count();
			long finished = app.bean(HistoryService.class).createHistoricProcessInstanceQuery().finished().count();
			JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
			// the data set's own assignment mails are not part of the measurement
			int cancelled = jdbc.update("UPDATE thidua_notification SET status = 'CANCELLED' WHERE status = 'PENDING'");
			scale.put("wards", wards);
			scale.put("chapters", wards * CityGenerator.CHAPTERS_PER_WARD);
			scale.put("people", city.people().size());
			scale.put("groups", jdbc.queryForObject("SELECT COUNT(*) FROM act_id_group", Long.class));
			scale.put("authorizations", jdbc.queryForObject("SELECT COUNT(*) FROM act_ru_authorization", Long.class));
			scale.put("openTasks", tasks);
			scale.put("openTasksByKind", Map.of("chapter", open.chapter(), "board", open.board(), "council",
					open.council()));
			scale.put("finishedInstances", finished);
			scale.put("dataSetMailsNotSent", cancelled);
			jdbc.execute("ANALYZE");
		}
		results.put("scale", scale);
		results.put("loading", loading);

		// 2. restart on the loaded database, then measure through HTTP
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
		List<Map<String, Object>> taskList = new ArrayList<>();
		List<Map<String, Object>> chains = new ArrayList<>();
		try (BenchApplication app = BenchApplication.start(properties)) {
			startup.put("readyMillis", app.startMillis);
			startup.put("heapAfterStartMiB", BenchApplication.usedHeapMiB());
			LOG.info("Restart on the loaded database: ready in {} ms, heap {} MiB", app.startMillis,
					startup.get("heapAfterStartMiB"));
			BenchHttp http = new BenchHttp(app.port);

			// 3. Tasklist's first page
			taskList.addAll(taskListLatencies(http));

			// 4. chains, ours and the floor, alternately
			ChainDriver driver = new ChainDriver(http, chainWard, nominees);
			JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
			if (!clients.isEmpty()) {
				// warm-up of both models (not reported)
				driver.run(true, 1, 2);
				driver.run(false, 1, 2);
				drainMail(jdbc, smtp);
			}
			for (int k : clients) {
				ChainDriver.Round floor = driver.run(true, k, chainsPerClient);
				chains.add(chainRow(floor, null));
				ChainDriver.Round ours = driver.run(false, k, chainsPerClient);
				long[] mail = drainMail(jdbc, smtp);
				chains.add(chainRow(ours, mail));
				LOG.info("K={}: floor {} chains/s, ours {} chains/s", k, fmt(floor.chainsPerSecond()),
						fmt(ours.chainsPerSecond()));
			}
			long unfinished = app.bean(org.camunda.bpm.engine.RuntimeService.class)
				.createProcessInstanceQuery()
				.processDefinitionKey("BenchFloor")
				.count();
			if (unfinished != 0) {
				throw new IllegalStateException(unfinished + " floor chains did not finish");
			}
			// 5. why: SQL statements of one task-list page and of one chain of each model
			Map<String, Object> sql = new LinkedHashMap<>();
			String head = CityGenerator.head(CityGenerator.wardCode(0), 0);
			String headPath = ChainDriver.ENGINE + "/filter/" + filterId(http, TasklistFilters.CHAPTER_TASKS)
					+ "/list?firstResult=0&maxResults=15";
			try (SqlCounter counter = new SqlCounter()) {
				http.post(head, headPath, TASKLIST_BODY, HAL).expect(200);
				sql.put("taskListPage", counter.counts());
				Files.write(output.resolve("sql-task-list.txt"), counter.statements(), StandardCharsets.UTF_8);
			}
			if (!clients.isEmpty()) {
				for (boolean floorModel : new boolean[] { true, false }) {
					try (SqlCounter counter = new SqlCounter()) {
						driver.run(floorModel, 1, 1);
						sql.put(floorModel ? "floorChain" : "ourChain", counter.counts());
						Files.write(output.resolve(floorModel ? "sql-floor-chain.txt" : "sql-our-chain.txt"),
								counter.statements(), StandardCharsets.UTF_8);
					}
				}
				drainMail(jdbc, smtp);
			}
			results.put("sqlStatements", sql);
			startup.put("heapAfterRunMiB", BenchApplication.usedHeapMiB());
		}
		finally {
			smtp.stop();
		}
		// optional: the task list again after a restart with other engine settings (before/after a fix)
		String compare = System.getProperty("bench.compare", "");
		if (!compare.isBlank()) {
			Map<String, String> changed = new LinkedHashMap<>(properties);
			for (String pair : compare.split(";")) {
				String[] kv = pair.split("=", 2);
				changed.put(kv[0].trim(), kv[1].trim());
			}
			changed.put("spring.mail.host", "");
			String compareSql = System.getProperty("bench.compareSql", "");
			if (!compareSql.isBlank()) {
				try (java.sql.Connection c = java.sql.DriverManager.getConnection(database, BenchDatabase.USER,
						BenchDatabase.PASSWORD); java.sql.Statement st = c.createStatement()) {
					for (String statement : compareSql.split(";")) {
						st.execute(statement);
					}
				}
			}
			try (BenchApplication app = BenchApplication.start(changed)) {
				Map<String, Object> comparison = new LinkedHashMap<>();
				comparison.put("settings", compare + (compareSql.isBlank() ? "" : "; SQL: " + compareSql));
				comparison.put("readyMillis", app.startMillis);
				comparison.put("taskList", taskListLatencies(new BenchHttp(app.port)));
				try (SqlCounter counter = new SqlCounter()) {
					BenchHttp http = new BenchHttp(app.port);
					String path = ChainDriver.ENGINE + "/filter/" + filterId(http, TasklistFilters.CHAPTER_TASKS)
							+ "/list?firstResult=0&maxResults=15";
					counter.reset();
					http.post(CityGenerator.head(CityGenerator.wardCode(0), 0), path, TASKLIST_BODY, HAL).expect(200);
					comparison.put("taskListPageSql", counter.counts());
					Files.write(output.resolve("sql-task-list-compare.txt"), counter.statements(), StandardCharsets.UTF_8);
				}
				results.put("compare", comparison);
			}
		}
		results.put("startup", startup);
		results.put("taskList", taskList);
		results.put("chains", chains);
		results.put("ratios", ratios(chains));
		results.put("goals", goals(results));

		BenchHttp.JSON.copy()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.writeValue(output.resolve("results.json").toFile(), results);
		String table = BenchReport.table(results);
		Files.writeString(output.resolve("results.txt"), table, StandardCharsets.UTF_8);
		BenchChart.draw(results, output.resolve("results.png"));
		LOG.info("Benchmark results ({}):\n{}", output.toAbsolutePath(), table);
	}

	private List<Map<String, Object>> taskListLatencies(BenchHttp http) {
		int spread = Math.min(20, wards);
		List<Map<String, Object>> rows = new ArrayList<>();
		rows.add(taskListLatency(http, "chapter head", TasklistFilters.CHAPTER_TASKS,
				i -> CityGenerator.head(CityGenerator.wardCode(i % spread), i % CityGenerator.CHAPTERS_PER_WARD)));
		rows.add(taskListLatency(http, "board member", TasklistFilters.CHAPTER_TASKS,
				i -> CityGenerator.board(CityGenerator.wardCode(i % spread), i % 2)));
		rows.add(taskListLatency(http, "board member", TasklistFilters.BOARD_TASKS,
				i -> CityGenerator.board(CityGenerator.wardCode(i % spread), i % 2)));
		rows.add(taskListLatency(http, "council member", TasklistFilters.MY_TASKS,
				i -> CityGenerator.council(CityGenerator.wardCode(i % spread), i % CityGenerator.COUNCIL_SIZE)));
		return rows;
	}

	private Map<String, Object> taskListLatency(BenchHttp http, String persona, String filterName,
			java.util.function.IntFunction<String> user) {
		String filterId = filterId(http, filterName);
		String path = ChainDriver.ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15";
		for (int i = 0; i < warmup; i++) {
			http.post(user.apply(i), path, TASKLIST_BODY, HAL).expect(200);
		}
		List<Long> nanos = new ArrayList<>();
		long rows = 0;
		for (int i = 0; i < requests; i++) {
			BenchHttp.Reply reply = http.post(user.apply(i), path, TASKLIST_BODY, HAL).expect(200);
			nanos.add(reply.nanos());
			if (i < 50) {
				rows += reply.json().path("_embedded").path("task").size();
			}
		}
		Stats stats = Stats.ofNanos(nanos);
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("persona", persona);
		row.put("filter", filterName);
		row.put("request", "POST " + path.replace(filterId, "{id}") + " (Accept: " + HAL + ")");
		row.put("users", Math.min(20, wards) + " of the role, in turn");
		row.put("tasksOnFirstPage", Math.round(rows / (double) Math.min(50, requests) * 10) / 10.0);
		row.put("stats", stats);
		LOG.info("Task list, {} ({}): {}", persona, filterName, stats);
		return row;
	}

	private static String filterId(BenchHttp http, String filterName) {
		JsonNode filters = http.get("admin", ChainDriver.ENGINE + "/filter?firstResult=0&maxResults=15").expect(200).json();
		for (JsonNode f : filters) {
			if (filterName.equals(f.path("name").asText())) {
				return f.path("id").asText();
			}
		}
		throw new IllegalStateException("No filter " + filterName);
	}

	private static Map<String, Object> chainRow(ChainDriver.Round round, long[] mail) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("model", round.model());
		row.put("clients", round.clients());
		row.put("chains", round.chains());
		row.put("millis", round.millis());
		row.put("chainsPerSecond", Math.round(round.chainsPerSecond() * 100) / 100.0);
		row.put("steps", Stats.ofNanos(round.allSteps()));
		Map<String, Stats> perStep = new LinkedHashMap<>();
		round.stepNanos().forEach((k, v) -> perStep.put(k, Stats.ofNanos(v)));
		row.put("perStep", perStep);
		if (mail != null) {
			row.put("mailsDelivered", mail[0]);
			row.put("mailDrainMillis", mail[1]);
		}
		return row;
	}

	/** Waits until the outbox has nothing pending; returns mails received by the SMTP server and the wait. */
	private static long[] drainMail(JdbcTemplate jdbc, GreenMail smtp) throws Exception {
		long start = System.nanoTime();
		long deadline = start + 300_000_000_000L;
		while (jdbc.queryForObject("SELECT COUNT(*) FROM thidua_notification WHERE status = 'PENDING'", Long.class) > 0) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Mail not delivered within 5 minutes");
			}
			Thread.sleep(100);
		}
		long failed = jdbc.queryForObject("SELECT COUNT(*) FROM thidua_notification WHERE status = 'FAILED'", Long.class);
		if (failed > 0) {
			throw new IllegalStateException(failed + " notifications FAILED");
		}
		long received = smtp.getReceivedMessages().length;
		smtp.purgeEmailFromAllMailboxes();
		return new long[] { received, (System.nanoTime() - start) / 1_000_000 };
	}

	private static List<Map<String, Object>> ratios(List<Map<String, Object>> chains) {
		List<Map<String, Object>> ratios = new ArrayList<>();
		for (int i = 0; i + 1 < chains.size(); i += 2) {
			Map<String, Object> floor = chains.get(i);
			Map<String, Object> ours = chains.get(i + 1);
			Map<String, Object> r = new LinkedHashMap<>();
			r.put("clients", ours.get("clients"));
			double cost = (double) floor.get("chainsPerSecond") / (double) ours.get("chainsPerSecond");
			r.put("costOverFloor", Math.round(cost * 100) / 100.0);
			r.put("p95StepRatio",
					Math.round(((Stats) ours.get("steps")).p95() / ((Stats) floor.get("steps")).p95() * 100) / 100.0);
			ratios.add(r);
		}
		return ratios;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> goals(Map<String, Object> results) {
		Map<String, Object> goals = new LinkedHashMap<>();
		Stats head = (Stats) ((List<Map<String, Object>>) results.get("taskList")).get(0).get("stats");
		goals.put("taskListP95ChapterHeadMillis", Map.of("goal", "<= 20", "value", head.p95(), "met", head.p95() <= 20));
		double worst = ((List<Map<String, Object>>) results.get("ratios")).stream()
			.mapToDouble(r -> (double) r.get("costOverFloor"))
			.max()
			.orElse(0);
		goals.put("chainCostOverFloor", Map.of("goal", "<= 1.4", "value", worst, "met", worst <= 1.4));
		Map<String, Object> startup = (Map<String, Object>) results.get("startup");
		long ready = (long) startup.get("readyMillis");
		goals.put("readyMillis", Map.of("goal", "<= 15000", "value", ready, "met", ready <= 15_000));
		long heap = (long) startup.get("heapAfterRunMiB");
		goals.put("heapAfterRunMiB", Map.of("goal", "<= 512", "value", heap, "met", heap <= 512));
		return goals;
	}

	private static List<Integer> parseClients(String value) {
		List<Integer> list = new ArrayList<>();
		for (String s : value.split(",")) {
			if (s.isBlank()) {
				continue;
			}
			list.add(Integer.parseInt(s.trim()));
		}
		return list;
	}

	static String fmt(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static long totalMemoryGiB() {
		if (java.lang.management.ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
		}
		return -1;
	}

}
