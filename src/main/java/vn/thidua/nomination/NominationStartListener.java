package vn.thidua.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** StartEvent_NominationSubmitted (start): derives the chapter from the starter and refuses a nomination that breaks a rule. */
@Component
class NominationStartListener implements ExecutionListener {

	private final NominationService service;

	NominationStartListener(NominationService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateExecution execution) {
		service.start(execution);
	}

}
