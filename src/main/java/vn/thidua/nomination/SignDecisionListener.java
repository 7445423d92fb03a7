package vn.thidua.nomination;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_SignDecision (complete): checks the decision number and date before the decision is recorded. */
@Component
class SignDecisionListener implements TaskListener {

	private final AwardRecording recording;

	SignDecisionListener(AwardRecording recording) {
		this.recording = recording;
	}

	@Override
	public void notify(DelegateTask task) {
		recording.validateDecision(task);
	}

}
