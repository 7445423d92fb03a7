package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CollectComments of PlanRollout: every comment, as text for the chair. */
@Component
class ConferenceCommentsDelegate implements JavaDelegate {

	private final RolloutService service;

	ConferenceCommentsDelegate(RolloutService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.collectComments(execution);
	}

}
