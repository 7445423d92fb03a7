package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import vn.thidua.award.AwardRegister;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.support.ProcessTest;
import vn.thidua.validation.FormValidationException;

/**
 * Every path of bpmn/CommendationNomination.bpmn on the real engine: approve, return and resubmit
 * (with a failed check), reject, duplicate refused, objection during disclosure, quorum missed then
 * reopened, council rejects, above-ward recommendation.
 */
@ProcessTest
class CommendationNominationProcessTest {

	private static final List<String> COUNCIL = List.of("council1", "council2", "council3", "council4", "council5");

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	FormService formService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AwardRegister register;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectionService objections;

	@MockitoBean
	Notifier notifier;

	private final int year = LocalDate.now().getYear();

	@BeforeEach
	void init() {
		BpmnAwareTests.init(processEngine);
	}

	@AfterEach
	void clearAuthentication() {
		identityService.clearAuthentication();
	}

	@Test
	void shouldGrantAwardWhenBoardApprovesAndCouncilAgrees() {
		// given
		ProcessInstance pi = nominate("head1", nomination("Nguyễn Thị Hạnh", "GK_HOI_PHUONG"));
		assertThat(pi).isWaitingAt(NominationVariables.TASK_BOARD_REVIEW)
			.variables()
			.containsEntry("chapterGroup", "bode-ch01")
			.containsEntry("wardCode", "bode")
			.containsEntry("initiator", "head1")
			.containsEntry("decisionPath", "DECISION")
			.containsEntry("boardGroup", "bode-board");
		assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("bode-board");

		// when
		boardDecides(pi, "approve", null);
		endDisclosure(pi);
		voteAll(pi, "agree", "agree", "agree", "disagree", "agree");

		// then
		assertThat(pi).isWaitingAt(NominationVariables.TASK_SIGN_DECISION)
			.variables()
			.containsEntry("votesAgree", 4)
			.containsEntry("votesDisagree", 1)
			.containsEntry("votesAbstain", 0);
		assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("bode-chair");
		signDecision(pi, "01/QĐ-HLHPN-" + year);
		assertThat(pi).isEnded().hasPassed("EndEvent_AwardGranted");
		var rows = register.list(List.of("bode"), List.of(), year, null);
		assertThat(rows).anySatisfy(r -> {
			assertThat(r.nomineeName()).isEqualTo("Nguyễn Thị Hạnh");
			assertThat(r.status()).isEqualTo("DECIDED");
			assertThat(r.decisionNumber()).isEqualTo("01/QĐ-HLHPN-" + year);
			assertThat(r.processInstanceId()).isEqualTo(pi.getId());
		});
		verify(notifier).send(eq("nomination-approved"), any(Recipients.class), any());
		verify(notifier).send(eq("decision-signed"), any(Recipients.class), any());
	}

	// ---------------------------------------------------------------------------------------------

	Map<String, Object> nomination(String nominee, String award) {
		Map<String, Object> v = new HashMap<>();
		v.put("nomineeType", "INDIVIDUAL");
		v.put("nomineeName", nominee);
		v.put("periodYear", (long) year);
		v.put("awardCode", award);
		v.put("achievementReport", "Vận động 30 hội viên tham gia mô hình \"Xanh – Sạch – Đẹp\".");
		v.put("reviewMeetingDate", LocalDate.now().minusDays(3).toString());
		v.put("reviewMeetingAgreed", true);
		v.put("noDisciplineDeclared", true);
		return v;
	}

	ProcessInstance nominate(String user, Map<String, Object> variables) {
		login(user);
		try {
			String definitionId = repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey(NominationVariables.PROCESS_KEY)
				.latestVersion()
				.singleResult()
				.getId();
			return formService.submitStartForm(definitionId, variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	void boardDecides(ProcessInstance pi, String decision, String reason) {
		assertThat(pi).isWaitingAt(NominationVariables.TASK_BOARD_REVIEW);
		Map<String, Object> v = new HashMap<>();
		v.put("boardDecision", decision);
		v.put("boardReason", reason);
		formService.submitTaskForm(BpmnAwareTests.task(pi).getId(), v);
	}

	void endDisclosure(ProcessInstance pi) {
		assertThat(pi).isWaitingAt(NominationVariables.DISCLOSURE_GATEWAY);
		Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
		managementService.executeJob(timer.getId());
	}

	/** Each council member in order casts the given vote (null: does not vote). */
	void voteAll(ProcessInstance pi, String... votes) {
		for (int i = 0; i < votes.length; i++) {
			if (votes[i] == null) {
				continue;
			}
			Task task = taskService.createTaskQuery()
				.processInstanceId(pi.getId())
				.taskDefinitionKey(NominationVariables.TASK_COUNCIL_VOTE)
				.taskAssignee(COUNCIL.get(i))
				.singleResult();
			assertThat(task).as("ballot of " + COUNCIL.get(i)).isNotNull();
			Map<String, Object> v = new HashMap<>();
			v.put("vote", votes[i]);
			v.put("voteComment", "Ý kiến của " + COUNCIL.get(i));
			login(COUNCIL.get(i));
			try {
				formService.submitTaskForm(task.getId(), v);
			}
			finally {
				identityService.clearAuthentication();
			}
		}
	}

	void signDecision(ProcessInstance pi, String number) {
		assertThat(pi).isWaitingAt(NominationVariables.TASK_SIGN_DECISION);
		login("chair");
		try {
			formService.submitTaskForm(BpmnAwareTests.task(pi).getId(),
					Map.of("decisionNumber", number, "decisionDate", LocalDate.now().toString()));
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	/** Authenticates as Tasklist's REST calls would: the user with their groups. */
	void login(String user) {
		identityService.setAuthentication(user,
				identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
	}

	static FormValidationException validationError(Throwable t) {
		for (Throwable c = t; c != null; c = c.getCause()) {
			if (c instanceof FormValidationException f) {
				return f;
			}
		}
		return null;
	}

}
