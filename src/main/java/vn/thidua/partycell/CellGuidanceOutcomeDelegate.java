package vn.thidua.partycell;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_InformBoard of ChapterPartyCellReport: the board and the chapter learn the guidance. */
@Component
class CellGuidanceOutcomeDelegate implements JavaDelegate {

	private final CellReportService service;

	CellGuidanceOutcomeDelegate(CellReportService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.informBoard(execution);
	}

}
