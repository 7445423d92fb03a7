package vn.thidua.nomination;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The secret ballot's storage ({@code thidua_council_vote}, {@code thidua_council_round}): the only
 * place an individual vote is kept; Camunda's variables and history never hold one.
 */
@Repository
class CouncilVoteRepository {

	private final JdbcClient jdbc;

	CouncilVoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One member's ballot on one nomination in one round.
	 *
	 * @param written a written opinion of an absent member, entered for her by {@code enteredBy}
	 */
	record Vote(int round, String voter, String vote, String comment, LocalDateTime votedAt, boolean written,
			String enteredBy) {
	}

	/**
	 * A closed round and the rule it was counted with (printed in the vote minutes). The parts of the
	 * rule are null for rounds closed before they were recorded.
	 *
	 * @param present the members who voted in person
	 * @param written the written opinions of absent members (counted or not, as the rule says)
	 */
	record Tally(int round, int members, int agree, int disagree, int abstain, boolean quorumReached,
			boolean approved, LocalDateTime closedAt, Double quorumRatio, Double approvalRatio, Integer present,
			Integer written, String approvalBase, Boolean approvalAtLeast, Boolean writtenCounted,
			Boolean secretBallot) {
	}

	void save(String processInstanceId, int round, String voter, String vote, String comment) {
		save(processInstanceId, round, null, voter, vote, comment, false, null);
	}

	void save(String processInstanceId, int round, Long sessionId, String voter, String vote, String comment,
			boolean written, String enteredBy) {
		jdbc.sql("""
				INSERT INTO thidua_council_vote (process_instance_id, vote_round, voter, vote, vote_comment, voted_at,
				  session_id, written, entered_by)
				VALUES (:pid, :round, :voter, :vote, :comment, :now, :session, :written, :enteredBy)""")
			.param("pid", processInstanceId)
			.param("round", round)
			.param("voter", voter)
			.param("vote", vote)
			.param("comment", comment)
			.param("now", Timestamp.valueOf(LocalDateTime.now()))
			.param("session", sessionId)
			.param("written", written)
			.param("enteredBy", enteredBy)
			.update();
	}

	List<Vote> votes(String processInstanceId, int round) {
		return jdbc.sql("SELECT * FROM thidua_council_vote WHERE process_instance_id = :pid AND vote_round = :round "
				+ "ORDER BY id")
			.param("pid", processInstanceId)
			.param("round", round)
			.query(CouncilVoteRepository::vote)
			.list();
	}

	/**
	 * The ballots of a nomination cast in the sessions of one unit's council (and the per-nomination
	 * votes of earlier versions, which were the ward's): a ward's council chair never reads the
	 * city council's ballots on the same nomination, nor the other way round.
	 */
	List<Vote> votesOfUnit(String processInstanceId, String unitCode, boolean withEarlierVersions) {
		return jdbc.sql("""
				SELECT v.* FROM thidua_council_vote v LEFT JOIN thidua_council_session s ON s.id = v.session_id
				WHERE v.process_instance_id = :pid AND (s.ward_code = :unit OR (v.session_id IS NULL AND :ward))
				ORDER BY v.vote_round, v.id""")
			.param("pid", processInstanceId)
			.param("unit", unitCode)
			.param("ward", withEarlierVersions)
			.query(CouncilVoteRepository::vote)
			.list();
	}

	List<Vote> allVotes(String processInstanceId) {
		return jdbc.sql("SELECT * FROM thidua_council_vote WHERE process_instance_id = :pid ORDER BY vote_round, id")
			.param("pid", processInstanceId)
			.query(CouncilVoteRepository::vote)
			.list();
	}

	void saveTally(String processInstanceId, Tally t) {
		saveTally(processInstanceId, t, null);
	}

	void saveTally(String processInstanceId, Tally t, Long sessionId) {
		jdbc.sql("""
				INSERT INTO thidua_council_round (process_instance_id, vote_round, members, agree, disagree, abstain,
				  quorum_reached, approved, closed_at, quorum_ratio, approval_ratio, present, written, approval_base,
				  approval_at_least, written_counted, secret_ballot, session_id)
				VALUES (:pid, :round, :members, :agree, :disagree, :abstain, :quorum, :approved, :closed, :quorumRatio,
				  :approvalRatio, :present, :written, :base, :atLeast, :writtenCounted, :secret, :session)""")
			.param("pid", processInstanceId)
			.param("round", t.round())
			.param("members", t.members())
			.param("agree", t.agree())
			.param("disagree", t.disagree())
			.param("abstain", t.abstain())
			.param("quorum", t.quorumReached())
			.param("approved", t.approved())
			.param("closed", Timestamp.valueOf(t.closedAt()))
			.param("quorumRatio", t.quorumRatio())
			.param("approvalRatio", t.approvalRatio())
			.param("present", t.present())
			.param("written", t.written())
			.param("base", t.approvalBase())
			.param("atLeast", t.approvalAtLeast())
			.param("writtenCounted", t.writtenCounted())
			.param("secret", t.secretBallot())
			.param("session", sessionId)
			.update();
	}

	/** The tally of the last closed round: the one that decided the nomination. */
	Optional<Tally> lastTally(String processInstanceId) {
		List<Tally> all = tallies(processInstanceId);
		return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
	}

	List<Tally> tallies(String processInstanceId) {
		return jdbc.sql("SELECT * FROM thidua_council_round WHERE process_instance_id = :pid ORDER BY vote_round")
			.param("pid", processInstanceId)
			.query((rs, n) -> new Tally(rs.getInt("vote_round"), rs.getInt("members"), rs.getInt("agree"),
					rs.getInt("disagree"), rs.getInt("abstain"), rs.getBoolean("quorum_reached"),
					rs.getBoolean("approved"), rs.getTimestamp("closed_at").toLocalDateTime(),
					rs.getObject("quorum_ratio", Double.class), rs.getObject("approval_ratio", Double.class),
					rs.getObject("present", Integer.class), rs.getObject("written", Integer.class),
					rs.getString("approval_base"), rs.getObject("approval_at_least", Boolean.class),
					rs.getObject("written_counted", Boolean.class), rs.getObject("secret_ballot", Boolean.class)))
			.list();
	}

	private static Vote vote(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Vote(rs.getInt("vote_round"), rs.getString("voter"), rs.getString("vote"),
				rs.getString("vote_comment"), rs.getTimestamp("voted_at").toLocalDateTime(), rs.getBoolean("written"),
				rs.getString("entered_by"));
	}

	/** A round a member voted in: the nomination and the round, never the ballot. */
	record VotedRound(String processInstanceId, int round) {
	}

	List<VotedRound> roundsVotedBy(String voter) {
		return jdbc.sql("SELECT process_instance_id, vote_round FROM thidua_council_vote WHERE voter = :voter "
				+ "ORDER BY voted_at DESC, id DESC")
			.param("voter", voter)
			.query((rs, n) -> new VotedRound(rs.getString(1), rs.getInt(2)))
			.list();
	}

}
