package vn.thidua.nomination;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.thidua.award.NomineeNames;

/**
 * The nominations table ({@code thidua_nomination}): one row per CommendationNomination instance,
 * kept so that "one achievement, one award" can be checked across running and finished instances
 * by a unique key instead of by searching process variables.
 */
@Repository
class NominationRepository {

	static final String ACTIVE = "ACTIVE";

	static final String AWARDED = "AWARDED";

	static final String RECOMMENDED = "RECOMMENDED";

	static final String REJECTED = "REJECTED";

	static final String CLOSED = "CLOSED";

	private final JdbcClient jdbc;

	NominationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The nomination's data as the checks see it. */
	record Nomination(String processInstanceId, String wardCode, String chapterGroup, String nomineeType,
			String nomineeName, String awardCode, int periodYear, String nominatedBy) {

		/** nominee (normalised) + chapter + award + period: the same achievement. */
		String dedupKey() {
			return NomineeNames.comparable(nomineeName) + "|" + chapterGroup + "|" + awardCode + "|" + periodYear;
		}

	}

	record Row(String processInstanceId, String wardCode, String chapterGroup, String status) {
	}

	/** Whether another nomination with this key is running or ended in an award or recommendation. */
	boolean duplicateExists(Nomination n) {
		return jdbc.sql("SELECT COUNT(*) FROM thidua_nomination WHERE dedup_key = :key AND process_instance_id <> :pid")
			.param("key", n.dedupKey())
			.param("pid", n.processInstanceId())
			.query(Long.class)
			.single() > 0;
	}

