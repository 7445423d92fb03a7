package vn.thidua.identity.organisation;

/** What a group of people does in a ward; each role is one Camunda group per ward (or per chapter). */
public enum Role {

	/** Every person of the ward with a login. */
	MEMBER,
	/** Chủ tịch Hội. */
	CHAIR,
	/** Ban Thường vụ. */
	BOARD,
	/** Hội đồng thi đua khen thưởng. */
	COUNCIL,
	/** Chi hội trưởng: one group per chapter. */
	CHAPTER_HEAD,
	/** Bí thư chi bộ: one group per Party cell. */
	CELL_SECRETARY

}
