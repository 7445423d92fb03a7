package vn.thidua.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.thidua.award.NomineeNames;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.support.PostgresTestDatabase;
import vn.thidua.support.SchemaOnly;

/**
 * The quick check of {@link RegisterLoad} (issue 22), without the application: a fresh PostgreSQL
 * database migrated by Flyway, {@code -Dregister.rows} rows (default 1,000,000) over 100 wards of
 * 15 chapters, then the SQL of a person's page and of a ward's name search, each run 30 times and
 * once with EXPLAIN (ANALYZE, BUFFERS); plans and times go to {@code target/register-load-check.txt}.
 * Under {@code bench/}, so only {@code -Dtest=RegisterLoadCheck} runs it.
 */
class RegisterLoadCheck {

	private static final Logger LOG = LoggerFactory.getLogger(RegisterLoadCheck.class);

	private static final int WARDS = 100;

	private static final int CHAPTERS = 15;

	private static final int RUNS = 30;

	@Test
	void shouldAnswerAPersonAndANameSearchFromTheIndexesAtAMillionRows() throws SQLException, IOException {
		int rows = Integer.getInteger("register.rows", 1_000_000);
		String url = PostgresTestDatabase.create();
		DriverManagerDataSource ds = new DriverManagerDataSource(url, PostgresTestDatabase.USER,
				PostgresTestDatabase.PASSWORD);
		StringBuilder report = new StringBuilder();
		try {
			SchemaOnly.migrate(ds, "postgresql", "latest");
			long millis = RegisterLoad.load(ds, rows, WARDS, CHAPTERS);
			report.append("load: ").append(rows).append(" register rows + ").append(rows)
				.append(" nominations, ").append(millis).append(" ms (COPY, ANALYZE)\n");

			String ward = CityGenerator.wardCode(41);
			String group = GroupIds.chapter(ward, CityGenerator.chapterCode(4));
			String name = RegisterLoad.personName(group, Math.min(7, RegisterLoad.peoplePerChapter(rows, WARDS * CHAPTERS) - 1));
			String folded = NomineeNames.folded(name);
			String scope = "(a.ward_code IN ('" + ward + "'))";
			String person = "SELECT * FROM thidua_award a WHERE " + scope + " AND a.chapter_group = '" + group
					+ "' AND a.nominee_name_folded = '" + folded + "' ORDER BY a.period_year, a.id";
			String personNominations = "SELECT process_instance_id, ward_code, chapter_group, nominee_type, nominee_name,"
					+ " award_code, period_year, status, nominated_by, created_at, updated_at FROM thidua_nomination"
					+ " WHERE (ward_code IN ('" + ward + "')) AND chapter_group = '" + group
					+ "' AND nominee_name_folded = '" + folded + "' ORDER BY created_at DESC, id DESC";
			// the name filter as AwardRegister writes it: the scope's matching ids found on their own (V31)
			String like = " AND a.id IN (SELECT n.id FROM thidua_award n WHERE (n.ward_code IN ('" + ward
					+ "')) AND n.nominee_name_folded LIKE '%" + folded + "%' ESCAPE '\\')";
			String searchCount = "SELECT COUNT(*) FROM thidua_award a WHERE " + scope + like;
			String searchPage = "SELECT * FROM thidua_award a WHERE " + scope + like
					+ " ORDER BY a.period_year DESC, a.chapter_name COLLATE \"C\", a.nominee_name COLLATE \"C\", a.id"
					+ " LIMIT 50 OFFSET 0";
			String cityCount = "SELECT COUNT(*) FROM thidua_award a WHERE a.nominee_name_folded LIKE '%" + folded
					+ "%' ESCAPE '\\'";
			report.append("person: ").append(name).append(" of ").append(group).append("; search: '").append(folded)
				.append("' in ").append(ward).append("\n\n");
			try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
					Statement s = c.createStatement()) {
				for (String[] q : new String[][] { { "person's awards", person },
						{ "person's nominations", personNominations }, { "name search, count", searchCount },
						{ "name search, first page", searchPage }, { "name search, whole city, count", cityCount } }) {
					List<Long> nanos = new ArrayList<>();
					int found = 0;
					for (int i = 0; i < RUNS; i++) {
						long t0 = System.nanoTime();
						try (ResultSet rs = s.executeQuery(q[1])) {
							found = 0;
							while (rs.next()) {
								found = q[0].contains("count") ? rs.getInt(1) : found + 1;
							}
						}
						nanos.add(System.nanoTime() - t0);
					}
					Stats stats = Stats.ofNanos(nanos);
					report.append("== ").append(q[0]).append(": ").append(found).append(" rows; ").append(stats)
						.append('\n').append(q[1]).append('\n');
					try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + q[1])) {
						while (rs.next()) {
							report.append("  ").append(rs.getString(1)).append('\n');
						}
					}
					report.append('\n');
					assertThat(found).as(q[0]).isPositive();
				}
			}
		}
		finally {
			Files.writeString(Path.of("target/register-load-check.txt"), report, StandardCharsets.UTF_8);
			LOG.info("register load check:\n{}", report);
			// -Dregister.keep=true: the database stays for EXPLAIN by hand
			if (!Boolean.getBoolean("register.keep")) {
				drop(url);
			}
			else {
				LOG.info("register load check: database kept: {}", url);
			}
		}
		// a person by her chapter's index, a ward's name search by the ward's, the city's by the trigrams
		assertThat(report.toString()).contains("ix_thidua_award_chapter_name", "ix_thidua_nomination_person",
				"Index Only Scan using ix_thidua_award_ward_name", "ix_thidua_award_name_trgm");
	}

	private static void drop(String url) throws SQLException {
		String name = url.substring(url.lastIndexOf('/') + 1);
		try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PostgresTestDatabase.HOST + "/postgres",
				PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD); Statement s = c.createStatement()) {
			s.execute("DROP DATABASE IF EXISTS " + name);
		}
	}

}
