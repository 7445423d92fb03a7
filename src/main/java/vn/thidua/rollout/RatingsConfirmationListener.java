package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_BoardConfirmRatings: the board confirms the ratings. */
@Component
class RatingsConfirmationListener implements TaskListener {

	private final RolloutService service;

	RatingsConfirmationListener(RolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.ratingsConfirmed(task);
	}

}
