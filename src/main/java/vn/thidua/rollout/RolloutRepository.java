package vn.thidua.rollout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The rollout tables of {@code V4__rollout.sql}: the programme, the conference comments, each
 * chapter's progress and rating, its registered work items and its proposed exemplary people.
 * Shared by PlanRollout ({@code plan/}), ChapterRollout ({@code chapter/}) and the progress.
 */
@Repository
public class RolloutRepository {

	private final JdbcClient jdbc;

	RolloutRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The year's programme as drafted by the board (start form, Task_BoardReviseProgramme). */
	public record Programme(int year, String theme, String focusPoints, String implementationPlan, String emulationPlan,
			String campaigns, LocalDate conferenceDeadline, LocalDate registrationDeadline, LocalDate midYearReportDate,
			LocalDate yearEndReportDate) {
	}

	public record Rollout(long id, String processInstanceId, String wardCode, Programme programme, String state,
			String conclusion, String ratingsNote, String createdBy) {
	}

	public record Comment(String author, String authorName, String text, LocalDateTime createdAt) {
	}

	public record ChapterRow(long id, long rolloutId, String chapterGroup, String chapterName, String partyCellGroup,
			String processInstanceId, RolloutState state, boolean registrationLate, LocalDateTime guidanceAt,
			LocalDateTime registeredAt, LocalDateTime acknowledgedAt, String changeRequest, LocalDateTime midYearAt,
			LocalDateTime yearEndAt, String yearEndReport, String selfRating, String confirmedRating) {
	}

	public record WorkItem(long chapterId, int position, String name, String target, String successMeasure,
			LocalDate deadline) {
	}

	public record Proposal(long chapterId, String fullName, String achievement, String nominationProcessInstanceId) {
	}

	// ---------------------------------------------------------------- rollout

