package vn.thidua.nomination;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.security.Actor;

/**
 * What other features may read of a nomination's council rounds (the vote minutes of
 * {@code vn.thidua.document}): the nomination, each closed round's tally and rule, and who cast a
 * ballot in it. Never how anyone voted: the ballots stay in {@link CouncilVoteRepository}.
 */
@Service
public class CouncilRecords {

	private final JdbcClient jdbc;

	private final CouncilVoteRepository votes;

	private final OrganisationDirectory directory;

	private final Actor actor;

	CouncilRecords(JdbcClient jdbc, CouncilVoteRepository votes, OrganisationDirectory directory,
			Actor actor) {
		this.jdbc = jdbc;
		this.votes = votes;
		this.directory = directory;
		this.actor = actor;
	}

	/** The nomination a round belongs to. */
	public record NominationSummary(String processInstanceId, String wardCode, String chapterGroup,
			String nomineeType, String nomineeName, String awardCode, int periodYear) {
	}

	/**
	 * A closed council round.
	 *
	 * @param quorumRatio the share of all members who had to vote (null when not recorded)
	 * @param approvalRatio the share of all members "agree" had to exceed (null when not recorded)
	 * @param voters the members who cast a ballot, in the order they voted
	 */
	public record Round(int round, int members, int agree, int disagree, int abstain, boolean quorumReached,
			boolean approved, LocalDateTime closedAt, Double quorumRatio, Double approvalRatio, List<String> voters) {
	}

	public Optional<NominationSummary> nomination(String processInstanceId) {
		return jdbc.sql("SELECT * FROM thidua_nomination WHERE process_instance_id = :pid")
			.param("pid", processInstanceId)
			.query((rs, n) -> new NominationSummary(rs.getString("process_instance_id"), rs.getString("ward_code"),
					rs.getString("chapter_group"), rs.getString("nominee_type"), rs.getString("nominee_name"),
					rs.getString("award_code"), rs.getInt("period_year")))
			.optional();
	}

	/** The closed rounds, first to last. */
	public List<Round> rounds(String processInstanceId) {
		return votes.tallies(processInstanceId).stream().map(t -> round(processInstanceId, t)).toList();
	}

	public Optional<Round> round(String processInstanceId, int round) {
		return votes.tallies(processInstanceId)
			.stream()
			.filter(t -> t.round() == round)
			.findFirst()
			.map(t -> round(processInstanceId, t));
	}

	private Round round(String processInstanceId, CouncilVoteRepository.Tally t) {
		List<String> voters = votes.votes(processInstanceId, t.round())
			.stream()
			.map(CouncilVoteRepository.Vote::voter)
			.toList();
		return new Round(t.round(), t.members(), t.agree(), t.disagree(), t.abstain(), t.quorumReached(),
				t.approved(), t.closedAt(), t.quorumRatio(), t.approvalRatio(), voters);
	}

	/**
	 * Whether the caller may read the tallies of this nomination: the same people as
	 * {@code GET /api/nominations/{id}/votes} shows them to (the ward's council, board and chair, and
	 * the nominating chapter).
	 */
	public boolean mayReadTallies(NominationSummary nomination) {
		Optional<Ward> ward = directory.ward(nomination.wardCode());
		if (ward.isEmpty()) {
			return false;
		}
		String wardCode = ward.get().code();
		return actor.id().equals(ward.get().council().chair())
				|| actor.inGroup(GroupIds.council(wardCode)) || actor.inGroup(GroupIds.board(wardCode))
				|| actor.inGroup(GroupIds.chair(wardCode)) || actor.inGroup(nomination.chapterGroup());
	}

}
