package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** End of CallActivity_PartyCellReport in ChapterRollout: the chapter has its Party cell's guidance. */
@Component
class ChapterGuidanceReceivedListener implements ExecutionListener {

	private final ChapterRolloutService service;

	ChapterGuidanceReceivedListener(ChapterRolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateExecution execution) {
		service.guidanceReceived(execution);
	}

}
