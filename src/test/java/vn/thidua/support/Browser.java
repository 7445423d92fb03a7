package vn.thidua.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}) driving
 * the application's web apps for end-to-end tests: a fresh profile per instance, English browser
 * language (what our users' phones and PCs often have), the Vietnamese time zone, screenshots under
 * {@code target/e2e/}. Close it after use (try-with-resources or {@code @AfterEach}).
 *
 * <pre>
 * try (Browser browser = Browser.open("http://localhost:" + port)) {
 *     browser.login("head1", "demo");
 *     browser.waitForText("Nhận việc");
 *     browser.screenshot("tasklist-task");
 * }
 * </pre>
 */
public final class Browser implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "e2e");

	private static final String CHROMIUM = "/usr/bin/chromium";

	private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private static final String TIME_ZONE = "Asia/Ho_Chi_Minh";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String baseUrl;

	private final Path profile;

	private final ChromeDriverService service;

	private final ChromeDriver driver;

	private final WebDriverWait wait;

	private Browser(String baseUrl, Path profile, ChromeDriverService service, ChromeDriver driver) {
		this.baseUrl = baseUrl;
		this.profile = profile;
		this.service = service;
		this.driver = driver;
		this.wait = new WebDriverWait(driver, TIMEOUT);
	}

	/** Starts a browser for the application at {@code baseUrl} (e.g. {@code http://localhost:8080}). */
	/**
	 * For {@code @RegisterExtension}: on a test's failure, the page as it was and its console
	 * ({@code target/e2e/FAILED-<class>-<test>.png} and {@code .log}); the failure is rethrown.
	 */
	public static TestExecutionExceptionHandler screenshotOnFailure(Supplier<Browser> browser) {
		return (context, ex) -> {
			Browser open = browser.get();
			if (open != null) {
				try {
					String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
							+ context.getRequiredTestMethod().getName();
					open.fullScreenshot(name);
					open.consoleLog(name);
				}
				catch (RuntimeException screenshotFailure) {
					ex.addSuppressed(screenshotFailure);
				}
			}
			throw ex;
		};
	}

	public static Browser open(String baseUrl) {
		Path profile = createProfile();
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER))
			.usingAnyFreePort()
			.withEnvironment(Map.of("TZ", TIME_ZONE, "LANG", "en_US.UTF-8"))
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
				"--window-size=1366,900", "--user-data-dir=" + profile.toAbsolutePath());
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		try {
			return new Browser(baseUrl.replaceAll("/+$", ""), profile, service, new ChromeDriver(service, options));
		}
		catch (RuntimeException ex) {
			service.stop();
			deleteProfile(profile);
			throw ex;
		}
	}

	public WebDriver driver() {
		return driver;
	}

	public WebDriverWait waiting() {
		return wait;
	}

	/** Opens a path of the application, e.g. {@code /camunda/app/tasklist/default/}. */
	public Browser go(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	/**
	 * Logs in through Tasklist's login page (the Camunda login form) and waits until Tasklist shows
	 * the user's name in its header.
	 */
	public Browser login(String user, String password) {
		go("/camunda/app/tasklist/default/");
		return submitLogin(user, password);
	}

	/**
	 * Fills in the Camunda login form shown on the current page (Tasklist's or the welcome app's)
	 * and waits until the header shows the logged-in user.
	 */
	public Browser submitLogin(String user, String password) {
		fillLogin(user, password);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .account .dropdown-toggle")));
		return this;
	}

	/**
	 * Types the login and password into the Camunda login form and presses «Đăng nhập». The form may
	 * be drawn again while it is typed into (seen: both words in the login field), so each field is
	 * typed until it holds exactly its value.
	 */
	public Browser fillLogin(String user, String password) {
		By username = By.cssSelector("form[name=signinForm] input[type=text]");
		By secret = By.cssSelector("form[name=signinForm] input[type=password]");
		wait.until(ExpectedConditions.visibilityOfElementLocated(username));
		new WebDriverWait(driver, TIMEOUT).ignoring(StaleElementReferenceException.class).until(d -> {
			for (var field : List.of(Map.entry(username, user), Map.entry(secret, password))) {
				WebElement element = d.findElement(field.getKey());
				if (!field.getValue().equals(element.getDomProperty("value"))) {
					element.clear();
					element.sendKeys(field.getValue());
				}
			}
			return user.equals(d.findElement(username).getDomProperty("value"))
					&& password.equals(d.findElement(secret).getDomProperty("value"));
		});
		driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
		return this;
	}

	/** Waits until an element is visible and returns it. */
	public WebElement waitFor(By locator) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** Waits until the page shows {@code text} somewhere visible (a button, a label, a message). */
	public Browser waitForText(String text) {
		// a form posted a moment ago: the old page's body may go while it is read («Node … does not
		// belong to the document»); read the new one on the next poll
		new WebDriverWait(driver, TIMEOUT)
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.withMessage(() -> "text \"" + text + "\" visible; the page shows: " + visibleText())
			.until(d -> visibleText().contains(text));
		return this;
	}

	/** The page's visible text (what a user can read), as Selenium renders it. */
	public String visibleText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	/** Elements matching {@code locator} that a user can see. */
	public List<WebElement> visible(By locator) {
		return driver.findElements(locator).stream().filter(e -> {
			try {
				return e.isDisplayed();
			}
			catch (org.openqa.selenium.StaleElementReferenceException ex) {
				return false; // replaced while we looked: Angular re-rendered it
			}
		}).toList();
	}

	public Object script(String javascript, Object... args) {
		return ((JavascriptExecutor) driver).executeScript(javascript, args);
	}

	/** Saves a PNG of the browser window as {@code target/e2e/<name>.png} and returns its path. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			File file = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Like {@link #screenshot(String)}, with the window made tall enough for the page's longest
	 * scrolling area (a long form in Tasklist's task pane or start dialog), so the whole form shows.
	 */
	public Path fullScreenshot(String name) {
		org.openqa.selenium.Dimension size = driver.manage().window().getSize();
		Number extra = (Number) script("""
				let extra = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
				document.querySelectorAll('*').forEach(e => {
				  const style = getComputedStyle(e);
				  if ((style.overflowY === 'auto' || style.overflowY === 'scroll') && e.clientHeight > 0)
				    extra = Math.max(extra, e.scrollHeight - e.clientHeight);
				});
				return extra;""");
		int height = Math.min(6000, size.getHeight() + extra.intValue() + 40);
		if (height <= size.getHeight()) {
			return screenshot(name);
		}
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), height));
		try {
			return screenshot(name);
		}
		finally {
			driver.manage().window().setSize(size);
		}
	}

	/**
	 * The page's console messages since the last call (script errors, failed requests), written to
	 * {@code target/e2e/<name>.log}, e.g. beside a failure's screenshot.
	 */
	public Path consoleLog(String name) {
		List<String> lines = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
			.map(entry -> entry.getLevel() + " " + entry.getMessage())
			.toList();
		try {
			Files.createDirectories(SCREENSHOTS);
			return Files.write(SCREENSHOTS.resolve(name + ".log"), lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits as long as the slow steps of Tasklist need (a form's first load, a process start). */
	public WebDriverWait waiting(Duration timeout) {
		return new WebDriverWait(driver, timeout);
	}

	/**
	 * Logs the current user out by dropping the session cookies and logs {@code user} in through
	 * Tasklist's login page: what a shared office PC sees between two people.
	 */
	public Browser switchUser(String user, String password) {
		driver.manage().deleteAllCookies();
		return login(user, password);
	}

	// ---------------------------------------------------------------- Tasklist

	/** Clicks a filter in Tasklist's left column (e.g. "Việc của chi hội"). */
	public Browser openFilter(String name) {
		String filter = "//div[contains(@class,'task-filter')][.//h4//a[starts-with(normalize-space(), " + xpathLiteral(name)
				+ ")]]";
		new WebDriverWait(driver, Duration.ofSeconds(60)).withMessage(() -> "filter \"" + name + "\"; the page shows: "
				+ visibleText())
			.until(ExpectedConditions.elementToBeClickable(By.xpath(filter + "//h4//a")))
			.click();
		waitFor(By.xpath(filter + "[contains(concat(' ', normalize-space(@class), ' '), ' active ')]"));
		return this;
	}

	/** The visible task list entries (names, process, variables) of the current filter. */
	public String taskListText() {
		List<WebElement> lists = driver.findElements(By.cssSelector("[cam-tasks]"));
		return lists.isEmpty() ? "" : lists.get(0).getText();
	}

	/**
	 * Opens, in the current filter, the task named {@code taskName} whose task pane (its form's
	 * text and field values) shows {@code textInTask}, e.g. the nominee's name; tries each list
	 * entry of that name in turn. (The task list itself shows no process variables to users who
	 * may read the task but not the process instance.)
	 */
	public Browser openTask(String taskName, String textInTask) {
		By entries = By.xpath("//*[contains(@class,'tasks-list')]//li//a[normalize-space()=" + xpathLiteral(taskName) + "]");
		new WebDriverWait(driver, Duration.ofSeconds(60))
			.withMessage(() -> "task \"" + taskName + "\" in the list; it shows: " + taskListText())
			.until(ExpectedConditions.elementToBeClickable(entries));
		int count = driver.findElements(entries).size();
		for (int i = 0; i < count; i++) {
			click(driver.findElements(entries).get(i));
			waitFor(By.xpath("//*[contains(@class,'task-details')]//*[normalize-space()=" + xpathLiteral(taskName) + "]"));
			form();
			boolean found;
			try {
				new WebDriverWait(driver, Duration.ofSeconds(i == count - 1 ? 30 : 10))
					.until(d -> taskPaneText().contains(textInTask));
				found = true;
			}
			catch (org.openqa.selenium.TimeoutException ex) {
				found = false;
			}
			if (found) {
				return this;
			}
		}
		throw new AssertionError("No task \"" + taskName + "\" (of " + count + ") shows \"" + textInTask
				+ "\"; the list shows: " + taskListText());
	}

	/**
	 * Asserts that no entry named {@code taskName} in the current filter opens a task showing
	 * {@code textInTask} (a task the user must not see).
	 */
	public Browser assertNoTaskShows(String taskName, String textInTask) {
		By entries = By.xpath("//*[contains(@class,'tasks-list')]//li//a[normalize-space()=" + xpathLiteral(taskName) + "]");
		int count = driver.findElements(entries).size();
		for (int i = 0; i < count; i++) {
			click(driver.findElements(entries).get(i));
			waitFor(By.xpath("//*[contains(@class,'task-details')]//*[normalize-space()=" + xpathLiteral(taskName) + "]"));
			form();
			if (taskPaneText().contains(textInTask)) {
				throw new AssertionError("The task \"" + taskName + "\" showing \"" + textInTask + "\" is visible");
			}
		}
		return this;
	}

	/** The open task's pane: its visible text and the values of its form's fields. */
	public String taskPaneText() {
		return (String) script("""
				const pane = document.querySelector('.task-details');
				if (!pane) return '';
				let text = pane.innerText;
				pane.querySelectorAll('input, textarea').forEach(i => text += '\\n' + (i.value || ''));
				return text;""");
	}

	/** Claims the open task when it is not assigned to the user yet ("Nhận việc"). */
	public Browser claimIfOffered() {
		List<WebElement> claim = visible(By.cssSelector("button.claim"));
		if (!claim.isEmpty()) {
			click(claim.get(0));
			wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
		}
		return this;
	}

	/** The rendered Camunda Form (form-js) of the open task or start dialog. */
	public WebElement form() {
		return new WebDriverWait(driver, Duration.ofSeconds(60))
			.withMessage(() -> "a rendered Camunda Form; the page shows: " + visibleText())
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
	}

	/** Clicks "Hoàn thành" on the open task and waits for Tasklist's confirmation. */
	public Browser completeTask() {
		leaveField();
		click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Hoàn thành']"))));
		new WebDriverWait(driver, Duration.ofSeconds(60))
			.withMessage(() -> "the task completed; the page shows: " + visibleText())
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> {
				String text = visibleText();
				if (text.contains("Có lỗi khi gửi biểu mẫu")) {
					throw new AssertionError("Tasklist refused the form: " + text);
				}
				return text.contains("Công việc đã hoàn thành.") || visible(By.cssSelector(".fjs-form")).isEmpty();
			});
		return this;
	}

	/** Clicks "Hoàn thành" expecting it to be refused (form-js validation): no confirmation. */
	public Browser clickComplete() {
		leaveField();
		click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()='Hoàn thành']"))));
		return this;
	}

	/** Opens "Bắt đầu quy trình" and picks the process named {@code processName}; its start form loads. */
	public Browser openStartForm(String processName) {
		waitFor(By.partialLinkText("Bắt đầu quy trình")).click();
		waitFor(By.cssSelector(".modal-dialog"));
		// the dialog may still be sliding in: a click that lands on the list's other row is clicked as
		// the browser would on this one
		click(new WebDriverWait(driver, Duration.ofSeconds(60))
			.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class,'modal-dialog')]//a[normalize-space()="
					+ xpathLiteral(processName) + "]"))));
		form();
		return this;
	}

	/**
	 * Leaves the field being typed in, as the mouse press of a person's next click does: form-js takes
	 * typed text 300 ms late or on leaving the field, and Tasklist enables «Hoàn thành» only after
	 * that (a button still disabled by the emptied field's error would swallow the click).
	 */
	private void leaveField() {
		script("if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur()");
	}

	/** Before the next field is touched: form-js has the last one, and has drawn what followed from it. */
	private void nextInput() {
		leaveField();
		settle();
	}

	/**
	 * Waits until the page has drawn twice: form-js redraws the form a moment after a change of another
	 * field (a choice, a date), and a redraw in the middle of typing would put back the field's value
	 * from before the first keystrokes.
	 */
	private void settle() {
		((JavascriptExecutor) driver).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));");
	}

	/** Clicks "Bắt đầu" in the start dialog (the caller checks what follows). */
	public Browser clickStart() {
		leaveField();
		wait.until(ExpectedConditions.elementToBeClickable(
				By.xpath("//div[contains(@class,'modal-dialog')]//button[normalize-space()='Bắt đầu']")))
			.click();
		return this;
	}

	/** Clicks "Bắt đầu" in the start dialog and waits for Tasklist's confirmation. */
	public Browser startProcess() {
		clickStart();
		new WebDriverWait(driver, Duration.ofSeconds(60))
			.withMessage(() -> "the process started; the page shows: " + visibleText())
			.until(d -> visibleText().contains("Đã bắt đầu quy trình."));
		return this;
	}

	// ---------------------------------------------------------------- form-js fields, found by label

	/**
	 * The form-js fields ({@code .fjs-form-field}) whose label reads {@code label} (required
	 * fields' asterisk ignored), in document order: several for a field inside a dynamic list.
	 */
	@SuppressWarnings("unchecked")
	public List<WebElement> fields(String label) {
		return (List<WebElement>) script("""
				const label = arguments[0];
				const norm = s => s.replace(/\\s+/g, ' ').replace(/\\s*\\*\\s*$/, '').trim();
				const found = [];
				document.querySelectorAll('.fjs-form label, .fjs-form .fjs-form-field-label').forEach(l => {
				  if (norm(l.textContent) === label) {
				    const field = l.closest('.fjs-form-field');
				    if (field && !found.includes(field)) found.push(field);
				  }
				});
				return found;""", label);
	}

	/** The single field labelled {@code label}, waiting until it is shown. */
	public WebElement field(String label) {
		return field(label, 0);
	}

	/** The {@code index}-th field labelled {@code label} (dynamic lists), waiting until it is shown. */
	public WebElement field(String label, int index) {
		return new WebDriverWait(driver, Duration.ofSeconds(30))
			.withMessage(() -> "form field \"" + label + "\" #" + index + " shown")
			.until(d -> {
				List<WebElement> found = fields(label);
				return found.size() > index && found.get(index).isDisplayed() ? found.get(index) : null;
			});
	}

	/** Types into the text field or text area labelled {@code label}, replacing what it holds. */
	public Browser type(String label, String value) {
		return type(label, 0, value);
	}

	public Browser type(String label, int index, String value) {
		for (int attempt = 1; attempt <= 3; attempt++) {
			nextInput();
			WebElement input = field(label, index).findElement(By.cssSelector("input, textarea"));
			input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
			input.sendKeys(value);
			if (keeps(label, index, value)) {
				return this;
			}
		}
		throw new AssertionError("field \"" + label + "\" does not keep " + value + "; the page shows: " + visibleText());
	}

	/**
	 * Whether the field still shows {@code value} once form-js has taken it (it does 300 ms after the
	 * last keystroke). A redraw left over from the step before can put back the old value while a test
	 * types faster than any person; the caller then types again.
	 */
	private boolean keeps(String label, int index, String value) {
		long until = System.nanoTime() + Duration.ofMillis(600).toNanos();
		do {
			if (!value.equals(field(label, index).findElement(By.cssSelector("input, textarea")).getDomProperty("value"))) {
				return false;
			}
			settle();
		}
		while (System.nanoTime() < until);
		return true;
	}

	/** The current value of the input or text area labelled {@code label}. */
	public String value(String label) {
		return field(label).findElement(By.cssSelector("input, textarea")).getDomProperty("value");
	}

	/** The current value of the {@code index}-th input or text area labelled {@code label} (dynamic lists). */
	public String value(String label, int index) {
		return field(label, index).findElement(By.cssSelector("input, textarea")).getDomProperty("value");
	}

	/** Picks the option {@code option} of the {@code index}-th radio group labelled {@code label}. */
	public Browser choose(String label, int index, String option) {
		By optionLabel = By.xpath(".//label[normalize-space()=" + xpathLiteral(option) + "]");
		for (int attempt = 1; attempt <= 3; attempt++) {
			nextInput();
			click(field(label, index).findElement(optionLabel));
			settle();
			WebElement chosen = field(label, index).findElement(optionLabel);
			String forId = chosen.getAttribute("for");
			WebElement input = forId != null && !forId.isBlank() ? driver.findElement(By.id(forId))
					: chosen.findElement(By.xpath(".//input"));
			if (input.isSelected()) {
				return this;
			}
		}
		throw new AssertionError("option \"" + option + "\" of \"" + label + "\" #" + index + " does not stay chosen");
	}

	/** Ticks, in the check list labelled {@code label}, the option whose text contains {@code text}. */
	public Browser tickOption(String label, String text) {
		for (int attempt = 1; attempt <= 3; attempt++) {
			nextInput();
			if (!optionBox(label, text).isSelected()) {
				click(option(label, text));
			}
			// form-js may redraw the list from its state of before the click: the tick must stay
			settle();
			if (optionBox(label, text).isSelected()) {
				return this;
			}
		}
		throw new AssertionError("option \"" + text + "\" of \"" + label + "\" does not stay ticked; the page shows: "
				+ visibleText());
	}

	private WebElement option(String label, String text) {
		return field(label).findElement(By.xpath(".//label[contains(normalize-space(), " + xpathLiteral(text) + ")]"));
	}

	/**
	 * The check box of that option itself: inside its label (form-js), else the one the label is for.
	 * (Not the first box of the list: with the options in another order that one is another option's.)
	 */
	private WebElement optionBox(String label, String text) {
		WebElement option = option(label, text);
		List<WebElement> inside = option.findElements(By.cssSelector("input[type=checkbox]"));
		if (!inside.isEmpty()) {
			return inside.get(0);
		}
		String target = option.getAttribute("for");
		return target == null || target.isEmpty()
				? option.findElement(By.xpath("preceding-sibling::input[@type='checkbox'][1]"))
				: driver.findElement(By.id(target));
	}

	/** Picks the option {@code option} of the radio group labelled {@code label}. */
	public Browser choose(String label, String option) {
		nextInput();
		WebElement field = field(label);
		WebElement optionLabel = field.findElement(By.xpath(".//label[normalize-space()=" + xpathLiteral(option) + "]"));
		click(optionLabel);
		return this;
	}

	/** Ticks the check box labelled {@code label}. */
	public Browser tick(String label) {
		nextInput();
		WebElement box = field(label).findElement(By.cssSelector("input[type=checkbox]"));
		if (!box.isSelected()) {
			click(box);
		}
		return this;
	}

	/** Opens the select labelled {@code label} and returns the options it offers (then closes it). */
	public List<String> selectOptions(String label) {
		WebElement field = field(label);
		openList(field);
		List<String> options = new WebDriverWait(driver, Duration.ofSeconds(10))
			.withMessage(() -> "options of select \"" + label + "\"")
			.until(d -> {
				List<WebElement> items = field.findElements(By.cssSelector(".fjs-dropdownlist-item, .fjs-dropdownlist-empty"));
				return items.isEmpty() ? null : items;
			})
			.stream()
			.filter(e -> e.getAttribute("class").contains("fjs-dropdownlist-item"))
			.map(WebElement::getText)
			.toList();
		leaveField();
		new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "select \"" + label + "\" closed")
			.until(d -> field.findElements(By.cssSelector(".fjs-dropdownlist")).isEmpty());
		return options;
	}

	/** Picks {@code option} in the select labelled {@code label}. */
	public Browser select(String label, String option) {
		WebElement field = field(label);
		openList(field);
		By item = By.xpath(".//*[contains(@class,'fjs-dropdownlist-item')][normalize-space()=" + xpathLiteral(option) + "]");
		click(new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "option \"" + option + "\" of \"" + label + "\"")
			.until(d -> field.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> field.getText().contains(option));
		return this;
	}

	/** Opens form-js's list of a select. */
	private void openList(WebElement field) {
		// a press on the box toggles form-js's list; once the list was opened and closed (RenderedForms looks at
		// the options), a scripted press may leave it shut (form-js 1.8.7): leave the field and press again
		for (int press = 0; press < 3 && !listShown(field); press++) {
			if (press > 0) {
				nextInput();
			}
			click(field.findElement(By.cssSelector(".fjs-input-group")));
			try {
				new WebDriverWait(driver, Duration.ofSeconds(2)).until(d -> listShown(field));
			}
			catch (org.openqa.selenium.TimeoutException closedAgain) {
				// pressed while it was opening: press again
			}
		}
	}

	private static boolean listShown(WebElement field) {
		return field.findElements(By.cssSelector(".fjs-dropdownlist")).stream().anyMatch(WebElement::isDisplayed);
	}

	/** Types a date ({@code yyyy-MM-dd}) into the date field labelled {@code label}, as our form-js shows it (dd/MM/yyyy). */
	public Browser date(String label, java.time.LocalDate date) {
		return date(label, 0, date);
	}

	public Browser date(String label, int index, java.time.LocalDate date) {
		nextInput();
		WebElement input = field(label, index).findElement(By.cssSelector("input"));
		click(input);
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
		input.sendKeys(date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")), Keys.TAB);
		return this;
	}

	/**
	 * Adds a row to the dynamic list holding the fields labelled {@code childLabel} (form-js's add
	 * button under the list) and waits until the new row's field shows.
	 */
	public Browser addListItem(String childLabel) {
		nextInput();
		WebElement first = field(childLabel);
		int rows = fields(childLabel).size();
		WebElement list = (WebElement) script("return arguments[0].closest('.fjs-form-field-dynamiclist') "
				+ "|| arguments[0].closest('.fjs-repeat-render-rows')?.parentElement", first);
		click(list.findElement(By.cssSelector(".fjs-repeat-render-add")));
		new WebDriverWait(driver, Duration.ofSeconds(10)).withMessage(() -> "a new row with \"" + childLabel + "\"")
			.until(d -> fields(childLabel).size() > rows);
		return this;
	}

	/** form-js's validation messages shown under the fields. */
	public List<String> fieldErrors() {
		return visible(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText).toList();
	}

	/** Scrolls {@code element} to the middle of its scrolling area (off Tasklist's fixed footer) and clicks it. */
	public void click(WebElement element) {
		script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
		try {
			element.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException ex) {
			// at the very bottom of a scrolled pane the fixed footer still covers it: click it as the browser
			// would, focus first (a script's click alone leaves the field being typed in focused, so form-js
			// has not taken its last keystrokes yet and Tasklist submits the value before them)
			script("arguments[0].focus(); arguments[0].click()", element);
		}
	}

	/** An XPath string literal for any text (quotes included). */
	public static String xpathLiteral(String text) {
		if (!text.contains("'")) {
			return "'" + text + "'";
		}
		return "concat('" + text.replace("'", "', \"'\", '") + "')";
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			service.stop();
			deleteProfile(profile);
		}
	}

	private static Path createProfile() {
		try {
			return Files.createTempDirectory("thidua-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteProfile(Path profile) {
		try (Stream<Path> files = Files.walk(profile)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a temp directory left behind is harmless
		}
	}

}
