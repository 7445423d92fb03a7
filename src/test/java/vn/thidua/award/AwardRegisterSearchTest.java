package vn.thidua.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.thidua.award.AwardEntry.AwardAct;
import vn.thidua.pages.TextFold;
import vn.thidua.support.PostgresTestDatabase;
import vn.thidua.support.SchemaOnly;

/**
 * The register's SQL search (issue 22) on H2 and on PostgreSQL, each migrated by Flyway as the
 * application migrates it (db/migration and db/vendor/{vendor}): the same rows, in the same order,
 * as filtering every row in Java with {@link TextFold#matches} and {@link AwardEntry#currentStatus()};
 * paging slices that list; a person's rows; and V27's backfill of rows written before it.
 */
class AwardRegisterSearchTest {

	static final String[] NAMES = { "Trần Thị Hoà", "Trần  thị Hoà", "TRẦN THỊ HÒA", "Trần Thị Hoa", "Trấn Thi Hoà",
			"Nguyễn Thị Hoà", "Đỗ Thị Đào", "Lê Thị 50%_x", "Trần\u00a0Thị\u200b Hoà", "Tra\u0300n Thi\u0323 Hoa\u0300",
			"Hoàng Trần Lan" };

	static final List<String> QUERIES = List.of("tran thi hoa", "TRAN", "hòa", "Hoà", "thi h", "ran th", "tran hoa",
			"do thi dao", "Đỗ", "50%", "%", "_", "0%_", "\\", "   ", "tran_thi", "tran%hoa", "trần  thị   hoà", "hoang tran");

	static final int YEAR = 2024;

	static Db h2;

	static Db pg;

	record Db(String vendor, DataSource dataSource, AwardRegister register, JdbcClient jdbc) {

		static Db of(String vendor, String url, String user, String password) throws SQLException {
			DriverManagerDataSource ds = new DriverManagerDataSource(url, user, password);
			JdbcClient jdbc = JdbcClient.create(ds);
			return new Db(vendor, ds, new AwardRegister(jdbc, ds), jdbc);
		}

		void migrate(String target) {
			SchemaOnly.migrate(dataSource, vendor, target);
		}

	}

