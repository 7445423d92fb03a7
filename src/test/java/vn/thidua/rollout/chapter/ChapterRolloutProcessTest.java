package vn.thidua.rollout.chapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static vn.thidua.rollout.RolloutDriver.validation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import vn.thidua.rollout.ProgrammeVariables;
import vn.thidua.rollout.RecordingNotifier;
import vn.thidua.rollout.ProgrammeDates;
import vn.thidua.rollout.RolloutDriver;
import vn.thidua.rollout.RolloutProgressService;
import vn.thidua.rollout.RolloutRepository;
import vn.thidua.rollout.RolloutState;
import vn.thidua.rollout.plan.PlanRolloutVariables;
import vn.thidua.support.ProcessTest;

/** Every path of {@code bpmn/ChapterRollout.bpmn}, one chapter's year, on the real engine and database. */
@ProcessTest
@Import(RecordingNotifier.Config.class)
class ChapterRolloutProcessTest {

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	IdentityService identityService;

	@Autowired
	RolloutRepository repository;

	@Autowired
	RolloutProgressService progressService;

	@Autowired
	RecordingNotifier notifier;

	RolloutDriver driver;

	ProcessInstance plan;

	/** The year of the programme {@link RolloutDriver#startByBoard1()} starts: next year. */
	private static final int YEAR = ProgrammeDates.nextYear().year();

	@BeforeEach
	void rollOut() {
		BpmnAwareTests.init(processEngine);
		driver = new RolloutDriver(processEngine);
		notifier.clear();
		plan = driver.startByBoard1();
		driver.rollOut(plan);
	}

	@AfterEach
	void reset() {
		ClockUtil.reset();
		identityService.clearAuthentication();
	}

	@Test
	void shouldMarkAChapterLateWhenTheRegistrationDeadlinePasses() {
		// given: chapter 2 registers in time, chapter 1 has not even reported to its Party cell
		ProcessInstance ch1 = driver.chapter(plan, "bode-ch01");
		ProcessInstance ch2 = driver.chapter(plan, "bode-ch02");
		driver.reportToCell(ch2);
		driver.registerWorkItems(ch2);
		driver.acknowledge(ch2);
		assertThat(ch2).isWaitingAt(ChapterRolloutVariables.TIMER_MID_YEAR);

		// when: the registration deadline passes
		ClockUtil.setCurrentTime(date(ProgrammeDates.nextYear().registrationDeadline().plusDays(1)));
		driver.executeJob(ch1, ChapterRolloutVariables.TIMER_REGISTRATION_OVERDUE);

		// then: chapter 1 is late but keeps going
		assertThat(ch1).hasPassed(ChapterRolloutVariables.TASK_MARK_REGISTRATION_LATE)
			.isWaitingAt(ChapterRolloutVariables.CALL_PARTY_CELL_REPORT);
		assertThat(notifier.sent(ChapterRolloutService.TEMPLATE_REGISTRATION_LATE)).singleElement()
			.satisfies(s -> assertThat(s.recipients().groups()).containsExactlyInAnyOrder("bode-board", "bode-ch01"));
		var progress = progressService.progress(repository.findRollout(rolloutId()).orElseThrow());
		var chapter1 = progress.chapters().stream().filter(c -> c.chapterGroup().equals("bode-ch01")).findFirst().orElseThrow();
		var chapter2 = progress.chapters().stream().filter(c -> c.chapterGroup().equals("bode-ch02")).findFirst().orElseThrow();
		assertThat(chapter1.state()).isEqualTo(RolloutState.WAITING_FOR_REPORT);
		assertThat(chapter1.overdue()).extracting(RolloutProgressService.Overdue::code).containsExactly("REGISTRATION");
		assertThat(chapter2.state()).isEqualTo(RolloutState.REGISTERED);
		assertThat(chapter2.overdue()).isEmpty();
		assertThat(chapter2.workItems()).hasSize(1);
		assertThat(progress.summary()).containsEntry("chapters", 6).containsEntry("REGISTERED", 1);

		// and a chapter that registered in time but waits for the board's acknowledgement is not late
		ProcessInstance ch3 = driver.chapter(plan, "bode-ch03");
		driver.reportToCell(ch3);
		driver.registerWorkItems(ch3);
		driver.executeJob(ch3, ChapterRolloutVariables.TIMER_REGISTRATION_OVERDUE);
		assertThat(ch3).isWaitingAt(ChapterRolloutVariables.TASK_BOARD_ACKNOWLEDGE);
		assertThat(repository.chapters(rolloutId()).get(2).registrationLate()).isFalse();
		assertThat(notifier.sent(ChapterRolloutService.TEMPLATE_REGISTRATION_LATE)).hasSize(1);

		// when: it registers afterwards, it is no longer overdue
		driver.reportToCell(ch1);
		driver.registerWorkItems(ch1);
		assertThat(progressService.progress(repository.findRollout(rolloutId()).orElseThrow())
			.chapters()
			.get(0)
			.overdue()).isEmpty();
	}

