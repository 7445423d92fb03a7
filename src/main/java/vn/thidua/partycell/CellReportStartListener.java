package vn.thidua.partycell;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** StartEvent_CellReportRequested of ChapterPartyCellReport: checks and fixes the chapter. */
@Component
class CellReportStartListener implements ExecutionListener {

	private final CellReportService service;

	CellReportStartListener(CellReportService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateExecution execution) {
		service.start(execution);
	}

}
