package vn.thidua.nomination;

import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.process.EarlierNames;

/**
 * The bean names that versions of {@code CommendationNomination.bpmn} deployed before the
 * redesign (December 2026) name: instances still running on such a version finish on it (see
 * {@link EarlierNames}). Three earlier beans served several elements each and hand each element to
 * the bean of {@link NominationProcess} that serves it today; the others are aliases. Remove this
 * class once no instance of those versions is left.
 */
@Configuration(proxyBeanMethods = false)
class NominationProcessEarlierNames {

	@Bean
	JavaDelegate nominationOutcomeDelegate(NominationProcess process) {
		return byActivity(Map.of(NominationVariables.TASK_PUBLISH_SHORTLIST, process.nominationPublishShortlist(),
				NominationVariables.TASK_RECORD_OBJECTION, process.nominationRecordObjection(),
				NominationVariables.TASK_NOTIFY_RETURNED, process.nominationNotifyReturned(),
				NominationVariables.TASK_NOTIFY_REJECTED, process.nominationNotifyRejected(),
				NominationVariables.TASK_NOTIFY_COUNCIL_REJECTED, process.nominationNotifyCouncilRejected()));
	}

	@Bean
	JavaDelegate councilVoteDelegate(NominationProcess process) {
		return byActivity(Map.of(NominationVariables.TASK_OPEN_COUNCIL_VOTE, process.nominationOpenCouncilVote(),
				NominationVariables.TASK_TALLY_VOTES, process.nominationTallyVotes(),
				NominationVariables.TASK_NOTIFY_QUORUM_MISSED, process.nominationNotifyQuorumMissed()));
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
	TaskListener councilVoteListener(NominationProcess process) {
		TaskListener created = process.nominationBallotCreated();
		TaskListener cast = process.nominationBallotCast();
		return task -> (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) ? created : cast).notify(task);
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
