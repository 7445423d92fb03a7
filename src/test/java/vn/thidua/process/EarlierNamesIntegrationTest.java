package vn.thidua.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.thidua.support.NominationForms.form;
import static vn.thidua.support.NominationForms.nomination;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.thidua.dossier.DossierFixtures;
import vn.thidua.support.Http;
import vn.thidua.support.Http.Reply;
import vn.thidua.support.IntegrationTest;

/**
 * Every bean name that the BPMN files deployed before the redesign (main at 2889311) call still
 * resolves to a listener or delegate of the right kind, so their running instances finish; and an
 * instance of the nomination model deployed before the season redesign (issue 18: main at 20e2c69,
 * with its per-nomination {@code Task_CouncilVote} and {@code Task_SignDecision} and their forms,
 * {@code src/test/resources/earlier/20e2c69/}) still goes from the start form to the award.
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

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	static final String EARLIER = "/earlier/20e2c69/";

	static final String DEPLOYMENT = "thidua-earlier-20e2c69";

	/** The earlier version leaves the shared context: later tests start nominations on today's model. */
	@AfterEach
	void removeEarlierVersion() {
		engine.getRepositoryService()
			.createDeploymentQuery()
			.deploymentName(DEPLOYMENT)
			.list()
			.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true, true));
	}

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

	@Test
	void shouldFinishAnInstanceOfThePreRedesignModelWithItsPerNominationVoteAndSignature() throws IOException {
		// given: the model and forms of 20e2c69, deployed as they were before the redesign
		DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name(DEPLOYMENT);
		for (String file : List.of("CommendationNomination.bpmn", "AwardAuthority.dmn", "nomination-start.form",
				"nomination-complete-dossier.form", "nomination-board-review.form", "nomination-revise.form",
				"council-vote.form", "sign-decision.form")) {
			deployment.addInputStream(file, stream(EARLIER + file));
		}
		ProcessDefinition earlier = engine.getRepositoryService()
			.createProcessDefinitionQuery()
			.deploymentId(deployment.deploy().getId())
			.processDefinitionKey("CommendationNomination")
			.singleResult();
		assertThat((Object) engine.getRepositoryService().getBpmnModelInstance(earlier.getId())
			.getModelElementById("Task_CouncilVote")).as("the earlier model votes per nomination").isNotNull();
		Http http = new Http(port);

		// when: the people take it through its steps over /engine-rest, as Tasklist did
		Reply started = http.post("head1", "/engine-rest/process-definition/" + earlier.getId() + "/submit-form",
				form(nomination("Mai Thị Phiên Bản Cũ", "GK_HOI_PHUONG")));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pid = started.json().path("id").asText();
		DossierFixtures.attachRequired(context, pid, "head1");
		submit(http, "head1", task(pid, "Task_CompleteDossier"), Map.of());
		submit(http, "board1", task(pid, "Task_BoardReview"), Map.of("boardDecision", "approve"));
		Job disclosure = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(pid)
			.activityId("TimerEvent_DisclosureEnded")
			.singleResult();
		engine.getManagementService().executeJob(disclosure.getId());
		List<String> council = List.of("council1", "council2", "council3", "council4", "council5");
		List<String> votes = List.of("agree", "agree", "agree", "agree", "disagree");
		for (int i = 0; i < council.size(); i++) {
			String member = council.get(i);
			Task ballot = await().atMost(Duration.ofSeconds(30))
				.until(() -> engine.getTaskService()
					.createTaskQuery()
					.processInstanceId(pid)
					.taskDefinitionKey("Task_CouncilVote")
					.taskAssignee(member)
					.singleResult(), t -> t != null);
			submit(http, member, ballot, Map.of("vote", votes.get(i), "voteComment", "Ý kiến của " + member));
		}
		Task sign = await().atMost(Duration.ofSeconds(30)).until(() -> task(pid, "Task_SignDecision"), t -> t != null);
		submit(http, "chair", sign, Map.of("decisionNumber", "77-CU/QĐ-HLHPN", "decisionDate", LocalDate.now().toString()));

		// then: it ends with the award registered, the tally of its own vote and the decision signed
		await().atMost(Duration.ofSeconds(30))
			.until(() -> engine.getHistoryService()
				.createHistoricProcessInstanceQuery()
				.processInstanceId(pid)
				.finished()
				.count() == 1);
		assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(pid).singleResult()
			.getEndActivityId()).isEqualTo("EndEvent_AwardGranted");
		for (String step : List.of("Task_OpenCouncilVote", "Task_TallyVotes", "Task_SignDecision", "Task_RecordAward")) {
			assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pid)
				.activityId(step).count()).as(step).isEqualTo(1);
		}
		Map<String, Object> award = jdbc.sql("SELECT nominee_name, votes_agree, votes_disagree, decision_number"
				+ " FROM thidua_award WHERE process_instance_id = :pid").param("pid", pid).query().singleRow();
		assertThat(award.get("nominee_name")).isEqualTo("Mai Thị Phiên Bản Cũ");
		assertThat(((Number) award.get("votes_agree")).intValue()).isEqualTo(4);
		assertThat(((Number) award.get("votes_disagree")).intValue()).isEqualTo(1);
		assertThat(award.get("decision_number").toString()).contains("77-CU");
	}

	private Task task(String pid, String key) {
		return engine.getTaskService().createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
	}

	private static void submit(Http http, String user, Task task, Map<String, Object> values) {
		assertThat(task).as("task for " + user).isNotNull();
		Reply reply = http.post(user, "/engine-rest/task/" + task.getId() + "/submit-form", form(values));
		assertThat(reply.status()).as(task.getTaskDefinitionKey() + " by " + user + ": " + reply.body()).isEqualTo(204);
	}

	private static InputStream stream(String resource) {
		InputStream in = EarlierNamesIntegrationTest.class.getResourceAsStream(resource);
		assertThat(in).as(resource).isNotNull();
		return in;
	}

}
