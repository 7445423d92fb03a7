package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.COUNCIL_APPROVAL_RATIO;
import static vn.thidua.nomination.NominationVariables.COUNCIL_APPROVED;
import static vn.thidua.nomination.NominationVariables.COUNCIL_MEMBER_COUNT;
import static vn.thidua.nomination.NominationVariables.COUNCIL_QUORUM;
import static vn.thidua.nomination.NominationVariables.COUNCIL_ROUND;
import static vn.thidua.nomination.NominationVariables.QUORUM_REACHED;
import static vn.thidua.nomination.NominationVariables.VOTE;
import static vn.thidua.nomination.NominationVariables.VOTES_ABSTAIN;
import static vn.thidua.nomination.NominationVariables.VOTES_AGREE;
import static vn.thidua.nomination.NominationVariables.VOTES_DISAGREE;
import static vn.thidua.nomination.NominationVariables.VOTE_AGREE;
import static vn.thidua.nomination.NominationVariables.VOTE_COMMENT;
import static vn.thidua.nomination.NominationVariables.VOTE_DISAGREE;
import static vn.thidua.process.ProcessVariables.WARD_CODE;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.nomination.CouncilVoteRepository.Tally;
import vn.thidua.notification.Recipients;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.forms.FormValidationException;

/**
 * The council's secret ballot (Task_OpenCouncilVote, Task_CouncilVote, Task_TallyVotes,
 * Task_NotifyQuorumMissed). Each member's task holds {@code vote}/{@code voteComment} as task-local
 * variables only while it is open; on completion they move into {@code thidua_council_vote} and are
 * removed, and {@link SecretBallotHistoryPlugin} keeps them out of Camunda's history. Only the
 * tally becomes process variables. Also the bean {@code councilVoting} the multi-instance
 * collection expression calls.
 */
@Service("councilVoting")
public class CouncilVoting {

	private static final Logger LOG = LoggerFactory.getLogger(CouncilVoting.class);

	/** Ratios are compared with this tolerance, so that 0.6667 means two thirds. */
	private static final double TOLERANCE = 0.001;

	static final int COMMENT_MAX = 2000;

	private final OrganisationDirectory directory;

	private final CouncilVoteRepository votes;

	private final NominationSettings settings;

	private final NominationMail mail;

	private final IdentityService identityService;

	CouncilVoting(OrganisationDirectory directory, CouncilVoteRepository votes, NominationSettings settings,
			NominationMail mail, IdentityService identityService) {
		this.directory = directory;
		this.votes = votes;
		this.settings = settings;
		this.mail = mail;
		this.identityService = identityService;
	}

	/** The council members of the ward: one Task_CouncilVote per member, assigned to them. */
	public List<String> members(String wardCode) {
		return ward(wardCode).council().members();
	}

	private Ward ward(String wardCode) {
		return directory.ward(wardCode)
			.orElseThrow(() -> new IllegalStateException("Phường '" + wardCode + "' không có trong tệp tổ chức"));
	}

	/** Task_OpenCouncilVote: a new round (the first, or a reopened vote after a missed quorum). */
	void open(DelegateExecution execution) {
		Object round = execution.getVariable(COUNCIL_ROUND);
		int next = (round instanceof Number n ? n.intValue() : 0) + 1;
		execution.setVariable(COUNCIL_ROUND, next);
		execution.setVariable(COUNCIL_MEMBER_COUNT, members((String) execution.getVariable(WARD_CODE.name())).size());
		for (String name : List.of(VOTES_AGREE, VOTES_DISAGREE, VOTES_ABSTAIN, QUORUM_REACHED, COUNCIL_APPROVED)) {
			execution.removeVariable(name);
		}
		LOG.info("Council vote round {} opened for nomination {}", next, execution.getProcessInstanceId());
	}

	/** Task_CouncilVote (create): the ballot lives on the task, not on the process. */
	void ballotCreated(DelegateTask task) {
		task.setVariableLocal(VOTE, null);
		task.setVariableLocal(VOTE_COMMENT, null);
	}

