package vn.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import vn.thidua.notification.MailRenderer.RenderedMail;
import vn.thidua.notification.NotificationOutbox.NewNotification;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestSmtp;

/**
 * Benchmark, not a test: how long 1,000 pending notifications take to reach an SMTP server
 * (GreenMail, in-process) once it is reachable, on PostgreSQL, through the real dispatcher. Not
 * part of the normal run (surefire only picks up {@code *Test} classes); run it with
 * {@code ./mvnw -B test -Dtest=NotificationDeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the "median" line in the log.
 */
@Tag("benchmark")
@IntegrationTest
@TestPropertySource(properties = { "thidua.notification.poll-interval=PT1H", "thidua.deadlines.scan-interval=PT1H",
		"logging.level.com.icegreen=WARN" })
class NotificationDeliveryBenchmark {

	private static final Logger LOG = LoggerFactory.getLogger(NotificationDeliveryBenchmark.class);

	static final int NOTIFICATIONS = 1_000;

	static final int RUNS = 5;

	static final GreenMail smtp = TestSmtp.start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestSmtp.use(smtp, registry);
	}

	@Autowired
	NotificationOutbox outbox;

	@Autowired
	MailRenderer renderer;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	DataSource dataSource;

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void deliverThousandPendingNotifications() throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		Map<String, Object> model = new HashMap<>();
		model.put("recipientName", "Nguyễn Thị Ánh");
		model.put("taskName", "Xem xét đề nghị");
		model.put("subject", "Đề nghị khen thưởng chị Nguyễn Thị Mơ");
		model.put("chapterName", "Chi hội Tổ dân phố số 1");
		model.put("dueDate", "05/12/2026");
		model.put("tasklistUrl", "http://localhost:8080/camunda/app/tasklist/default/#/?task=1");
		RenderedMail mail = renderer.render("assignment", model);
		List<Long> millis = new ArrayList<>();
		for (int run = 1; run <= RUNS; run++) {
			smtp.purgeEmailFromAllMailboxes();
			for (int i = 0; i < NOTIFICATIONS; i++) {
				String user = "bench" + (i % 50);
				outbox.insertIfAbsent(new NewNotification("bench:" + run + ":" + i, "OUTCOME", "assignment", user,
						user + "@example.org", "Hội viên " + i, mail.subject(), mail.text(), mail.html(), null, null));
			}
			long start = System.nanoTime();
			// counted in the table: the scheduled dispatcher may take a batch between two calls
			while (sent(jdbc, run) < NOTIFICATIONS) {
				dispatcher.dispatch();
			}
			long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
			assertThat(smtp.getReceivedMessages()).hasSize(NOTIFICATIONS);
			assertThat(sent(jdbc, run)).isEqualTo(NOTIFICATIONS);
			millis.add(elapsed);
			LOG.info("Benchmark run {}: {} notifications delivered in {} ms", run, NOTIFICATIONS, elapsed);
		}
		List<Long> sorted = millis.stream().sorted().toList();
		long median = sorted.get(sorted.size() / 2);
		LOG.info("Benchmark: {} pending notifications delivered to SMTP in median {} ms ({} mails/s) over {} runs: {}",
				NOTIFICATIONS, median, NOTIFICATIONS * 1000 / Math.max(1, median), RUNS, millis);
	}

	private static int sent(JdbcTemplate jdbc, int run) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM thidua_notification WHERE status = 'SENT' AND dedupe_key LIKE ?",
				Integer.class, "bench:" + run + ":%");
	}

}
