package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_ChairConclude: records the chair's conclusion. */
@Component
class ProgrammeConclusionListener implements TaskListener {

	private final RolloutService service;

	ProgrammeConclusionListener(RolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.concluded(task);
	}

}
