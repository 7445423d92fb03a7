package vn.thidua.partycell;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_GiveGuidance: the Party cell's answer, with its required-if rules. */
@Component
class CellGuidanceListener implements TaskListener {

	private final CellReportService service;

	CellGuidanceListener(CellReportService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.guidanceGiven(task);
	}

}
