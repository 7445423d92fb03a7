package vn.thidua.award;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.thidua.award.AwardEntry.AwardAct;

/**
 * The award register (sổ khen thưởng, table {@code thidua_award}): written by the nomination
 * process's Task_RecordAward and Task_RecordRecommendation, read by the register API. A row is
 * never updated; outcomes and revocations are rows of {@code thidua_award_act}.
 */
@Repository
public class AwardRegister {

	private final JdbcClient jdbc;

	AwardRegister(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** What the process records; decision fields are null for a recommendation. */
	public record NewAward(String processInstanceId, String wardCode, String chapterGroup, String chapterName,
			String nomineeType, String nomineeName, Award award, int periodYear, String status,
			String decisionNumber, LocalDate decisionDate, String signedBy, int votesAgree, int votesDisagree,
			int votesAbstain) {
	}

	/** Inserts the row, or returns the existing one of this process instance (a retried job). */
	public long record(NewAward a) {
		Optional<Long> existing = jdbc.sql("SELECT id FROM thidua_award WHERE process_instance_id = :pid")
			.param("pid", a.processInstanceId())
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO thidua_award (process_instance_id, ward_code, chapter_group, chapter_name, nominee_type,
				  nominee_name, award_code, award_name, issuer_name, period_year, status, decision_number, decision_date,
				  signed_by, votes_agree, votes_disagree, votes_abstain, recorded_at)
				VALUES (:pid, :ward, :chapter, :chapterName, :nomineeType, :nomineeName, :awardCode, :awardName,
				  :issuerName, :year, :status, :number, :date, :signedBy, :agree, :disagree, :abstain, :now)""")
			.param("pid", a.processInstanceId())
			.param("ward", a.wardCode())
			.param("chapter", a.chapterGroup())
			.param("chapterName", a.chapterName())
			.param("nomineeType", a.nomineeType())
			.param("nomineeName", a.nomineeName())
			.param("awardCode", a.award().code())
			.param("awardName", a.award().name())
			.param("issuerName", a.award().issuerName() == null ? a.award().issuer() : a.award().issuerName())
			.param("year", a.periodYear())
			.param("status", a.status())
			.param("number", a.decisionNumber())
			.param("date", a.decisionDate() == null ? null : Date.valueOf(a.decisionDate()))
			.param("signedBy", a.signedBy())
			.param("agree", a.votesAgree())
			.param("disagree", a.votesDisagree())
			.param("abstain", a.votesAbstain())
			.param("now", Timestamp.valueOf(LocalDateTime.now()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Whether a decision with this number was already recorded in the ward. */
	public boolean decisionNumberUsed(String wardCode, String decisionNumber) {
		return jdbc.sql("SELECT COUNT(*) FROM thidua_award WHERE ward_code = :ward AND UPPER(decision_number) = UPPER(:n)")
			.param("ward", wardCode)
			.param("n", decisionNumber)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The rows of the given wards (all chapters) and of the given chapters, optionally of one year
	 * and one chapter, oldest first.
	 */
	public List<AwardEntry> list(Collection<String> wards, Collection<String> chapters, Integer year, String chapter) {
		if (wards.isEmpty() && chapters.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT * FROM thidua_award WHERE (");
		Map<String, Object> params = new LinkedHashMap<>();
		List<String> scopes = new ArrayList<>();
		if (!wards.isEmpty()) {
			scopes.add("ward_code IN (:wards)");
			params.put("wards", wards);
		}
		if (!chapters.isEmpty()) {
			scopes.add("chapter_group IN (:chapters)");
			params.put("chapters", chapters);
		}
		sql.append(String.join(" OR ", scopes)).append(")");
		if (year != null) {
			sql.append(" AND period_year = :year");
			params.put("year", year);
		}
		if (chapter != null && !chapter.isBlank()) {
			sql.append(" AND chapter_group = :chapter");
			params.put("chapter", chapter);
		}
		sql.append(" ORDER BY period_year, id");
		List<AwardEntry> rows = jdbc.sql(sql.toString()).params(params).query(AwardRegister::row).list();
		return rows.stream().map(this::withActs).toList();
	}

	/** Every ward's recommendations to a higher level, optionally of one year and one chapter, oldest first. */
	public List<AwardEntry> recommendations(Integer year, String chapter) {
		StringBuilder sql = new StringBuilder("SELECT * FROM thidua_award WHERE status = :status");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("status", AwardEntry.RECOMMENDED);
		if (year != null) {
			sql.append(" AND period_year = :year");
			params.put("year", year);
		}
		if (chapter != null && !chapter.isBlank()) {
			sql.append(" AND chapter_group = :chapter");
			params.put("chapter", chapter);
		}
		sql.append(" ORDER BY period_year, id");
		return jdbc.sql(sql.toString()).params(params).query(AwardRegister::row).list().stream().map(this::withActs).toList();
	}

	public Optional<AwardEntry> find(long id) {
		return jdbc.sql("SELECT * FROM thidua_award WHERE id = :id")
			.param("id", id)
			.query(AwardRegister::row)
			.optional()
			.map(this::withActs);
	}

	/**
	 * Records a later act.
	 * @return false when an act of this type already exists for the row (acts are never replaced)
	 */
	public boolean recordAct(long awardId, AwardAct act) {
		try {
			jdbc.sql("""
					INSERT INTO thidua_award_act (award_id, act_type, outcome, decision_number, decision_date, note,
					  recorded_by, recorded_at)
					VALUES (:award, :type, :outcome, :number, :date, :note, :by, :at)""")
				.param("award", awardId)
				.param("type", act.actType())
				.param("outcome", act.outcome())
				.param("number", act.decisionNumber())
				.param("date", act.decisionDate() == null ? null : Date.valueOf(act.decisionDate()))
				.param("note", act.note())
				.param("by", act.recordedBy())
				.param("at", Timestamp.valueOf(act.recordedAt()))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private AwardEntry withActs(AwardEntry entry) {
		List<AwardAct> acts = jdbc.sql("SELECT * FROM thidua_award_act WHERE award_id = :id ORDER BY id")
			.param("id", entry.id())
			.query((rs, n) -> new AwardAct(rs.getString("act_type"), rs.getString("outcome"),
					rs.getString("decision_number"), localDate(rs, "decision_date"), rs.getString("note"),
					rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toLocalDateTime()))
			.list();
		AwardAct outcome = acts.stream().filter(a -> AwardAct.OUTCOME.equals(a.actType())).findFirst().orElse(null);
		AwardAct revocation = acts.stream()
			.filter(a -> AwardAct.REVOCATION.equals(a.actType()))
			.findFirst()
			.orElse(null);
		return entry.withActs(outcome, revocation);
	}

	private static AwardEntry row(ResultSet rs, int n) throws SQLException {
		return new AwardEntry(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("ward_code"),
				rs.getString("chapter_group"), rs.getString("chapter_name"), rs.getString("nominee_type"),
				rs.getString("nominee_name"), rs.getString("award_code"), rs.getString("award_name"),
				rs.getString("issuer_name"), rs.getInt("period_year"), rs.getString("status"),
				rs.getString("decision_number"), localDate(rs, "decision_date"), rs.getString("signed_by"),
				rs.getInt("votes_agree"), rs.getInt("votes_disagree"), rs.getInt("votes_abstain"),
				rs.getTimestamp("recorded_at").toLocalDateTime(), null, null);
	}

	private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
		Date date = rs.getDate(column);
		return date == null ? null : date.toLocalDate();
	}

}
