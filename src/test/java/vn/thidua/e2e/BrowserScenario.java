package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import vn.thidua.support.Browser;
import vn.thidua.support.TestSmtp;

/**
 * Base of the end-to-end browser tests (issue 6): the people's work done in Camunda Tasklist with a real (headless) Chromium, logged in
 * through Tasklist's login page, against the whole application on PostgreSQL with GreenMail as its
 * SMTP server. Every form a step opens is checked against its {@code .form} file
 * ({@link RenderedForms}); after all scenarios, every form in {@code forms/} must have been opened.
 * Timers (disclosure period, conference deadline, mid-year and year-end dates) are run through the
 * engine instead of waited for. Screenshots of each step: {@code target/e2e/*.png}.
 */
@TestPropertySource(properties = { "thidua.notification.poll-interval=PT0.5S" })
abstract class BrowserScenario {

	static final Duration SLOW = Duration.ofSeconds(60);

	static final GreenMail smtp = TestSmtp.start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestSmtp.use(smtp, registry);
	}

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	Browser browser;

	/** On a failure, the page as it was and its console. */
	@RegisterExtension
	final TestExecutionExceptionHandler screenshotOnFailure = Browser.screenshotOnFailure(() -> browser);

	@BeforeEach
	void openBrowser() {
		browser = Browser.open("http://localhost:" + port);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	/**
	 * When this was the last of the scenario classes to finish (all run in one JVM), every form in
	 * {@code forms/} must have been opened; a run of some scenarios only skips the check.
	 */
	@AfterAll
	static void everyFormWasOpenedOnceAllScenariosRan(org.junit.jupiter.api.TestInfo info) {
		if (RenderedForms.scenarioFinished(info.getTestClass().orElseThrow())) {
			assertThat(RenderedForms.opened()).as("forms opened in Tasklist by the browser tests")
				.containsExactlyInAnyOrderElementsOf(RenderedForms.all());
		}
	}

	// ------------------------------------------------------------------ helpers

	/** Logs {@code user} in (password demo) through Tasklist's login page and opens a filter. */
	void as(String user, String filter) {
		browser.switchUser(user, "demo");
		browser.openFilter(filter);
	}

	/**
	 * Runs the timer job waiting at {@code activityId} now, as if its date had come, once the job
	 * executor has run the instance's continuations (a comment's asyncAfter would otherwise update
	 * the same executions the timer ends: an optimistic-locking failure the job executor retries, but
	 * a test's direct execution does not).
	 */
	void fireTimer(String processInstanceId, String activityId) {
		await().atMost(SLOW)
			.until(() -> managementService.createJobQuery().processInstanceId(processInstanceId).messages().count() == 0);
		Job job = await().atMost(SLOW)
			.until(() -> managementService.createJobQuery()
				.processInstanceId(processInstanceId)
				.activityId(activityId)
				.timers()
				.singleResult(), j -> j != null);
		managementService.executeJob(job.getId());
	}

	void awaitTask(String processInstanceId, String taskKey) {
		await().atMost(SLOW)
			.until(() -> taskService.createTaskQuery()
				.processInstanceId(processInstanceId)
				.taskDefinitionKey(taskKey)
				.count() > 0);
	}

	List<String> subjectsTo(String address) {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
			}
			catch (MessagingException ex) {
				return false;
			}
		}).map(BrowserScenario::subject).toList();
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			return "";
		}
	}

}
