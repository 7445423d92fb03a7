package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import vn.thidua.support.Browser;

/** Issue 20: a refusal of the server shows beside the button pressed, in view, never in the notification bar. */
final class Refusals {

	/** How far (px) the sentence may be from the button pressed: the row above it. */
	static final int NEAR = 120;

	private Refusals() {
	}

	/**
	 * Waits for the refusal containing {@code sentence} and asserts it is beside {@code button}, in view
	 * (inside the window, without scrolling), in Vietnamese, and that no notification bar shows it.
	 */
	static WebElement beside(Browser browser, WebElement button, String sentence, String screenshot) {
		WebElement refusal = browser.waiting()
			.withMessage(() -> "the refusal «" + sentence + "» beside the button; the page shows: " + browser.visibleText())
			.until(d -> browser.visible(By.cssSelector(".thidua-refusal"))
				.stream()
				.filter(e -> e.getText().contains(sentence))
				.findFirst()
				.orElse(null));
		browser.waiting().until(d -> browser.visible(By.cssSelector(".notifications .alert-danger")).isEmpty());
		browser.screenshot(screenshot);
		@SuppressWarnings("unchecked")
		Map<String, Number> box = (Map<String, Number>) browser.script("""
				const r = arguments[0].getBoundingClientRect(), b = arguments[1].getBoundingClientRect();
				return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
				  buttonTop: b.top, buttonBottom: b.bottom, height: window.innerHeight, width: window.innerWidth};""",
				refusal, button);
		double gap = Math.max(box.get("buttonTop").doubleValue() - box.get("bottom").doubleValue(),
				box.get("top").doubleValue() - box.get("buttonBottom").doubleValue());
		assertThat(gap).as("distance between the sentence and the button pressed, %s", box).isLessThan(NEAR);
		assertThat(box.get("top").doubleValue()).as("sentence in view: %s", box).isGreaterThanOrEqualTo(0);
		assertThat(box.get("bottom").doubleValue()).as("sentence in view: %s", box)
			.isLessThanOrEqualTo(box.get("height").doubleValue());
		assertThat(box.get("buttonBottom").doubleValue()).as("button in view: %s", box)
			.isLessThanOrEqualTo(box.get("height").doubleValue() + 1);
		assertThat(box.get("right").doubleValue()).as("sentence inside the screen: %s", box)
			.isLessThanOrEqualTo(box.get("width").doubleValue() + 1);
		assertThat(refusal.getText()).doesNotContain(List.of("ENGINE-", "Exception", "Cannot", "TaskListener").toArray(String[]::new));
		return refusal;
	}

}
