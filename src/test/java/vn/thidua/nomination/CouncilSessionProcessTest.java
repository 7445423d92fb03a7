package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.thidua.award.AwardRegister;
import vn.thidua.dossier.DossierFixtures;
import vn.thidua.support.ProcessTest;
import vn.thidua.support.SeasonSteps;
import vn.thidua.web.Refusal;

/**
 * The season as the council votes (bpmn/CouncilSession.bpmn) and the chair signs
 * (bpmn/AwardDecision.bpmn), on the real engine: one ballot per member over every candidate, each
 * candidate counted by its award's rule at its bounds, written opinions of absent members, the
 * deadline, a missed quorum, one open session per ward, and decisions in batches with nominations
 * left for a later decision.
 */
@ProcessTest
class CouncilSessionProcessTest {

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
	IdentityService identityService;

	@Autowired
	AwardRegister register;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	CouncilSessionProcess sessions;

	@Autowired
	CouncilVoting voting;

	private final int year = LocalDate.now().getYear();

	SeasonSteps season;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(processEngine);
		season = new SeasonSteps(processEngine);
		// a session left open elsewhere would hold this test's nominations back
		season.closeOpenSessions();
	}

	@AfterEach
	void close() {
		identityService.clearAuthentication();
		season.closeOpenSessions();
	}

	@Test
	void shouldVoteOnEveryCandidateOnOneBallotAndCountEachByItsAwardsRule() {
		// given: two CSTĐCS (with their Lao động tiên tiến of the year) and a Giấy khen wait for the council
		ProcessInstance ldttA = waitingForCouncil("head1", "Phan Thị An", "LAO_DONG_TIEN_TIEN");
		ProcessInstance cstdA = waitingForCouncil("head1", "Phan Thị An", "CSTD_CO_SO");
		ProcessInstance ldttB = waitingForCouncil("head2", "Lê Thị Bình", "LAO_DONG_TIEN_TIEN");
		ProcessInstance cstdB = waitingForCouncil("head2", "Lê Thị Bình", "CSTD_CO_SO");
		ProcessInstance gk = waitingForCouncil("head3", "Chi hội Tổ 3", "GK_HOI_PHUONG");

		// when: the session opens, each member has one ballot listing all of them
		ProcessInstance session = season.openSession();
		for (String member : SeasonSteps.COUNCIL) {
			assertThat(taskService.createTaskQuery().processInstanceId(session.getId()).taskAssignee(member).count())
				.isEqualTo(1);
			assertThat(season.sheet(season.ballot(session, member)))
				.extracting(r -> r.get("nomination"))
				.contains(ldttA.getId(), cstdA.getId(), ldttB.getId(), cstdB.getId(), gk.getId());
		}
		// a second session of the ward cannot open while this one is open
		assertThatThrownBy(season::openSession).hasMessageContaining("phiên họp chưa kết thúc");
		// CSTĐCS A: 4 of 5 agree (80 %, at the bound); B: 3 of 5 (60 %); the Giấy khen: 3 of 5 (more than half)
		Map<String, List<String>> votes = Map.of(cstdA.getId(), List.of("agree", "agree", "agree", "agree", "disagree"),
				cstdB.getId(), List.of("agree", "agree", "agree", "disagree", "disagree"), gk.getId(),
				List.of("agree", "agree", "agree", "disagree", "disagree"));
		for (int i = 0; i < 5; i++) {
			int member = i;
			season.vote(session, SeasonSteps.COUNCIL.get(i),
					pid -> votes.containsKey(pid) ? votes.get(pid).get(member) : "agree");
		}

		// then: every member voted, so the session closed by itself; each candidate by its own rule
		assertThat(session).isEnded().hasPassed(CouncilSessionVariables.TASK_COUNT_BALLOTS);
		assertThat(cstdA).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION)
			.variables()
			.containsEntry("votesAgree", 4)
			.containsEntry("councilApproved", true);
		assertThat(cstdB).isEnded().hasPassed("EndEvent_CouncilRejected");
		assertThat(gk).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION);
		assertThat(ldttA).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION);
		// the rule applied is on the round: what the vote minutes print
		Map<String, Object> round = jdbc.sql("SELECT * FROM thidua_council_round WHERE process_instance_id = :pid")
			.param("pid", cstdB.getId())
			.query()
			.singleRow();
		assertThat(round).containsEntry("agree", 3).containsEntry("present", 5).containsEntry("approved", false);
		assertThat(((Number) round.get("approval_ratio")).doubleValue()).isEqualTo(0.8);
		assertThat(round.get("approval_at_least")).isEqualTo(true);
		assertThat(round.get("secret_ballot")).isEqualTo(true);
		// the ballot left the tasks: one row per member and candidate in the vote table only
		assertThat(jdbc.sql("SELECT COUNT(*) FROM thidua_council_vote WHERE process_instance_id = :pid")
			.param("pid", cstdA.getId())
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@Test
	void shouldCountWrittenOpinionsButNotTowardsTheQuorumAndCloseAtTheDeadline() {
		// given
		ProcessInstance pi = waitingForCouncil("head4", "Đỗ Thị Chi", "GK_UBND_PHUONG");
		ProcessInstance session = season.openSession();

		// when: three vote in person, council1 enters council4's written opinion, council5 never votes
		season.voteAll(session, pi.getId(), "agree", "agree", "agree", null, null);
		List<Map<String, Object>> written = writtenSheet(session, "council4", "agree");
		Refusal notChair = (Refusal) season.as("council2", () -> {
			try {
				sessions.enterWrittenOpinion(session.getId(), "council4", written);
				return null;
			}
			catch (Refusal refused) {
				return refused;
			}
		});
		assertThat(notChair).isNotNull();
		season.as("council1", () -> {
			sessions.enterWrittenOpinion(session.getId(), "council4", written);
			return null;
		});
		assertThat(season.ballot(session, "council4")).isNull();
		season.deadline(session);

		// then: 3 of 5 in person miss the ⅔ quorum: the nomination waits for the next session
		assertThat(session).isEnded();
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_COUNCIL)
			.variables()
			.containsEntry("quorumReached", false);
		assertThat(jdbc.sql("SELECT written, entered_by FROM thidua_council_vote WHERE process_instance_id = :pid "
				+ "AND voter = 'council4'").param("pid", pi.getId()).query().singleRow())
			.containsEntry("written", true)
			.containsEntry("entered_by", "council1");

		// the next session: four in person and council5's written opinion, all counted
		ProcessInstance next = season.openSession();
		season.voteAll(next, pi.getId(), "agree", "agree", "disagree", "agree", null);
		List<Map<String, Object>> written5 = writtenSheet(next, "council5", "agree");
		season.as("council1", () -> {
			sessions.enterWrittenOpinion(next.getId(), "council5", written5);
			return null;
		});
		season.runJobs();
		assertThat(next).isEnded();
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION)
			.variables()
			.containsEntry("councilRound", 2)
			.containsEntry("votesAgree", 4)
			.containsEntry("votesAbstain", 0);
	}

	@Test
	void shouldRefuseTheSameBallotRecordedTwice() {
		// given: council3's ballot, submitted once already in another transaction that has not yet
		// completed her task (two presses of «Hoàn thành» at once)
		ProcessInstance pi = waitingForCouncil("head2", "Mai Thị Hằng", "GK_HOI_PHUONG");
		ProcessInstance session = season.openSession();
		long sessionId = ((Number) runtimeService.getVariable(session.getId(), "councilSessionId")).longValue();
		List<Map<String, Object>> rows = writtenSheet(session, "council3", "agree");
		voting.castBallot(sessionId, "council3", "council3", null, rows);

		// when / then: the second is refused with a sentence, not a database error
		assertThatThrownBy(() -> voting.castBallot(sessionId, "council3", "council3", null, rows))
			.isInstanceOf(vn.thidua.forms.FormValidationException.class)
			.hasMessageContaining("đã được ghi nhận");
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_COUNCIL);
	}

	@Test
	void shouldTakeEveryBallotWhenTheWholeCouncilPressesHoanThanhAtOnce() throws Exception {
		// given: a session whose five members are all at the meeting
		ProcessInstance pi = waitingForCouncil("head5", "Vũ Thị Thu", "GK_HOI_PHUONG");
		ProcessInstance session = season.openSession();

		// when: the five submit their ballots at the same moment (each completion used to update the
		// multi-instance's counters, so all but one failed on the engine's optimistic lock)
		java.util.concurrent.ExecutorService members = java.util.concurrent.Executors.newFixedThreadPool(5);
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(5);
		try {
			List<java.util.concurrent.Future<?>> pressed = new java.util.ArrayList<>();
			for (String member : SeasonSteps.COUNCIL) {
				pressed.add(members.submit(() -> {
					together.await();
					season.cast(session, member, nomination -> "agree");
					return null;
				}));
			}
			// then: nobody is refused
			for (java.util.concurrent.Future<?> press : pressed) {
				press.get();
			}
		}
		finally {
			members.shutdownNow();
		}
		season.runJobs();
		assertThat(session).isEnded().hasPassed(CouncilSessionVariables.TASK_COUNT_BALLOTS);
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION).variables().containsEntry("votesAgree", 5);
	}

	@Test
	void shouldSignTwoDecisionsForABatchLeavingSomeForLater() {
		// given: three approved Giấy khen of the ward union chair wait in one batch
		ProcessInstance first = waitingForCouncil("head5", "Vi Thị Duyên", "GK_HOI_PHUONG");
		ProcessInstance second = waitingForCouncil("head5", "Hà Thị Én", "GK_HOI_PHUONG");
		ProcessInstance third = waitingForCouncil("head6", "Chu Thị Giang", "GK_HOI_PHUONG");
		ProcessInstance session = season.openSession();
		for (String member : SeasonSteps.COUNCIL) {
			season.vote(session, member, pid -> "agree");
		}
		Task signing = season.signingTask(first.getId());
		assertThat(season.signingTask(second.getId())).isEqualTo(signing);
		assertThat(season.signingTask(third.getId())).isEqualTo(signing);
		assertThat(signing).hasCandidateGroup("bode-chair");

		// when: the chair signs one decision for the first two; a number already used is refused
		String number = "40/QĐ-HLHPN-" + System.nanoTime() % 100000;
		season.sign(number, first.getId(), second.getId());
		season.runJobs();
		Task later = season.signingTask(third.getId());
		assertThatThrownBy(() -> season.signOn(later, number, third.getId())).hasMessageContaining(number);
		assertThatThrownBy(() -> season.signOn(later, number + "B", first.getId()))
			.hasMessageContaining("không có trong danh sách");

		// then: the two are awarded under one number, the third still waits in the batch
		assertThat(first).isEnded().hasPassed("EndEvent_AwardGranted");
		assertThat(second).isEnded().hasPassed("EndEvent_AwardGranted");
		assertThat(third).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION);
		assertThat(register.list(List.of("bode"), List.of(), year, null))
			.filteredOn(a -> number.equals(a.decisionNumber()))
			.extracting(a -> a.processInstanceId())
			.containsExactlyInAnyOrder(first.getId(), second.getId());
		assertThat(later.getId()).isNotEqualTo(signing.getId());
		season.sign(number + "B", third.getId());
		assertThat(third).isEnded().hasPassed("EndEvent_AwardGranted");
	}

	// ---------------------------------------------------------------------------------------------

	/** A written opinion: the member's sheet with the same choice on every row. */
	private List<Map<String, Object>> writtenSheet(ProcessInstance session, String member, String vote) {
		return season.sheet(season.ballot(session, member)).stream().map(row -> {
			Map<String, Object> filled = new HashMap<>(row);
			filled.put("vote", vote);
			return (Map<String, Object>) filled;
		}).toList();
	}

	/** A nomination started by the chapter head, approved by the board, its disclosure ended. */
	private ProcessInstance waitingForCouncil(String head, String nominee, String award) {
		ProcessInstance pi = season.as(head, () -> formService.submitStartForm(repositoryService
			.createProcessDefinitionQuery()
			.processDefinitionKey(NominationVariables.PROCESS_KEY)
			.latestVersion()
			.singleResult()
			.getId(), nomination(nominee, award)));
		DossierFixtures.attachRequired(context, pi.getId(), head);
		season.as(head, () -> {
			formService.submitTaskForm(BpmnAwareTests.task(pi).getId(), Map.of());
			return null;
		});
		formService.submitTaskForm(BpmnAwareTests.task(pi).getId(), Map.of("boardDecision", "approve"));
		processEngine.getManagementService()
			.executeJob(processEngine.getManagementService()
				.createJobQuery()
				.processInstanceId(pi.getId())
				.timers()
				.singleResult()
				.getId());
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_COUNCIL);
		return pi;
	}

	private Map<String, Object> nomination(String nominee, String award) {
		Map<String, Object> v = new HashMap<>();
		v.put("nomineeType", nominee.startsWith("Chi hội") ? "COLLECTIVE" : "INDIVIDUAL");
		v.put("nomineeName", nominee);
		v.put("periodYear", (long) year);
		v.put("awardCode", award);
		v.put("achievementReport", "Duy trì mô hình \"Tiết kiệm vì phụ nữ nghèo\" cả năm.");
		v.put("reviewMeetingDate", LocalDate.now().minusDays(3).toString());
		v.put("reviewMeetingAgreed", true);
		v.put("noDisciplineDeclared", true);
		return v;
	}

}
