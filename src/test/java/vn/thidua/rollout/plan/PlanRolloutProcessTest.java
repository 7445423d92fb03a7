package vn.thidua.rollout.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.thidua.rollout.RolloutDriver.validation;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import vn.thidua.partycell.PartyCellReportVariables;
import vn.thidua.rollout.ProgrammeVariables;
import vn.thidua.rollout.RecordingNotifier;
import vn.thidua.rollout.ProgrammeDates;
import vn.thidua.rollout.RolloutDriver;
import vn.thidua.rollout.RolloutRepository;
import vn.thidua.rollout.RolloutState;
import vn.thidua.rollout.chapter.ChapterRolloutVariables;
import vn.thidua.support.ProcessTest;

/** Every path of {@code bpmn/PlanRollout.bpmn} on the real engine and database. */
@ProcessTest
@Import(RecordingNotifier.Config.class)
class PlanRolloutProcessTest {

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	IdentityService identityService;

	@Autowired
	RolloutRepository repository;

	@Autowired
	RecordingNotifier notifier;

	RolloutDriver driver;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(processEngine);
		driver = new RolloutDriver(processEngine);
		notifier.clear();
	}

	/** Next year's programme as {@link RolloutDriver#startByBoard1()} submits it. */
	private static final ProgrammeDates DATES = ProgrammeDates.nextYear();

	@AfterEach
	void logout() {
		identityService.clearAuthentication();
	}

	@Test
	void shouldReturnTheProgrammeToTheBoardUntilTheChairApprovesIt() {
		// given
		ProcessInstance pi = driver.startByBoard1();
		assertThat(pi).isWaitingAt(PlanRolloutVariables.TASK_CHAIR_APPROVE)
			.variables()
			.containsEntry("wardCode", "bode")
			.containsEntry("subject", "Chương trình công tác năm " + DATES.year())
			.containsEntry("chairGroup", "bode-chair")
			.containsEntry("boardGroup", "bode-board")
			.containsEntry("initiator", "board1");
		assertThat(driver.task(pi, PlanRolloutVariables.TASK_CHAIR_APPROVE)).hasCandidateGroup("bode-chair");

		// when: returned without a reason, then with one
		Task approval = driver.task(pi, PlanRolloutVariables.TASK_CHAIR_APPROVE);
		assertThatThrownBy(() -> driver.complete(approval, Map.of("programmeDecision", "return")))
			.satisfies(ex -> assertThat(validation(ex).getField()).isEqualTo("returnReason"))
			.satisfies(ex -> assertThat(validation(ex).getMessage()).isEqualTo("Vui lòng nhập lý do trả lại"));
		driver.complete(approval, Map.of("programmeDecision", "return", "returnReason", "Bổ sung chỉ tiêu phát triển hội viên."));

		// then
		assertThat(pi).isWaitingAt(PlanRolloutVariables.TASK_BOARD_REVISE);
		assertThat(driver.task(pi, PlanRolloutVariables.TASK_BOARD_REVISE)).hasCandidateGroup("bode-board");
		long rolloutId = rolloutId(pi);
		assertThat(repository.findRollout(rolloutId).orElseThrow().state()).isEqualTo("RETURNED");

		// when: the board revises, the chair approves
		var revised = RolloutDriver.programme(DATES);
		revised.putValue("theme", "Năm chăm lo đời sống hội viên");
		driver.complete(driver.task(pi, PlanRolloutVariables.TASK_BOARD_REVISE), revised);
		assertThat(pi).isWaitingAt(PlanRolloutVariables.TASK_CHAIR_APPROVE);
		driver.approve(pi);

		// then: every chapter head and board member is asked to comment
		assertThat(repository.findRollout(rolloutId).orElseThrow().programme().theme())
			.isEqualTo("Năm chăm lo đời sống hội viên");
		assertThat(driver.tasks(pi, PlanRolloutVariables.TASK_COMMENT)).extracting(Task::getAssignee)
			.containsExactlyInAnyOrder("head1", "head2", "head3", "head4", "head5", "head6", "board1", "board2");
		assertThat(pi).variables().containsEntry("conferenceEndsAt", DATES.conferenceDeadline().plusDays(1) + "T00:00");
	}

	@Test
	void shouldRefuseDatesOutOfOrderAndStartersOutsideTheBoard() {
		var wrongOrder = RolloutDriver.programme(DATES);
		wrongOrder.putValue("midYearReportDate", DATES.year() + "-02-01");
		assertThatThrownBy(() -> driver.startAs("board1", List.of("bode", "bode-board"), wrongOrder))
			.satisfies(ex -> assertThat(validation(ex).getField()).isEqualTo("midYearReportDate"));
		var pastDeadline = RolloutDriver.programme(DATES);
		pastDeadline.putValue("conferenceDeadline", ProgrammeDates.today().minusDays(1).toString());
		assertThatThrownBy(() -> driver.startAs("board1", List.of("bode", "bode-board"), pastDeadline))
			.satisfies(ex -> assertThat(validation(ex).getField()).isEqualTo("conferenceDeadline"))
			.satisfies(ex -> assertThat(validation(ex).getMessage()).startsWith("«Hạn góp ý chương trình» đã qua"));
		assertThatThrownBy(() -> driver.startAs("head1", List.of("bode", "bode-ch01"), RolloutDriver.programme(DATES)))
			.isInstanceOf(AuthorizationException.class);
	}

	@Test
	void shouldGiveTheChairEveryCommentAndRollOutToEveryChapter() {
		// given
		ProcessInstance pi = driver.startAs("chair", List.of("bode", "bode-chair"), RolloutDriver.programme(DATES));
		driver.approve(pi);

		// when: all eight comment (the source's conference had 8 comments)
		for (Task t : driver.tasks(pi, PlanRolloutVariables.TASK_COMMENT)) {
			assertThat(processEngine.getTaskService().getVariable(t.getId(), "programmeComment")).isNull();
			driver.complete(t, Map.of("programmeComment", "Ý kiến của " + t.getAssignee()));
		}

		// then
		assertThat(pi).isWaitingAt(PlanRolloutVariables.TASK_CHAIR_CONCLUDE)
			.hasNotPassed(PlanRolloutVariables.TIMER_CONFERENCE_DEADLINE);
		assertThat(driver.task(pi, PlanRolloutVariables.TASK_CHAIR_CONCLUDE)).hasCandidateGroup("bode-chair");
		assertThat(pi).variables().containsEntry("commentCount", 8);
		assertThat((String) processEngine.getRuntimeService().getVariable(pi.getId(), "conferenceComments"))
			.contains("1. ", "8. ", "Ý kiến của head3", "Ý kiến của board2", "Nguyễn Thị Ánh (head1)");
		assertThat(repository.comments(rolloutId(pi))).hasSize(8);

		// when: the chair concludes
		driver.complete(driver.task(pi, PlanRolloutVariables.TASK_CHAIR_CONCLUDE),
				Map.of("conclusion", "Tiếp thu các ý kiến; các chi hội báo cáo chi bộ."));

		// then: one ChapterRollout per chapter of the organisation, each reporting to its Party cell
		assertThat(pi).isWaitingAt(PlanRolloutVariables.CALL_CHAPTER_ROLLOUT);
		List<ProcessInstance> chapters = driver.chapters(pi);
		assertThat(chapters).hasSize(6);
		ProcessInstance ch2 = driver.chapter(pi, "bode-ch02");
		assertThat(ch2).isWaitingAt(ChapterRolloutVariables.CALL_PARTY_CELL_REPORT)
			.variables()
			.containsEntry("chapterName", "Chi hội Tổ dân phố số 2")
			.containsEntry("partyCellGroup", "bode-ch02-cell")
			.containsEntry("subject", "Triển khai chương trình công tác năm " + DATES.year() + " – Chi hội Tổ dân phố số 2");
		assertThat(driver.task(driver.cellReport(ch2), PartyCellReportVariables.TASK_WRITE_REPORT))
			.hasCandidateGroup("bode-ch02");
		assertThat(repository.findRollout(rolloutId(pi)).orElseThrow().state()).isEqualTo("ROLLING_OUT");
	}

	@Test
	void shouldCloseTheConferenceAtItsDeadlineAndEndWhenTheBoardConfirmsTheRatings() {
		// given
		ProcessInstance pi = driver.startByBoard1();
		driver.approve(pi);
		driver.complete(driver.tasks(pi, PlanRolloutVariables.TASK_COMMENT).get(0), Map.of("programmeComment", "Đồng ý."));

		// when: the deadline passes with one comment in, seven tasks simply close
		driver.executeJob(pi, PlanRolloutVariables.TIMER_CONFERENCE_DEADLINE);

		// then
		assertThat(pi).hasPassed(PlanRolloutVariables.TIMER_CONFERENCE_DEADLINE)
			.isWaitingAt(PlanRolloutVariables.TASK_CHAIR_CONCLUDE);
		assertThat(driver.tasks(pi, PlanRolloutVariables.TASK_COMMENT)).isEmpty();
		assertThat(pi).variables().containsEntry("commentCount", 1);

		// when: every chapter finishes its year
		driver.complete(driver.task(pi, PlanRolloutVariables.TASK_CHAIR_CONCLUDE), Map.of("conclusion", "Thống nhất."));
		driver.chapters(pi).forEach(driver::finishChapter);

		// then: the board confirms the ratings
		assertThat(pi).isWaitingAt(PlanRolloutVariables.TASK_BOARD_CONFIRM_RATINGS);
		assertThat(driver.task(pi, PlanRolloutVariables.TASK_BOARD_CONFIRM_RATINGS)).hasCandidateGroup("bode-board");
		assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "chapterRatings").toString())
			.contains("Chi hội Tổ dân phố số 6", "Vững mạnh");
		Task confirm = driver.task(pi, PlanRolloutVariables.TASK_BOARD_CONFIRM_RATINGS);
		assertThatThrownBy(() -> driver.complete(confirm, Map.of("ratingsConfirmed", false)))
			.satisfies(ex -> assertThat(validation(ex).getField()).isEqualTo("ratingsConfirmed"));
		driver.complete(confirm, Map.of("ratingsConfirmed", true, "ratingsNote", "Các chi hội hoàn thành tốt."));

		assertThat(pi).isEnded().hasPassed(PlanRolloutVariables.END_EVENT);
		assertThat(repository.findRollout(rolloutId(pi)).orElseThrow().state()).isEqualTo("COMPLETED");
		assertThat(repository.chapters(rolloutId(pi))).allSatisfy(c -> {
			assertThat(c.state()).isEqualTo(RolloutState.YEAR_END_DONE);
			assertThat(c.confirmedRating()).isEqualTo("Vững mạnh");
		});
		assertThat(notifier.sent(PlanRolloutService.TEMPLATE_RATINGS_CONFIRMED)).singleElement()
			.satisfies(s -> assertThat(s.recipients().groups()).contains("bode-ch01", "bode-ch06", "bode-chair"));
	}

	@Test
	void shouldRollTheCitysProgrammeOutToEveryWardsChairWithoutAPartyCellReport() {
		// given: the city's chair drafts; the level comes from the organisation
		ProcessInstance pi = driver.startByCityChair();
		assertThat(pi).isWaitingAt(PlanRolloutVariables.TASK_CHAIR_APPROVE)
			.variables()
			.containsEntry("wardCode", "hanoi")
			.containsEntry("chapterName", "Hội LHPN thành phố Hà Nội")
			.containsEntry("chairGroup", "hanoi-chair")
			.containsEntry("boardGroup", "hanoi-board");
		driver.approve(pi);
		assertThat(driver.tasks(pi, PlanRolloutVariables.TASK_COMMENT)).extracting(Task::getAssignee)
			.containsExactlyInAnyOrder("chair", "lbchair", "plchair", "cityboard1", "cityboard2");

		// when
		driver.executeJob(pi, PlanRolloutVariables.TIMER_CONFERENCE_DEADLINE);
		driver.complete(driver.task(pi, PlanRolloutVariables.TASK_CHAIR_CONCLUDE), Map.of("conclusion", "Thống nhất."));

		// then: each ward's part goes to its chair group, straight to the registration
		assertThat(driver.chapters(pi)).hasSize(3);
		Map<String, String> wards = Map.of("bode-chair", "Hội LHPN phường Bồ Đề", "longbien-chair",
				"Hội LHPN phường Long Biên", "phucloi-chair", "Hội LHPN phường Phúc Lợi");
		wards.forEach((group, name) -> {
			ProcessInstance ward = driver.chapter(pi, group);
			assertThat(ward).isWaitingAt(ChapterRolloutVariables.TASK_REGISTER_WORK_ITEMS)
				.hasPassed(ChapterRolloutVariables.GATEWAY_PARTY_CELL_REPORT)
				.hasNotPassed(ChapterRolloutVariables.CALL_PARTY_CELL_REPORT)
				.variables()
				.containsEntry("chapterName", name)
				.containsEntry("partyCellReport", false)
				.containsEntry("boardGroup", "hanoi-board");
			assertThat(driver.cellReport(ward)).isNull();
			assertThat(driver.task(ward, ChapterRolloutVariables.TASK_REGISTER_WORK_ITEMS)).hasCandidateGroup(group);
		});

		// when: every ward's year; the city board acknowledges
		wards.keySet().forEach(group -> {
			ProcessInstance ward = driver.chapter(pi, group);
			driver.registerWorkItems(ward);
			assertThat(driver.task(ward, ChapterRolloutVariables.TASK_BOARD_ACKNOWLEDGE)).hasCandidateGroup("hanoi-board");
			driver.acknowledge(ward);
			driver.midYear(ward);
			driver.yearEnd(ward, "Vững mạnh", null);
		});

		// then: the city board confirms the wards' ratings; the wards' chairs are told
		assertThat(pi).isWaitingAt(PlanRolloutVariables.TASK_BOARD_CONFIRM_RATINGS);
		assertThat(driver.task(pi, PlanRolloutVariables.TASK_BOARD_CONFIRM_RATINGS)).hasCandidateGroup("hanoi-board");
		assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "chapterRatings").toString())
			.contains("Hội LHPN phường Phúc Lợi", "Vững mạnh");
		driver.complete(driver.task(pi, PlanRolloutVariables.TASK_BOARD_CONFIRM_RATINGS),
				Map.of("ratingsConfirmed", true, "ratingsNote", "Ba phường vững mạnh."));
		assertThat(pi).isEnded().hasPassed(PlanRolloutVariables.END_EVENT);
		assertThat(repository.chapters(rolloutId(pi))).hasSize(3).allSatisfy(c -> {
			assertThat(c.partyCellGroup()).isNull();
			assertThat(c.confirmedRating()).isEqualTo("Vững mạnh");
		});
		assertThat(notifier.sent(PlanRolloutService.TEMPLATE_RATINGS_CONFIRMED)).singleElement()
			.satisfies(s -> assertThat(s.recipients().groups()).contains("bode-chair", "longbien-chair", "phucloi-chair"));
	}

	private long rolloutId(ProcessInstance pi) {
		return ((Number) processEngine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(pi.getId())
			.variableName(ProgrammeVariables.ROLLOUT_ID.name())
			.singleResult()
			.getValue()).longValue();
	}

}
