package vn.thidua.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import vn.thidua.support.IntegrationTest;

/**
 * Every bean name that the BPMN files deployed before the redesign (main at 2889311) call still
 * resolves to a listener or delegate of the right kind, so their running instances finish.
 */
@IntegrationTest
class EarlierNamesIntegrationTest {

	/** {@code git show 2889311:bpmn/<file> | grep -o 'delegateExpression="[^"]*"'}, by kind. */
	static final List<String> JAVA_DELEGATES = List.of("nominationOutcomeDelegate", "councilVoteDelegate",
			"awardRecordDelegate", "nominationChecksDelegate", "conferenceOpeningDelegate", "conferenceCommentsDelegate",
			"rolloutChaptersDelegate", "ratingsCollectDelegate", "registrationLateDelegate", "exemplaryProposalsDelegate",
			"cellGuidanceOutcomeDelegate");

	static final List<String> TASK_LISTENERS = List.of("councilVoteListener", "boardReviewListener",
			"signDecisionListener", "dossierCompleteListener", "programmeApprovalListener", "programmeRevisionListener",
			"programmeCommentListener", "programmeConclusionListener", "ratingsConfirmationListener",
			"workItemsRegisteredListener", "workItemsAcknowledgedListener", "midYearReportListener",
			"yearEndReportListener", "cellReportWrittenListener", "cellGuidanceListener");

	static final List<String> EXECUTION_LISTENERS = List.of("nominationStartListener", "nominationEndListener",
			"programmeStartListener", "chapterRolloutStartListener", "chapterGuidanceReceivedListener",
			"cellReportStartListener");

	@Autowired
	ApplicationContext context;

	@Test
	void everyEarlierNameResolvesToTheRightKind() {
		JAVA_DELEGATES.forEach(name -> assertThat(context.getBean(name)).as(name).isInstanceOf(JavaDelegate.class));
		TASK_LISTENERS.forEach(name -> assertThat(context.getBean(name)).as(name).isInstanceOf(TaskListener.class));
		EXECUTION_LISTENERS
			.forEach(name -> assertThat(context.getBean(name)).as(name).isInstanceOf(ExecutionListener.class));
		// an alias is the same bean as today's name, not a copy
		assertThat(context.getBean("programmeStartListener")).isSameAs(context.getBean("planRolloutStart"));
		assertThat(context.getBean("cellGuidanceOutcomeDelegate")).isSameAs(context.getBean("partyCellReportInformBoard"));
	}

}