	@Test
	void shouldLetTheBoardAskForChangesBeforeAcknowledging() {
		// given
		ProcessInstance ch4 = driver.chapter(plan, "bode-ch04");
		driver.reportToCell(ch4);
		assertThat(ch4).isWaitingAt(ChapterRolloutVariables.TASK_REGISTER_WORK_ITEMS);
		assertThat(driver.task(ch4, ChapterRolloutVariables.TASK_REGISTER_WORK_ITEMS)).hasCandidateGroup("bode-ch04");
		assertThat(repository.chapters(rolloutId()).get(3).state()).isEqualTo(RolloutState.GUIDANCE_RECEIVED);

		// when: nothing, or an incomplete item, is registered
		Task register = driver.task(ch4, ChapterRolloutVariables.TASK_REGISTER_WORK_ITEMS);
		assertThatThrownBy(() -> driver.complete(register, Map.of()))
			.satisfies(ex -> assertThat(validation(ex).getMessage()).contains("ít nhất một"));
		assertThatThrownBy(() -> driver.complete(register, Variables.createVariables()
			.putValueTyped("workItems", SpinValues.jsonValue("[{\"name\":\"Mô hình\",\"target\":\"10\"}]").create())))
			.satisfies(ex -> assertThat(validation(ex).getField()).isEqualTo("workItems"));
		// a name longer than the form's 200 characters is refused by the form's own check on the server
		String tooLong = "M".repeat(201);
		assertThatThrownBy(() -> driver.complete(register, Variables.createVariables()
			.putValueTyped("workItems", SpinValues.jsonValue("[{\"name\":\"" + tooLong
					+ "\",\"target\":\"10\",\"successMeasure\":\"10\",\"deadline\":\"" + YEAR + "-11-30\"}]").create())))
			.satisfies(ex -> assertThat(validation(ex).getField()).isEqualTo("workItems"))
			.satisfies(ex -> assertThat(validation(ex).getMessage()).contains("200"));
		driver.registerWorkItems(ch4);

		// then the board asks for changes (a reason is required)
		Task acknowledge = driver.task(ch4, ChapterRolloutVariables.TASK_BOARD_ACKNOWLEDGE);
		assertThat(acknowledge).hasCandidateGroup("bode-board");
		assertThatThrownBy(() -> driver.complete(acknowledge, Map.of("workItemsDecision", "changes")))
			.satisfies(ex -> assertThat(validation(ex).getField()).isEqualTo("changeRequest"));
		driver.complete(acknowledge, Map.of("workItemsDecision", "changes", "changeRequest", "Thêm chỉ tiêu về hội viên mới."));
		assertThat(ch4).isWaitingAt(ChapterRolloutVariables.TASK_REGISTER_WORK_ITEMS)
			.variables()
			.containsEntry("changeRequest", "Thêm chỉ tiêu về hội viên mới.");

		driver.complete(driver.task(ch4, ChapterRolloutVariables.TASK_REGISTER_WORK_ITEMS), Variables.createVariables()
			.putValueTyped("workItems", SpinValues.jsonValue("""
					[{"name":"Tiết kiệm","target":"20 hội viên","successMeasure":"20 triệu","deadline":"%1$s-11-30"},
					 {"name":"Phát triển hội viên","target":"15 hội viên mới","successMeasure":"15 thẻ","deadline":"%1$s-10-31"}]
					""".formatted(YEAR)).create()));
		driver.acknowledge(ch4);

		// then
		assertThat(ch4).isWaitingAt(ChapterRolloutVariables.TIMER_MID_YEAR);
		assertThat(repository.workItems(rolloutId())).extracting(RolloutRepository.WorkItem::name)
			.containsExactly("Tiết kiệm", "Phát triển hội viên");
		var row = repository.chapters(rolloutId()).get(3);
		assertThat(row.acknowledgedAt()).isNotNull();
		assertThat(row.changeRequest()).isNull();
	}

