package vn.thidua.pages;

import vn.thidua.award.NomineeNames;

/**
 * Vietnamese text without its accents, for searches where accents are optional: «Trần Thị» and
 * "tran thi" fold to the same "tran thi" (đ becomes d; case, repeated or unusual spaces and
 * invisible characters do not count). It is {@link NomineeNames#folded}, the function whose output
 * the register stores in {@code nominee_name_folded}, so the search behaves alike on H2 and
 * PostgreSQL and in SQL and Java.
 */
public final class TextFold {

	private TextFold() {
	}

	public static String fold(String text) {
		return NomineeNames.folded(text);
	}

	/**
	 * Whether the folded {@code query} occurs in the folded {@code text} as one piece: «Trần Thị Hoà»
	 * is found by {@code tran thi}, {@code TRẦN THỊ}, {@code thi hoa}, {@code hòa} and {@code ran th},
	 * not by {@code tran hoa}. A blank query matches everything. The register's SQL does the same with
	 * {@code nominee_name_folded LIKE '%' || fold(query) || '%'} ({@code %}, {@code _} and
	 * {@code \} of the query escaped).
	 */
	public static boolean matches(String text, String query) {
		String q = fold(query);
		return q.isEmpty() || fold(text).contains(q);
	}

}
