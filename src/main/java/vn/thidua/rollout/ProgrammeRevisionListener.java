package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_BoardReviseProgramme: the revised programme is checked and recorded. */
@Component
class ProgrammeRevisionListener implements TaskListener {

	private final RolloutService service;

	ProgrammeRevisionListener(RolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.revised(task);
	}

}
