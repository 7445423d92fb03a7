package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_YearEndReport: report, self-rating and proposed exemplary people. */
@Component
class YearEndReportListener implements TaskListener {

	private final ChapterRolloutService service;

	YearEndReportListener(ChapterRolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.yearEndReported(task);
	}

}
