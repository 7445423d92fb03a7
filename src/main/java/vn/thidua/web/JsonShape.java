package vn.thidua.web;

/** The nesting depth of JSON text, counted without parsing it (brackets inside strings ignored). */
public final class JsonShape {

	private JsonShape() {
	}

	public static int depth(CharSequence json) {
		int depth = 0;
		int max = 0;
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '[' || c == '{') {
				max = Math.max(max, ++depth);
			}
			else if (c == ']' || c == '}') {
				depth--;
			}
		}
		return max;
	}

}
