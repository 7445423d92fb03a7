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
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
		WebElement username = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm] input[type=text]")));
		username.clear();
		username.sendKeys(user);
		WebElement passwordField = driver.findElement(By.cssSelector("form[name=signinForm] input[type=password]"));
		passwordField.clear();
		passwordField.sendKeys(password);
		driver.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-widget-header] .account .dropdown-toggle")));
		return this;
	}

	/** Waits until an element is visible and returns it. */
	public WebElement waitFor(By locator) {
		return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/** Waits until the page shows {@code text} somewhere visible (a button, a label, a message). */
	public Browser waitForText(String text) {
		new WebDriverWait(driver, TIMEOUT)
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
		return driver.findElements(locator).stream().filter(WebElement::isDisplayed).toList();
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
