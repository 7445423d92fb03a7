package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PrepareRollout of PlanRollout: the chapters CallActivity_ChapterRollout iterates over. */
@Component
class RolloutChaptersDelegate implements JavaDelegate {

	private final RolloutService service;

	RolloutChaptersDelegate(RolloutService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.prepareChapters(execution);
	}

}
