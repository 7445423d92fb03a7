package vn.thidua.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** CommendationNomination (end, also when cancelled): frees the achievement of a nomination that ended without an outcome. */
@Component
class NominationEndListener implements ExecutionListener {

	private final NominationService service;

	NominationEndListener(NominationService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateExecution execution) {
		service.end(execution);
	}

}