	@BeforeAll
	static void databases() throws SQLException {
		h2 = Db.of("h2", "jdbc:h2:mem:register-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		pg = Db.of("postgresql", PostgresTestDatabase.create(), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
		for (Db db : List.of(h2, pg)) {
			// rows written before V27, then the migrations after it
			db.migrate("26");
			db.jdbc().sql("""
					INSERT INTO thidua_award (process_instance_id, ward_code, chapter_group, chapter_name, nominee_type,
					  nominee_name, award_code, award_name, issuer_name, period_year, status, votes_agree,
					  votes_disagree, votes_abstain, recorded_at)
					VALUES ('before-v27', 'bode', 'bode-ch01', 'Chi hội 1', 'INDIVIDUAL', 'Trần\u00a0Thị  HOÀ',
					  'GK_HOI_PHUONG', 'Giấy khen', 'Hội', 2019, 'DECIDED', 5, 0, 0, :now)""")
				.param("now", LocalDateTime.now())
				.update();
			db.jdbc().sql("""
					INSERT INTO thidua_nomination (process_instance_id, ward_code, chapter_group, nominee_type,
					  nominee_name, award_code, period_year, status, dedup_key, nominated_by, created_at, updated_at)
					VALUES ('before-v27-n', 'bode', 'bode-ch01', 'INDIVIDUAL', 'Đỗ Thị Đào', 'GK_HOI_PHUONG', 2019,
					  'REJECTED', NULL, 'head1', :now, :now)""")
				.param("now", LocalDateTime.now())
				.update();
			db.migrate("latest");
			seed(db);
		}
	}

	@AfterAll
	static void close() throws SQLException {
		try (Connection c = h2.dataSource().getConnection(); Statement s = c.createStatement()) {
			s.execute("SHUTDOWN");
		}
	}

	/** The same rows on both databases: names × chapters × years × awards, some revoked or answered. */
	static void seed(Db db) {
		List<Award> awards = List.of(
				new Award("GK_HOI_PHUONG", "Giấy khen của Chủ tịch Hội LHPN phường", "WARD_UNION_CHAIR",
						"Chủ tịch Hội LHPN phường", true, null, null, null, null),
				new Award("LAO_DONG_TIEN_TIEN", "Lao động tiên tiến", "WARD_COMMITTEE_CHAIRMAN", "Chủ tịch UBND phường",
						true, null, null, null, null));
		int n = 0;
		for (String name : NAMES) {
			for (String chapter : List.of("bode-ch01", "bode-ch02")) {
				for (int year = YEAR; year <= YEAR + 1; year++) {
					Award award = awards.get((n + n / 4) % 2);
					boolean recommended = n % 3 == 0;
					long id = db.register().record(new AwardRegister.NewAward("search-" + n, "bode", chapter,
							"Chi hội " + chapter.substring(chapter.length() - 1), "INDIVIDUAL", name, award, year,
							recommended ? AwardEntry.RECOMMENDED : AwardEntry.DECIDED, recommended ? null : "QĐ-" + n,
							recommended ? null : LocalDate.of(year, 12, 1), "chair", 5, 0, 0));
					if (n % 5 == 1) {
						db.register().recordAct(id, new AwardAct(AwardAct.REVOCATION, null, "TH-" + n, LocalDate.now(),
								"thu hồi", "chair", LocalDateTime.now()));
					}
					if (recommended && n % 2 == 0) {
						db.register().recordAct(id, new AwardAct(AwardAct.OUTCOME, n % 4 == 0 ? "GRANTED" : "NOT_GRANTED",
								null, null, null, "chair", LocalDateTime.now()));
					}
					n++;
				}
			}
		}
	}

	@Test
	void shouldFindTheSameRowsAsTextFoldOnH2AndPostgreSql() {
		for (String query : QUERIES) {
			for (String status : new String[] { null, "DECIDED", "RECOMMENDED", "GRANTED", "NOT_GRANTED", "REVOKED" }) {
				AwardRegister.Search search = new AwardRegister.Search(Set.of("bode"), Set.of(), null, null, null, status,
						query);
				List<String> expected = javaFiltered(h2, query, status);
				assertThat(ids(h2.register().search(search, 0, -1))).as("H2 %s %s", query, status).isEqualTo(expected);
				assertThat(ids(pg.register().search(search, 0, -1))).as("PostgreSQL %s %s", query, status)
					.isEqualTo(expected);
				assertThat(h2.register().count(search)).isEqualTo(pg.register().count(search)).isEqualTo(expected.size());
			}
		}
		// the documented examples: «Trần Thị Hoà» by every spelling, not by a gap between its words
		List<String> byQuery = ids(pg.register().search(search("tran thi hoa"), 0, -1));
		assertThat(byQuery).hasSize(7 * 4 + 1).isEqualTo(ids(pg.register().search(search("TRẦN THỊ HÒA"), 0, -1)));
		// «Nguyễn Thị Hoà» and «Hoàng Trần Lan» too
		assertThat(pg.register().count(search("hòa"))).isEqualTo(9 * 4 + 1);
		assertThat(pg.register().count(search("tran hoa"))).isZero();
		assertThat(pg.register().count(search("50%"))).isEqualTo(4);
		assertThat(pg.register().count(search("0%_"))).isEqualTo(4);
		// % and _ are letters of the query, not wildcards
		assertThat(pg.register().count(search("_"))).isEqualTo(4);
		assertThat(h2.register().count(search("tran_thi"))).isZero();
		assertThat(pg.register().count(search("tran_thi"))).isZero();
		assertThat(pg.register().count(search("tran%hoa"))).isZero();
	}

	@Test
	void shouldFilterByYearChapterAndAwardAndKeepTheScope() {
		AwardRegister.Search search = new AwardRegister.Search(Set.of(), Set.of("bode-ch02"), YEAR, null,
				"LAO_DONG_TIEN_TIEN", null, "tran");
		List<String> expected = h2.register()
			.list(Set.of(), Set.of("bode-ch02"), YEAR, null)
			.stream()
			.filter(a -> a.awardCode().equals("LAO_DONG_TIEN_TIEN") && TextFold.matches(a.nomineeName(), "tran"))
			.map(AwardEntry::processInstanceId)
			.sorted()
			.toList();
		assertThat(expected).isNotEmpty();
		for (Db db : List.of(h2, pg)) {
			assertThat(ids(db.register().search(search, 0, -1)).stream().sorted().toList()).as(db.vendor())
				.isEqualTo(expected);
			assertThat(db.register().search(new AwardRegister.Search(Set.of(), Set.of(), null, null, null, null, null), 0,
					-1)).isEmpty();
			assertThat(db.register().years(Set.of("bode"), Set.of())).containsExactly(YEAR + 1, YEAR, 2019);
			assertThat(db.register().years(Set.of(), Set.of("bode-ch02"))).containsExactly(YEAR + 1, YEAR);
			assertThat(db.register().years(Set.of("longbien"), Set.of())).isEmpty();
		}
	}

	@Test
	void shouldPageTheOrderedRows() {
		AwardRegister.Search all = new AwardRegister.Search(Set.of("bode"), Set.of(), null, null, null, null, null);
		for (Db db : List.of(h2, pg)) {
			List<String> every = ids(db.register().search(all, 0, -1));
			assertThat(every).hasSize(NAMES.length * 4 + 1);
			List<String> paged = new ArrayList<>();
			List<String> pages = new ArrayList<>();
			for (int offset = 0; offset < every.size() + 7; offset += 7) {
				paged.addAll(ids(db.register().search(all, offset, 7)));
				// a page and the total in one statement: the same rows, the same total, past the end too
				AwardRegister.Page page = db.register().page(all, offset, 7);
				pages.addAll(ids(page.rows()));
				assertThat(page.total()).as("%s total from %d", db.vendor(), offset).isEqualTo(every.size());
			}
			assertThat(paged).as(db.vendor()).isEqualTo(every);
			assertThat(pages).as(db.vendor()).isEqualTo(every);
			AwardRegister.Page named = db.register().page(search("hòa"), 0, 5);
			assertThat(named.total()).as(db.vendor()).isEqualTo(db.register().count(search("hòa")));
			assertThat(ids(named.rows())).isEqualTo(ids(db.register().search(search("hòa"), 0, 5)));
			assertThat(db.register().page(search("không ai tên này"), 0, 5).total()).isZero();
		}
	}

	@Test
	void shouldFindAPersonByTheComparableNameInHerChapter() {
		for (Db db : List.of(h2, pg)) {
			List<AwardEntry> person = db.register().person(Set.of("bode"), Set.of(), "bode-ch01", "trần thị hoà");
			// «Trần Thị Hoà» in every case and spacing, not another letter: «Trần Thị Hoa», «Trấn Thi Hoà», nor
			// «HÒA» with the tone on the o, which NomineeNames keeps apart (the person rule; the search finds it)
			assertThat(person).extracting(AwardEntry::nomineeName)
				.containsOnly("Trần\u00a0Thị  HOÀ", "Trần Thị Hoà", "Trần  thị Hoà", "Trần\u00a0Thị\u200b Hoà")
				.hasSize(1 + 3 * 2);
			assertThat(person).allMatch(a -> a.chapterGroup().equals("bode-ch01"));
			assertThat(person).extracting(AwardEntry::periodYear).isSorted();
			assertThat(db.register().person(Set.of(), Set.of("bode-ch02"), "bode-ch01", "Trần Thị Hoà")).isEmpty();
		}
	}

	@Test
	void shouldBackfillTheFoldedNameOfRowsWrittenBeforeV27() {
		for (Db db : List.of(h2, pg)) {
			assertThat(db.jdbc()
				.sql("SELECT nominee_name_folded FROM thidua_award WHERE process_instance_id = 'before-v27'")
				.query(String.class)
				.single()).as(db.vendor()).isEqualTo("tran thi hoa");
			assertThat(db.jdbc()
				.sql("SELECT nominee_name_folded FROM thidua_nomination WHERE process_instance_id = 'before-v27-n'")
				.query(String.class)
				.single()).isEqualTo("do thi dao");
			List<Map<String, Object>> unfolded = db.jdbc()
				.sql("SELECT nominee_name, nominee_name_folded FROM thidua_award")
				.query()
				.listOfRows()
				.stream()
				.filter(r -> !NomineeNames.folded((String) r.get("nominee_name")).equals(r.get("nominee_name_folded")))
				.toList();
			assertThat(unfolded).isEmpty();
		}
		assertThat(pg.jdbc().sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_thidua_award_name_trgm'")
			.query(String.class)
			.single()).contains("gin", "gin_trgm_ops");
	}

	@Test
	void shouldFindAUsedDecisionNumberWhateverItsCaseFromTheIndex() throws SQLException {
		for (Db db : List.of(h2, pg)) {
			// "QĐ-2" was recorded (a decided row), in any case of the letters; none in another ward
			assertThat(db.register().decisionNumberUsed("bode", "QĐ-2")).as(db.vendor()).isTrue();
			assertThat(db.register().decisionNumberUsed("bode", "qđ-2")).as(db.vendor()).isTrue();
			assertThat(db.register().decisionNumberUsed("bode", "QĐ-20000")).as(db.vendor()).isFalse();
			assertThat(db.register().decisionNumberUsed("other", "QĐ-2")).as(db.vendor()).isFalse();
		}
		try (Connection c = pg.dataSource().getConnection(); Statement s = c.createStatement()) {
			s.execute("SET enable_seqscan = off");
			StringBuilder plan = new StringBuilder();
			try (var rs = s.executeQuery("EXPLAIN SELECT COUNT(*) FROM thidua_award WHERE ward_code = 'bode'"
					+ " AND UPPER(decision_number) = UPPER('QĐ-2')")) {
				while (rs.next()) {
					plan.append(rs.getString(1)).append('\n');
				}
			}
			// V29: the signature's check reads one index entry, not every row of the ward
			assertThat(plan.toString()).contains("ix_thidua_award_decision_number");
		}
	}

	/**
	 * V31: a ward's or a chapter's name search reads the scope's folded names from its index alone and
	 * the matching rows only, not the trigram postings of the whole city (a fresh database of 80,000
	 * rows in 40 wards of 20 chapters, names sharing their syllables as real ones do; the register's own
	 * statement explained with its parameters).
	 */
	@Test
	void shouldSearchANameInsideAWardOrAChapterFromTheScopesIndexOnPostgreSql() throws SQLException {
		Db city;
		// a new database drops the idle ones of the prefix: the class's is held meanwhile
		try (Connection held = pg.dataSource().getConnection()) {
			city = Db.of("postgresql", PostgresTestDatabase.create(), PostgresTestDatabase.USER,
					PostgresTestDatabase.PASSWORD);
		}
		city.migrate("latest");
		try (Connection c = city.dataSource().getConnection(); Statement s = c.createStatement()) {
			s.execute("""
					INSERT INTO thidua_award (process_instance_id, ward_code, chapter_group, chapter_name, nominee_type,
					  nominee_name, award_code, award_name, issuer_name, period_year, status, votes_agree, votes_disagree,
					  votes_abstain, recorded_at, nominee_name_folded)
					SELECT 'p' || i, 'w' || (i % 40), 'w' || (i % 40) || '-ch' || (i / 40 % 20), 'Chi hội', 'INDIVIDUAL',
					  'x', 'GK_HOI_PHUONG', 'Giấy khen', 'Hội', 2020 + i % 5, 'DECIDED', 5, 0, 0, now(),
					  (ARRAY['tran', 'le', 'nguyen', 'pham'])[1 + i % 4] || ' ' || (ARRAY['thi', 'thu', 'ngoc'])[1 + i / 4 % 3]
					  || ' ' || (ARRAY['hoa', 'lan', 'bich', 'thuy', 'mai'])[1 + i / 12 % 5] || ' ' || (i % 97)
					FROM generate_series(1, 80000) AS i""");
			s.execute("VACUUM ANALYZE thidua_award");
		}
		Set<String> wards = new java.util.TreeSet<>();
		for (int w = 0; w < 40; w++) {
			wards.add("w" + w);
		}
		record Scope(String name, Set<String> wards, Set<String> chapters, String index, String sql) {
		}
		for (Scope scope : List.of(
				new Scope("a ward", Set.of("w7"), Set.of(), "Index Only Scan using ix_thidua_award_ward_name",
						"ward_code = 'w7'"),
				new Scope("a chapter", Set.of(), Set.of("w7-ch3"), "Index Only Scan using ix_thidua_award_chapter_name",
						"chapter_group = 'w7-ch3'"),
				// the city's 40 wards: the trigram index of V28 still answers the search over many wards
				new Scope("the city", wards, Set.of(), "ix_thidua_award_name_trgm", "1 = 1"))) {
			AwardRegister.Search search = new AwardRegister.Search(scope.wards(), scope.chapters(), null, null, null, null,
					"pham thu hoa");
			AwardRegister.PageStatement page = city.register().pageStatement(search, 0, 20);
			String plan = String.join("\n",
					city.jdbc().sql("EXPLAIN " + page.sql()).params(page.params()).query(String.class).list());
			assertThat(plan).as(scope.name()).contains(scope.index());
			// and the rows are those of the scope whose folded name matches
			long total = city.register().page(search, 0, 20).total();
			assertThat(total).as(scope.name())
				.isEqualTo(city.jdbc()
					.sql("SELECT COUNT(*) FROM thidua_award WHERE " + scope.sql()
							+ " AND nominee_name_folded LIKE '%pham thu hoa%'")
					.query(Long.class)
					.single())
				.isPositive();
		}
	}

	private static AwardRegister.Search search(String name) {
		return new AwardRegister.Search(Set.of("bode"), Set.of(), null, null, null, null, name);
	}

	/** Today's rule: every row of the scope, filtered and sorted in Java. */
	private static List<String> javaFiltered(Db db, String query, String status) {
		return db.register()
			.list(Set.of("bode"), Set.of(), null, null)
			.stream()
			.filter(a -> status == null || a.currentStatus().equals(status))
			.filter(a -> query.isBlank() || TextFold.matches(a.nomineeName(), query))
			.sorted(Comparator.comparingInt(AwardEntry::periodYear)
				.reversed()
				.thenComparing(AwardEntry::chapterName)
				.thenComparing(AwardEntry::nomineeName))
			.map(AwardEntry::processInstanceId)
			.toList();
	}

	private static List<String> ids(List<AwardEntry> rows) {
		return rows.stream().map(AwardEntry::processInstanceId).toList();
	}

}
