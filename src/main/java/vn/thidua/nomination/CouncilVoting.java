package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.VOTE;
import static vn.thidua.nomination.NominationVariables.VOTE_AGREE;
import static vn.thidua.nomination.NominationVariables.VOTE_COMMENT;
import static vn.thidua.nomination.NominationVariables.VOTE_DISAGREE;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.nomination.CouncilVoteRepository.Tally;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.web.Messages;

/**
 * The council's secret ballot (Task_OpenCouncilVote, Task_CouncilVote, Task_TallyVotes,
 * Task_NotifyQuorumMissed), free of the engine. A ballot reaches this class only from its own task
 * ({@link NominationProcess}), goes into {@code thidua_council_vote}, and never becomes a process
 * variable; {@link SecretBallotHistoryPlugin} keeps it out of Camunda's history. Only the tally is
 * returned to the process. Also the bean {@code councilVoting} the multi-instance collection
 * expression calls.
 */
@Service("councilVoting")
public class CouncilVoting {

	private static final Logger LOG = LoggerFactory.getLogger(CouncilVoting.class);

	/** Ratios are compared with this tolerance, so that 0.6667 means two thirds. */
	private static final double TOLERANCE = 0.001;

	/** The longest comment a ballot carries ({@code forms/council-vote.form}, field voteComment). */
	static final int COMMENT_MAX = 2000;

	private final OrganisationDirectory directory;

	private final CouncilVoteRepository votes;

	private final NominationSettings settings;

	private final Notifier notifier;

	private final Clock clock;

	CouncilVoting(OrganisationDirectory directory, CouncilVoteRepository votes, NominationSettings settings,
			Notifier notifier, Clock clock) {
		this.directory = directory;
		this.votes = votes;
		this.settings = settings;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** A round of the vote: its number and how many members may vote in it. */
	record Round(int number, int members) {
	}

	/** The council members of the ward: one Task_CouncilVote per member, assigned to them. */
	public List<String> members(String wardCode) {
		return ward(wardCode).council().members();
	}

	private Ward ward(String wardCode) {
		return directory.ward(wardCode)
			.orElseThrow(() -> new IllegalStateException("Ward '" + wardCode + "' is not in the organisation file"));
	}

	/** Task_OpenCouncilVote: a new round (the first, or a reopened vote after a missed quorum). */
	Round open(String processInstanceId, Integer previousRound, String wardCode) {
		Round round = new Round((previousRound == null ? 0 : previousRound) + 1, members(wardCode).size());
		LOG.info("Council vote round {} opened for nomination {}", round.number(), processInstanceId);
		return round;
	}

	/**
	 * Task_CouncilVote (complete): the ballot of the member the task is assigned to enters the vote
	 * table.
	 *
	 * @param actor who completes the task (null when no person acts), which must be its assignee
	 */
	void cast(String processInstanceId, int round, String assignee, String actor, String vote, String comment) {
		if (!VOTE_AGREE.equals(vote) && !VOTE_DISAGREE.equals(vote)) {
			throw new FormValidationException(VOTE.name(), Messages.get("nomination.vote.required"));
		}
		if (comment != null && comment.length() > COMMENT_MAX) {
			throw new FormValidationException(VOTE_COMMENT.name(),
					Messages.get("nomination.vote.comment.too-long", COMMENT_MAX));
		}
		if (actor != null && !actor.equals(assignee)) {
			throw new FormValidationException(VOTE.name(), Messages.get("nomination.vote.not-yours"));
		}
		votes.save(processInstanceId, round, assignee, vote, comment);
	}

	/**
	 * Task_TallyVotes: counts the round's ballots (after every member voted or at the deadline)
	 * against the quorum and approval ratio of the decision table, or of the settings.
	 */
	Tally tally(String processInstanceId, int round, int members, Double quorumFromTable, Double approvalFromTable) {
		var ballots = votes.votes(processInstanceId, round);
		int agree = (int) ballots.stream().filter(v -> VOTE_AGREE.equals(v.vote())).count();
		Tally tally = count(round, members, agree, ballots.size() - agree, ratio(quorumFromTable, settings.getQuorum()),
				ratio(approvalFromTable, settings.getApprovalRatio()), LocalDateTime.now(clock));
		votes.saveTally(processInstanceId, tally);
		LOG.info("Council vote round {} of nomination {} closed: {} agree, {} disagree, {} not voted of {}", round,
				processInstanceId, tally.agree(), tally.disagree(), tally.abstain(), members);
		return tally;
	}

	/**
	 * The rule of the vote: a quorum of {@code quorum} of all members must have voted, and more than
	 * {@code approval} of all members (not of those present) must agree.
	 */
	static Tally count(int round, int members, int agree, int disagree, double quorum, double approval,
			LocalDateTime closedAt) {
		int voted = agree + disagree;
		boolean quorumReached = members > 0 && voted >= quorum * members - TOLERANCE * members;
		boolean approved = quorumReached && agree > approval * members + 1e-9;
		return new Tally(round, members, agree, disagree, Math.max(0, members - voted), quorumReached, approved,
				closedAt, quorum, approval);
	}

	/** Task_NotifyQuorumMissed: the ward chair and the council chair are told; the vote reopens. */
	void notifyQuorumMissed(NominationCase nomination, int round, int members, int voted) {
		Ward ward = ward(nomination.wardCode());
		Map<String, Object> model = NominationService.model(nomination);
		model.put("round", round);
		model.put("members", members);
		model.put("voted", voted);
		notifier.send("quorum-missed", new Recipients(Set.of(ward.chair(), ward.council().chair()), Set.of()), model);
	}

	private static double ratio(Double fromDecisionTable, double setting) {
		return fromDecisionTable != null && fromDecisionTable > 0 ? fromDecisionTable : setting;
	}

}
