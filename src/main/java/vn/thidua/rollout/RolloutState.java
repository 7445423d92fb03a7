package vn.thidua.rollout;

import vn.thidua.web.Messages;

/** Where a chapter stands in its ChapterRollout, in order; stored in {@code thidua_rollout_chapter.state}. */
public enum RolloutState {

	WAITING_FOR_REPORT, GUIDANCE_RECEIVED, REGISTERED, MID_YEAR_DONE, YEAR_END_DONE;

	/** Vietnamese label for the board. */
	public String label() {
		return switch (this) {
			case WAITING_FOR_REPORT -> Messages.get("rollout.state.waiting-for-report");
			case GUIDANCE_RECEIVED -> Messages.get("rollout.state.guidance-received");
			case REGISTERED -> Messages.get("rollout.state.registered");
			case MID_YEAR_DONE -> Messages.get("rollout.state.mid-year-done");
			case YEAR_END_DONE -> Messages.get("rollout.state.year-end-done");
		};
	}

	/** Whether a chapter in this state has not yet reached {@code other}. */
	public boolean before(RolloutState other) {
		return ordinal() < other.ordinal();
	}

}
