package vn.thidua.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Counts the SQL statements the application sends while it is open: the engine's MyBatis statements
 * (logged at DEBUG by {@code org.camunda.bpm.engine.impl.persistence.entity}) and our own
 * JdbcTemplate/JdbcClient statements ({@code org.springframework.jdbc.core.JdbcTemplate}), without
 * printing them. Also keeps the statements themselves, for EXPLAIN.
 */
final class SqlCounter extends AppenderBase<ILoggingEvent> implements AutoCloseable {

	private static final String[] LOGGERS = { "org.camunda.bpm.engine.impl.persistence.entity",
			"org.springframework.jdbc.core.JdbcTemplate" };

	private final List<String> statements = Collections.synchronizedList(new ArrayList<>());

	private final List<Level> previous = new ArrayList<>();

	SqlCounter() {
		setName("bench-sql-counter");
		start();
		for (String name : LOGGERS) {
			Logger logger = (Logger) LoggerFactory.getLogger(name);
			previous.add(logger.getLevel());
			logger.setLevel(Level.DEBUG);
			logger.setAdditive(false);
			logger.addAppender(this);
		}
	}

	@Override
	protected void append(ILoggingEvent event) {
		String message = event.getFormattedMessage();
		// requests run on Tomcat's threads; the mail dispatcher and the job executor in the background
		String where = event.getThreadName().startsWith("http-nio") ? "" : "background ";
		if (message.startsWith("==>  Preparing:")) {
			statements.add(where + "engine: " + message.substring("==>  Preparing:".length()).trim());
		}
		else if (message.startsWith("==> Parameters:")) {
			statements.add("  params: " + message.substring("==> Parameters:".length()).trim());
		}
		else if (message.startsWith("Executing")) {
			statements.add(where + "ours: " + message);
		}
	}

	void reset() {
		statements.clear();
	}

	List<String> statements() {
		synchronized (statements) {
			return List.copyOf(statements);
		}
	}

	/** Statements by kind (engine/ours) and first word (SELECT, INSERT, UPDATE, DELETE). */
	Map<String, Integer> counts() {
		Map<String, Integer> counts = new TreeMap<>();
		for (String s : statements()) {
			if (s.startsWith("  params:")) {
				continue;
			}
			boolean background = s.startsWith("background ");
			String line = background ? s.substring("background ".length()) : s;
			String kind = (background ? "background " : "") + (line.startsWith("engine:") ? "engine" : "ours");
			String sql = line.startsWith("engine:") ? line.substring(8)
					: line.indexOf('[') >= 0 ? line.substring(line.indexOf('[') + 1) : "";
			String verb = sql.isBlank() ? "(batch/keys)" : sql.trim().split("\\s+")[0].toUpperCase();
			if (verb.equals("(batch/keys)")) {
				continue; // JdbcTemplate logs these after the statement it already logged
			}
			counts.merge(kind + " " + verb, 1, Integer::sum);
			counts.merge(background ? "total background" : "total requests", 1, Integer::sum);
		}
		return counts;
	}

	@Override
	public void close() {
		for (int i = 0; i < LOGGERS.length; i++) {
			Logger logger = (Logger) LoggerFactory.getLogger(LOGGERS[i]);
			logger.detachAppender(this);
			logger.setLevel(previous.get(i));
			logger.setAdditive(true);
		}
		stop();
	}

}
