package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** StartEvent_ProgrammeDrafted of PlanRollout: the starter's ward and the programme's record. */
@Component
class ProgrammeStartListener implements ExecutionListener {

	private final RolloutService service;

	ProgrammeStartListener(RolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateExecution execution) {
		service.start(execution);
	}

}
