package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_ChairApproveProgramme: approve, or return with a reason. */
@Component
class ProgrammeApprovalListener implements TaskListener {

	private final RolloutService service;

	ProgrammeApprovalListener(RolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.approvalDecided(task);
	}

}
