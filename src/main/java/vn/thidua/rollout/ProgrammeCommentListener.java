package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of one Task_CommentProgramme: stores the participant's comment. */
@Component
class ProgrammeCommentListener implements TaskListener {

	private final RolloutService service;

	ProgrammeCommentListener(RolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.commented(task);
	}

}
