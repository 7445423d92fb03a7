package vn.thidua.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as a plain-text table (log, results.txt, the issue note). */
final class BenchReport {

	private BenchReport() {
	}

	@SuppressWarnings("unchecked")
	static String table(Map<String, Object> r) {
		StringBuilder sb = new StringBuilder();
		Map<String, Object> machine = (Map<String, Object>) r.get("machine");
		Map<String, Object> scale = (Map<String, Object>) r.get("scale");
		Map<String, Object> startup = (Map<String, Object>) r.get("startup");
		Map<String, Object> loading = (Map<String, Object>) r.get("loading");
		sb.append(String.format(Locale.ROOT, "Machine: %s cores, %s GiB RAM, JVM max heap %s MiB, Java %s%n",
				machine.get("cores"), machine.get("memoryGiB"), machine.get("maxHeapMiB"), machine.get("java")));
		sb.append(String.format(Locale.ROOT,
				"Scale: %s wards, %s chapters, %s people, %s groups, %s authorizations, %s open tasks %s, %s finished instances%n",
				scale.get("wards"), scale.get("chapters"), scale.get("people"), scale.get("groups"),
				scale.get("authorizations"), scale.get("openTasks"), scale.get("openTasksByKind"),
				scale.get("finishedInstances")));
		sb.append(String.format(Locale.ROOT, "Loading: history %s ms (bulk copy, read back: %s), register %s ms, open tasks %s ms%s%n",
				loading.get("historyMillis"), loading.get("historyCheckedThroughEngine"), loading.get("registerRowsMillis"),
				loading.get("openTasksMillis"), loading.containsKey("reusedDatabase")
						? " (database of an earlier run reused: " + loading.get("reusedDatabase") + ")" : ""));
		sb.append(String.format(Locale.ROOT,
				"Start-up: cold (empty DB + organisation sync) %s ms; ready after restart %s ms; heap after start %s MiB, after run %s MiB%n%n",
				startup.get("coldStartWithOrganisationSyncMillis"), startup.get("readyMillis"),
				startup.get("heapAfterStartMiB"), startup.get("heapAfterRunMiB")));

		sb.append("Task list, first page of 15 (HTTP, Basic auth, authorization on)\n");
		sb.append(String.format(Locale.ROOT, "%-16s %-24s %-18s %6s %8s %8s %8s %8s %7s %8s%n", "persona", "filter", "via", "n",
				"p50 ms", "p95 ms", "p99 ms", "max ms", "rows", "CPU ms"));
		for (Map<String, Object> row : (List<Map<String, Object>>) r.get("taskList")) {
			sb.append(taskListRow(row));
		}

		sb.append("\nRegister pages: " + r.get("register") + "\n");
		sb.append("Documents: " + r.get("documents") + "\n");
		sb.append("\nChains through REST (start, 2 documents, dossier, board, timer, council session shared by the ward's"
				+ " clients, 5 ballots, sign in the batch; floor: the same steps in bare BPMN), K concurrent clients\n");
		sb.append(String.format(Locale.ROOT, "%-7s %3s %7s %9s %9s %9s %9s %9s %9s %9s %7s%n", "model", "K", "chains",
				"chains/s", "step p50", "step p95", "start p95", "sessn p95", "vote p95", "sign p95", "mails"));
		for (Map<String, Object> row : (List<Map<String, Object>>) r.get("chains")) {
			Stats s = (Stats) row.get("steps");
			Map<String, Stats> per = (Map<String, Stats>) row.get("perStep");
			sb.append(String.format(Locale.ROOT, "%-7s %3s %7s %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %7s%n",
					row.get("model"), row.get("clients"), row.get("chains"), (double) row.get("chainsPerSecond"), s.p50(),
					s.p95(), p95(per, "start"), p95(per, "session"), p95(per, "vote"), p95(per, "sign"),
					row.getOrDefault("mailsDelivered", "-")));
		}
		sb.append("\nCost over the floor (floor chains/s ÷ our chains/s; step p95 ours ÷ floor)\n");
		for (Map<String, Object> ratio : (List<Map<String, Object>>) r.get("ratios")) {
			sb.append(String.format(Locale.ROOT, "K=%s: %.2f× (step p95 %.2f×)%n", ratio.get("clients"),
					(double) ratio.get("costOverFloor"), (double) ratio.get("p95StepRatio")));
		}
		Object sql = r.get("sqlStatements");
		if (sql != null) {
			sb.append("\nSQL statements per operation (engine = Camunda's MyBatis, ours = JdbcTemplate/JdbcClient)\n");
			((Map<String, Object>) sql).forEach((op, counts) -> sb.append(String.format(Locale.ROOT, "%-14s %s%n", op, counts)));
		}
		Map<String, Object> compare = (Map<String, Object>) r.get("compare");
		if (compare != null) {
			sb.append("\nTask list after a restart with other settings (comparison): " + compare.get("settings") + " (ready in "
					+ compare.get("readyMillis") + " ms)\n");
			for (Map<String, Object> row : (List<Map<String, Object>>) compare.get("taskList")) {
				sb.append(taskListRow(row));
			}
			sb.append("SQL of one page: " + compare.get("taskListPageSql") + "\n");
		}
		sb.append("\nGoals\n");
		((Map<String, Object>) r.get("goals")).forEach((name, goal) -> {
			Map<String, Object> g = (Map<String, Object>) goal;
			sb.append(String.format(Locale.ROOT, "%-34s %-8s value %-8s %s%n", name, g.get("goal"), g.get("value"),
					Boolean.TRUE.equals(g.get("met")) ? "met" : "MISSED"));
		});
		return sb.toString();
	}

