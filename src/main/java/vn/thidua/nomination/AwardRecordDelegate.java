package vn.thidua.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordAward and Task_RecordRecommendation: the award register and the outcome mail. */
@Component
class AwardRecordDelegate implements JavaDelegate {

	private final AwardRecording recording;

	AwardRecordDelegate(AwardRecording recording) {
		this.recording = recording;
	}

	@Override
	public void execute(DelegateExecution execution) {
		switch (execution.getCurrentActivityId()) {
			case NominationVariables.TASK_RECORD_AWARD -> recording.recordDecision(execution);
			case NominationVariables.TASK_RECORD_RECOMMENDATION -> recording.recordRecommendation(execution);
			default -> throw new IllegalStateException("awardRecordDelegate is not for " + execution.getCurrentActivityId());
		}
	}

}
