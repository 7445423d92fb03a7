package vn.thidua.nomination;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_CouncilVote (create, complete): keeps each ballot on its own task and moves it into the vote table. */
@Component
class CouncilVoteListener implements TaskListener {

	private final CouncilVoting voting;

	CouncilVoteListener(CouncilVoting voting) {
		this.voting = voting;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> voting.ballotCreated(task);
			case EVENTNAME_COMPLETE -> voting.ballotCast(task);
			default -> throw new IllegalStateException("councilVoteListener is not for event " + task.getEventName());
		}
	}

}