	/** Task_CouncilVote (complete): the ballot moves into the vote table and off the task. */
	void ballotCast(DelegateTask task) {
		Object vote = task.getVariableLocal(VOTE);
		if (!VOTE_AGREE.equals(vote) && !VOTE_DISAGREE.equals(vote)) {
			throw new FormValidationException(VOTE, "Cần chọn phiếu: tán thành hoặc không tán thành.");
		}
		Object comment = task.getVariableLocal(VOTE_COMMENT);
		String text = comment == null || comment.toString().isBlank() ? null : comment.toString().trim();
		if (text != null && text.length() > COMMENT_MAX) {
			throw new FormValidationException(VOTE_COMMENT, "Ý kiến kèm phiếu dài quá " + COMMENT_MAX + " ký tự.");
		}
		String voter = task.getAssignee();
		Authentication auth = identityService.getCurrentAuthentication();
		if (auth != null && auth.getUserId() != null && !auth.getUserId().equals(voter)) {
			throw new FormValidationException(VOTE, "Chỉ thành viên Hội đồng được giao phiếu này mới bỏ phiếu được.");
		}
		int round = ((Number) task.getExecution().getVariable(COUNCIL_ROUND)).intValue();
		votes.save(task.getProcessInstanceId(), round, voter, (String) vote, text);
		task.removeVariablesLocal(List.of(VOTE, VOTE_COMMENT));
	}

	/**
	 * Task_TallyVotes: counts the round's ballots (after every member voted or at the deadline)
	 * against the quorum and approval ratio of the decision table, or of the settings.
	 */
	void tally(DelegateExecution execution) {
		String pid = execution.getProcessInstanceId();
		int round = ((Number) execution.getVariable(COUNCIL_ROUND)).intValue();
		int members = ((Number) execution.getVariable(COUNCIL_MEMBER_COUNT)).intValue();
		var ballots = votes.votes(pid, round);
		int agree = (int) ballots.stream().filter(v -> VOTE_AGREE.equals(v.vote())).count();
		int disagree = ballots.size() - agree;
		int abstain = Math.max(0, members - ballots.size());
		double quorum = ratio(execution.getVariable(COUNCIL_QUORUM), settings.getQuorum());
		double approval = ratio(execution.getVariable(COUNCIL_APPROVAL_RATIO), settings.getApprovalRatio());
		boolean quorumReached = members > 0 && ballots.size() >= quorum * members - TOLERANCE * members;
		boolean approved = quorumReached && agree > approval * members + 1e-9;
		votes.saveTally(pid, new Tally(round, members, agree, disagree, abstain, quorumReached, approved,
				LocalDateTime.now(), quorum, approval));
		execution.setVariable(VOTES_AGREE, agree);
		execution.setVariable(VOTES_DISAGREE, disagree);
		execution.setVariable(VOTES_ABSTAIN, abstain);
		execution.setVariable(QUORUM_REACHED, quorumReached);
		execution.setVariable(COUNCIL_APPROVED, approved);
		LOG.info("Council vote round {} of nomination {} closed: {} agree, {} disagree, {} not voted of {}", round,
				pid, agree, disagree, abstain, members);
	}

	/** Task_NotifyQuorumMissed: the ward chair and the council chair are told; the vote reopens. */
	void notifyQuorumMissed(DelegateExecution execution) {
		Ward ward = ward((String) execution.getVariable(WARD_CODE.name()));
		Map<String, Object> model = NominationService.model(execution);
		model.put("round", execution.getVariable(COUNCIL_ROUND));
		model.put("members", execution.getVariable(COUNCIL_MEMBER_COUNT));
		model.put("voted", ((Number) execution.getVariable(VOTES_AGREE)).intValue()
				+ ((Number) execution.getVariable(VOTES_DISAGREE)).intValue());
		mail.send("quorum-missed", new Recipients(Set.of(ward.chair(), ward.council().chair()), Set.of()), model);
	}

	private static double ratio(Object fromDecisionTable, double setting) {
		return fromDecisionTable instanceof Number n && n.doubleValue() > 0 ? n.doubleValue() : setting;
	}

}
