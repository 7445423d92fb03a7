package vn.thidua.document;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Given to the templates as {@code t}: a paragraph escaped for HTML, with numbers such as
 * «12/QĐ-HLHPN», «05/12/2026» or «3/5» kept on one line (a line never breaks inside a document number).
 */
final class Typeset {

	private static final Pattern NUMBER = Pattern.compile("\\d+/[\\p{L}\\d./\\-]+");

	public String keep(String text) {
		if (text == null) {
			return "";
		}
		String escaped = HtmlUtils.htmlEscape(text, "UTF-8");
		Matcher m = NUMBER.matcher(escaped);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement("<span class=\"nowrap\">" + m.group() + "</span>"));
		}
		m.appendTail(out);
		return out.toString();
	}

}
