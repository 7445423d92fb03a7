package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Completion of Task_RegisterWorkItems: checks and stores the work items. */
@Component
class WorkItemsRegisteredListener implements TaskListener {

	private final ChapterRolloutService service;

	WorkItemsRegisteredListener(ChapterRolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateTask task) {
		service.workItemsRegistered(task);
	}

}
