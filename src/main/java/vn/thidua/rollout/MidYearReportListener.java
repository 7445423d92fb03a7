package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_MidYearReport: stores the mid-year report. */
@Component
class MidYearReportListener implements TaskListener {

	private final ChapterRolloutService service;

	MidYearReportListener(ChapterRolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.midYearReported(task);
	}

}
