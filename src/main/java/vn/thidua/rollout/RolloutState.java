package vn.thidua.rollout;

/** Where a chapter stands in its ChapterRollout, in order; stored in {@code thidua_rollout_chapter.state}. */
public enum RolloutState {

	WAITING_FOR_REPORT("Chờ báo cáo chi bộ"),
	GUIDANCE_RECEIVED("Đã có ý kiến chỉ đạo của chi bộ"),
	REGISTERED("Đã đăng ký phần việc"),
	MID_YEAR_DONE("Đã sơ kết 6 tháng"),
	YEAR_END_DONE("Đã tổng kết năm");

	private final String label;

	RolloutState(String label) {
		this.label = label;
	}

	/** Vietnamese label for the board. */
	public String label() {
		return label;
	}

	boolean before(RolloutState other) {
		return ordinal() < other.ordinal();
	}

}
