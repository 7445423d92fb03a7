package vn.thidua.nomination;

import vn.thidua.process.Variable;

/**
 * Process key, element ids and variable names of {@code bpmn/CommendationNomination.bpmn}. Variable
 * names equal the form field keys of {@code forms/nomination-*.form}, {@code council-vote.form} and
 * {@code sign-decision.form}. The common variables (wardCode, chapterGroup, ...) are in
 * {@link vn.thidua.process.ProcessVariables}.
 */
public final class NominationVariables {

	public static final String PROCESS_KEY = "CommendationNomination";

	public static final String MESSAGE_OBJECTION = "Message_NominationObjection";

	/** The council session's result for this nomination ({@link CouncilSessionProcess}). */
	public static final String MESSAGE_COUNCIL_DECIDED = "Message_CouncilDecided";

	/** The chair signed the decision or request letter that covers it ({@link AwardDecisionProcess}). */
	public static final String MESSAGE_DECISION_SIGNED = "Message_DecisionSigned";

	/** Waits, after the disclosure, for the council's next session. */
	public static final String RECEIVE_AWAIT_COUNCIL = "ReceiveTask_AwaitCouncilSession";

	/** Waits in the ward's batch for the chair's decision. */
	public static final String RECEIVE_AWAIT_DECISION = "ReceiveTask_AwaitDecision";

	/** Waits in the ward's batch for the chair's request letter to the higher level. */
	public static final String RECEIVE_AWAIT_REQUEST_LETTER = "ReceiveTask_AwaitRequestLetter";

	// element ids the code and tests name
	public static final String START_EVENT = "StartEvent_NominationSubmitted";

	/**
	 * Input data of the start form only (never a form field, so never submitted nor stored): true
	 * shows «Mã chi hội» ({@code conditional.hide}); Tasklist gets it from
	 * {@code GET /api/nominations/start-form-defaults}.
	 */
	public static final String NAMES_CHAPTER = "thiduaNamesChapter";

	public static final String TASK_CHECK = "Task_CheckNomination";

	/** The nominator attaches the dossier's documents and sends it to the board. */
	public static final String TASK_COMPLETE_DOSSIER = "Task_CompleteDossier";

	public static final String TASK_BOARD_REVIEW = "Task_BoardReview";

	public static final String TASK_REVISE = "Task_ReviseNomination";

	public static final String TASK_PUBLISH_SHORTLIST = "Task_PublishShortlist";

	public static final String TASK_RECORD_OBJECTION = "Task_RecordObjection";

	public static final String TASK_NOTIFY_RETURNED = "Task_NotifyReturned";

	public static final String TASK_NOTIFY_REJECTED = "Task_NotifyRejected";

	// the per-nomination vote and signature of versions deployed before the council session
	public static final String TASK_OPEN_COUNCIL_VOTE = "Task_OpenCouncilVote";

	public static final String TASK_COUNCIL_VOTE = "Task_CouncilVote";

	public static final String TASK_TALLY_VOTES = "Task_TallyVotes";

	public static final String TASK_NOTIFY_QUORUM_MISSED = "Task_NotifyQuorumMissed";

	public static final String TASK_NOTIFY_COUNCIL_REJECTED = "Task_NotifyCouncilRejected";

	public static final String TASK_SIGN_DECISION = "Task_SignDecision";

	public static final String TASK_RECORD_AWARD = "Task_RecordAward";

	public static final String TASK_RECORD_RECOMMENDATION = "Task_RecordRecommendation";

	public static final String DISCLOSURE_GATEWAY = "Gateway_Disclosure";

	public static final String DISCLOSURE_TIMER = "TimerEvent_DisclosureEnded";

	public static final String VOTING_DEADLINE = "BoundaryEvent_VotingDeadline";

	// start form (and revise form)
	public static final Variable<String> NOMINEE_TYPE = Variable.text("nomineeType");

	public static final Variable<String> NOMINEE_NAME = Variable.text("nomineeName");

	/** Chapter code (e.g. ch01) chosen by the board or chair; a chapter head leaves it empty. */
	public static final Variable<String> CHAPTER_CODE = Variable.text("chapterCode");

	public static final Variable<Integer> PERIOD_YEAR = Variable.integer("periodYear");

