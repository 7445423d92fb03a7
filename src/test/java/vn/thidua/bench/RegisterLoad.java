package vn.thidua.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import vn.thidua.award.NomineeNames;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.pages.WebSession;

/**
 * The award register at city scale (issue 22): {@link #load} writes generated register rows, each
 * with the nomination it ended (as Task_RecordAward leaves them), straight into PostgreSQL with
 * COPY; {@link #measure} times a person's page and an accent-free name search over HTTP as a ward's
 * board member sees them.
 *
 * <p>The rows of the city's {@code wards × chaptersPerWard} chapters are dealt round-robin: each
 * chapter has {@link #peoplePerChapter} people of about four rows each, in distinct years
 * 2015–2026, with an award of the catalogue. Person {@code p} of a chapter is named by
 * {@link #personName} (realistic Vietnamese names with their accents); every chapter has people
 * 0 … 9 once {@code rows ≥ 40 × wards × chaptersPerWard}, which {@link #measure} asks for.
 */
final class RegisterLoad {

	static final String[] FAMILY = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
			"Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý" };

	static final String[] MIDDLE = { "Thị", "Thu", "Thanh", "Ngọc", "Minh", "Kim", "Hồng", "Thuỳ", "Bích", "Mỹ" };

	static final String[] GIVEN = { "Ánh", "Bích", "Cúc", "Dung", "Duyên", "Giang", "Hằng", "Hương", "Lan", "Loan",
			"Mai", "Nga", "Oanh", "Phúc", "Quyên", "Thảo", "Trang", "Yến", "Hoà", "Huệ", "Hạnh", "Hiền", "Liên", "Linh",
			"Ngân", "Nhung", "Phượng", "Quỳnh", "Sen", "Tâm", "Thắm", "Thuý", "Tuyết", "Uyên", "Vân", "Xuân", "Đào",
			"Điệp", "Hồng", "Lụa" };

	/** Code, name, issuer's name, and whether the ward decides it (else a recommendation), as in the catalogue. */
	private static final String[][] AWARDS = {
			{ "GK_HOI_PHUONG", "Giấy khen của Chủ tịch Hội LHPN phường", "Chủ tịch Hội LHPN phường", "ward" },
			{ "GK_UBND_PHUONG", "Giấy khen của Chủ tịch UBND phường", "Chủ tịch UBND phường", "ward" },
			{ "LAO_DONG_TIEN_TIEN", "Lao động tiên tiến", "Chủ tịch UBND phường", "ward" },
			{ "CSTD_CO_SO", "Chiến sĩ thi đua cơ sở", "Chủ tịch UBND phường", "ward" },
			{ "BK_HOI_THANH_PHO", "Bằng khen của Hội LHPN thành phố", "Hội LHPN thành phố", "up" },
			{ "BK_TW_HOI", "Bằng khen của Trung ương Hội LHPN Việt Nam", "Trung ương Hội LHPN Việt Nam", "up" } };

	private static final int FIRST_YEAR = 2015;

	private static final int YEARS = 12;

	/** Rows a person has at most (each in another year). */
	private static final int ROUNDS = 4;

	private static final int NAMES = FAMILY.length * MIDDLE.length * GIVEN.length;

	/** Coprime with {@link #NAMES}: the people of one chapter have distinct names. */
	private static final int NAME_STEP = 7919;

	private static final int COPY_CHUNK = 20_000;

	private static final Pattern TOTAL = Pattern.compile("<span id=\"so-dong\">(\\d+)</span>");

	private RegisterLoad() {
	}

	/** People per chapter for a load of {@code rows} rows over {@code chapters} chapters. */
	static int peoplePerChapter(int rows, int chapters) {
		return Math.max(1, Math.min(NAMES, (int) Math.ceil(rows / (double) chapters / ROUNDS)));
	}

	/** The name of person {@code p} of a chapter (its group id), with accents. */
	static String personName(String chapterGroup, int p) {
		int n = Math.floorMod(chapterGroup.hashCode() + (long) p * NAME_STEP, NAMES);
		return FAMILY[n % FAMILY.length] + " " + MIDDLE[(n / FAMILY.length) % MIDDLE.length] + " "
				+ GIVEN[n / (FAMILY.length * MIDDLE.length)];
	}

	/**
	 * Bulk-inserts {@code rows} register rows and their nominations with COPY (every NOT NULL column
	 * as the application fills it, the folded name included), then VACUUM and ANALYZE.
	 * @return the milliseconds it took
	 */
	static long load(DataSource ds, int rows, int wards, int chaptersPerWard) {
		long start = System.nanoTime();
		int chapters = wards * chaptersPerWard;
		int people = peoplePerChapter(rows, chapters);
		String run = Long.toString(System.currentTimeMillis(), 36);
		LocalDateTime now = LocalDateTime.now().withNano(0);
		try (Connection c = ds.getConnection()) {
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			StringBuilder awards = new StringBuilder();
			StringBuilder nominations = new StringBuilder();
			for (int i = 0; i < rows; i++) {
				int chapter = i % chapters;
				int w = chapter / chaptersPerWard;
				int ch = chapter % chaptersPerWard;
				int p = (i / chapters) % people;
				int round = i / chapters / people;
				String ward = CityGenerator.wardCode(w);
				String group = GroupIds.chapter(ward, CityGenerator.chapterCode(ch));
				String chapterName = "Chi hội Tổ dân phố số " + (ch + 1) + " – phường số " + (w + 1);
				String name = personName(group, p);
				int year = FIRST_YEAR + (round * (YEARS / ROUNDS) + p) % YEARS;
				String[] award = AWARDS[(p + round) % AWARDS.length];
				boolean decided = award[3].equals("ward");
				String pid = "reg-" + run + "-" + i;
				LocalDateTime at = LocalDateTime.of(year, 12, 1 + i % 28, 9, 0);
				row(awards, pid, ward, group, chapterName, "INDIVIDUAL", name, award[0], award[1], award[2], year,
						decided ? "DECIDED" : "RECOMMENDED", decided ? (1 + i % 999) + "/" + year + "/QĐ-HLHPN" : null,
						decided ? at.toLocalDate().toString() : null, decided ? CityGenerator.chair(ward) : null, 5, 0, 0,
						now, NomineeNames.folded(name));
				row(nominations, pid, ward, group, "INDIVIDUAL", name, award[0], year, decided ? "AWARDED" : "RECOMMENDED",
						NomineeNames.comparable(name) + "|" + group + "|" + award[0] + "|" + year,
						CityGenerator.head(ward, ch), at.minusMonths(2), at, NomineeNames.folded(name));
				if ((i + 1) % COPY_CHUNK == 0 || i == rows - 1) {
					copy(copy, "thidua_award (process_instance_id, ward_code, chapter_group, chapter_name, nominee_type,"
							+ " nominee_name, award_code, award_name, issuer_name, period_year, status, decision_number,"
							+ " decision_date, signed_by, votes_agree, votes_disagree, votes_abstain, recorded_at,"
							+ " nominee_name_folded)", awards);
					copy(copy, "thidua_nomination (process_instance_id, ward_code, chapter_group, nominee_type,"
							+ " nominee_name, award_code, period_year, status, dedup_key, nominated_by, created_at,"
							+ " updated_at, nominee_name_folded)", nominations);
				}
			}
			try (Statement s = c.createStatement()) {
				// VACUUM too, as autovacuum does to an installation's register after its inserts: it marks
				// the pages all-visible, which the name search's index-only scans (V31) count on; a
				// register of rows just bulk-copied is one no installation has
				s.execute("VACUUM (ANALYZE) thidua_award");
				s.execute("VACUUM (ANALYZE) thidua_nomination");
			}
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * As {@code user} (a board member of {@code ward}, logged into the web apps with password
	 * {@code demo}), {@code requests} times each: (a) a person's page of person 0 … 9 of chapter
	 * 1 … 3 ({@code /so-khen-thuong/ca-nhan?ten=…&chi-hoi=…}), (b) the register searched by the same
	 * person's folded name ({@code /so-khen-thuong?ten=tran thi lan}).
	 * @return {@code personHistoryP95Ms}, {@code nameSearchP95Ms}, the {@link Stats} of each
	 *         ({@code personHistory}, {@code nameSearch}) and the rows found ({@code personRows*},
	 *         {@code nameSearchResults*}: totals the page shows)
	 */
	static Map<String, Object> measure(BenchHttp http, String user, String ward, int requests) {
		WebSession session = new WebSession(http.port()).login(user, "demo");
		List<Long> person = new ArrayList<>();
		List<Long> search = new ArrayList<>();
		List<Integer> personRows = new ArrayList<>();
		List<Long> searchResults = new ArrayList<>();
		for (int k = 0; k < requests; k++) {
			String group = GroupIds.chapter(ward, CityGenerator.chapterCode(k % 3));
			String name = personName(group, (k / 3) % 10);
			long t0 = System.nanoTime();
			WebSession.Page page = session.get("/so-khen-thuong/ca-nhan?ten=" + encode(name) + "&chi-hoi=" + encode(group));
			person.add(System.nanoTime() - t0);
			expect(page, 200);
			personRows.add(page.body().split("data-label=\"Năm\"", -1).length - 1);
			t0 = System.nanoTime();
			page = session.get("/so-khen-thuong?ten=" + encode(NomineeNames.folded(name)));
			search.add(System.nanoTime() - t0);
			expect(page, 200);
			Matcher total = TOTAL.matcher(page.body());
			searchResults.add(total.find() ? Long.parseLong(total.group(1)) : -1);
		}
		Stats personStats = Stats.ofNanos(person);
		Stats searchStats = Stats.ofNanos(search);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("personHistoryP95Ms", personStats.p95());
		result.put("nameSearchP95Ms", searchStats.p95());
		result.put("personHistory", personStats);
		result.put("nameSearch", searchStats);
		result.put("personRowsMin", personRows.stream().mapToInt(Integer::intValue).min().orElse(0));
		result.put("personRowsMax", personRows.stream().mapToInt(Integer::intValue).max().orElse(0));
		result.put("nameSearchResultsMin", searchResults.stream().mapToLong(Long::longValue).min().orElse(0));
		result.put("nameSearchResultsMax", searchResults.stream().mapToLong(Long::longValue).max().orElse(0));
		return result;
	}

	private static void expect(WebSession.Page page, int status) {
		if (page.status() != status) {
			throw new IllegalStateException("HTTP " + page.status() + ": " + page.body());
		}
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** One CSV line: null is an empty unquoted field (NULL), text is quoted. */
	private static void row(StringBuilder out, Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			Object v = values[i];
			if (v instanceof String s) {
				out.append('"').append(s.replace("\"", "\"\"")).append('"');
			}
			else if (v != null) {
				out.append(v);
			}
		}
		out.append('\n');
	}

	private static void copy(CopyManager copy, String table, StringBuilder rows) throws SQLException, IOException {
		byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
		rows.setLength(0);
		CopyIn in = copy.copyIn("COPY " + table + " FROM STDIN (FORMAT csv)");
		try {
			in.writeToCopy(bytes, 0, bytes.length);
			in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

}
