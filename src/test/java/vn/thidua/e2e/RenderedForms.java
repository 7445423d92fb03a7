package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import vn.thidua.support.Browser;

/**
 * Checks that Tasklist rendered one of our Camunda Forms the way its {@code .form} file describes
 * it: no form error, every shown component's label and element id in the DOM, an asterisk exactly
 * on the required ones, radio groups and selects with all their options. Remembers which forms were opened so the suite can prove that
 * every form in {@code forms/} was opened at least once.
 */
final class RenderedForms {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Set<String> OPENED = new ConcurrentSkipListSet<>();

	private RenderedForms() {
	}

	/** The ids of all forms in {@code forms/}. */
	static Set<String> all() {
		Set<String> ids = new TreeSet<>();
		try (Stream<Path> files = Files.list(Path.of("forms"))) {
			files.filter(f -> f.toString().endsWith(".form")).forEach(f -> ids.add(read(f.getFileName().toString()).path("id").asText()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return ids;
	}

	/** The scenario classes of issue 6; the check of all forms runs after the last of them. */
	private static final Set<String> SCENARIOS = Set.of("NominationBrowserTest", "RolloutBrowserTest",
			"FormValidationBrowserTest");

	private static final Set<String> FINISHED = new ConcurrentSkipListSet<>();

	/** Records that a scenario class finished; true when all scenario classes have. */
	static synchronized boolean scenarioFinished(Class<?> scenario) {
		FINISHED.add(scenario.getSimpleName());
		return FINISHED.containsAll(SCENARIOS);
	}

	static Set<String> opened() {
		return new TreeSet<>(OPENED);
	}

	/**
	 * Waits for the form in the browser and checks it against {@code forms/<formId>.form}; a
	 * screenshot named {@code screenshot} is taken first, so a failure can be looked at.
	 */
	static void assertRendered(Browser browser, String formId, String screenshot) {
		WebElement form = browser.form();
		browser.waitForText(firstLabel(formId));
		browser.fullScreenshot(screenshot);
		String page = browser.visibleText();
		assertThat(page).as("form %s: Tasklist's form error", formId).doesNotContain("Lỗi biểu mẫu", "Form failure");
		assertThat(browser.visible(By.cssSelector(".fjs-form-error, .alert-danger, .alert-error")))
			.as("form %s: error shown; the page shows:%n%s", formId, page)
			.isEmpty();
		List<String> problems = new ArrayList<>();
		check(browser, form, read(formId + ".form").path("components"), problems);
		assertThat(problems).as("form %s rendered as its .form file says; the page shows:%n%s", formId, page).isEmpty();
		OPENED.add(formId);
	}

	private static void check(Browser browser, WebElement form, JsonNode components, List<String> problems) {
		for (JsonNode c : components) {
			String type = c.path("type").asText();
			String id = c.path("id").asText();
			if (c.has("conditional")) {
				continue; // shown or hidden by the data: not part of every rendering
			}
			if ("text".equals(type)) {
				if (form.findElements(By.cssSelector("[class*='fjs-form-field-text'], .markup")).isEmpty()
						&& !browser.visibleText().contains(c.path("text").asText().replaceAll("(?m)^#+\\s*", "").split("\\{\\{|\\n")[0].trim())) {
					problems.add("text " + id + " not rendered");
				}
				continue;
			}
			String label = "datetime".equals(type) ? c.path("dateLabel").asText(c.path("label").asText()) : c.path("label").asText();
			if (!label.isEmpty()) {
				List<WebElement> fields = browser.fields(label);
				if (fields.isEmpty()) {
					problems.add(type + " " + id + " (" + c.path("key").asText() + "): label \"" + label + "\" missing");
					continue;
				}
				WebElement field = fields.get(0);
				boolean asterisk = !field.findElements(By.cssSelector(".fjs-asterix")).isEmpty();
				if (c.path("validate").path("required").asBoolean(false) != asterisk && !"dynamiclist".equals(type)) {
					problems.add(type + " " + id + " (" + c.path("key").asText() + "): "
							+ (asterisk ? "an asterisk, but not required" : "required, but no asterisk"));
				}
				if (c.has("key") && !"dynamiclist".equals(type)
						&& field.findElements(By.cssSelector("[id*='-" + id + "']")).isEmpty()) {
					problems.add(type + " " + id + " (" + c.path("key").asText() + "): no input for the key");
				}
				if ("radio".equals(type) && c.has("values")) {
					int shown = field.findElements(By.cssSelector("input[type=radio]")).size();
					if (shown != c.path("values").size()) {
						problems.add("radio " + id + ": " + shown + " options, the form has " + c.path("values").size());
					}
				}
				if ("select".equals(type) && !c.path("readonly").asBoolean()) {
					List<String> options = browser.selectOptions(label);
					int expected = c.has("values") ? c.path("values").size() : 1;
					if (options.isEmpty() || options.size() < expected) {
						problems.add("select " + id + ": options " + options);
					}
				}
			}
			if (c.has("components") && !"dynamiclist".equals(type)) {
				check(browser, form, c.path("components"), problems);
			}
		}
	}

	/** The first label of the form's inputs: once it shows, the form is there. */
	private static String firstLabel(String formId) {
		for (JsonNode c : read(formId + ".form").path("components")) {
			if (!c.has("conditional") && c.hasNonNull("label") && !c.path("label").asText().isEmpty()) {
				return c.path("label").asText();
			}
		}
		return "";
	}

	private static JsonNode read(String file) {
		try (InputStream in = Files.newInputStream(Path.of("forms", file))) {
			JsonNode json = JSON.readTree(in);
			return json;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
