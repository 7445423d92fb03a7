package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.COUNCIL_APPROVAL_RATIO;
import static vn.thidua.nomination.NominationVariables.COUNCIL_APPROVED;
import static vn.thidua.nomination.NominationVariables.COUNCIL_MEMBER_COUNT;
import static vn.thidua.nomination.NominationVariables.COUNCIL_QUORUM;
import static vn.thidua.nomination.NominationVariables.COUNCIL_ROUND;
import static vn.thidua.nomination.NominationVariables.DECISION_DATE;
import static vn.thidua.nomination.NominationVariables.DECISION_NUMBER;
import static vn.thidua.nomination.NominationVariables.DECISION_SIGNED_BY;
import static vn.thidua.nomination.NominationVariables.QUORUM_REACHED;
import static vn.thidua.nomination.NominationVariables.VOTE;
import static vn.thidua.nomination.NominationVariables.VOTES_ABSTAIN;
import static vn.thidua.nomination.NominationVariables.VOTES_AGREE;
import static vn.thidua.nomination.NominationVariables.VOTES_DISAGREE;
import static vn.thidua.nomination.NominationVariables.VOTE_COMMENT;
import static vn.thidua.process.ProcessVariables.WARD_CODE;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.identity.security.Actor;
import vn.thidua.nomination.CouncilVoteRepository.Tally;
import vn.thidua.nomination.CouncilVoting.Round;
import vn.thidua.process.EarlierNames;

/**
 * The bean names that versions of {@code CommendationNomination.bpmn} deployed before the
 * redesign (December 2026) name: instances still running on such a version finish on it (see
 * {@link EarlierNames}). Three earlier beans served several elements each and hand each element to
 * the bean of {@link NominationProcess} that serves it today; the others are aliases. The versions
 * deployed before the council session (December 2026) vote per nomination (Task_OpenCouncilVote,
 * Task_CouncilVote, Task_TallyVotes, Task_NotifyQuorumMissed) and sign per nomination
 * (Task_SignDecision): their beans are here. Remove this class once no instance of those versions is
 * left (Cockpit: process definitions of CommendationNomination and their running instances).
 */
@Configuration(proxyBeanMethods = false)
class NominationProcessEarlierNames {

	private final CouncilVoting voting;

	private final AwardRecording recording;

	private final Actor actor;

	NominationProcessEarlierNames(CouncilVoting voting, AwardRecording recording, Actor actor) {
		this.voting = voting;
		this.recording = recording;
		this.actor = actor;
	}

	@Bean
	JavaDelegate nominationOutcomeDelegate(NominationProcess process) {
		return byActivity(Map.of(NominationVariables.TASK_PUBLISH_SHORTLIST, process.nominationPublishShortlist(),
				NominationVariables.TASK_RECORD_OBJECTION, process.nominationRecordObjection(),
				NominationVariables.TASK_NOTIFY_RETURNED, process.nominationNotifyReturned(),
				NominationVariables.TASK_NOTIFY_REJECTED, process.nominationNotifyRejected(),
				NominationVariables.TASK_NOTIFY_COUNCIL_REJECTED, process.nominationNotifyCouncilRejected()));
	}

	@Bean
	JavaDelegate councilVoteDelegate() {
		return byActivity(Map.of(NominationVariables.TASK_OPEN_COUNCIL_VOTE, nominationOpenCouncilVote(),
				NominationVariables.TASK_TALLY_VOTES, nominationTallyVotes(),
				NominationVariables.TASK_NOTIFY_QUORUM_MISSED, nominationNotifyQuorumMissed()));
	}

	@Bean
	JavaDelegate awardRecordDelegate(NominationProcess process) {
		return byActivity(Map.of(NominationVariables.TASK_RECORD_AWARD, process.nominationRecordAward(),
				NominationVariables.TASK_RECORD_RECOMMENDATION, process.nominationRecordRecommendation()));
	}

