package vn.thidua.nomination;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_OpenCouncilVote, Task_TallyVotes, Task_NotifyQuorumMissed. */
@Component
class CouncilVoteDelegate implements JavaDelegate {

	private final CouncilVoting voting;

	CouncilVoteDelegate(CouncilVoting voting) {
		this.voting = voting;
	}

	@Override
	public void execute(DelegateExecution execution) {
		switch (execution.getCurrentActivityId()) {
			case NominationVariables.TASK_OPEN_COUNCIL_VOTE -> voting.open(execution);
			case NominationVariables.TASK_TALLY_VOTES -> voting.tally(execution);
			case NominationVariables.TASK_NOTIFY_QUORUM_MISSED -> voting.notifyQuorumMissed(execution);
			default -> throw new IllegalStateException("councilVoteDelegate is not for " + execution.getCurrentActivityId());
		}
	}

}
