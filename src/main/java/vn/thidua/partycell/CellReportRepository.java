package vn.thidua.partycell;

import java.time.LocalDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code thidua_cell_report}: one row per ChapterPartyCellReport instance, updated at each round. */
@Repository
class CellReportRepository {

	static final String STATE_WAITING_FOR_REPORT = "WAITING_FOR_REPORT";

	static final String STATE_WAITING_FOR_GUIDANCE = "WAITING_FOR_GUIDANCE";

	static final String STATE_REVISION_REQUESTED = "REVISION_REQUESTED";

	static final String STATE_GUIDANCE_AGREED = "GUIDANCE_AGREED";

	private final JdbcClient jdbc;

	CellReportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored report, as the API and the tests read it. */
	record CellReport(long id, String processInstanceId, String chapterGroup, String chapterName, String topic,
			String reportText, String guidanceRequest, String state, String guidance, String revisionReason,
			int rounds, String writtenBy, String answeredBy, Long rolloutChapterId) {
	}

	long insert(String processInstanceId, String wardCode, String chapterGroup, String chapterName,
			String partyCellGroup, Long rolloutChapterId, String topic, LocalDateTime now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO thidua_cell_report (process_instance_id, ward_code, chapter_group, chapter_name,
				    party_cell_group, rollout_chapter_id, topic, state, rounds, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""")
			.params(processInstanceId, wardCode, chapterGroup, chapterName, partyCellGroup, rolloutChapterId, topic,
					STATE_WAITING_FOR_REPORT, now, now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void recordReport(long id, String reportText, String guidanceRequest, String writtenBy, LocalDateTime now) {
		jdbc.sql("""
				UPDATE thidua_cell_report SET report_text = ?, guidance_request = ?, written_by = ?, state = ?,
				    rounds = rounds + 1, updated_at = ? WHERE id = ?""")
			.params(reportText, guidanceRequest, writtenBy, STATE_WAITING_FOR_GUIDANCE, now, id)
			.update();
	}

	void recordAnswer(long id, String state, String guidance, String revisionReason, String answeredBy,
			LocalDateTime now) {
		jdbc.sql("""
				UPDATE thidua_cell_report SET state = ?, guidance = ?, revision_reason = ?, answered_by = ?,
				    updated_at = ? WHERE id = ?""")
			.params(state, guidance, revisionReason, answeredBy, now, id)
			.update();
	}

	Optional<CellReport> find(long id) {
		return jdbc.sql("""
				SELECT id, process_instance_id, chapter_group, chapter_name, topic, report_text, guidance_request,
				    state, guidance, revision_reason, rounds, written_by, answered_by, rollout_chapter_id
				FROM thidua_cell_report WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new CellReport(rs.getLong("id"), rs.getString("process_instance_id"),
					rs.getString("chapter_group"), rs.getString("chapter_name"), rs.getString("topic"),
					rs.getString("report_text"), rs.getString("guidance_request"), rs.getString("state"),
					rs.getString("guidance"), rs.getString("revision_reason"), rs.getInt("rounds"),
					rs.getString("written_by"), rs.getString("answered_by"),
					(Long) rs.getObject("rollout_chapter_id", Long.class)))
			.optional();
	}

}
