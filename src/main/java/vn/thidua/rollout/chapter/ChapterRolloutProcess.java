package vn.thidua.rollout.chapter;

import static vn.thidua.partycell.PartyCellReportVariables.PARTY_CELL_GROUP;
import static vn.thidua.partycell.PartyCellReportVariables.REPORT_TOPIC;
import static vn.thidua.partycell.PartyCellReportVariables.ROLLOUT_CHAPTER_ID;
import static vn.thidua.process.ProcessVariables.BOARD_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_NAME;
import static vn.thidua.process.ProcessVariables.SUBJECT;
import static vn.thidua.rollout.ProgrammeVariables.PROGRAMME_YEAR;
import static vn.thidua.rollout.ProgrammeVariables.REGISTRATION_DEADLINE;
import static vn.thidua.rollout.ProgrammeVariables.ROLLOUT_ID;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.CHANGE_REQUEST;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.EXEMPLARY_PEOPLE;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.MID_YEAR_OPENS_AT;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.MID_YEAR_REPORT;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.PARTY_CELL_REPORT;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.PROPOSAL_COUNT;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.REGISTRATION_ENDS_AT;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.SELF_RATING;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.WORK_ITEMS;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.WORK_ITEMS_DECISION;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.YEAR_END_OPENS_AT;
import static vn.thidua.rollout.chapter.ChapterRolloutVariables.YEAR_END_REPORT;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.identity.security.Actor;
import vn.thidua.process.EarlierNames;

/**
 * {@code bpmn/ChapterRollout.bpmn}: the listeners and delegates its elements name. The only code of
 * the package that touches the engine: it reads the variables, calls {@link ChapterRolloutService}
 * with plain values and writes the results back. The variables it passes to the Party cell report
 * are the callee's ({@code PartyCellReportVariables.CALL_INPUTS}).
 */
@Configuration(proxyBeanMethods = false)
class ChapterRolloutProcess {

	/**
	 * StartEvent_ChapterRolloutStarted: the chapter's names, row, Party cell topic and timer dates, and
	 * whether Gateway_PartyCellReportNeeded calls the Party cell (not for a ward in the city's rollout).
	 */
	@Bean
	ExecutionListener chapterRolloutStart(ChapterRolloutService service) {
		return execution -> {
			ChapterRolloutService.Started started = service.start(execution.getProcessInstanceId(),
					CHAPTER_GROUP.get(execution), ROLLOUT_ID.get(execution));
			CHAPTER_NAME.set(execution, started.chapterName());
			SUBJECT.set(execution, started.subject());
			PARTY_CELL_REPORT.set(execution, started.partyCellReport());
			if (started.partyCellReport()) {
				PARTY_CELL_GROUP.set(execution, started.partyCellGroup());
				REPORT_TOPIC.set(execution, started.reportTopic());
			}
			ROLLOUT_CHAPTER_ID.set(execution, started.chapterId());
			REGISTRATION_ENDS_AT.set(execution, started.registrationEndsAt().toString());
			MID_YEAR_OPENS_AT.set(execution, started.midYearOpensAt().toString());
			YEAR_END_OPENS_AT.set(execution, started.yearEndOpensAt().toString());
		};
	}

	/** End of CallActivity_PartyCellReport: the chapter has its Party cell's guidance. */
	@Bean
	ExecutionListener chapterRolloutGuidanceReceived(ChapterRolloutService service) {
		return execution -> service.guidanceReceived(ROLLOUT_CHAPTER_ID.get(execution));
	}

	/** Completion of Task_RegisterWorkItems: checks and stores the work items; the board decides afresh. */
	@Bean
	TaskListener chapterRolloutWorkItemsRegistered(ChapterRolloutService service, Actor actor) {
		return task -> {
			service.workItemsRegistered(ROLLOUT_CHAPTER_ID.get(task), WORK_ITEMS.get(task),
					actor.idOr(task.getAssignee()));
			task.getExecution().removeVariable(WORK_ITEMS_DECISION.name());
		};
	}

	/** Completion of Task_BoardAcknowledgeWorkItems: acknowledged, or changes asked. */
	@Bean
	TaskListener chapterRolloutWorkItemsAcknowledged(ChapterRolloutService service) {
		return task -> service.workItemsAcknowledged(ROLLOUT_CHAPTER_ID.get(task), WORK_ITEMS_DECISION.get(task),
				CHANGE_REQUEST.get(task));
	}

	/** Task_MarkRegistrationLate: marks the chapter late and tells it and the board. */
	@Bean
	JavaDelegate chapterRolloutRegistrationLate(ChapterRolloutService service) {
		return execution -> service.registrationLate(chapter(execution));
	}

	/** Completion of Task_MidYearReport: stores the mid-year report. */
	@Bean
	TaskListener chapterRolloutMidYearReport(ChapterRolloutService service) {
		return task -> service.midYearReported(ROLLOUT_CHAPTER_ID.get(task), MID_YEAR_REPORT.get(task));
	}

	/** Completion of Task_YearEndReport: report, self-rating, proposed people; the gateway reads their count. */
	@Bean
	TaskListener chapterRolloutYearEndReport(ChapterRolloutService service, Actor actor) {
		return task -> PROPOSAL_COUNT.set(task, service.yearEndReported(ROLLOUT_CHAPTER_ID.get(task),
				YEAR_END_REPORT.get(task), SELF_RATING.get(task), EXEMPLARY_PEOPLE.get(task),
				actor.idOr(task.getAssignee())));
	}

	/** Task_InformBoardOfProposals: the board learns the proposed people. */
	@Bean
	JavaDelegate chapterRolloutProposals(ChapterRolloutService service) {
		return execution -> service.proposalsMade(chapter(execution));
	}

	private static ChapterRolloutService.Chapter chapter(DelegateExecution execution) {
		return new ChapterRolloutService.Chapter(ROLLOUT_ID.get(execution), ROLLOUT_CHAPTER_ID.get(execution),
				CHAPTER_GROUP.get(execution), CHAPTER_NAME.get(execution), BOARD_GROUP.get(execution),
				SUBJECT.get(execution), PROGRAMME_YEAR.get(execution), REGISTRATION_DEADLINE.get(execution));
	}

	/** The bean names versions deployed before December 2026 call, kept for their running instances. */
	@Bean
	static BeanDefinitionRegistryPostProcessor chapterRolloutEarlierNames() {
		return EarlierNames.aliases(Map.ofEntries(
				Map.entry("chapterRolloutStartListener", "chapterRolloutStart"),
				Map.entry("chapterGuidanceReceivedListener", "chapterRolloutGuidanceReceived"),
				Map.entry("workItemsRegisteredListener", "chapterRolloutWorkItemsRegistered"),
				Map.entry("workItemsAcknowledgedListener", "chapterRolloutWorkItemsAcknowledged"),
				Map.entry("registrationLateDelegate", "chapterRolloutRegistrationLate"),
				Map.entry("midYearReportListener", "chapterRolloutMidYearReport"),
				Map.entry("yearEndReportListener", "chapterRolloutYearEndReport"),
				Map.entry("exemplaryProposalsDelegate", "chapterRolloutProposals")));
	}

}
