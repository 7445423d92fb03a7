package vn.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.thidua.tasklist.WebappScriptPatches.PatchedScript;
import vn.thidua.tasklist.WebappScriptPatches.Replacement;

/**
 * The replacements against the scripts of the Camunda webjar on the classpath: a Camunda upgrade
 * that changes them fails here. What the replacements do in the browser is shown by the browser
 * tests (a work-item row filled in Tasklist completes; form-js's messages in Vietnamese).
 */
class WebappScriptPatchesTest {

	@Test
	void shouldFindEveryReplacedTextExactlyOnce() {
		String tasklist = WebappScriptPatches.TASKLIST.apply();
		String formJs = WebappScriptPatches.FORM_JS.apply();

		assertThat(occurring(tasklist, "Object.keys(e.errors).length", "function hasMessage(v)"))
			.containsExactly("function hasMessage(v)");
		assertThat(occurring(formJs, "Field is required.", "Field must have minimum", "Field must have maximum",
				"Field must match pattern", "\"Add new\"", "`Expand all", "Trường này bắt buộc.", "Thêm dòng", "\"Chọn\""))
			.containsExactly("Trường này bắt buộc.", "Thêm dòng", "\"Chọn\"");
		assertThat(occurring(formJs, "weekdays:{shorthand:[\"Sun\"", "Scroll to increment", "\"Tháng 12\"",
				"[\"CN\",\"T2\",\"T3\",\"T4\",\"T5\",\"T6\",\"T7\"]"))
			.as("the date picker's months and days")
			.containsExactly("\"Tháng 12\"", "[\"CN\",\"T2\",\"T3\",\"T4\",\"T5\",\"T6\",\"T7\"]");
	}

	/** Which of {@code texts} the script holds (a script is megabytes: not for a failure message). */
	private static List<String> occurring(String script, String... texts) {
		return Stream.of(texts).filter(script::contains).toList();
	}

	@Test
	void shouldKeepEverythingElseOfTheScript() {
		PatchedScript script = WebappScriptPatches.TASKLIST;

		String original = script.read();
		String patched = script.apply();

		Replacement only = script.replacements().get(0);
		assertThat(patched.equals(original.replace(only.find(), only.replace()))).as("only the replaced text differs").isTrue();
	}

	@Test
	void shouldRefuseAScriptThatNoLongerHoldsTheText() {
		PatchedScript changed = new PatchedScript(WebappScriptPatches.TASKLIST.path(),
				List.of(new Replacement("text of another Camunda version", "x")));

		assertThatIllegalStateException().isThrownBy(changed::apply).withMessageContaining("has changed");
	}

	@Test
	void shouldRefuseATextFoundTwice() {
		PatchedScript ambiguous = new PatchedScript(WebappScriptPatches.FORM_JS.path(),
				List.of(new Replacement("\"Search\"", "\"Tìm\"")));

		assertThatIllegalStateException().isThrownBy(ambiguous::apply).withMessageContaining("exactly once");
	}

}
