package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_BoardAcknowledgeWorkItems: acknowledged, or changes asked. */
@Component
class WorkItemsAcknowledgedListener implements TaskListener {

	private final ChapterRolloutService service;

	WorkItemsAcknowledgedListener(ChapterRolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.workItemsAcknowledged(task);
	}

}
