package vn.thidua.partycell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import vn.thidua.rollout.RecordingNotifier;
import vn.thidua.support.ProcessTest;
import vn.thidua.forms.FormValidationException;

/** Every path of {@code bpmn/ChapterPartyCellReport.bpmn} on the real engine and database. */
@ProcessTest
@Import(RecordingNotifier.Config.class)
class ChapterPartyCellReportProcessTest {

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Autowired
	CellReportRepository repository;

	@Autowired
	RecordingNotifier notifier;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(processEngine);
		notifier.clear();
	}

	@AfterEach
	void logout() {
		identityService.clearAuthentication();
	}

	private ProcessInstance startAs(String login, String chapterGroup, Map<String, Object> variables) {
		identityService.setAuthentication(login, List.of("bode", chapterGroup));
		try {
			return runtimeService.startProcessInstanceByKey(PartyCellReportVariables.PROCESS_KEY, variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	@Test
	void shouldRecordGuidanceAndTellTheBoard() {
		// given
		ProcessInstance pi = startAs("head1", "bode-ch01", Map.of("reportTopic", "Kế hoạch quý II"));
		assertThat(pi).isWaitingAt(PartyCellReportVariables.TASK_WRITE_REPORT);
		assertThat(task(pi)).hasCandidateGroup("bode-ch01");
		assertThat(pi).variables()
			.containsEntry("chapterGroup", "bode-ch01")
			.containsEntry("chapterName", "Chi hội Tổ dân phố số 1")
			.containsEntry("partyCellGroup", "bode-ch01-cell")
			.containsEntry("wardCode", "bode")
			.containsEntry("initiator", "head1")
			.containsEntry("subject", "Báo cáo chi bộ: Kế hoạch quý II – Chi hội Tổ dân phố số 1");

		// when
		complete(task(pi), withVariables("cellReport", "Chi hội đã họp, thống nhất kế hoạch.", "guidanceRequest",
				"Xin ý kiến về mô hình tiết kiệm."));
		assertThat(pi).isWaitingAt(PartyCellReportVariables.TASK_GIVE_GUIDANCE);
		assertThat(task(pi)).hasCandidateGroup("bode-ch01-cell");
		complete(task(pi), withVariables("guidanceDecision", "agreed", "guidance", "Đồng ý, triển khai ngay."));

		// then
		assertThat(pi).hasPassed(PartyCellReportVariables.TASK_INFORM_BOARD)
			.isEnded()
			.hasPassed(PartyCellReportVariables.END_GUIDANCE_RECEIVED);
		var report = repository.find(reportId(pi)).orElseThrow();
		assertThat(report.state()).isEqualTo("GUIDANCE_AGREED");
		assertThat(report.guidance()).isEqualTo("Đồng ý, triển khai ngay.");
		assertThat(report.rounds()).isEqualTo(1);
		assertThat(report.rolloutChapterId()).isNull();
		assertThat(notifier.sent(CellReportService.TEMPLATE_GUIDANCE_AGREED)).singleElement().satisfies(sent -> {
			assertThat(sent.recipients().groups()).containsExactlyInAnyOrder("bode-board", "bode-ch01");
			assertThat(sent.model()).containsEntry("chapterName", "Chi hội Tổ dân phố số 1");
		});
	}

	@Test
	void shouldLoopBackToTheChapterWhenTheCellAsksForARevision() {
		// given
		ProcessInstance pi = startAs("head3", "bode-ch03", Map.of("reportTopic", "Kế hoạch năm"));
		complete(task(pi), withVariables("cellReport", "Bản đầu.", "guidanceRequest", "Xin ý kiến."));

		// when
		complete(task(pi), withVariables("guidanceDecision", "revise", "revisionReason", "Bổ sung chỉ tiêu hội viên."));

		// then
		assertThat(pi).isWaitingAt(PartyCellReportVariables.TASK_WRITE_REPORT);
		assertThat(pi).variables().containsEntry("revisionReason", "Bổ sung chỉ tiêu hội viên.");
		assertThat(repository.find(reportId(pi)).orElseThrow().state()).isEqualTo("REVISION_REQUESTED");
		assertThat(notifier.sent()).isEmpty();

		complete(task(pi), withVariables("cellReport", "Bản đã bổ sung.", "guidanceRequest", "Xin ý kiến."));
		assertThat(pi).variables().doesNotContainKey("guidanceDecision");
		complete(task(pi), withVariables("guidanceDecision", "agreed", "guidance", "Thống nhất."));
		assertThat(pi).isEnded().hasPassedInOrder(PartyCellReportVariables.TASK_GIVE_GUIDANCE,
				PartyCellReportVariables.TASK_WRITE_REPORT, PartyCellReportVariables.TASK_GIVE_GUIDANCE,
				PartyCellReportVariables.TASK_INFORM_BOARD);
		var report = repository.find(reportId(pi)).orElseThrow();
		assertThat(report.rounds()).isEqualTo(2);
		assertThat(report.reportText()).isEqualTo("Bản đã bổ sung.");
		assertThat(report.state()).isEqualTo("GUIDANCE_AGREED");
	}

	@Test
	void shouldRequireAReasonForARevisionAndDirectionsForAnAgreement() {
		// given
		ProcessInstance pi = startAs("head2", "bode-ch02", Map.of("reportTopic", "Kế hoạch năm"));
		complete(task(pi), withVariables("cellReport", "Báo cáo.", "guidanceRequest", "Xin ý kiến."));

		// when / then
		assertThatThrownBy(() -> complete(task(pi), withVariables("guidanceDecision", "revise", "revisionReason", " ")))
			.satisfies(ex -> assertThat(validationField(ex)).isEqualTo("revisionReason"));
		assertThatThrownBy(() -> complete(task(pi), withVariables("guidanceDecision", "agreed")))
			.satisfies(ex -> assertThat(validationField(ex)).isEqualTo("guidance"));
		assertThat(pi).isWaitingAt(PartyCellReportVariables.TASK_GIVE_GUIDANCE);
	}

	@Test
	void shouldTakeTheChapterFromTheStarterAndRefuseAnotherChapter() {
		// when / then: head1 cannot report for chapter 2
		assertThatThrownBy(() -> startAs("head1", "bode-ch01",
				Map.of("reportTopic", "Kế hoạch", "chapterGroup", "bode-ch02")))
			.satisfies(ex -> assertThat(validationField(ex)).isEqualTo("chapterGroup"));
		// a Party cell secretary may not start it at all
		assertThatThrownBy(() -> startAs("cell1", "bode-ch01-cell", Map.of("reportTopic", "Kế hoạch")))
			.isInstanceOf(AuthorizationException.class);
		// without a person behind it (no initiator) nobody's chapter can be assumed
		assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(PartyCellReportVariables.PROCESS_KEY,
				Map.of("reportTopic", "Kế hoạch", "chapterGroup", "bode-ch01")))
			.satisfies(ex -> assertThat(validation(ex).getMessage()).contains("chi hội trưởng"));
	}

	private long reportId(ProcessInstance pi) {
		return ((Number) processEngine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(pi.getId())
			.variableName(PartyCellReportVariables.CELL_REPORT_ID.name())
			.singleResult()
			.getValue()).longValue();
	}

	static String validationField(Throwable ex) {
		return validation(ex).getField();
	}

	static FormValidationException validation(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof FormValidationException fve) {
				return fve;
			}
		}
		throw new AssertionError("no FormValidationException in " + ex, ex);
	}

}
