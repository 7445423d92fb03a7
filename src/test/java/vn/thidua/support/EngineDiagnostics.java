package vn.thidua.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.awaitility.core.ConditionTimeoutException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the engine and the decision batches hold when an asynchronous step did not arrive in time:
 * incidents, jobs that failed (with their exception), every failed try the job log remembers (also
 * those a retry got over), where each given process instance stands, and the batch tables. A test
 * puts it into its failure message, so that the reader of a CI log sees why, not only that.
 */
public final class EngineDiagnostics {

	private final ProcessEngine engine;

	private final JdbcClient jdbc;

	public EngineDiagnostics(ProcessEngine engine, DataSource dataSource) {
		this.engine = engine;
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * Runs an Awaitility wait; when it times out, fails with its message followed by the report on
	 * the given process instances (named for the reader, e.g. {@code "SECOND" -> pid}).
	 */
	public void onTimeout(Map<String, String> instances, Runnable await) {
		try {
			await.run();
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError(ex.getMessage() + "\n" + report(instances), ex);
		}
	}

	/** The report, as text. */
	public String report(Map<String, String> instances) {
		StringBuilder out = new StringBuilder("---- engine diagnostics ----\n");
		section(out, "where each instance stands", () -> instances.entrySet().stream().map(e -> e.getKey() + " "
				+ e.getValue() + ": " + activities(e.getValue())).collect(Collectors.joining("\n")));
		section(out, "incidents", () -> engine.getRuntimeService()
			.createIncidentQuery()
			.list()
			.stream()
			.map(EngineDiagnostics::incident)
			.collect(Collectors.joining("\n")));
		section(out, "jobs", () -> engine.getManagementService()
			.createJobQuery()
			.list()
			.stream()
			.map(this::job)
			.collect(Collectors.joining("\n")));
		section(out, "failed tries in the job log", () -> engine.getHistoryService()
			.createHistoricJobLogQuery()
			.failureLog()
			.orderByTimestamp()
			.asc()
			.list()
			.stream()
			.map(EngineDiagnostics::failure)
			.collect(Collectors.joining("\n")));
		section(out, "thidua_decision_batch", () -> rows("SELECT * FROM thidua_decision_batch ORDER BY id"));
		section(out, "thidua_decision_item", () -> rows("SELECT * FROM thidua_decision_item ORDER BY id"));
		section(out, "thidua_award", () -> rows(
				"SELECT id, process_instance_id, nominee_name, status, decision_number, recorded_at FROM thidua_award ORDER BY id"));
		return out.toString();
	}

	private String activities(String processInstanceId) {
		if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
			return "ended";
		}
		return String.join(", ", engine.getRuntimeService().getActiveActivityIds(processInstanceId));
	}

	private static String incident(Incident i) {
		return i.getIncidentType() + " at " + i.getActivityId() + " of " + i.getProcessInstanceId() + ": "
				+ i.getIncidentMessage();
	}

	private String job(Job j) {
		String line = "job " + j.getId() + " of " + j.getProcessInstanceId() + " retries " + j.getRetries() + " due "
				+ j.getDuedate();
		if (j.getExceptionMessage() == null) {
			return line;
		}
		String trace = engine.getManagementService().getJobExceptionStacktrace(j.getId());
		return line + ": " + j.getExceptionMessage() + "\n" + firstLines(trace, 12);
	}

	private static String failure(HistoricJobLog log) {
		return log.getTimestamp() + " " + log.getJobDefinitionConfiguration() + " " + log.getActivityId() + " of "
				+ log.getProcessInstanceId() + " (retries were " + log.getJobRetries() + "): " + log.getJobExceptionMessage();
	}

	private String rows(String sql) {
		List<Map<String, Object>> rows = jdbc.sql(sql).query().listOfRows();
		return rows.stream().map(Object::toString).collect(Collectors.joining("\n"));
	}

	private static void section(StringBuilder out, String title, Callable<String> body) {
		out.append("-- ").append(title).append(":\n");
		try {
			String text = body.call();
			out.append(text.isEmpty() ? "(none)" : text).append('\n');
		}
		catch (Exception ex) {
			out.append("(could not read: ").append(ex).append(")\n");
		}
	}

	private static String firstLines(String text, int lines) {
		if (text == null) {
			return "";
		}
		return text.lines().limit(lines).map(l -> "    " + l).collect(Collectors.joining("\n"));
	}

}
