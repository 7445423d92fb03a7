package vn.thidua.rollout;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_InformBoardOfProposals of ChapterRollout: the board learns the proposed people. */
@Component
class ExemplaryProposalsDelegate implements JavaDelegate {

	private final ChapterRolloutService service;

	ExemplaryProposalsDelegate(ChapterRolloutService service) {
		this.service = service;
	}

	@Override
	public void execute(DelegateExecution execution) {
		service.proposalsMade(execution);
	}

}
