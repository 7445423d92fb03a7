package vn.thidua.partycell;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_WriteCellReport: records the chapter's report and request for guidance. */
@Component
class CellReportWrittenListener implements TaskListener {

	private final CellReportService service;

	CellReportWrittenListener(CellReportService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.reportWritten(task);
	}

}
