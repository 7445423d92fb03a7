package vn.thidua.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PublishShortlist, Task_RecordObjection, Task_NotifyReturned, Task_NotifyRejected, Task_NotifyCouncilRejected. */
@Component
class NominationOutcomeDelegate implements JavaDelegate {

	private final NominationService service;

	NominationOutcomeDelegate(NominationService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		switch (execution.getCurrentActivityId()) {
			case NominationVariables.TASK_PUBLISH_SHORTLIST -> service.publishShortlist(execution);
			case NominationVariables.TASK_RECORD_OBJECTION -> service.recordObjection(execution);
			case NominationVariables.TASK_NOTIFY_RETURNED -> service.notifyReturned(execution);
			case NominationVariables.TASK_NOTIFY_REJECTED -> service.notifyRejected(execution);
			case NominationVariables.TASK_NOTIFY_COUNCIL_REJECTED -> service.notifyCouncilRejected(execution);
			default -> throw new IllegalStateException("nominationOutcomeDelegate is not for " + execution.getCurrentActivityId());
		}
	}

}
