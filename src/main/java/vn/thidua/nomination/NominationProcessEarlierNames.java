package vn.thidua.nomination;

import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.dossier.DossierCompleteness;

/**
 * The bean names that versions of {@code CommendationNomination.bpmn} deployed before the
 * redesign (December 2026) name, one bean per group of elements: instances still running on such a
 * version finish on it (see the README's upgrade procedure). Each name hands the element to the
 * bean of {@link NominationProcess} that serves it today. Remove this class once no instance of
 * those versions is left (Cockpit: the process's versions with running instances).
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

	@Bean
	JavaDelegate nominationChecksDelegate(NominationProcess process) {
		return process.nominationCheckAgain();
	}

	@Bean
	TaskListener councilVoteListener(NominationProcess process) {
		TaskListener created = process.nominationBallotCreated();
		TaskListener cast = process.nominationBallotCast();
		return task -> (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) ? created : cast).notify(task);
	}

	@Bean
	TaskListener boardReviewListener(NominationProcess process) {
		return process.nominationBoardReview();
	}

	@Bean
	TaskListener signDecisionListener(NominationProcess process) {
		return process.nominationSignDecision();
	}

	@Bean
	TaskListener dossierCompleteListener(NominationProcess process, DossierCompleteness dossier) {
		return process.nominationDossierComplete(dossier);
	}

	@Bean
	ExecutionListener nominationStartListener(NominationProcess process) {
		return process.nominationStart();
	}

	@Bean
	ExecutionListener nominationEndListener(NominationProcess process) {
		return process.nominationEnd();
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
