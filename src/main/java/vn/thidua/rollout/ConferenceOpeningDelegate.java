package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenConference of PlanRollout: who comments, and until when. */
@Component
class ConferenceOpeningDelegate implements JavaDelegate {

	private final RolloutService service;

	ConferenceOpeningDelegate(RolloutService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.openConference(execution);
	}

}