	public static final Variable<String> ACHIEVEMENT_REPORT = Variable.text("achievementReport");

	public static final Variable<String> AWARD_CODE = Variable.text("awardCode");

	public static final Variable<String> REVIEW_MEETING_DATE = Variable.text("reviewMeetingDate");

	public static final Variable<Boolean> REVIEW_MEETING_AGREED = Variable.flag("reviewMeetingAgreed");

	public static final Variable<Boolean> NO_DISCIPLINE_DECLARED = Variable.flag("noDisciplineDeclared");

	// set by the process
	public static final Variable<String> COUNCIL_GROUP = Variable.text("councilGroup");

	public static final Variable<String> WARD_GROUP = Variable.text("wardGroup");

	public static final Variable<Boolean> CHECKS_PASSED = Variable.flag("checksPassed");

	public static final Variable<String> CHECKS_PROBLEM = Variable.text("checksProblem");

	public static final Variable<String> AWARD_NAME = Variable.text("awardName");

	public static final Variable<String> AWARD_ISSUER = Variable.text("awardIssuer");

	public static final Variable<Boolean> WITHIN_WARD_AUTHORITY = Variable.flag("withinWardAuthority");

	/** DECISION or RECOMMENDATION: output of the AwardAuthority decision table. */
	public static final Variable<String> DECISION_PATH = Variable.text("decisionPath");

	public static final Variable<String> DECIDING_AUTHORITY = Variable.text("decidingAuthority");

	public static final Variable<Double> COUNCIL_QUORUM = Variable.ratio("councilQuorum");

	public static final Variable<Double> COUNCIL_APPROVAL_RATIO = Variable.ratio("councilApprovalRatio");

	// board review form
	/** approve, return or reject. */
	public static final Variable<String> BOARD_DECISION = Variable.text("boardDecision");

	/** Required when the board returns or rejects. */
	public static final Variable<String> BOARD_REASON = Variable.text("boardReason");

	/**
	 * Task-local on Task_BoardReview, set when the task is created: «Đủ điều kiện» or «Chưa đủ điều
	 * kiện: …» by the history rules (bpmn/AwardEligibility.dmn); read-only in the form.
	 */
	public static final Variable<String> ELIGIBILITY = Variable.text("eligibility");

	public static final String BOARD_APPROVE = "approve";

	public static final String BOARD_RETURN = "return";

	public static final String BOARD_REJECT = "reject";

	// objection (message correlation)
	public static final Variable<String> OBJECTION_REASON = Variable.text("objectionReason");

	public static final Variable<String> OBJECTION_BY = Variable.text("objectionBy");

	public static final Variable<Integer> OBJECTION_COUNT = Variable.integer("objectionCount");

	// council vote
	public static final Variable<String> COUNCIL_MEMBER = Variable.text("councilMember");

	public static final Variable<Integer> COUNCIL_ROUND = Variable.integer("councilRound");

	public static final Variable<Integer> COUNCIL_MEMBER_COUNT = Variable.integer("councilMemberCount");

	/** Task-local only, moved into thidua_council_vote on completion: agree or disagree. */
	public static final Variable<String> VOTE = Variable.text("vote");

	/** Task-local only, moved into thidua_council_vote on completion. */
	public static final Variable<String> VOTE_COMMENT = Variable.text("voteComment");

	public static final String VOTE_AGREE = "agree";

	public static final String VOTE_DISAGREE = "disagree";

	public static final Variable<Integer> VOTES_AGREE = Variable.integer("votesAgree");

	public static final Variable<Integer> VOTES_DISAGREE = Variable.integer("votesDisagree");

	public static final Variable<Integer> VOTES_ABSTAIN = Variable.integer("votesAbstain");

	public static final Variable<Boolean> QUORUM_REACHED = Variable.flag("quorumReached");

	public static final Variable<Boolean> COUNCIL_APPROVED = Variable.flag("councilApproved");

	// sign decision form
	public static final Variable<String> DECISION_NUMBER = Variable.text("decisionNumber");

	public static final Variable<String> DECISION_DATE = Variable.text("decisionDate");

	public static final Variable<String> DECISION_SIGNED_BY = Variable.text("decisionSignedBy");

	public static final Variable<Long> AWARD_ID = Variable.number("awardId");

	private NominationVariables() {
	}

}