	@Test
	void shouldRecordTheYearEndRatingAndTheProposedExemplaryPeople() {
		// given
		ProcessInstance ch5 = driver.chapter(plan, "bode-ch05");
		driver.reportToCell(ch5);
		driver.registerWorkItems(ch5);
		driver.acknowledge(ch5);
		driver.midYear(ch5);
		assertThat(repository.chapters(rolloutId()).get(4).state()).isEqualTo(RolloutState.MID_YEAR_DONE);

		// when: a rating off the scale is refused
		driver.executeJob(ch5, ChapterRolloutVariables.TIMER_YEAR_END);
		Task yearEnd = driver.task(ch5, ChapterRolloutVariables.TASK_YEAR_END_REPORT);
		assertThat(yearEnd).hasCandidateGroup("bode-ch05");
		assertThatThrownBy(() -> driver.complete(yearEnd, Map.of("yearEndReport", "Báo cáo.", "selfRating", "Xuất sắc")))
			.satisfies(ex -> assertThat(validation(ex).getField()).isEqualTo("selfRating"));
		assertThatThrownBy(() -> driver.complete(yearEnd, Variables.createVariables()
			.putValue("yearEndReport", "Báo cáo.")
			.putValue("selfRating", "Khá")
			.putValueTyped("exemplaryPeople",
					SpinValues.jsonValue("[{\"fullName\":\"" + "T".repeat(201) + "\"}]").create())))
			.satisfies(ex -> assertThat(validation(ex).getField()).isEqualTo("exemplaryPeople"));
		driver.complete(yearEnd, Variables.createVariables()
			.putValue("yearEndReport", "Hoàn thành vượt chỉ tiêu.")
			.putValue("selfRating", "Khá")
			.putValueTyped("exemplaryPeople", SpinValues.jsonValue("""
					[{"fullName":"Hội viên Nguyễn Thị Tâm","achievement":"Vận động 10 hội viên mới"},
					 {"fullName":"","achievement":""}]""").create()));

		// then
		assertThat(ch5).hasPassed(ChapterRolloutVariables.TASK_INFORM_BOARD_OF_PROPOSALS)
			.isEnded()
			.hasPassed(ChapterRolloutVariables.END_EVENT);
		assertThat(repository.proposals(rolloutId())).singleElement()
			.satisfies(p -> assertThat(p.fullName()).isEqualTo("Hội viên Nguyễn Thị Tâm"));
		var row = repository.chapters(rolloutId()).get(4);
		assertThat(row.state()).isEqualTo(RolloutState.YEAR_END_DONE);
		assertThat(row.selfRating()).isEqualTo("Khá");
		var progress = progressService.progress(repository.findRollout(rolloutId()).orElseThrow());
		assertThat(progress.chapters().get(4).proposals()).singleElement()
			.satisfies(p -> assertThat(p.nominationPrefill()).containsEntry("nomineeName", "Hội viên Nguyễn Thị Tâm")
				.containsEntry("chapterCode", "ch05")
				.containsEntry("periodYear", ProgrammeDates.nextYear().year()));
		assertThat(notifier.sent(ChapterRolloutService.TEMPLATE_EXEMPLARY_PROPOSED)).singleElement()
			.satisfies(s -> assertThat(s.model().get("people").toString()).contains("Nguyễn Thị Tâm"));
	}

	@Test
	void shouldEndTheYearWithoutProposals() {
		// given
		ProcessInstance ch6 = driver.chapter(plan, "bode-ch06");

		// when
		driver.finishChapter(ch6);

		// then
		assertThat(ch6).isEnded()
			.hasPassed(ChapterRolloutVariables.END_EVENT)
			.hasNotPassed(ChapterRolloutVariables.TASK_INFORM_BOARD_OF_PROPOSALS);
		assertThat(repository.proposals(rolloutId())).isEmpty();
		assertThat(notifier.sent(ChapterRolloutService.TEMPLATE_EXEMPLARY_PROPOSED)).isEmpty();
		assertThat(plan).isWaitingAt(PlanRolloutVariables.CALL_CHAPTER_ROLLOUT);
	}

	private long rolloutId() {
		return ((Number) processEngine.getRuntimeService().getVariable(plan.getId(), ProgrammeVariables.ROLLOUT_ID.name()))
			.longValue();
	}

	private static Date date(LocalDate day) {
		return Date.from(day.atStartOfDay(ProgrammeDates.VIETNAM).toInstant());
	}

}
