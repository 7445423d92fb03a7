package vn.thidua.nomination;

/**
 * Process key, element ids and variable names of {@code bpmn/CommendationNomination.bpmn}. Variable
 * names equal the form field keys of {@code forms/nomination-*.form}, {@code council-vote.form} and
 * {@code sign-decision.form}. The common variables (wardCode, chapterGroup, ...) are in
 * {@link vn.thidua.process.ProcessVariables}.
 */
public final class NominationVariables {

	public static final String PROCESS_KEY = "CommendationNomination";

	public static final String MESSAGE_OBJECTION = "Message_NominationObjection";

	// element ids the code and tests name
	public static final String START_EVENT = "StartEvent_NominationSubmitted";

	public static final String TASK_CHECK = "Task_CheckNomination";

	/** The nominator attaches the dossier's documents and sends it to the board. */
	public static final String TASK_COMPLETE_DOSSIER = "Task_CompleteDossier";

	public static final String TASK_BOARD_REVIEW = "Task_BoardReview";

	public static final String TASK_REVISE = "Task_ReviseNomination";

	public static final String TASK_PUBLISH_SHORTLIST = "Task_PublishShortlist";

	public static final String TASK_RECORD_OBJECTION = "Task_RecordObjection";

	public static final String TASK_NOTIFY_RETURNED = "Task_NotifyReturned";

	public static final String TASK_NOTIFY_REJECTED = "Task_NotifyRejected";

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
	public static final String NOMINEE_TYPE = "nomineeType";

	public static final String NOMINEE_NAME = "nomineeName";

	/** Chapter code (e.g. ch01) chosen by the board or chair; a chapter head leaves it empty. */
	public static final String CHAPTER_CODE = "chapterCode";

	public static final String PERIOD_YEAR = "periodYear";

	public static final String ACHIEVEMENT_REPORT = "achievementReport";

	public static final String AWARD_CODE = "awardCode";

	public static final String REVIEW_MEETING_DATE = "reviewMeetingDate";

	public static final String REVIEW_MEETING_AGREED = "reviewMeetingAgreed";

	public static final String NO_DISCIPLINE_DECLARED = "noDisciplineDeclared";

	// set by the process
	public static final String BOARD_GROUP = "boardGroup";

	public static final String COUNCIL_GROUP = "councilGroup";

	public static final String CHAIR_GROUP = "chairGroup";

	public static final String WARD_GROUP = "wardGroup";

	public static final String CHECKS_PASSED = "checksPassed";

	public static final String CHECKS_PROBLEM = "checksProblem";

	public static final String AWARD_NAME = "awardName";

	public static final String AWARD_ISSUER = "awardIssuer";

	public static final String WITHIN_WARD_AUTHORITY = "withinWardAuthority";

	/** DECISION or RECOMMENDATION: output of the AwardAuthority decision table. */
	public static final String DECISION_PATH = "decisionPath";

	public static final String DECIDING_AUTHORITY = "decidingAuthority";

	public static final String COUNCIL_QUORUM = "councilQuorum";

	public static final String COUNCIL_APPROVAL_RATIO = "councilApprovalRatio";

	// board review form
	/** approve, return or reject. */
	public static final String BOARD_DECISION = "boardDecision";

	/** Required when the board returns or rejects. */
	public static final String BOARD_REASON = "boardReason";

	public static final String BOARD_APPROVE = "approve";

	public static final String BOARD_RETURN = "return";

	public static final String BOARD_REJECT = "reject";

	// objection (message correlation)
	public static final String OBJECTION_REASON = "objectionReason";

	public static final String OBJECTION_BY = "objectionBy";

	public static final String OBJECTION_COUNT = "objectionCount";

	// council vote
	public static final String COUNCIL_MEMBER = "councilMember";

	public static final String COUNCIL_ROUND = "councilRound";

	public static final String COUNCIL_MEMBER_COUNT = "councilMemberCount";

	/** Task-local only, moved into thidua_council_vote on completion: agree or disagree. */
	public static final String VOTE = "vote";

	/** Task-local only, moved into thidua_council_vote on completion. */
	public static final String VOTE_COMMENT = "voteComment";

	public static final String VOTE_AGREE = "agree";

	public static final String VOTE_DISAGREE = "disagree";

	public static final String VOTES_AGREE = "votesAgree";

	public static final String VOTES_DISAGREE = "votesDisagree";

	public static final String VOTES_ABSTAIN = "votesAbstain";

	public static final String QUORUM_REACHED = "quorumReached";

	public static final String COUNCIL_APPROVED = "councilApproved";

	// sign decision form
	public static final String DECISION_NUMBER = "decisionNumber";

	public static final String DECISION_DATE = "decisionDate";

	public static final String DECISION_SIGNED_BY = "decisionSignedBy";

	public static final String AWARD_ID = "awardId";

	private NominationVariables() {
	}

}
