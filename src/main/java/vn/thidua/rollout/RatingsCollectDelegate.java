package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CollectRatings of PlanRollout: the chapters' self-ratings for the board. */
@Component
class RatingsCollectDelegate implements JavaDelegate {

	private final RolloutService service;

	RatingsCollectDelegate(RolloutService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.collectRatings(execution);
	}

}
