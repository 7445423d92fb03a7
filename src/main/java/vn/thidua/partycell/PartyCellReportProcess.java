package vn.thidua.partycell;

import static vn.thidua.partycell.PartyCellReportVariables.CELL_REPORT;
import static vn.thidua.partycell.PartyCellReportVariables.CELL_REPORT_ID;
import static vn.thidua.partycell.PartyCellReportVariables.GUIDANCE;
import static vn.thidua.partycell.PartyCellReportVariables.GUIDANCE_DECISION;
import static vn.thidua.partycell.PartyCellReportVariables.GUIDANCE_REQUEST;
import static vn.thidua.partycell.PartyCellReportVariables.PARTY_CELL_GROUP;
import static vn.thidua.partycell.PartyCellReportVariables.REPORT_TOPIC;
import static vn.thidua.partycell.PartyCellReportVariables.REVISION_REASON;
import static vn.thidua.partycell.PartyCellReportVariables.ROLLOUT_CHAPTER_ID;
import static vn.thidua.process.ProcessVariables.BOARD_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_NAME;
import static vn.thidua.process.ProcessVariables.INITIATOR;
import static vn.thidua.process.ProcessVariables.SUBJECT;
import static vn.thidua.process.ProcessVariables.WARD_CODE;

import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.identity.security.Actor;
import vn.thidua.process.EarlierNames;

/**
 * {@code bpmn/ChapterPartyCellReport.bpmn}: the listeners and delegates its elements name. The only
 * code of the package that touches the engine: it reads the variables, calls
 * {@link CellReportService} with plain values and writes the results back.
 */
@Configuration(proxyBeanMethods = false)
class PartyCellReportProcess {

	/** StartEvent_CellReportRequested: checks and fixes the chapter, opens the report's record. */
	@Bean
	ExecutionListener partyCellReportStart(CellReportService service) {
		return execution -> {
			CellReportService.Started started = service.start(new CellReportService.Request(
					execution.getProcessInstanceId(), INITIATOR.get(execution), CHAPTER_GROUP.get(execution),
					execution.getSuperExecution() != null, REPORT_TOPIC.get(execution), ROLLOUT_CHAPTER_ID.get(execution)));
			WARD_CODE.set(execution, started.wardCode());
			CHAPTER_GROUP.set(execution, started.chapterGroup());
			CHAPTER_NAME.set(execution, started.chapterName());
			PARTY_CELL_GROUP.set(execution, started.partyCellGroup());
			BOARD_GROUP.set(execution, started.boardGroup());
			SUBJECT.set(execution, started.subject());
			CELL_REPORT_ID.set(execution, started.reportId());
		};
	}

	/** Completion of Task_WriteCellReport: records the chapter's report and request for guidance. */
	@Bean
	TaskListener partyCellReportWritten(CellReportService service, Actor actor) {
		return task -> {
			service.reportWritten(CELL_REPORT_ID.get(task), CELL_REPORT.get(task), GUIDANCE_REQUEST.get(task),
					actor.idOr(task.getAssignee()));
			// the Party cell decides afresh on every round
			task.getExecution().removeVariable(GUIDANCE_DECISION.name());
		};
	}

	/** Completion of Task_GiveGuidance: the Party cell's answer, with its required-if rules. */
	@Bean
	TaskListener partyCellReportGuidance(CellReportService service, Actor actor) {
		return task -> service.guidanceGiven(CELL_REPORT_ID.get(task), GUIDANCE_DECISION.get(task), GUIDANCE.get(task),
				REVISION_REASON.get(task), actor.idOr(task.getAssignee()));
	}

	/** Task_InformBoard: the board and the chapter learn the guidance. */
	@Bean
	JavaDelegate partyCellReportInformBoard(CellReportService service) {
		return execution -> service.informBoard(new CellReportService.Outcome(execution.getProcessInstanceId(),
				CHAPTER_GROUP.get(execution), CHAPTER_NAME.get(execution), BOARD_GROUP.get(execution),
				SUBJECT.get(execution), REPORT_TOPIC.get(execution), GUIDANCE.get(execution)));
	}

	/** The bean names versions deployed before December 2026 call, kept for their running instances. */
	@Bean
	static BeanDefinitionRegistryPostProcessor partyCellReportEarlierNames() {
		return EarlierNames.aliases(Map.ofEntries(
				Map.entry("cellReportStartListener", "partyCellReportStart"),
				Map.entry("cellReportWrittenListener", "partyCellReportWritten"),
				Map.entry("cellGuidanceListener", "partyCellReportGuidance"),
				Map.entry("cellGuidanceOutcomeDelegate", "partyCellReportInformBoard")));
	}

}
