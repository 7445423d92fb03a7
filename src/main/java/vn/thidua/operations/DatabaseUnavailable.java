package vn.thidua.operations;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import vn.thidua.web.Messages;
import vn.thidua.web.Problems;

/**
 * Recognises an error caused by the database being unreachable (stopped, restarting, the pool
 * waited {@code spring.datasource.hikari.connection-timeout} for a connection in vain), and the
 * answer the application gives to it: HTTP 503 with a Vietnamese problem-details body (RFC 9457)
 * and {@code Retry-After}, instead of a 500 with an engine message. Used by the servlet filter of
 * {@link DatabaseOutageConfig} and by the engine REST API's exception mappers.
 */
public final class DatabaseUnavailable {

	public static final int STATUS = 503;

	public static final String RETRY_AFTER_SECONDS = "30";

	/** HikariCP's message (without an SQL state) for a call on a connection it closed after a failure. */
	private static final String HIKARI_CLOSED = "Connection is closed";

	private DatabaseUnavailable() {
	}

	/** Whether the database being unreachable is among the causes of this error. */
	public static boolean causedBy(Throwable error) {
		int depth = 0;
		for (Throwable t = error; t != null && depth < 30; t = t.getCause() == t ? null : t.getCause(), depth++) {
			if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof SQLRecoverableException || t instanceof CannotCreateTransactionException
					|| t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof RecoverableDataAccessException || t instanceof TransactionSystemException) {
				// TransactionSystemException: a commit or rollback failed, which with JDBC is a lost connection
				return true;
			}
			if (t instanceof SQLException sql && (connectionState(sql.getSQLState())
					|| sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage()))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * SQL states of a lost or refused connection: class 08 (connection exception) and PostgreSQL's
	 * 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now (starting up).
	 */
	static boolean connectionState(String state) {
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

	/** The problem: 503, «Tạm thời không truy cập được cơ sở dữ liệu», what was and was not saved. */
	public static ProblemDetail problem() {
		ProblemDetail problem = Problems.of(STATUS, null, Messages.get("operations.database-unavailable.detail"));
		problem.setTitle(Messages.get("operations.database-unavailable.title"));
		return problem;
	}

}
