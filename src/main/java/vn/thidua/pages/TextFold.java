package vn.thidua.pages;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text without its accents, for searches where accents are optional: «Trần Thị» and
 * "tran thi" fold to the same "tran thi" (đ becomes d; case and repeated spaces do not count).
 * The same Java code folds the stored names and the query, so the search behaves alike on H2 and
 * PostgreSQL.
 */
public final class TextFold {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private TextFold() {
	}

	public static String fold(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return bare.toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
	}

	/** Whether every word of {@code query} occurs in {@code text}, accents and case ignored. */
	public static boolean matches(String text, String query) {
		String folded = fold(text);
		String q = fold(query);
		if (q.isEmpty()) {
			return true;
		}
		return (" " + folded).contains(" " + q) || folded.contains(q);
	}

}