	/** Inserts the row of a new nomination, or updates it after a revision. */
	void save(Nomination n) {
		Timestamp now = Timestamp.valueOf(LocalDateTime.now());
		int updated = jdbc.sql("""
				UPDATE thidua_nomination SET chapter_group = :chapter, nominee_type = :type, nominee_name = :name,
				  nominee_name_folded = :folded, award_code = :award, period_year = :year, dedup_key = :key, updated_at = :now
				WHERE process_instance_id = :pid""")
			.param("chapter", n.chapterGroup())
			.param("type", n.nomineeType())
			.param("name", n.nomineeName())
			.param("folded", NomineeNames.folded(n.nomineeName()))
			.param("award", n.awardCode())
			.param("year", n.periodYear())
			.param("key", n.dedupKey())
			.param("now", now)
			.param("pid", n.processInstanceId())
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO thidua_nomination (process_instance_id, ward_code, chapter_group, nominee_type,
					  nominee_name, nominee_name_folded, award_code, period_year, status, dedup_key, nominated_by,
					  created_at, updated_at)
					VALUES (:pid, :ward, :chapter, :type, :name, :folded, :award, :year, :status, :key, :by, :now, :now)""")
				.param("pid", n.processInstanceId())
				.param("ward", n.wardCode())
				.param("chapter", n.chapterGroup())
				.param("type", n.nomineeType())
				.param("name", n.nomineeName())
				.param("folded", NomineeNames.folded(n.nomineeName()))
				.param("award", n.awardCode())
				.param("year", n.periodYear())
				.param("status", ACTIVE)
				.param("key", n.dedupKey())
				.param("by", n.nominatedBy())
				.param("now", now)
				.update();
		}
	}

	/**
	 * Ends the nomination: an award or recommendation keeps its key (the achievement is used), a
	 * rejection or cancellation frees it.
	 */
	void finish(String processInstanceId, String status) {
		boolean keepKey = AWARDED.equals(status) || RECOMMENDED.equals(status);
		jdbc.sql("UPDATE thidua_nomination SET status = :status, updated_at = :now"
				+ (keepKey ? "" : ", dedup_key = NULL") + " WHERE process_instance_id = :pid")
			.param("status", status)
			.param("now", Timestamp.valueOf(LocalDateTime.now()))
			.param("pid", processInstanceId)
			.update();
	}

	/** The nomination as it was last submitted and checked (the facts a decision records). */
	Optional<Nomination> nomination(String processInstanceId) {
		return jdbc.sql("SELECT process_instance_id, ward_code, chapter_group, nominee_type, nominee_name, award_code,"
				+ " period_year, nominated_by FROM thidua_nomination WHERE process_instance_id = :pid")
			.param("pid", processInstanceId)
			.query((rs, i) -> new Nomination(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8)))
			.optional();
	}

	Optional<Row> find(String processInstanceId) {
		return jdbc.sql("SELECT process_instance_id, ward_code, chapter_group, status FROM thidua_nomination "
				+ "WHERE process_instance_id = :pid")
			.param("pid", processInstanceId)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	void recordObjection(String processInstanceId, String lodgedBy, String reason) {
		jdbc.sql("INSERT INTO thidua_nomination_objection (process_instance_id, lodged_by, reason, lodged_at) "
				+ "VALUES (:pid, :by, :reason, :now)")
			.param("pid", processInstanceId)
			.param("by", lodgedBy)
			.param("reason", reason)
			.param("now", Timestamp.valueOf(LocalDateTime.now()))
			.update();
	}

	/** A nomination as the pages list it. */
	record Summary(String processInstanceId, String wardCode, String chapterGroup, String nomineeType,
			String nomineeName, String awardCode, int periodYear, String status, String nominatedBy,
			LocalDateTime createdAt, LocalDateTime updatedAt) {
	}

	private static final String SUMMARY_COLUMNS = "process_instance_id, ward_code, chapter_group, nominee_type, "
			+ "nominee_name, award_code, period_year, status, nominated_by, created_at, updated_at";

	List<Summary> summaries(Collection<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM thidua_nomination WHERE process_instance_id IN (:pids) "
				+ "ORDER BY created_at")
			.param("pids", processInstanceIds)
			.query(NominationRepository::summary)
			.list();
	}

	/**
	 * The nominations of the given wards (all chapters), of the given chapters, and those nominated
	 * by {@code nominatedBy}, newest first.
	 */
	List<Summary> summaries(Collection<String> wards, Collection<String> chapters, String nominatedBy) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> scopes = scopes(wards, chapters, params);
		if (nominatedBy != null) {
			scopes.add("nominated_by = :by");
			params.put("by", nominatedBy);
		}
		if (scopes.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM thidua_nomination WHERE " + String.join(" OR ", scopes)
				+ " ORDER BY created_at DESC, id DESC")
			.params(params)
			.query(NominationRepository::summary)
			.list();
	}

	/**
	 * The nominations of one chapter whose nominee's folded name ({@link NomineeNames#folded}) is
	 * {@code folded}, within the given wards and chapters, newest first: a person's candidates, read
	 * through the index on (chapter_group, nominee_name_folded).
	 */
	List<Summary> summariesOfFoldedName(Collection<String> wards, Collection<String> chapters, String chapterGroup,
			String folded) {
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> scopes = scopes(wards, chapters, params);
		if (scopes.isEmpty()) {
			return List.of();
		}
		params.put("chapter", chapterGroup);
		params.put("folded", folded);
		return jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM thidua_nomination WHERE (" + String.join(" OR ", scopes)
				+ ") AND chapter_group = :chapter AND nominee_name_folded = :folded ORDER BY created_at DESC, id DESC")
			.params(params)
			.query(NominationRepository::summary)
			.list();
	}

	/** The conditions "in these wards" and "in these chapters" (either may hold), their parameters put in {@code params}. */
	private static List<String> scopes(Collection<String> wards, Collection<String> chapters, Map<String, Object> params) {
		List<String> scopes = new ArrayList<>();
		if (!wards.isEmpty()) {
			scopes.add("ward_code IN (:wards)");
			params.put("wards", wards);
		}
		if (!chapters.isEmpty()) {
			scopes.add("chapter_group IN (:chapters)");
			params.put("chapters", chapters);
		}
		return scopes;
	}

	private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toLocalDateTime(),
				rs.getTimestamp(11).toLocalDateTime());
	}

}
