package vn.thidua.award;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way names of nominees are compared ("one achievement, one award", the register's "same
 * person"): Unicode NFKC (so a no-break space or a full-width letter is the ordinary one), format
 * characters (category Cf: zero-width spaces and joiners, soft hyphens, the BOM) removed, every kind
 * of white space collapsed to one space, case folded. «Trần\u00a0Thị\u200b Ánh» equals «trần thị ánh».
 * {@link #folded} is the same name without its accents, the key of searches where accents are
 * optional; two names that are {@link #comparable} alike always fold alike, so the folded name
 * (stored as {@code nominee_name_folded} and indexed) finds every row of a person.
 */
public final class NomineeNames {

	private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACE = Pattern.compile("[\\p{Z}\\s\\p{Cc}]+");

	private NomineeNames() {
	}

	public static String comparable(String name) {
		String text = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC);
		text = FORMAT.matcher(text).replaceAll("");
		text = SPACE.matcher(text).replaceAll(" ").strip();
		// case folding: upper then lower maps the few letters whose lower case alone differs
		text = text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
		return Normalizer.normalize(text, Normalizer.Form.NFC);
	}

	/**
	 * {@link #comparable} without accents: every combining mark removed after NFD, đ/Đ as d, lower
	 * case, one space between words. «Trần  Thị Hoà» and «TRAN THI HOA» fold to "tran thi hoa".
	 * A change of this function needs a migration that recomputes {@code nominee_name_folded}.
	 */
	public static String folded(String name) {
		String decomposed = Normalizer.normalize(comparable(name), Normalizer.Form.NFD);
		String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
		return SPACE.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

}
