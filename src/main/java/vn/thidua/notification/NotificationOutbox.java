package vn.thidua.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;

/**
 * The {@code thidua_notification} table. Writes go through the engine's DataSource: inside an engine
 * command or a Spring transaction they join it, so a notification exists exactly when the event
 * that caused it was committed. Times are stored as UTC.
 */
@Repository
class NotificationOutbox {

	static final String PENDING = "PENDING";

	static final String SENDING = "SENDING";

	static final String SENT = "SENT";

	static final String RECORDED = "RECORDED";

	static final String FAILED = "FAILED";

	static final String CANCELLED = "CANCELLED";

	private static final String COLUMNS = "id, dedupe_key, kind, template, status, recipient_id, to_address, to_name, "
			+ "subject, body_text, body_html, task_id, process_instance_id, attempts, next_attempt_at, lease_owner, "
			+ "lease_until, last_error, created_at, sent_at";

	private static final String SUMMARY_COLUMNS = "id, dedupe_key, kind, template, status, recipient_id, to_address, "
			+ "to_name, subject, '' AS body_text, '' AS body_html, task_id, process_instance_id, attempts, "
			+ "next_attempt_at, lease_owner, lease_until, last_error, created_at, sent_at";

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final boolean postgres;

	NotificationOutbox(DataSource dataSource, @Qualifier(NotificationConfig.WALL_CLOCK) Clock notificationClock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.clock = notificationClock;
		this.postgres = isPostgres(dataSource);
	}

	/** A rendered mail to one recipient, ready to queue. */
	record NewNotification(String dedupeKey, String kind, String template, String recipientId, String toAddress,
			String toName, String subject, String bodyText, String bodyHtml, String taskId, String processInstanceId) {
	}

	/** A stored row. The summary listing leaves the bodies empty. */
	record Notification(long id, String dedupeKey, String kind, String template, String status, String recipientId,
			String toAddress, String toName, String subject, String bodyText, String bodyHtml, String taskId,
			String processInstanceId, int attempts, Instant nextAttemptAt, String leaseOwner, Instant leaseUntil,
			String lastError, Instant createdAt, Instant sentAt) {
	}

	private static final String INSERT = "INSERT INTO thidua_notification (dedupe_key, kind, template, status, "
			+ "recipient_id, to_address, to_name, subject, body_text, body_html, task_id, process_instance_id, attempts, "
			+ "next_attempt_at, created_at) VALUES (?, ?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";

	/**
	 * Inserts the row unless one with the same dedupe key exists (then nothing happens, also when
	 * another node inserts it at the same moment).
	 * @return whether a row was inserted
	 */
	boolean insertIfAbsent(NewNotification n) {
		return insertAllIfAbsent(List.of(n)) == 1;
	}

	/**
	 * {@link #insertIfAbsent} for the recipients of one event; on PostgreSQL as one JDBC batch (one
	 * round trip instead of one per recipient, inside the engine's transaction).
	 * @return number of rows inserted
	 */
	int insertAllIfAbsent(List<NewNotification> notifications) {
		Timestamp now = utc(clock.instant());
		List<Object[]> rows = notifications.stream().map(n -> new Object[] { n.dedupeKey(), n.kind(), n.template(),
				n.recipientId(), n.toAddress(), n.toName(), n.subject(), n.bodyText(), n.bodyHtml(), n.taskId(),
				n.processInstanceId(), now, now }).toList();
		if (postgres) {
			// a failed statement would abort the caller's whole PostgreSQL transaction: never fail
			return (int) Arrays.stream(jdbc.batchUpdate(INSERT + " ON CONFLICT (dedupe_key) DO NOTHING", rows))
				.filter(count -> count == 1)
				.count();
		}
		int inserted = 0;
		for (Object[] row : rows) {
			try {
				inserted += jdbc.update(INSERT, row);
			}
			catch (DuplicateKeyException ex) {
				// another node or an earlier event queued it
			}
		}
		return inserted;
	}

	/** Dedupe keys already used for a task, among those starting with {@code prefix} (uses the task_id index). */
	Set<String> existingKeys(String taskId, String prefix) {
		return new HashSet<>(jdbc.queryForList(
				"SELECT dedupe_key FROM thidua_notification WHERE task_id = ? AND dedupe_key LIKE ?", String.class,
				taskId, escapeLike(prefix) + "%"));
	}

	/** Deletes finished rows (SENT, RECORDED, CANCELLED) created before {@code before}; FAILED rows stay. */
	int deleteFinishedBefore(Instant before) {
		return jdbc.update("DELETE FROM thidua_notification WHERE status IN ('SENT', 'RECORDED', 'CANCELLED') "
				+ "AND created_at < ?", utc(before));
	}