	/** Each number of {@code last} over the same of {@code first} (maps of numbers: per key). */
	@SuppressWarnings("unchecked")
	static Map<String, Object> ratios(Map<String, Object> first, Map<String, Object> last) {
		Map<String, Object> ratios = new java.util.LinkedHashMap<>();
		first.forEach((key, a) -> {
			Object b = last.get(key);
			if (a instanceof Number x && b instanceof Number y && x.doubleValue() != 0) {
				ratios.put(key, Math.round(y.doubleValue() / x.doubleValue() * 100) / 100.0);
			}
			else if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
				ratios.put(key, ratios((Map<String, Object>) x, (Map<String, Object>) y));
			}
		});
		return ratios;
	}

	/** A task list's row: its latencies, rows on the first page, the server's CPU per page. */
	private static String taskListRow(Map<String, Object> row) {
		Stats s = (Stats) row.get("stats");
		return String.format(Locale.ROOT, "%-16s %-24s %-18s %6d %8.2f %8.2f %8.2f %8.2f %7s %8s%n", row.get("persona"),
				row.get("filter"), row.get("via"), s.count(), s.p50(), s.p95(), s.p99(), s.max(), row.get("tasksOnFirstPage"),
				row.get("serverCpuMsPerPage"));
	}

	/** The figures of every scale side by side, their ratio, and the goals. */
	@SuppressWarnings("unchecked")
	static String sideBySide(Map<String, Object> results) {
		Map<String, Map<String, Object>> figures = (Map<String, Map<String, Object>>) results.get("figures");
		List<String> columns = new java.util.ArrayList<>(figures.keySet());
		StringBuilder sb = new StringBuilder("Figures by scale\n");
		sb.append(String.format(Locale.ROOT, "%-52s", "figure"));
		columns.forEach(c -> sb.append(String.format(Locale.ROOT, "%14s", c)));
		sb.append('\n');
		java.util.Set<String> keys = new java.util.LinkedHashSet<>();
		figures.values().forEach(f -> keys.addAll(f.keySet()));
		for (String key : keys) {
			Map<String, Object> first = figures.get(columns.get(0));
			if (first.get(key) instanceof Map<?, ?> nested) {
				sb.append(key).append('\n');
				for (Object sub : nested.keySet()) {
					sb.append(String.format(Locale.ROOT, "%-52s", cut("  " + sub, 52)));
					for (String c : columns) {
						Object v = figures.get(c).get(key) instanceof Map<?, ?> m ? m.get(sub) : null;
						sb.append(String.format(Locale.ROOT, "%14s", v == null ? "-" : v));
					}
					sb.append('\n');
				}
				continue;
			}
			sb.append(String.format(Locale.ROOT, "%-52s", key));
			for (String c : columns) {
				Object v = figures.get(c).get(key);
				sb.append(String.format(Locale.ROOT, "%14s", v == null ? "-" : v));
			}
			sb.append('\n');
		}
		sb.append("\nGoals of the run\n");
		((Map<String, Object>) results.get("goals")).forEach((name, goal) -> {
			Map<String, Object> g = (Map<String, Object>) goal;
			sb.append(String.format(Locale.ROOT, "%-56s %-10s value %-10s %s%n", name, g.get("goal"), g.get("value"),
					Boolean.TRUE.equals(g.get("met")) ? "met" : "MISSED"));
		});
		return sb.toString();
	}

	private static String cut(String s, int n) {
		return s.length() <= n ? s : s.substring(0, n - 1) + "…";
	}

	private static double p95(Map<String, Stats> per, String step) {
		Stats s = per.get(step);
		return s == null ? 0 : s.p95();
	}

}
