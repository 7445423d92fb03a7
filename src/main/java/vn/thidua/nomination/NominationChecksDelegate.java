package vn.thidua.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckNomination: the business rules again; a failure returns the nomination to the chapter. */
@Component
class NominationChecksDelegate implements JavaDelegate {

	private final NominationService service;

	NominationChecksDelegate(NominationService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.checkAgain(execution);
	}

}
