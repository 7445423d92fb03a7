package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_MarkRegistrationLate of ChapterRollout: marks the chapter late and tells the board. */
@Component
class RegistrationLateDelegate implements JavaDelegate {

	private final ChapterRolloutService service;

	RegistrationLateDelegate(ChapterRolloutService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.registrationLate(execution);
	}

}