	public long insertRollout(String processInstanceId, String wardCode, Programme p, String createdBy, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO thidua_rollout (process_instance_id, ward_code, programme_year, theme, focus_points,
				    implementation_plan, emulation_plan, campaigns, conference_deadline, registration_deadline,
				    mid_year_report_date, year_end_report_date, state, created_by, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(processInstanceId, wardCode, p.year(), p.theme(), p.focusPoints(), p.implementationPlan(),
					p.emulationPlan(), p.campaigns(), p.conferenceDeadline(), p.registrationDeadline(),
					p.midYearReportDate(), p.yearEndReportDate(), "DRAFT", createdBy, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public void updateProgramme(long id, Programme p, LocalDateTime now) {
		jdbc.sql("""
				UPDATE thidua_rollout SET programme_year = ?, theme = ?, focus_points = ?, implementation_plan = ?,
				    emulation_plan = ?, campaigns = ?, conference_deadline = ?, registration_deadline = ?,
				    mid_year_report_date = ?, year_end_report_date = ?, state = 'DRAFT', updated_at = ?
				WHERE id = ?""")
			.params(p.year(), p.theme(), p.focusPoints(), p.implementationPlan(), p.emulationPlan(), p.campaigns(),
					p.conferenceDeadline(), p.registrationDeadline(), p.midYearReportDate(), p.yearEndReportDate(), now,
					id)
			.update();
	}

	public void recordReturn(long id, String reason, LocalDateTime now) {
		jdbc.sql("UPDATE thidua_rollout SET state = 'RETURNED', return_reason = ?, updated_at = ? WHERE id = ?")
			.params(reason, now, id)
			.update();
	}

	public void recordApproval(long id, String approvedBy, LocalDateTime now) {
		jdbc.sql("UPDATE thidua_rollout SET state = 'CONFERENCE', approved_by = ?, updated_at = ? WHERE id = ?")
			.params(approvedBy, now, id)
			.update();
	}

	public void recordConclusion(long id, String conclusion, String concludedBy, LocalDateTime now) {
		jdbc.sql("""
				UPDATE thidua_rollout SET state = 'ROLLING_OUT', conclusion = ?, concluded_by = ?, updated_at = ?
				WHERE id = ?""")
			.params(conclusion, concludedBy, now, id)
			.update();
	}

	public void recordRatingsConfirmed(long id, String note, String confirmedBy, LocalDateTime now) {
		jdbc.sql("""
				UPDATE thidua_rollout SET state = 'COMPLETED', ratings_note = ?, ratings_confirmed_by = ?,
				    updated_at = ? WHERE id = ?""")
			.params(note, confirmedBy, now, id)
			.update();
		jdbc.sql("UPDATE thidua_rollout_chapter SET confirmed_rating = self_rating, updated_at = ? WHERE rollout_id = ?")
			.params(now, id)
			.update();
	}

	public Optional<Rollout> findRollout(long id) {
		return jdbc.sql("SELECT * FROM thidua_rollout WHERE id = ?").param(id).query(RolloutRepository::rollout).optional();
	}

	public List<Rollout> rolloutsOf(Collection<String> wardCodes) {
		if (wardCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM thidua_rollout WHERE ward_code IN (:wards) ORDER BY id DESC")
			.param("wards", wardCodes)
			.query(RolloutRepository::rollout)
			.list();
	}

	private static Rollout rollout(ResultSet rs, int n) throws SQLException {
		Programme p = new Programme(rs.getInt("programme_year"), rs.getString("theme"), rs.getString("focus_points"),
				rs.getString("implementation_plan"), rs.getString("emulation_plan"), rs.getString("campaigns"),
				rs.getObject("conference_deadline", LocalDate.class),
				rs.getObject("registration_deadline", LocalDate.class),
				rs.getObject("mid_year_report_date", LocalDate.class),
				rs.getObject("year_end_report_date", LocalDate.class));
		return new Rollout(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("ward_code"), p,
				rs.getString("state"), rs.getString("conclusion"), rs.getString("ratings_note"),
				rs.getString("created_by"));
	}

	// ---------------------------------------------------------------- conference

	public void insertComment(long rolloutId, String author, String authorName, String text, LocalDateTime now) {
		jdbc.sql("""
				INSERT INTO thidua_rollout_comment (rollout_id, author, author_name, comment_text, created_at)
				VALUES (?, ?, ?, ?, ?)""")
			.params(rolloutId, author, authorName, text, now)
			.update();
	}

	public List<Comment> comments(long rolloutId) {
		return jdbc.sql("""
				SELECT author, author_name, comment_text, created_at FROM thidua_rollout_comment
				WHERE rollout_id = ? ORDER BY created_at, id""")
			.param(rolloutId)
			.query((rs, n) -> new Comment(rs.getString("author"), rs.getString("author_name"),
					rs.getString("comment_text"), rs.getObject("created_at", LocalDateTime.class)))
			.list();
	}

	// ---------------------------------------------------------------- chapters

	public long insertChapter(long rolloutId, String chapterGroup, String chapterName, String partyCellGroup,
			LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO thidua_rollout_chapter (rollout_id, chapter_group, chapter_name, party_cell_group, state,
				    updated_at) VALUES (?, ?, ?, ?, ?, ?)""")
			.params(rolloutId, chapterGroup, chapterName, partyCellGroup, RolloutState.WAITING_FOR_REPORT.name(), now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Long> findChapterId(long rolloutId, String chapterGroup) {
		return jdbc.sql("SELECT id FROM thidua_rollout_chapter WHERE rollout_id = ? AND chapter_group = ?")
			.params(rolloutId, chapterGroup)
			.query(Long.class)
			.optional();
	}

	public void attachChapterProcess(long chapterId, String processInstanceId, LocalDateTime now) {
		jdbc.sql("UPDATE thidua_rollout_chapter SET process_instance_id = ?, updated_at = ? WHERE id = ?")
			.params(processInstanceId, now, chapterId)
			.update();
	}

	public void guidanceReceived(long chapterId, LocalDateTime now) {
		jdbc.sql("UPDATE thidua_rollout_chapter SET state = ?, guidance_at = ?, updated_at = ? WHERE id = ?")
			.params(RolloutState.GUIDANCE_RECEIVED.name(), now, now, chapterId)
			.update();
	}

	public void registered(long chapterId, List<WorkItem> items, String registeredBy, LocalDateTime now) {
		jdbc.sql("DELETE FROM thidua_rollout_work_item WHERE rollout_chapter_id = ?").param(chapterId).update();
		for (WorkItem item : items) {
			jdbc.sql("""
					INSERT INTO thidua_rollout_work_item (rollout_chapter_id, position, name, target, success_measure,
					    deadline, registered_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(chapterId, item.position(), item.name(), item.target(), item.successMeasure(), item.deadline(),
						registeredBy, now)
				.update();
		}
		jdbc.sql("""
				UPDATE thidua_rollout_chapter SET state = ?, registered_at = ?, acknowledged_at = NULL, updated_at = ?
				WHERE id = ?""")
			.params(RolloutState.REGISTERED.name(), now, now, chapterId)
			.update();
	}

	public void acknowledged(long chapterId, LocalDateTime now) {
		jdbc.sql("""
				UPDATE thidua_rollout_chapter SET acknowledged_at = ?, change_request = NULL, updated_at = ?
				WHERE id = ?""")
			.params(now, now, chapterId)
			.update();
	}

	public void changesRequested(long chapterId, String changeRequest, LocalDateTime now) {
		jdbc.sql("UPDATE thidua_rollout_chapter SET change_request = ?, updated_at = ? WHERE id = ?")
			.params(changeRequest, now, chapterId)
			.update();
	}

	public void registrationLate(long chapterId, LocalDateTime now) {
		jdbc.sql("UPDATE thidua_rollout_chapter SET registration_late = TRUE, updated_at = ? WHERE id = ?")
			.params(now, chapterId)
			.update();
	}

	public void midYearReported(long chapterId, String report, LocalDateTime now) {
		jdbc.sql("""
				UPDATE thidua_rollout_chapter SET state = ?, mid_year_report = ?, mid_year_at = ?, updated_at = ?
				WHERE id = ?""")
			.params(RolloutState.MID_YEAR_DONE.name(), report, now, now, chapterId)
			.update();
	}

	public void yearEndReported(long chapterId, String report, String rating, List<Proposal> proposals, String by,
			LocalDateTime now) {
		jdbc.sql("""
				UPDATE thidua_rollout_chapter SET state = ?, year_end_report = ?, self_rating = ?, year_end_at = ?,
				    updated_at = ? WHERE id = ?""")
			.params(RolloutState.YEAR_END_DONE.name(), report, rating, now, now, chapterId)
			.update();
		jdbc.sql("DELETE FROM thidua_rollout_proposal WHERE rollout_chapter_id = ?").param(chapterId).update();
		for (Proposal p : proposals) {
			jdbc.sql("""
					INSERT INTO thidua_rollout_proposal (rollout_chapter_id, full_name, achievement, proposed_by,
					    created_at) VALUES (?, ?, ?, ?, ?)""")
				.params(chapterId, p.fullName(), p.achievement(), by, now)
				.update();
		}
	}

	public Optional<RolloutState> chapterState(long chapterId) {
		return jdbc.sql("SELECT state FROM thidua_rollout_chapter WHERE id = ?")
			.param(chapterId)
			.query((rs, n) -> RolloutState.valueOf(rs.getString("state")))
			.optional();
	}

	public List<ChapterRow> chapters(long rolloutId) {
		return jdbc.sql("SELECT * FROM thidua_rollout_chapter WHERE rollout_id = ? ORDER BY chapter_group")
			.param(rolloutId)
			.query((rs, n) -> new ChapterRow(rs.getLong("id"), rs.getLong("rollout_id"), rs.getString("chapter_group"),
					rs.getString("chapter_name"), rs.getString("party_cell_group"), rs.getString("process_instance_id"),
					RolloutState.valueOf(rs.getString("state")), rs.getBoolean("registration_late"),
					rs.getObject("guidance_at", LocalDateTime.class), rs.getObject("registered_at", LocalDateTime.class),
					rs.getObject("acknowledged_at", LocalDateTime.class), rs.getString("change_request"),
					rs.getObject("mid_year_at", LocalDateTime.class), rs.getObject("year_end_at", LocalDateTime.class),
					rs.getString("year_end_report"), rs.getString("self_rating"), rs.getString("confirmed_rating")))
			.list();
	}

	public List<WorkItem> workItems(long rolloutId) {
		return jdbc.sql("""
				SELECT w.rollout_chapter_id, w.position, w.name, w.target, w.success_measure, w.deadline
				FROM thidua_rollout_work_item w JOIN thidua_rollout_chapter c ON c.id = w.rollout_chapter_id
				WHERE c.rollout_id = ? ORDER BY w.rollout_chapter_id, w.position""")
			.param(rolloutId)
			.query((rs, n) -> new WorkItem(rs.getLong("rollout_chapter_id"), rs.getInt("position"), rs.getString("name"),
					rs.getString("target"), rs.getString("success_measure"), rs.getObject("deadline", LocalDate.class)))
			.list();
	}

	public List<Proposal> proposals(long rolloutId) {
		return jdbc.sql("""
				SELECT p.rollout_chapter_id, p.full_name, p.achievement, p.nomination_process_instance_id
				FROM thidua_rollout_proposal p JOIN thidua_rollout_chapter c ON c.id = p.rollout_chapter_id
				WHERE c.rollout_id = ? ORDER BY p.rollout_chapter_id, p.id""")
			.param(rolloutId)
			.query((rs, n) -> new Proposal(rs.getLong("rollout_chapter_id"), rs.getString("full_name"),
					rs.getString("achievement"), rs.getString("nomination_process_instance_id")))
			.list();
	}


	// ---------------------------------------------------------------- proposals as suggested nominations

	/**
	 * A proposed exemplary person with where she comes from: the ward and year of the rollout, the
	 * chapter and the day its year-end report was sent; the nomination started for her, if any.
	 */
	public record ProposalRow(long id, String wardCode, int year, String chapterGroup, String chapterName,
			String fullName, String achievement, String nominationProcessInstanceId, LocalDateTime reportedAt) {
	}

	private static final String PROPOSAL_ROW = """
			SELECT p.id, r.ward_code, r.programme_year, c.chapter_group, c.chapter_name, p.full_name, p.achievement,
			    p.nomination_process_instance_id, c.year_end_at
			FROM thidua_rollout_proposal p JOIN thidua_rollout_chapter c ON c.id = p.rollout_chapter_id
			    JOIN thidua_rollout r ON r.id = c.rollout_id""";

	/** The proposals of the wards' rollouts, newest year first, then by chapter. */
	public List<ProposalRow> proposalsOfWards(Collection<String> wardCodes) {
		if (wardCodes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(PROPOSAL_ROW + " WHERE r.ward_code IN (:wards) ORDER BY r.programme_year DESC, c.chapter_group, p.id")
			.param("wards", wardCodes)
			.query(RolloutRepository::proposalRow)
			.list();
	}

	public Optional<ProposalRow> proposal(long id) {
		return jdbc.sql(PROPOSAL_ROW + " WHERE p.id = :id").param("id", id).query(RolloutRepository::proposalRow).optional();
	}

	/**
	 * Records the nomination started for a proposal, once: false when one was recorded already (the
	 * caller's transaction then rolls the second nomination back).
	 */
	public boolean takeProposal(long id, String nominationProcessInstanceId) {
		return jdbc.sql("UPDATE thidua_rollout_proposal SET nomination_process_instance_id = :pid "
				+ "WHERE id = :id AND nomination_process_instance_id IS NULL")
			.param("pid", nominationProcessInstanceId)
			.param("id", id)
			.update() == 1;
	}

	private static ProposalRow proposalRow(ResultSet rs, int n) throws SQLException {
		return new ProposalRow(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8), rs.getObject(9, LocalDateTime.class));
	}

}