	/**
	 * Claims up to {@code limit} due rows for {@code owner} with one conditional UPDATE: a row that
	 * another node claimed first no longer matches {@code status = 'PENDING'} and is skipped. The
	 * statement commits on its own (no surrounding transaction), so the claim is visible at once.
	 */
	List<Notification> claim(String owner, int limit, Instant leaseUntil) {
		Timestamp now = utc(clock.instant());
		// PostgreSQL: nodes skip each other's locked rows instead of waiting (no lock waits, no deadlocks)
		String lock = postgres ? " FOR UPDATE SKIP LOCKED" : "";
		jdbc.update("UPDATE thidua_notification SET status = 'SENDING', lease_owner = ?, lease_until = ?, "
				+ "attempts = attempts + 1 WHERE status = 'PENDING' AND next_attempt_at <= ? AND id IN ("
				+ "SELECT id FROM thidua_notification WHERE status = 'PENDING' AND next_attempt_at <= ? "
				+ "ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY" + lock + ")", owner,
				utc(leaseUntil), now, now);
		return jdbc.query("SELECT " + COLUMNS + " FROM thidua_notification WHERE status = 'SENDING' AND lease_owner = ? "
				+ "ORDER BY id", MAPPER, owner);
	}

	/** Marks claimed rows delivered (SENT) or recorded without SMTP (RECORDED), in one statement. */
	int completeAll(List<Long> ids, String owner, String status) {
		if (ids.isEmpty()) {
			return 0;
		}
		String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
		List<Object> args = new ArrayList<>(List.of(status, utc(clock.instant()), owner));
		args.addAll(ids);
		return jdbc.update("UPDATE thidua_notification SET status = ?, sent_at = ?, lease_owner = NULL, "
				+ "lease_until = NULL, last_error = NULL WHERE status = 'SENDING' AND lease_owner = ? AND id IN ("
				+ placeholders + ")", args.toArray());
	}

	/** After a failed try: back to PENDING at {@code nextAttemptAt}, or FAILED when none is left. */
	boolean fail(long id, String owner, String error, Instant nextAttemptAt, boolean last) {
		return jdbc.update("UPDATE thidua_notification SET status = ?, next_attempt_at = ?, last_error = ?, "
				+ "lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'SENDING' AND lease_owner = ?",
				last ? FAILED : PENDING, utc(nextAttemptAt), truncate(error, 2000), id, owner) == 1;
	}

	/** Rows whose claiming node stopped before finishing go back to PENDING. */
	int releaseExpiredLeases() {
		return jdbc.update("UPDATE thidua_notification SET status = 'PENDING', lease_owner = NULL, lease_until = NULL "
				+ "WHERE status = 'SENDING' AND lease_until < ?", utc(clock.instant()));
	}

	/** An admin's retry of a FAILED row: a fresh set of tries, starting now. */
	boolean retry(long id) {
		return jdbc.update("UPDATE thidua_notification SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
				+ "WHERE id = ? AND status = 'FAILED'", utc(clock.instant()), id) == 1;
	}

	/** Reminders and escalations of a task that was completed or deleted are no longer true. */
	int cancelPendingDeadlineMail(String taskId) {
		return jdbc.update("UPDATE thidua_notification SET status = 'CANCELLED' WHERE task_id = ? AND status = 'PENDING' "
				+ "AND kind IN ('REMIND', 'ESCALATE')", taskId);
	}

	/** Newest first, without bodies; {@code status} null for all. */
	List<Notification> list(String status, int limit) {
		String where = status == null ? "" : " WHERE status = ?";
		Object[] args = status == null ? new Object[0] : new Object[] { status };
		return jdbc.query("SELECT " + SUMMARY_COLUMNS + " FROM thidua_notification" + where
				+ " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", MAPPER, args);
	}

	private static final RowMapper<Notification> MAPPER = NotificationOutbox::map;

	private static Notification map(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getLong("id"), rs.getString("dedupe_key"), rs.getString("kind"),
				rs.getString("template"), rs.getString("status"), rs.getString("recipient_id"),
				rs.getString("to_address"), rs.getString("to_name"), rs.getString("subject"), rs.getString("body_text"),
				rs.getString("body_html"), rs.getString("task_id"), rs.getString("process_instance_id"),
				rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("lease_owner"),
				instant(rs.getTimestamp("lease_until")), rs.getString("last_error"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("sent_at")));
	}

	/** UTC wall time as a TIMESTAMP, whatever the JVM's time zone. */
	private static Timestamp utc(Instant instant) {
		return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	private static String escapeLike(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource,
					metaData -> metaData.getDatabaseProductName());
			return product != null && product.toLowerCase().contains("postgres");
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot read the database product name", ex);
		}
	}

}