	/** The earlier names of elements that had a bean of their own. */
	@Bean
	static BeanDefinitionRegistryPostProcessor nominationEarlierAliases() {
		return EarlierNames.aliases(Map.of("nominationChecksDelegate", "nominationCheckAgain", "boardReviewListener",
				"nominationBoardReview", "signDecisionListener", "nominationSignDecision", "dossierCompleteListener",
				"nominationDossierComplete", "nominationStartListener", "nominationStart", "nominationEndListener",
				"nominationEnd"));
	}

	@Bean
	TaskListener councilVoteListener() {
		TaskListener created = nominationBallotCreated();
		TaskListener cast = nominationBallotCast();
		return task -> (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) ? created : cast).notify(task);
	}

	/** Task_OpenCouncilVote: a new round, the first or after a missed quorum. */
	@Bean
	JavaDelegate nominationOpenCouncilVote() {
		return execution -> {
			Round round = voting.open(execution.getProcessInstanceId(), COUNCIL_ROUND.get(execution),
					WARD_CODE.get(execution));
			COUNCIL_ROUND.set(execution, round.number());
			COUNCIL_MEMBER_COUNT.set(execution, round.members());
			for (String name : List.of(VOTES_AGREE.name(), VOTES_DISAGREE.name(), VOTES_ABSTAIN.name(),
					QUORUM_REACHED.name(), COUNCIL_APPROVED.name())) {
				execution.removeVariable(name);
			}
		};
	}

	/** Task_CouncilVote (create): the ballot lives on its own task only, never on the process. */
	@Bean
	TaskListener nominationBallotCreated() {
		return task -> {
			VOTE.setLocal(task, null);
			VOTE_COMMENT.setLocal(task, null);
		};
	}

	/** Task_CouncilVote (complete): the ballot moves into the vote table and off the task. */
	@Bean
	TaskListener nominationBallotCast() {
		return task -> {
			voting.cast(task.getProcessInstanceId(), COUNCIL_ROUND.get(task.getExecution()), task.getAssignee(),
					actor.current().orElse(null), VOTE.getLocal(task), VOTE_COMMENT.getLocal(task));
			task.removeVariablesLocal(List.of(VOTE.name(), VOTE_COMMENT.name()));
		};
	}

	/** Task_TallyVotes: the round's ballots against the quorum and approval ratio. */
	@Bean
	JavaDelegate nominationTallyVotes() {
		return execution -> {
			Tally tally = voting.tally(execution.getProcessInstanceId(), COUNCIL_ROUND.get(execution),
					COUNCIL_MEMBER_COUNT.get(execution), COUNCIL_QUORUM.get(execution),
					COUNCIL_APPROVAL_RATIO.get(execution));
			VOTES_AGREE.set(execution, tally.agree());
			VOTES_DISAGREE.set(execution, tally.disagree());
			VOTES_ABSTAIN.set(execution, tally.abstain());
			QUORUM_REACHED.set(execution, tally.quorumReached());
			COUNCIL_APPROVED.set(execution, tally.approved());
		};
	}

	/** Task_NotifyQuorumMissed: the ward chair and the council chair are told; the vote reopens. */
	@Bean
	JavaDelegate nominationNotifyQuorumMissed() {
		return execution -> voting.notifyQuorumMissed(NominationProcess.nomination(execution), COUNCIL_ROUND.get(execution),
				COUNCIL_MEMBER_COUNT.get(execution), VOTES_AGREE.get(execution) + VOTES_DISAGREE.get(execution));
	}

	/** Task_SignDecision (complete): a decision number new to the ward, a date not in the future; the signer. */
	@Bean
	TaskListener nominationSignDecision() {
		return task -> {
			String number = recording.validateDecision(WARD_CODE.get(task), DECISION_NUMBER.get(task),
					DECISION_DATE.get(task));
			DECISION_NUMBER.set(task, number);
			DECISION_SIGNED_BY.set(task, actor.idOr(task.getAssignee()));
		};
	}

	private static JavaDelegate byActivity(Map<String, JavaDelegate> delegates) {
		return execution -> {
			JavaDelegate delegate = delegates.get(execution.getCurrentActivityId());
			if (delegate == null) {
				throw new IllegalStateException("No delegate for " + execution.getCurrentActivityId());
			}
			delegate.execute(execution);
		};
	}

}
