package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** StartEvent_ChapterRolloutStarted of ChapterRollout: the chapter's names, row and timer dates. */
@Component
class ChapterRolloutStartListener implements ExecutionListener {

	private final ChapterRolloutService service;

	ChapterRolloutStartListener(ChapterRolloutService service) {
		this.service = service;
	}

	@Override
	public void notify(DelegateExecution execution) {
		service.start(execution);
	}

}
