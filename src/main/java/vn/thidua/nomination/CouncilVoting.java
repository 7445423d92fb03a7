package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.VOTE;
import static vn.thidua.nomination.NominationVariables.VOTE_AGREE;
import static vn.thidua.nomination.NominationVariables.VOTE_COMMENT;
import static vn.thidua.nomination.NominationVariables.VOTE_DISAGREE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.CouncilRule;
import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.nomination.CouncilSessionRepository.Candidate;
import vn.thidua.nomination.CouncilSessionRepository.Session;
import vn.thidua.nomination.CouncilVoteRepository.Tally;
import vn.thidua.nomination.CouncilVoteRepository.Vote;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.web.Messages;

/**
 * The council's vote, free of the engine. A council session ({@code bpmn/CouncilSession.bpmn},
 * {@link CouncilSessionProcess}) puts every nomination whose disclosure has ended on one ballot sheet;
 * each member fills in one ballot (agree or disagree per candidate); the secretary (the council's
 * chair) enters the written opinions of absent members; at the end each candidate is counted by the
 * rule of its award ({@link CouncilRule}, the catalogue). A ballot reaches this class only from its
 * own task, goes into {@code thidua_council_vote}, and never becomes a process variable;
 * {@link SecretBallotHistoryPlugin} keeps it out of Camunda's history. Only tallies leave.
 * <p>
 * The per-nomination vote of the versions deployed before the season redesign ({@link #open},
 * {@link #cast}, {@link #tally}, {@link #notifyQuorumMissed}) stays for their running instances.
 * Also the bean {@code councilVoting} the multi-instance collection expression of those versions calls.
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

	private final CouncilSessionRepository sessions;

	private final NominationRepository nominations;

	private final AwardCatalogue catalogue;

	private final CityReviews cityReviews;

	CouncilVoting(OrganisationDirectory directory, CouncilVoteRepository votes, NominationSettings settings,
			Notifier notifier, Clock clock, CouncilSessionRepository sessions, NominationRepository nominations,
			AwardCatalogue catalogue, CityReviews cityReviews) {
		this.cityReviews = cityReviews;
		this.directory = directory;
		this.votes = votes;
		this.settings = settings;
		this.notifier = notifier;
		this.clock = clock;
		this.sessions = sessions;
		this.nominations = nominations;
		this.catalogue = catalogue;
	}

	/** The longest a session may stay open for ballots. */
	static final int SESSION_DAYS_MAX = 30;

	/** What the process needs of an opened session: its id, the members who get a ballot, its deadline. */
	record OpenedSession(long id, List<String> members, String councilChair, LocalDateTime deadline, String wardName,
			int candidates) {
	}

	/** A candidate's result: QUORUM_MISSED, REJECTED or APPROVED, with the tally. */
	record Result(String processInstanceId, String outcome, Tally tally) {
	}

	static final String APPROVED = "APPROVED";

	static final String REJECTED = "REJECTED";

	static final String QUORUM_MISSED = "QUORUM_MISSED";

	/**
	 * The unit (a ward, or the city) whose council the person chairs (or whose union she chairs):
	 * where she may open a session.
	 */
	Optional<String> wardChairedBy(String login) {
		return directory.units()
			.stream()
			.filter(w -> login != null && (login.equals(w.council().chair()) || login.equals(w.chair())))
			.map(Ward::code)
			.findFirst();
	}

	/** Whether the person may enter the written opinions of a session's absent members: its council's chair. */
	boolean mayEnterWrittenOpinions(long sessionId, String login) {
		return sessions.session(sessionId)
			.map(s -> login != null && login.equals(ward(s.wardCode()).council().chair()))
			.orElse(false);
	}

	/**
	 * StartEvent_SessionOpened: the council's chair (or the ward's chair) opens a session with every
	 * nomination of the ward that waits for the council; one open session per ward.
	 *
	 * @param waiting the nominations waiting at the council (the engine's answer, not a submission)
	 * @param deadline the last day of the vote, today or within {@value #SESSION_DAYS_MAX} days (null:
	 *        {@code thidua.council.session-period} from today)
	 */
	OpenedSession openSession(String processInstanceId, String wardCode, String openedBy, List<String> waiting,
			LocalDate deadline) {
		Ward ward = ward(wardCode);
		if (openedBy == null || !(openedBy.equals(ward.council().chair()) || openedBy.equals(ward.chair()))) {
			throw new FormValidationException(CouncilSessionVariables.SESSION_DEADLINE.name(),
					Messages.get("council.session.not-chair"));
		}
		LocalDate today = LocalDate.now(clock);
		if (deadline == null) {
			deadline = today.plus(settings.sessionPeriod());
		}
		if (deadline.isBefore(today) || deadline.isAfter(today.plusDays(SESSION_DAYS_MAX))) {
			throw new FormValidationException(CouncilSessionVariables.SESSION_DEADLINE.name(),
					Messages.get("council.session.deadline", String.valueOf(SESSION_DAYS_MAX)));
		}
		// a ward's council votes on its own nominations; the city's on the wards' recommendations waiting for it
		boolean city = directory.isCity(wardCode);
		List<NominationRepository.Nomination> candidates = waiting.stream()
			.map(nominations::nomination)
			.flatMap(Optional::stream)
			.filter(n -> city ? !wardCode.equals(n.wardCode()) : wardCode.equals(n.wardCode()))
			.sorted(Comparator.comparing(NominationRepository.Nomination::chapterGroup)
				.thenComparing(NominationRepository.Nomination::nomineeName))
			.toList();
		if (candidates.isEmpty()) {
			throw new FormValidationException(CouncilSessionVariables.SESSION_DEADLINE.name(),
					Messages.get("council.session.no-candidates"));
		}
		List<String> members = ward.council().members();
		long id;
		try {
			id = sessions.open(processInstanceId, wardCode, members.size(), openedBy, LocalDateTime.now(clock));
		}
		catch (DuplicateKeyException ex) {
			throw new FormValidationException(CouncilSessionVariables.SESSION_DEADLINE.name(),
					Messages.get("council.session.already-open"));
		}
		int position = 1;
		for (NominationRepository.Nomination n : candidates) {
			sessions.addCandidate(id, position++, n.processInstanceId(), sessions.roundsOf(n.processInstanceId()) + 1);
		}
		LOG.info("Council session {} of ward {} opened by {} with {} candidates", id, wardCode, openedBy,
				candidates.size());
		return new OpenedSession(id, members, ward.council().chair(), deadline.atTime(23, 59), ward.name(),
				candidates.size());
	}

	/**
	 * Task_CastBallot (create): the ballot sheet, one row per candidate, agree/disagree empty. Only the
	 * candidate's name, award, chapter and year: what the disclosure made public.
	 */
	List<Map<String, Object>> ballotSheet(long sessionId) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Candidate c : sessions.candidates(sessionId)) {
			NominationRepository.Nomination n = nominations.nomination(c.processInstanceId()).orElseThrow();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(CouncilSessionVariables.ROW_NOMINATION, c.processInstanceId());
			row.put(CouncilSessionVariables.ROW_CANDIDATE, Messages.get("council.ballot.candidate",
					String.valueOf(c.position()), n.nomineeName(), awardName(n.awardCode()),
					chapterName(n.chapterGroup()), String.valueOf(n.periodYear())));
			row.put(VOTE.name(), null);
			row.put(VOTE_COMMENT.name(), null);
			rows.add(row);
		}
		return rows;
	}

	/**
	 * Task_CastBallot (complete): the member's ballot (or the written opinion the council's chair
	 * entered for her) enters the vote table, one row per candidate.
	 *
	 * @param actor who completes the task (null when no person acts)
	 * @param writtenBy set by the application when the council's chair entered a written opinion
	 */
	void castBallot(long sessionId, String member, String actor, String writtenBy, List<Map<String, Object>> rows) {
		Session session = sessions.session(sessionId).orElseThrow();
		if (!session.open()) {
			throw new FormValidationException(CouncilSessionVariables.BALLOT.name(),
					Messages.get("council.session.closed"));
		}
		if (actor != null && !actor.equals(member) && !(writtenBy != null && writtenBy.equals(actor))) {
			throw new FormValidationException(CouncilSessionVariables.BALLOT.name(),
					Messages.get("nomination.vote.not-yours"));
		}
		List<Candidate> candidates = sessions.candidates(sessionId);
		Map<String, Map<String, Object>> byNomination = new HashMap<>();
		List<Map<String, Object>> sheet = rows == null ? List.of() : rows;
		if (sheet.size() != candidates.size()) {
			throw new FormValidationException(CouncilSessionVariables.BALLOT.name(),
					Messages.get("council.ballot.rows-changed"));
		}
		for (int i = 0; i < sheet.size(); i++) {
			Map<String, Object> row = sheet.get(i);
			// Tasklist sends back the rows in the sheet's order without their (hidden) nomination
			Object pid = row.get(CouncilSessionVariables.ROW_NOMINATION) != null
					? row.get(CouncilSessionVariables.ROW_NOMINATION) : candidates.get(i).processInstanceId();
			if (pid == null || candidates.stream().noneMatch(c -> c.processInstanceId().equals(pid))
					|| byNomination.put(pid.toString(), row) != null) {
				throw new FormValidationException(CouncilSessionVariables.BALLOT.name(),
						Messages.get("council.ballot.rows-changed"));
			}
		}
		List<String> missing = new ArrayList<>();
		for (Candidate c : candidates) {
			Map<String, Object> row = byNomination.get(c.processInstanceId());
			Object vote = row == null ? null : row.get(VOTE.name());
			if (!VOTE_AGREE.equals(vote) && !VOTE_DISAGREE.equals(vote)) {
				missing.add(nominations.nomination(c.processInstanceId()).map(n -> "«" + n.nomineeName() + "»")
					.orElse(c.processInstanceId()));
			}
			Object comment = row == null ? null : row.get(VOTE_COMMENT.name());
			if (comment != null && comment.toString().length() > COMMENT_MAX) {
				throw new FormValidationException(CouncilSessionVariables.BALLOT.name(),
						Messages.get("nomination.vote.comment.too-long", COMMENT_MAX));
			}
		}
		if (!missing.isEmpty()) {
			throw new FormValidationException(CouncilSessionVariables.BALLOT.name(),
					Messages.get("council.ballot.missing", String.join(", ", missing)));
		}
		boolean written = writtenBy != null && !writtenBy.equals(member);
		try {
			for (Candidate c : candidates) {
				Map<String, Object> row = byNomination.get(c.processInstanceId());
				Object comment = row.get(VOTE_COMMENT.name());
				votes.save(c.processInstanceId(), c.round(), sessionId, member, row.get(VOTE.name()).toString(),
						comment == null || comment.toString().isBlank() ? null : comment.toString().strip(), written,
						written ? writtenBy : null);
			}
		}
		catch (DuplicateKeyException ex) {
			// the same ballot submitted twice at once (a double press, two tabs): the first one counts
			throw new FormValidationException(CouncilSessionVariables.BALLOT.name(),
					Messages.get("council.ballot.already-cast"));
		}
		LOG.info("Council session {}: {} of {} recorded for {} candidates", sessionId,
				written ? "written opinion" : "ballot", member, candidates.size());
	}

	/**
	 * Task_CountBallots (after every member voted or at the deadline): each candidate counted by its
	 * award's rule, the tallies recorded, the session closed.
	 */
	List<Result> countSession(long sessionId) {
		Session session = sessions.session(sessionId).orElseThrow();
		LocalDateTime now = LocalDateTime.now(clock);
		List<Result> results = new ArrayList<>();
		for (Candidate c : sessions.candidates(sessionId)) {
			if (c.outcome() != null) {
				continue;
			}
			String awardCode = nominations.nomination(c.processInstanceId()).map(NominationRepository.Nomination::awardCode)
				.orElse(null);
			CouncilRule rule = directory.isCity(session.wardCode()) ? cityReviews.councilRule(awardCode, rule(awardCode))
					: rule(awardCode);
			List<Vote> ballots = votes.votes(c.processInstanceId(), c.round());
			Tally tally = count(c.round(), rule, session.members(), ballots, now);
			votes.saveTally(c.processInstanceId(), tally, sessionId);
			String outcome = !tally.quorumReached() ? QUORUM_MISSED : tally.approved() ? APPROVED : REJECTED;
			sessions.setOutcome(sessionId, c.processInstanceId(), outcome);
			results.add(new Result(c.processInstanceId(), outcome, tally));
		}
		sessions.close(sessionId, now);
		LOG.info("Council session {} closed: {}", sessionId, results.stream().map(Result::outcome).toList());
		return results;
	}

	/** The rule the council applies to an award: the catalogue's, completed by {@code thidua.council}. */
	CouncilRule rule(String awardCode) {
		CouncilRule defaults = settings.defaultCouncilRule();
		return catalogue.find(awardCode).map(Award::council).map(r -> r.orElse(defaults)).orElse(defaults);
	}

	/**
	 * The rule of the vote (issue 18): a quorum of {@code rule.quorum} of ALL members must vote in
	 * person; the ballots that count are those cast in person and, where the rule says so, the
	 * written opinions of absent members; "agree" must reach (or exceed) {@code rule.approvalRatio} of the
	 * base: all members or those whose ballot counts.
	 */
	static Tally count(int round, CouncilRule rule, int members, List<Vote> ballots, LocalDateTime closedAt) {
		int present = (int) ballots.stream().filter(v -> !v.written()).count();
		int written = ballots.size() - present;
		List<Vote> counted = ballots.stream().filter(v -> !v.written() || rule.writtenOpinionsCount()).toList();
		int agree = (int) counted.stream().filter(v -> VOTE_AGREE.equals(v.vote())).count();
		int disagree = counted.size() - agree;
		boolean quorumReached = members > 0 && present >= rule.quorum() * members - TOLERANCE * members;
		int base = CouncilRule.PRESENT.equals(rule.approvalBase()) ? counted.size() : members;
		boolean approved = quorumReached && base > 0
				&& (rule.approvalAtLeast() ? agree >= rule.approvalRatio() * base - 1e-9 : agree > rule.approvalRatio() * base + 1e-9);
		return new Tally(round, members, agree, disagree, Math.max(0, members - counted.size()), quorumReached,
				approved, closedAt, rule.quorum(), rule.approvalRatio(), present, written, rule.approvalBase(),
				rule.approvalAtLeast(), rule.writtenOpinionsCount(), rule.secretBallot());
	}

	/** Task_NotifySessionResult: the council, the board and the chair get the session's results in one mail. */
	void notifySessionClosed(long sessionId, List<Result> results) {
		Session session = sessions.session(sessionId).orElseThrow();
		Ward ward = ward(session.wardCode());
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Result r : results) {
			NominationRepository.Nomination n = nominations.nomination(r.processInstanceId()).orElseThrow();
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("nomineeName", n.nomineeName());
			row.put("awardName", awardName(n.awardCode()));
			row.put("chapterName", chapterName(n.chapterGroup()));
			row.put("agree", r.tally().agree());
			row.put("disagree", r.tally().disagree());
			row.put("outcome", Messages.get(QUORUM_MISSED.equals(r.outcome()) ? "council.outcome.quorum-missed"
					: APPROVED.equals(r.outcome()) ? "council.outcome.approved" : "council.outcome.rejected"));
			rows.add(row);
		}
		Map<String, Object> model = new HashMap<>();
		model.put("members", session.members());
		model.put("results", rows);
		Set<String> people = new LinkedHashSet<>();
		people.add(ward.chair());
		notifier.send("council-session-closed", new Recipients(people, Set.of(GroupIds.council(ward.code()),
				GroupIds.board(ward.code()))), model);
	}

	private String awardName(String awardCode) {
		return catalogue.find(awardCode).map(Award::name).orElse(awardCode);
	}

	/** The chapter's name, with its ward's (the city's council sees the candidates of every ward). */
	private String chapterName(String chapterGroup) {
		return directory.chapterByGroup(chapterGroup)
			.map(c -> directory.cityUnit().isPresent() ? c.chapter().name() + " – " + c.ward().name() : c.chapter().name())
			.orElse(chapterGroup);
	}

	/** Whether the code is the city's: its council votes on the wards' recommendations. */
	boolean isCity(String unitCode) {
		return directory.isCity(unitCode);
	}

	/** A round of the vote: its number and how many members may vote in it. */
	record Round(int number, int members) {
	}

	/** The council members of the ward: one Task_CouncilVote per member, assigned to them. */
	public List<String> members(String wardCode) {
		return ward(wardCode).council().members();
	}

	private Ward ward(String wardCode) {
		return directory.unit(wardCode)
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
				closedAt, quorum, approval, voted, 0, CouncilRule.MEMBERS, false, true, true);
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
