package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.dossier.DossierFixtures;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.support.ProcessTest;
import vn.thidua.support.SeasonSteps;
import vn.thidua.forms.FormValidationException;

/**
 * Every path of bpmn/CommendationNomination.bpmn on the real engine: approve, return and resubmit
 * (with a failed check), reject, duplicate refused, objection during disclosure, quorum missed then
 * reopened, council rejects, above-ward recommendation.
 */
@ProcessTest
class CommendationNominationProcessTest {

	private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

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
	AwardCatalogue catalogue;

	@Autowired
	ApplicationContext context;

	@Autowired
	ObjectionService objections;

	/** Spied, not mocked: the real notifier (if any) still records the mails. */
	@MockitoSpyBean
	Notifier mail;

	private final int year = LocalDate.now().getYear();

	SeasonSteps season;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(processEngine);
		season = new SeasonSteps(processEngine);
	}

	@AfterEach
	void clearAuthentication() {
		identityService.clearAuthentication();
		season.closeOpenSessions();
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
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION)
			.variables()
			.containsEntry("votesAgree", 4)
			.containsEntry("votesDisagree", 1)
			.containsEntry("votesAbstain", 0);
		assertThat(season.signingTask(pi.getId())).hasCandidateGroup("bode-chair");
		signDecision(pi, "01/QĐ-HLHPN-" + year);
		assertThat(pi).isEnded().hasPassed("EndEvent_AwardGranted");
		var rows = register.list(List.of("bode"), List.of(), year, null);
		assertThat(rows).anySatisfy(r -> {
			assertThat(r.nomineeName()).isEqualTo("Nguyễn Thị Hạnh");
			assertThat(r.status()).isEqualTo("DECIDED");
			assertThat(r.decisionNumber()).isEqualTo("01/QĐ-HLHPN-" + year);
			assertThat(r.processInstanceId()).isEqualTo(pi.getId());
		});
		verify(mail).send(eq("nomination-approved"), eq(Recipients.users(List.of("head1"))), any());
		verify(mail).send(eq("decision-signed"), any(Recipients.class), any());
	}

	@Test
	void shouldPutOnTheNextSessionOnlyNominationsStillWaitingForTheCouncil() {
		// given: A counted in a session whose count has run, A's continuation after the receive task
		// (asynchronous after) not yet; B reached the council after that session opened
		ProcessInstance a = nominate("head1", nomination("Hà Thị Đã Xét", "GK_HOI_PHUONG"));
		boardDecides(a, "approve", null);
		endDisclosure(a);
		ProcessInstance first = season.openSession();
		ProcessInstance b = nominate("head2", nomination("Hà Thị Chờ Xét", "GK_HOI_PHUONG"));
		boardDecides(b, "approve", null);
		endDisclosure(b);
		for (String member : SeasonSteps.COUNCIL) {
			season.cast(first, member, pid -> "agree");
		}
		// each ballot moves the session on in its own job; then the count's job
		managementService.createJobQuery().processInstanceId(first.getId()).activityId(CouncilSessionVariables.TASK_CAST_BALLOT)
			.list().forEach(ballot -> managementService.executeJob(ballot.getId()));
		Job count = managementService.createJobQuery().processInstanceId(first.getId()).messages().singleResult();
		assertThat(managementService.createJobQuery().processInstanceId(first.getId())
			.activityId(CouncilSessionVariables.TASK_COUNT_BALLOTS).count()).isOne();
		managementService.executeJob(count.getId());
		assertThat(runtimeService.createEventSubscriptionQuery().processInstanceId(a.getId())
			.eventName(NominationVariables.MESSAGE_COUNCIL_DECIDED).count()).as("A received its result").isZero();

		// when: the council's chair opens the next session at once
		ProcessInstance next = season.openSessionNow();

		// then: its ballot lists B, not A again
		List<Object> rows = season.sheet(season.ballot(next, "council1")).stream().map(r -> r.get("nomination")).toList();
		assertThat(rows).contains(b.getId()).doesNotContain(a.getId());
		season.runJobs();
		assertThat(a).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION);
	}

	@Test
	void shouldKeepTheDossierWithTheNominatorUntilEveryRequiredKindIsThere() {
		// given: a nomination for Chiến sĩ thi đua cơ sở (she holds Lao động tiên tiến of the year) waits for
		// its dossier, assigned to its nominator
		held("Lý Thị Ngọc", "bode-ch03", "LAO_DONG_TIEN_TIEN", year);
		ProcessInstance pi = startNomination("head3", nomination("Lý Thị Ngọc", "CSTD_CO_SO"));
		assertThat(pi).isWaitingAt(NominationVariables.TASK_COMPLETE_DOSSIER);
		assertThat(BpmnAwareTests.task(pi)).isAssignedTo("head3");

		// when / then: sending it empty names every missing kind, the initiative proof among them
		assertThatThrownBy(() -> sendDossier(pi, "head3")).satisfies(t -> {
			assertThat(validationError(t).getField()).isEqualTo("dossier");
			assertThat(validationError(t).getMessage()).contains("«Báo cáo thành tích (Mẫu 05)»")
				.contains("«Giấy chứng nhận, xác nhận sáng kiến»");
		});
		assertThat(pi).isWaitingAt(NominationVariables.TASK_COMPLETE_DOSSIER);

		// when: the documents are there
		DossierFixtures.attachRequired(context, pi.getId(), "head3");
		sendDossier(pi, "head3");

		// then
		assertThat(pi).isWaitingAt(NominationVariables.TASK_BOARD_REVIEW).hasPassed(NominationVariables.TASK_CHECK);
	}

	@Test
	void shouldReturnForChangesAndComeBackToBoardAfterResubmission() {
		// given
		ProcessInstance pi = nominate("head1", nomination("Trần Thị Thu", "LAO_DONG_TIEN_TIEN"));

		// when: a return without a reason is refused, the task stays
		assertThatThrownBy(() -> boardDecides(pi, "return", " "))
			.satisfies(t -> assertThat(validationError(t).getField()).isEqualTo("boardReason"));
		assertThat(pi).isWaitingAt(NominationVariables.TASK_BOARD_REVIEW);
		boardDecides(pi, "return", "Bổ sung số liệu về mô hình");

		// then: the chapter revises; a revision that breaks a rule comes back to the chapter
		assertThat(pi).isWaitingAt(NominationVariables.TASK_REVISE);
		assertThat(BpmnAwareTests.task(pi)).hasCandidateGroup("bode-ch01");
		verify(mail).send(eq("nomination-returned"), any(Recipients.class), any());
		Map<String, Object> revised = nomination("Trần Thị Thu", "LAO_DONG_TIEN_TIEN");
		revised.put("periodYear", (long) year - 5);
		formService.submitTaskForm(BpmnAwareTests.task(pi).getId(), revised);
		assertThat(pi).isWaitingAt(NominationVariables.TASK_REVISE)
			.hasPassed(NominationVariables.TASK_CHECK)
			.variables()
			.containsEntry("checksPassed", false);
		assertThat((String) runtimeService.getVariable(pi.getId(), "checksProblem")).contains("không còn nhận đề nghị");

		revised.put("periodYear", (long) year);
		revised.put("achievementReport", "Bổ sung: vận động 45 hội viên tham gia mô hình.");
		formService.submitTaskForm(BpmnAwareTests.task(pi).getId(), revised);
		assertThat(pi).isWaitingAt(NominationVariables.TASK_BOARD_REVIEW).variables().containsEntry("checksPassed", true);
	}

	@Test
	void shouldReturnARevisionThatCannotQualifyByHistoryAndShowTheBoardTheVerdict() {
		// given: a nomination for Lao động tiên tiến at the board, which reads that it qualifies
		ProcessInstance pi = nominate("head5", nomination("Vũ Thị Yến", "LAO_DONG_TIEN_TIEN"));
		Task review = BpmnAwareTests.task(pi);
		assertThat(taskService.getVariableLocal(review.getId(), "eligibility")).isEqualTo("Đủ điều kiện");
		boardDecides(pi, "return", "Đề nghị Bằng khen Trung ương Hội thay cho Lao động tiên tiến");

		// when: the chapter revises it into the Central Union's diploma, with two years of Chiến sĩ thi đua
		// cơ sở before it where the ward's rule asks three
		held("Vũ Thị Yến", "bode-ch05", "CSTD_CO_SO", year - 2);
		held("Vũ Thị Yến", "bode-ch05", "CSTD_CO_SO", year - 1);
		Map<String, Object> revised = nomination("Vũ Thị Yến", "BK_TW_HOI");
		formService.submitTaskForm(BpmnAwareTests.task(pi).getId(), revised);

		// then: it is back with the chapter, the rule named
		assertThat(pi).isWaitingAt(NominationVariables.TASK_REVISE).variables().containsEntry("checksPassed", false);
		assertThat((String) runtimeService.getVariable(pi.getId(), "checksProblem"))
			.contains("Bằng khen Trung ương Hội cần 03 năm liên tục trước đó đạt Chiến sĩ thi đua cơ sở")
			.endsWith("còn thiếu năm " + (year - 3) + ".");
	}

	@Test
	void shouldRejectWithReasonAndFreeTheAchievement() {
		// given
		ProcessInstance pi = nominate("head2", nomination("Lê Thị Hoa", "GK_HOI_PHUONG"));

		// when
		assertThatThrownBy(() -> boardDecides(pi, "reject", null))
			.satisfies(t -> assertThat(validationError(t).getField()).isEqualTo("boardReason"));
		boardDecides(pi, "reject", "Thành tích chưa nổi bật so với các đề nghị khác");

		// then
		assertThat(pi).isEnded().hasPassed("EndEvent_NominationRejected");
		verify(mail).send(eq("nomination-rejected"), any(Recipients.class), any());
		ProcessInstance again = nominate("head2", nomination("Lê Thị Hoa", "GK_HOI_PHUONG"));
		assertThat(again).isWaitingAt(NominationVariables.TASK_BOARD_REVIEW);
	}

	@Test
	void shouldRefuseDuplicateNominationAndUnknownAwardAndForeignChapter() {
		// given
		held("Phạm Thị Lụa", "bode-ch03", "LAO_DONG_TIEN_TIEN", year);
		nominate("head3", nomination("Phạm Thị Lụa", "CSTD_CO_SO"));
		long before = runtimeService.createProcessInstanceQuery().count();

		// when / then: the same nominee (other spacing and case), award and period
		assertThatThrownBy(() -> nominate("head3", nomination("  phạm  thị lụa ", "CSTD_CO_SO")))
			.satisfies(t -> assertThat(validationError(t).getMessage()).contains("một thành tích chỉ khen một lần"));
		assertThatThrownBy(() -> nominate("head3", nomination("Đỗ Thị Na", "KHONG_CO")))
			.satisfies(t -> assertThat(validationError(t).getField()).isEqualTo("awardCode"));
		Map<String, Object> foreign = nomination("Đỗ Thị Na", "GK_HOI_PHUONG");
		foreign.put("chapterCode", "ch01");
		assertThatThrownBy(() -> nominate("head3", foreign))
			.satisfies(t -> assertThat(validationError(t).getField()).isEqualTo("chapterCode"));
		Map<String, Object> tooLong = nomination("Đỗ Thị Na", "GK_HOI_PHUONG");
		tooLong.put("achievementReport", "a".repeat(100_000));
		assertThatThrownBy(() -> nominate("head3", tooLong))
			.satisfies(t -> assertThat(validationError(t).getField()).isEqualTo("achievementReport"));
		Map<String, Object> closedYear = nomination("Đỗ Thị Na", "GK_HOI_PHUONG");
		closedYear.put("periodYear", (long) year - 5);
		assertThatThrownBy(() -> nominate("head3", closedYear))
			.satisfies(t -> assertThat(validationError(t).getField()).isEqualTo("periodYear"));
		assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(before);

		// the board nominates for a chapter of its ward
		ProcessInstance byBoard = nominate("board1", foreign);
		assertThat(byBoard).variables().containsEntry("chapterGroup", "bode-ch01").containsEntry("initiator", "board1");
	}

	@Test
	void shouldSendNominationBackToBoardOnObjectionDuringDisclosure() {
		// given
		ProcessInstance pi = nominate("head4", nomination("Hoàng Thị Yến", "GK_HOI_PHUONG"));
		boardDecides(pi, "approve", null);
		assertThat(pi).isWaitingAt(NominationVariables.DISCLOSURE_GATEWAY);

		// when
		objections.lodge(pi.getId(), "head5", "Chị Yến đang có đơn khiếu nại ở tổ dân phố");

		// then
		assertThat(pi).isWaitingAt(NominationVariables.TASK_BOARD_REVIEW)
			.hasPassed(NominationVariables.TASK_RECORD_OBJECTION)
			.variables()
			.containsEntry("objectionReason", "Chị Yến đang có đơn khiếu nại ở tổ dân phố")
			.containsEntry("objectionCount", 1);
		verify(mail).send(eq("objection-lodged"), any(Recipients.class), any());
		assertThatThrownBy(() -> objections.lodge(pi.getId(), "head5", "lần hai"))
			.isInstanceOf(ObjectionService.Refused.class);
		// it left the ward's next digest; approved again, it enters it again
		assertThat(digestIds(pi)).containsExactly(DisclosureDigest.WITHDRAWN);
		boardDecides(pi, "approve", null);
		assertThat(pi).isWaitingAt(NominationVariables.DISCLOSURE_GATEWAY);
		assertThat(digestIds(pi)).containsExactly(DisclosureDigest.WITHDRAWN, null);
	}

	private List<String> digestIds(ProcessInstance pi) {
		return jdbc.sql("SELECT digest_id FROM thidua_disclosure_entry WHERE process_instance_id = :pid ORDER BY id")
			.param("pid", pi.getId())
			.query((rs, n) -> rs.getString(1))
			.list();
	}

	@Test
	void shouldTellChairAndReopenVoteWhenQuorumIsMissedAtDeadline() {
		// given
		ProcessInstance pi = nominate("head5", nomination("Vũ Thị Xuân", "GK_UBND_PHUONG"));
		boardDecides(pi, "approve", null);
		endDisclosure(pi);

		// when: the session's last day passes with 3 of 5 ballots (quorum 2/3)
		voteAll(pi, "agree", "agree", "agree", null, null);

		// then: the nomination waits for the next session
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_COUNCIL)
			.variables()
			.containsEntry("councilRound", 1)
			.containsEntry("quorumReached", false);
		verify(mail, atLeastOnce()).send(eq("council-session-closed"), any(Recipients.class), any());
		voteAll(pi, "agree", "agree", "agree", "agree", null);
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION)
			.variables()
			.containsEntry("votesAgree", 4)
			.containsEntry("votesAbstain", 1);
	}

	@Test
	void shouldEndWhenCouncilDoesNotAgree() {
		// given
		ProcessInstance pi = nominate("head6", nomination("Bùi Thị Quế", "GK_HOI_PHUONG"));
		boardDecides(pi, "approve", null);
		endDisclosure(pi);

		// when: 2 of 5 agree (needs more than half of all members)
		voteAll(pi, "agree", "disagree", "agree", "disagree", "disagree");

		// then
		assertThat(pi).isEnded().hasPassed("EndEvent_CouncilRejected");
		verify(mail).send(eq("nomination-council-rejected"), any(Recipients.class), any());
	}

	@Test
	void shouldRecordRecommendationWhenAwardIsAboveTheWard() {
		// given: two years of ward awards before, as the city union's diploma asks
		held("Ngô Thị Sen", "bode-ch01", "GK_HOI_PHUONG", year - 2);
		held("Ngô Thị Sen", "bode-ch01", "LAO_DONG_TIEN_TIEN", year - 1);
		ProcessInstance pi = nominate("head1", nomination("Ngô Thị Sen", "BK_HOI_THANH_PHO"));
		assertThat(pi).variables().containsEntry("decisionPath", "RECOMMENDATION");
		boardDecides(pi, "approve", null);
		endDisclosure(pi);

		// when
		voteAll(pi, "agree", "agree", "agree", "agree", "agree");

		// then
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_REQUEST_LETTER);
		season.sign("05/TTr-HLHPN-" + year, pi.getId());
		assertThat(pi).isEnded().hasPassed("EndEvent_Recommended");
		assertThat(register.list(List.of("bode"), List.of(), year, "bode-ch01"))
			.anySatisfy(r -> {
				assertThat(r.nomineeName()).isEqualTo("Ngô Thị Sen");
				assertThat(r.status()).isEqualTo("RECOMMENDED");
				assertThat(r.decisionNumber()).isNull();
			});
		verify(mail).send(eq("recommendation-sent"), any(Recipients.class), any());
	}

	@Test
	void shouldKeepBallotsOutOfVariablesAndHistory() {
		// given
		ProcessInstance pi = nominate("head2", nomination("Đinh Thị Mơ", "GK_HOI_PHUONG"));
		boardDecides(pi, "approve", null);
		endDisclosure(pi);
		ProcessInstance session = season.openSession();
		Task ballot = season.ballot(session, "council1");
		assertThat(taskService.getVariablesLocal(ballot.getId())).containsKey("ballot");
		assertThat(runtimeService.getVariables(session.getId())).doesNotContainKey("ballot");

		// when
		season.voteAll(session, pi.getId(), "disagree", "agree", "agree", "agree", null);
		season.deadline(session);

		// then
		assertThat(runtimeService.getVariables(pi.getId())).doesNotContainKeys("vote", "voteComment", "ballot");
		for (String instance : List.of(pi.getId(), session.getId())) {
			assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
				.variableNameIn("vote", "voteComment", "ballot").count()).isZero();
			assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).list())
				.noneMatch(d -> d instanceof org.camunda.bpm.engine.history.HistoricFormField f
						&& List.of("vote", "voteComment", "ballot").contains(f.getFieldId()))
				.noneMatch(d -> d instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate u
						&& List.of("vote", "voteComment", "ballot").contains(u.getVariableName()));
		}
		assertThat(jdbc.sql("SELECT vote FROM thidua_council_vote WHERE process_instance_id = :pid AND voter = 'council1'")
			.param("pid", pi.getId()).query(String.class).single()).isEqualTo("disagree");
	}

	@Test
	void shouldEndTheDisclosureAtTheEndOfTheTenthWorkingDayAcrossTheWeekendsAndHolidays() {
		// given: a nomination at the board, and the engine clock at Wednesday 22/04/2026 10:00 in Hanoi
		ProcessInstance pi = nominate("head1", nomination("Lý Thị Xuân", "GK_HOI_PHUONG"));
		ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 4, 22, 10, 0, 0, 0, HANOI).toInstant()));
		try {
			// when: the board approves (thidua.nomination.disclosure-period: 10 working days)
			boardDecides(pi, "approve", null);

			// then: 23, 24, 28, 29 April (Giỗ Tổ taken on Monday 27/04; 30/04 and 01/05 off), 4–8 and 11 May;
			// the window is open all of Monday 11/05/2026
			assertThat(pi).isWaitingAt(NominationVariables.DISCLOSURE_GATEWAY);
			Job timer = managementService.createJobQuery()
				.processInstanceId(pi.getId())
				.activityId(NominationVariables.DISCLOSURE_TIMER)
				.singleResult();
			assertThat(timer.getDuedate().toInstant())
				.isEqualTo(ZonedDateTime.of(2026, 5, 11, 23, 59, 59, 0, HANOI).toInstant());
			// the nominator's own mail says so; the ward gets the daily digest, not a mail of this nomination
			verify(mail).send(eq("nomination-approved"), eq(Recipients.users(List.of("head1"))),
					argThat(model -> "11/05/2026".equals(model.get("disclosureEnds"))
							&& "10 ngày làm việc".equals(model.get("disclosurePeriod"))));
			assertThat(jdbc.sql("SELECT ward_code FROM thidua_disclosure_entry WHERE process_instance_id = :pid "
					+ "AND digest_id IS NULL")
				.param("pid", pi.getId())
				.query(String.class)
				.list()).containsExactly("bode");
		}
		finally {
			ClockUtil.reset();
		}
	}

	// ---------------------------------------------------------------------------------------------

	/** A decision of the register: the history a title builds on (bpmn/AwardEligibility.dmn). */
	void held(String nominee, String chapterGroup, String award, int periodYear) {
		register.record(new AwardRegister.NewAward("held-" + java.util.UUID.randomUUID(), "bode", chapterGroup,
				"Chi hội", "INDIVIDUAL", nominee, catalogue.find(award).orElseThrow(), periodYear, AwardEntry.DECIDED,
				"H-" + System.nanoTime(), LocalDate.of(periodYear, 12, 20), "chair", 5, 0, 0));
	}

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

	/** Starts a nomination, attaches the required documents and sends the dossier to the board. */
	ProcessInstance nominate(String user, Map<String, Object> variables) {
		ProcessInstance pi = startNomination(user, variables);
		assertThat(pi).isWaitingAt(NominationVariables.TASK_COMPLETE_DOSSIER);
		DossierFixtures.attachRequired(context, pi.getId(), user);
		sendDossier(pi, user);
		return pi;
	}

	void sendDossier(ProcessInstance pi, String user) {
		login(user);
		try {
			formService.submitTaskForm(BpmnAwareTests.task(pi).getId(), Map.of());
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	ProcessInstance startNomination(String user, Map<String, Object> variables) {
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

	/**
	 * The council meets: a session over every nomination waiting, each member in order votes on this
	 * one as given (null: does not vote; she agrees on the others); the session's last day passes when
	 * someone did not vote.
	 */
	void voteAll(ProcessInstance pi, String... votes) {
		ProcessInstance session = season.openSession();
		season.voteAll(session, pi.getId(), votes);
		if (java.util.Arrays.asList(votes).contains(null)) {
			season.deadline(session);
		}
		season.runJobs();
	}

	void signDecision(ProcessInstance pi, String number) {
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_DECISION);
		season.sign(number, pi.getId());
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
