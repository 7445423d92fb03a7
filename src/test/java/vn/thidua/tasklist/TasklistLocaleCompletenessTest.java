package vn.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Vietnamese locale files against the English ones of the Camunda webjar on the classpath:
 * every key of {@code en.json} needs a Vietnamese value (same structure, same placeholders), so a
 * Camunda upgrade that adds or renames labels fails the build instead of showing English or raw
 * keys to our users.
 */
class TasklistLocaleCompletenessTest {

	private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";

	/** angular-translate's {{ name }} and moment's %d / %s (relative times). */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}|%[ds]");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private final ObjectMapper json = new ObjectMapper();

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome" })
	void shouldTranslateEveryKeyOfTheWebjarsEnglishLocale(String app) throws IOException {
		// given
		JsonNode english = read(app, "en", true);
		JsonNode vietnamese = read(app, "vi", false);

		// when
		List<String> problems = new ArrayList<>();
		compare("", english, vietnamese, problems);

		// then
		assertThat(problems).as("vi.json of %s compared with the webjar's en.json", app).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome" })
	void shouldNotKeepKeysTheWebjarNoLongerHas(String app) throws IOException {
		// given
		JsonNode english = read(app, "en", true);
		JsonNode vietnamese = read(app, "vi", false);

		// when
		Set<String> stale = new TreeSet<>(paths("", vietnamese));
		stale.removeAll(paths("", english));

		// then
		assertThat(stale).as("keys of %s/vi.json that en.json does not have", app).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "welcome" })
	void shouldReadTheEnglishLocaleFromTheCamundaWebjar(String app) throws IOException {
		assertThat(url(app, "en", true).toString()).contains("camunda-webapp-webjar");
		assertThat(read(app, "en", true).path("labels").size()).isGreaterThan(100);
	}

	private void compare(String path, JsonNode en, JsonNode vi, List<String> problems) {
		if (vi == null || vi.isMissingNode() || vi.isNull()) {
			problems.add(path + ": missing");
		}
		else if (en.getNodeType() != vi.getNodeType()) {
			problems.add(path + ": " + vi.getNodeType() + " instead of " + en.getNodeType());
		}
		else if (en.isObject()) {
			for (Iterator<String> names = en.fieldNames(); names.hasNext();) {
				String name = names.next();
				compare(path + "/" + name, en.get(name), vi.get(name), problems);
			}
		}
		else if (en.isArray()) {
			if (en.size() != vi.size()) {
				problems.add(path + ": " + vi.size() + " entries instead of " + en.size());
			}
			for (int i = 0; i < Math.min(en.size(), vi.size()); i++) {
				compare(path + "/" + i, en.get(i), vi.get(i), problems);
			}
		}
		else if (en.isTextual()) {
			compareText(path, en.asText(), vi.asText(), problems);
		}
	}

	/** A label may equal the English one only without letters ("<=", ""); date formats may. */
	private static void compareText(String path, String en, String vi, List<String> problems) {
		if (!en.isBlank() && vi.isBlank()) {
			problems.add(path + ": empty");
		}
		else if (path.startsWith("/labels/") && en.equals(vi) && LETTER.matcher(en).find()) {
			problems.add(path + ": still English \"" + en + "\"");
		}
		if (!placeholders(en).equals(placeholders(vi))) {
			problems.add(path + ": placeholders " + placeholders(vi) + " instead of " + placeholders(en));
		}
	}

	private static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group(1) != null ? "{{" + m.group(1) + "}}" : m.group());
		}
		Collections.sort(found);
		return found;
	}

	private static Set<String> paths(String path, JsonNode node) {
		Set<String> paths = new TreeSet<>();
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
				paths.add(path + "/" + field.getKey());
				paths.addAll(paths(path + "/" + field.getKey(), field.getValue()));
			}
		}
		return paths;
	}

	private JsonNode read(String app, String locale, boolean fromWebjar) throws IOException {
		try (InputStream in = url(app, locale, fromWebjar).openStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			// Camunda's en.json starts with a byte order mark
			return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
	}

	/** The webjar's file, or ours: both lie at the same path of the classpath. */
	private static URL url(String app, String locale, boolean fromWebjar) throws IOException {
		String name = LOCALES.formatted(app, locale);
		for (URL url : Collections.list(TasklistLocaleCompletenessTest.class.getClassLoader().getResources(name))) {
			if (url.toString().contains("camunda-webapp-webjar") == fromWebjar) {
				return url;
			}
		}
		throw new IllegalStateException(name + " not on the classpath" + (fromWebjar ? " (webjar)" : ""));
	}

}
