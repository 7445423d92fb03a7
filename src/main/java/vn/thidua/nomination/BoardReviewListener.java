package vn.thidua.nomination;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_BoardReview (complete): a return or rejection must give a reason. */
@Component
class BoardReviewListener implements TaskListener {

	private final NominationService service;

	BoardReviewListener(NominationService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.validateBoardReview(task);
	}

}
