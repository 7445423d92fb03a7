package vn.thidua.tasklist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import vn.thidua.support.Browser;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestProcesses;

/**
 * A chapter head's first visit of Tasklist on a slow phone, before and after compression and caching,
 * in one run: headless Chromium throttled through the DevTools protocol (1.6 Mbit/s down, 750 kbit/s
 * up, 150 ms latency, CPU ×4), a fresh profile per round (empty cache). Measured: the login page
 * (from the address typed to the login button shown), the task list after «Đăng nhập» (to the first
 * task shown) and a return visit with the browser's cache (to the first task shown); the bytes are
 * the transfer sizes the browser records (headers and bodies as they travelled). "Before" is the same
 * application with {@code server.compression.enabled=false} and
 * {@code thidua.webapp.cache-versioned-files=false}. Not part of {@code ./mvnw verify} (surefire
 * picks up {@code *Test} only); run it with
 * {@code ./mvnw -B test -Dbpmnlint.skip -Dtest=TasklistFirstVisitBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dbench.rounds}, default 3; the medians go to the log and to
 * {@code target/bench/tasklist-first-visit.txt}).
 */
@Tag("benchmark")
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class TasklistFirstVisitBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(TasklistFirstVisitBenchmark.class);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);

	private static final Duration SLOW = Duration.ofMinutes(4);

	private static final String TASK_NAME = "Báo cáo kết quả công tác chi hội";

	private static final Map<String, List<Visit>> RESULTS = new LinkedHashMap<>();

	private static final Map<String, List<String>> REQUESTS = new LinkedHashMap<>();

	@Nested
	@Order(1)
	@IntegrationTest
	@DirtiesContext
	@TestPropertySource(properties = { "server.compression.enabled=false", "thidua.webapp.cache-versioned-files=false" })
	class Before extends Measurement {

		@Test
		void shouldMeasureWithoutCompressionAndCaching() throws Exception {
			measure("before (no compression, no caching)");
		}

	}

	@Nested
	@Order(2)
	@IntegrationTest
	@DirtiesContext
	class After extends Measurement {

		@Test
		void shouldMeasureWithCompressionAndCaching() throws Exception {
			measure("after (gzip, versioned files cached)");
		}

	}

	/** One round: bytes and seconds of each step. */
	record Visit(long loginBytes, double loginSeconds, long listBytes, double listSeconds, long returnBytes,
			double returnSeconds) {
	}

	abstract static class Measurement {

		@LocalServerPort
		int port;

		@Autowired
		RepositoryService repositoryService;

		@Autowired
		RuntimeService runtimeService;

		@Autowired
		TaskService taskService;

		void measure(String label) throws Exception {
			// given: a page of tasks assigned to head1 ("Việc của tôi", her first filter)
			TestProcesses.deploy(repositoryService);
			for (int i = 0; i < 15; i++) {
				String instance = runtimeService
					.startProcessInstanceByKey(TestProcesses.KEY, Map.of("chapterGroup", "bode-ch01", "year", 2027))
					.getId();
				Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
				task.setName(TASK_NAME + " " + (i + 1));
				task.setAssignee("head1");
				taskService.saveTask(task);
			}
			// a warm-up visit without throttling, so the server's first-request costs do not count
			try (Browser browser = Browser.open(base())) {
				browser.login("head1", "demo");
			}
			List<Visit> visits = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				try (Browser browser = Browser.open(base())) {
					visits.add(visit(browser, label, round == 0));
				}
			}
			RESULTS.put(label, visits);
		}

		private Visit visit(Browser browser, String label, boolean listRequests) {
			ChromeDriver chrome = (ChromeDriver) browser.driver();
			chrome.executeCdpCommand("Network.enable", Map.of());
			chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
					"downloadThroughput", 1_600_000 / 8, "uploadThroughput", 750_000 / 8));
			chrome.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
			By loginButton = By.cssSelector("form[name=signinForm] button[type=submit]");
			By firstTask = By.partialLinkText(TASK_NAME);

			// when: the login page
			long start = System.nanoTime();
			browser.go("/camunda/app/tasklist/default/");
			browser.waiting(SLOW).until(ExpectedConditions.visibilityOfElementLocated(loginButton));
			double loginSeconds = seconds(start);
			long loginBytes = transferred(browser);

			// when: she logs in and sees her tasks
			browser.driver().findElement(By.cssSelector("form[name=signinForm] input[type=text]")).sendKeys("head1");
			browser.driver().findElement(By.cssSelector("form[name=signinForm] input[type=password]")).sendKeys("demo");
			WebElement submit = browser.driver().findElement(loginButton);
			start = System.nanoTime();
			submit.click();
			browser.waiting(SLOW).until(ExpectedConditions.visibilityOfElementLocated(firstTask));
			double listSeconds = seconds(start);
			long listBytes = transferred(browser) - loginBytes;
			if (listRequests) {
				REQUESTS.put(label, requests(browser));
			}

			// when: she comes back later (the browser's cache, the session)
			start = System.nanoTime();
			browser.go("/camunda/app/tasklist/default/");
			browser.waiting(SLOW).until(ExpectedConditions.visibilityOfElementLocated(firstTask));
			double returnSeconds = seconds(start);
			long returnBytes = transferred(browser);
			browser.screenshot("bench-tasklist-" + (label.startsWith("before") ? "before" : "after"));
			return new Visit(loginBytes, loginSeconds, listBytes, listSeconds, returnBytes, returnSeconds);
		}

		private String base() {
			return "http://localhost:" + port;
		}

		private static double seconds(long startNanos) {
			return (System.nanoTime() - startNanos) / 1e9;
		}

		/** Bytes the page has moved over the network so far: the document and every resource, as transferred. */
		private static long transferred(Browser browser) {
			Number bytes = (Number) browser.script("""
					return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
					  .reduce((sum, e) => sum + (e.transferSize || 0), 0);""");
			return bytes.longValue();
		}

		@SuppressWarnings("unchecked")
		private static List<String> requests(Browser browser) {
			return (List<String>) browser.script("""
					return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
					  .map(e => e.transferSize + ' ' + e.decodedBodySize + ' ' + e.name.replace(location.origin, ''));""");
		}

	}

	@AfterAll
	static void report() throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Tasklist, first visit of head1, Chromium throttled (1.6 Mbit/s down, 750 kbit/s up,"
				+ " 150 ms, CPU x4); medians of %d rounds", ROUNDS));
		lines.add(String.format(Locale.ROOT, "%-38s %12s %8s %12s %8s %12s %8s", "", "login page", "s", "task list", "s",
				"return", "s"));
		RESULTS.forEach((label, visits) -> lines.add(String.format(Locale.ROOT, "%-38s %12d %8.1f %12d %8.1f %12d %8.1f",
				label, medianBytes(visits, Visit::loginBytes), median(visits, Visit::loginSeconds),
				medianBytes(visits, Visit::listBytes), median(visits, Visit::listSeconds),
				medianBytes(visits, Visit::returnBytes), median(visits, Visit::returnSeconds))));
		RESULTS.forEach((label, visits) -> visits
			.forEach(v -> lines.add("  " + label + " round: " + v)));
		REQUESTS.forEach((label, requests) -> {
			lines.add("");
			lines.add("Requests of the first round, " + label + " (transferred, decoded, URL):");
			requests.forEach(r -> lines.add("  " + r));
		});
		lines.forEach(LOG::info);
		Path out = Path.of("target", "bench", "tasklist-first-visit.txt");
		Files.createDirectories(out.getParent());
		Files.write(out, lines);
	}

	private static double median(List<Visit> visits, java.util.function.ToDoubleFunction<Visit> value) {
		List<Double> sorted = visits.stream().map(value::applyAsDouble).sorted(Comparator.naturalOrder()).toList();
		return sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2);
	}

	private static long medianBytes(List<Visit> visits, java.util.function.ToLongFunction<Visit> value) {
		List<Long> sorted = visits.stream().map(value::applyAsLong).sorted(Comparator.naturalOrder()).toList();
		return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2);
	}

}
