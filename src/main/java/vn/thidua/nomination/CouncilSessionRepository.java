package vn.thidua.nomination;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Council sessions ({@code thidua_council_session}) and the candidates on each session's ballot
 * sheet ({@code thidua_council_candidate}). The ballots themselves are in {@link CouncilVoteRepository}.
 */
@Repository
class CouncilSessionRepository {

	private final JdbcClient jdbc;

	CouncilSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Session(long id, String processInstanceId, String wardCode, int members, String openedBy,
			LocalDateTime openedAt, LocalDateTime closedAt) {

		boolean open() {
			return closedAt == null;
		}
	}

	/** A nomination on a session's ballot sheet, at its place, in its own round. */
	record Candidate(long sessionId, int position, String processInstanceId, int round, String outcome) {
	}

	/**
	 * Opens a session; the unique open key refuses a second open session of the same ward.
	 *
	 * @throws org.springframework.dao.DuplicateKeyException when the ward has an open session
	 */
	long open(String processInstanceId, String wardCode, int members, String openedBy, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO thidua_council_session (process_instance_id, ward_code, members, opened_by, opened_at, open_key)
				VALUES (:pid, :ward, :members, :openedBy, :now, :ward)""")
			.param("pid", processInstanceId)
			.param("ward", wardCode)
			.param("members", members)
			.param("openedBy", openedBy)
			.param("now", Timestamp.valueOf(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void addCandidate(long sessionId, int position, String processInstanceId, int round) {
		jdbc.sql("""
				INSERT INTO thidua_council_candidate (session_id, position, process_instance_id, vote_round)
				VALUES (:session, :position, :pid, :round)""")
			.param("session", sessionId)
			.param("position", position)
			.param("pid", processInstanceId)
			.param("round", round)
			.update();
	}

	void close(long sessionId, LocalDateTime now) {
		jdbc.sql("UPDATE thidua_council_session SET closed_at = :now, open_key = NULL WHERE id = :id")
			.param("now", Timestamp.valueOf(now))
			.param("id", sessionId)
			.update();
	}

	void setOutcome(long sessionId, String processInstanceId, String outcome) {
		jdbc.sql("UPDATE thidua_council_candidate SET outcome = :outcome WHERE session_id = :session "
				+ "AND process_instance_id = :pid")
			.param("outcome", outcome)
			.param("session", sessionId)
			.param("pid", processInstanceId)
			.update();
	}

	Optional<Session> session(long id) {
		return jdbc.sql("SELECT * FROM thidua_council_session WHERE id = :id")
			.param("id", id)
			.query(CouncilSessionRepository::session)
			.optional();
	}

	List<Candidate> candidates(long sessionId) {
		return jdbc.sql("SELECT * FROM thidua_council_candidate WHERE session_id = :session ORDER BY position")
			.param("session", sessionId)
			.query((rs, n) -> new Candidate(rs.getLong("session_id"), rs.getInt("position"),
					rs.getString("process_instance_id"), rs.getInt("vote_round"), rs.getString("outcome")))
			.list();
	}

	/** The number of rounds a nomination has been counted in so far (0 before its first session). */
	int roundsOf(String processInstanceId) {
		return Math.max(maxRound("thidua_council_round", processInstanceId),
				maxRound("thidua_council_candidate", processInstanceId));
	}

	private int maxRound(String table, String processInstanceId) {
		Integer rounds = jdbc.sql("SELECT MAX(vote_round) FROM " + table + " WHERE process_instance_id = :pid")
			.param("pid", processInstanceId)
			.query(Integer.class)
			.optional()
			.orElse(null);
		return rounds == null ? 0 : rounds;
	}

	private static Session session(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Session(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("ward_code"),
				rs.getInt("members"), rs.getString("opened_by"), rs.getTimestamp("opened_at").toLocalDateTime(),
				closed == null ? null : closed.toLocalDateTime());
	}

}
