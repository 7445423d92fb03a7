package vn.thidua.award;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.thidua.award.AwardEntry.AwardAct;

/**
 * The award register (sổ khen thưởng, table {@code thidua_award}): written by the nomination
 * process's Task_RecordAward and Task_RecordRecommendation, read by the register API. A row is
 * never updated; outcomes and revocations are rows of {@code thidua_award_act}. Each row stores its
 * nominee's name folded ({@code nominee_name_folded}, {@link NomineeNames#folded}): the register's
 * name search and a person's page find their rows by it through an index.
 */
@Repository
public class AwardRegister {

	/** Acts are read for this many register rows at a time. */
	private static final int ACTS_BATCH = 500;

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private volatile String codePointOrder;

	AwardRegister(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	/**
	 * What the register page filters by: the reader's scope (the rows of {@code wards}, all chapters,
	 * and of {@code chapters}), and optionally a year, one chapter, an award code, a current status
	 * ({@link AwardEntry#currentStatus()}: DECIDED, RECOMMENDED, GRANTED, NOT_GRANTED, REVOKED) and a
	 * name ({@link #nameMatches}).
	 */
	public record Search(Collection<String> wards, Collection<String> chapters, Integer year, String chapter,
			String awardCode, String status, String name) {
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
				  signed_by, votes_agree, votes_disagree, votes_abstain, recorded_at, nominee_name_folded)
				VALUES (:pid, :ward, :chapter, :chapterName, :nomineeType, :nomineeName, :awardCode, :awardName,
				  :issuerName, :year, :status, :number, :date, :signedBy, :agree, :disagree, :abstain, :now, :folded)""")
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
			.param("folded", NomineeNames.folded(a.nomineeName()))
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
		return withActs(jdbc.sql(sql.toString()).params(params).query(AwardRegister::row).list());
	}

	/** One page of a search and how many rows the whole search finds. */
	public record Page(List<AwardEntry> rows, long total) {
	}

	/**
	 * {@code limit} rows of the search from {@code offset}, in {@link #search}'s order, and the number
	 * of all rows it finds, counted by the same statement ({@code COUNT(*) OVER ()}): the name filter's
	 * index is read once for both. A page past the last row counts with {@link #count}.
	 */
	public Page page(Search search, long offset, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = where(search, params);
		if (where == null) {
			return new Page(List.of(), 0);
		}
		params.put("limit", limit);
		params.put("offset", offset);
		long[] total = { -1 };
		List<AwardEntry> rows = jdbc.sql(pageStatement(where))
			.params(params)
			.query((rs, n) -> {
				total[0] = rs.getLong("total_rows");
				return row(rs, n);
			})
			.list();
		return new Page(withActs(rows), rows.isEmpty() ? count(search) : total[0]);
	}

	/** The statement of {@link #page} for the WHERE clause of {@link #where}. */
	private String pageStatement(String where) {
		return "SELECT a.*, COUNT(*) OVER () AS total_rows FROM thidua_award a WHERE " + where + orderBy()
				+ " LIMIT :limit OFFSET :offset";
	}

	/** {@link #page}'s statement and its parameters, for reading its plan (tests). */
	record PageStatement(String sql, Map<String, Object> params) {
	}

	PageStatement pageStatement(Search search, long offset, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = where(search, params);
		params.put("limit", limit);
		params.put("offset", offset);
		return new PageStatement(pageStatement(where), params);
	}

	/** How many rows {@link #search} finds. */
	public long count(Search search) {
		Map<String, Object> params = new HashMap<>();
		String where = where(search, params);
		if (where == null) {
			return 0;
		}
		return jdbc.sql("SELECT COUNT(*) FROM thidua_award a WHERE " + where).params(params).query(Long.class).single();
	}

	/**
	 * The rows of the search, newest year first, then by chapter name and nominee name (code point
	 * order, as Java compares strings, on H2 and PostgreSQL alike), then in the order recorded;
	 * {@code limit} rows from {@code offset}, or all of them when {@code limit} is negative.
	 */
	public List<AwardEntry> search(Search search, long offset, int limit) {
		Map<String, Object> params = new HashMap<>();
		String where = where(search, params);
		if (where == null) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder("SELECT * FROM thidua_award a WHERE ").append(where).append(orderBy());
		if (limit >= 0) {
			sql.append(" LIMIT :limit OFFSET :offset");
			params.put("limit", limit);
			params.put("offset", offset);
		}
		return withActs(jdbc.sql(sql.toString()).params(params).query(AwardRegister::row).list());
	}

	/** The order of {@link #search}. */
	private String orderBy() {
		String order = codePointOrder();
		return " ORDER BY a.period_year DESC, a.chapter_name" + order + ", a.nominee_name" + order + ", a.id";
	}

	/** The years that have rows in the scope, newest first. */
	public List<Integer> years(Collection<String> wards, Collection<String> chapters) {
		Map<String, Object> params = new HashMap<>();
		String where = where(new Search(wards, chapters, null, null, null, null, null), params);
		if (where == null) {
			return List.of();
		}
		return jdbc.sql("SELECT DISTINCT a.period_year FROM thidua_award a WHERE " + where + " ORDER BY a.period_year DESC")
			.params(params)
			.query(Integer.class)
			.list();
	}

	/**
	 * A person's rows in the scope: the chapter's rows whose name is {@link NomineeNames#comparable}
	 * alike (found by the folded name and index, then compared), oldest first.
	 */
	public List<AwardEntry> person(Collection<String> wards, Collection<String> chapters, String chapterGroup,
			String name) {
		Map<String, Object> params = new HashMap<>();
		String where = where(new Search(wards, chapters, null, chapterGroup, null, null, null), params);
		if (where == null) {
			return List.of();
		}
		params.put("folded", NomineeNames.folded(name));
		String key = NomineeNames.comparable(name);
		List<AwardEntry> rows = jdbc
			.sql("SELECT * FROM thidua_award a WHERE " + where + " AND a.nominee_name_folded = :folded"
					+ " ORDER BY a.period_year, a.id")
			.params(params)
			.query(AwardRegister::row)
			.list()
			.stream()
			.filter(a -> NomineeNames.comparable(a.nomineeName()).equals(key))
			.toList();
		return withActs(rows);
	}

	/**
	 * The {@code LIKE} pattern of a name search: the folded query with {@code \}, {@code %} and
	 * {@code _} escaped, between {@code %}. {@code nominee_name_folded LIKE pattern ESCAPE '\'}
	 * holds exactly when the folded query occurs in the folded name as one piece, which is
	 * {@code vn.thidua.pages.TextFold.matches}; on PostgreSQL the trigram index
	 * {@code ix_thidua_award_name_trgm} answers it (queries of three letters and more), on H2 a scan.
	 * Null for a query that folds to nothing (no name filter).
	 */
	static String nameMatches(String query) {
		String q = NomineeNames.folded(query);
		if (q.isEmpty()) {
			return null;
		}
		return "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/** The WHERE clause of a search on {@code thidua_award a}, or null when the scope is empty. */
	private static String where(Search s, Map<String, Object> params) {
		String scope = scope(s, "a", params);
		if (scope == null) {
			return null;
		}
		StringBuilder sql = new StringBuilder(scope);
		if (s.year() != null) {
			sql.append(" AND a.period_year = :year");
			params.put("year", s.year());
		}
		if (s.awardCode() != null) {
			sql.append(" AND a.award_code = :awardCode");
			params.put("awardCode", s.awardCode());
		}
		if (s.status() != null) {
			sql.append(" AND ").append(currentStatusIs(s.status()));
			params.put("currentStatus", s.status());
		}
		String pattern = s.name() == null ? null : nameMatches(s.name());
		if (pattern != null) {
			// the scope's rows whose folded name matches, found on their own: from the (ward, folded name,
			// id) or (chapter, folded name, id) index alone for a ward or a chapter, from the trigram index
			// for many wards (V31); the planner cannot pick the former when the name is one more condition
			// on the rows of the page
			sql.append(" AND a.id IN (SELECT n.id FROM thidua_award n WHERE ")
				.append(scope(s, "n", params))
				.append(" AND n.nominee_name_folded LIKE :name ESCAPE '\\')");
			params.put("name", pattern);
		}
		return sql.toString();
	}

	/**
	 * The scope's condition on {@code thidua_award} as {@code alias}: its wards or its chapters, and
	 * the one chapter chosen; null when the scope is empty.
	 */
	private static String scope(Search s, String alias, Map<String, Object> params) {
		List<String> scopes = new ArrayList<>();
		if (!s.wards().isEmpty()) {
			scopes.add(alias + ".ward_code IN (:wards)");
			params.put("wards", s.wards());
		}
		if (!s.chapters().isEmpty()) {
			scopes.add(alias + ".chapter_group IN (:chapters)");
			params.put("chapters", s.chapters());
		}
		if (scopes.isEmpty()) {
			return null;
		}
		StringBuilder sql = new StringBuilder("(").append(String.join(" OR ", scopes)).append(")");
		if (s.chapter() != null && !s.chapter().isBlank()) {
			sql.append(" AND ").append(alias).append(".chapter_group = :chapter");
			params.put("chapter", s.chapter());
		}
		return sql.toString();
	}

	/** {@link AwardEntry#currentStatus()} = :currentStatus, in SQL: a revocation, else an outcome, else the status. */
	private static String currentStatusIs(String status) {
		String revoked = "EXISTS (SELECT 1 FROM thidua_award_act r WHERE r.award_id = a.id AND r.act_type = '"
				+ AwardAct.REVOCATION + "')";
		String outcome = "EXISTS (SELECT 1 FROM thidua_award_act o WHERE o.award_id = a.id AND o.act_type = '"
				+ AwardAct.OUTCOME + "'";
		// an unknown status is an outcome that no act has: no rows, as in Java
		return switch (status) {
			case "REVOKED" -> revoked;
			case AwardEntry.DECIDED, AwardEntry.RECOMMENDED -> "a.status = :currentStatus AND NOT " + revoked
					+ " AND NOT " + outcome + ")";
			default -> "NOT " + revoked + " AND " + outcome + " AND o.outcome = :currentStatus)";
		};
	}

	/** {@code COLLATE "C"} on PostgreSQL (code point order); H2 compares strings as Java does already. */
	private String codePointOrder() {
		String order = codePointOrder;
		if (order == null) {
			try {
				String product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
				order = "PostgreSQL".equals(product) ? " COLLATE \"C\"" : "";
			}
			catch (MetaDataAccessException ex) {
				throw new IllegalStateException(ex);
			}
			codePointOrder = order;
		}
		return order;
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
		return withActs(jdbc.sql(sql.toString()).params(params).query(AwardRegister::row).list());
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

	/** The rows with their acts, read {@value #ACTS_BATCH} rows at a time (not one query per row). */
	private List<AwardEntry> withActs(List<AwardEntry> rows) {
		Map<Long, List<AwardAct>> acts = new HashMap<>();
		for (int from = 0; from < rows.size(); from += ACTS_BATCH) {
			List<Long> ids = rows.subList(from, Math.min(rows.size(), from + ACTS_BATCH)).stream().map(AwardEntry::id).toList();
			jdbc.sql("SELECT * FROM thidua_award_act WHERE award_id IN (:ids) ORDER BY id")
				.param("ids", ids)
				.query((rs, n) -> {
					acts.computeIfAbsent(rs.getLong("award_id"), k -> new ArrayList<>()).add(act(rs));
					return null;
				})
				.list();
		}
		return rows.stream().map(r -> withActs(r, acts.getOrDefault(r.id(), List.of()))).toList();
	}

	private AwardEntry withActs(AwardEntry entry) {
		List<AwardAct> acts = jdbc.sql("SELECT * FROM thidua_award_act WHERE award_id = :id ORDER BY id")
			.param("id", entry.id())
			.query((rs, n) -> act(rs))
			.list();
		return withActs(entry, acts);
	}

	private static AwardAct act(ResultSet rs) throws SQLException {
		return new AwardAct(rs.getString("act_type"), rs.getString("outcome"), rs.getString("decision_number"),
				localDate(rs, "decision_date"), rs.getString("note"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toLocalDateTime());
	}

	private static AwardEntry withActs(AwardEntry entry, List<AwardAct> acts) {
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
