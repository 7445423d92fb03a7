package vn.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.thidua.notification.NotificationOutbox.NewNotification;

/**
 * The embedded default (H2, no SMTP host): the migration runs on H2, notifications are recorded and
 * marked RECORDED instead of sent, and a duplicate dedupe key is ignored without breaking the
 * caller's transaction. (A mock web environment: the REST starter needs one.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
		properties = { "spring.datasource.url=jdbc:h2:mem:notification-test;DB_CLOSE_DELAY=-1",
				"camunda.bpm.job-execution.enabled=false", "spring.mail.host=",
				"thidua.notification.poll-interval=PT1H" })
class NotificationRecordedTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	NotificationOutbox outbox;

	@Autowired
	DataSource dataSource;

	@Test
	void shouldRecordWithoutSmtpHost() {
		// given
		repositoryService.createDeployment()
			.addClasspathResource("bpmn-test/NotificationTestProcess.bpmn")
			.enableDuplicateFiltering(false)
			.deploy();
		ProcessInstance instance = runtimeService.startProcessInstanceByKey("NotificationTestProcess",
				Map.of("wardCode", "bode", "chapterGroup", "bode-ch01", "subject", "Thử", "reviewGroup", "bode-board",
						"reviewUsers", "board1", "approver", "head1"));

		// when
		dispatcher.dispatch();

		// then: board1 and board2 once each, recorded, not sent (the scheduled round, which runs once at
		// start, may have claimed them first and be finishing them)
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> {
			List<Map<String, Object>> rows = new JdbcTemplate(dataSource).queryForList(
					"SELECT recipient_id, status, sent_at FROM thidua_notification WHERE process_instance_id = ? "
							+ "ORDER BY recipient_id", instance.getId());
			assertThat(rows).extracting(r -> r.get("RECIPIENT_ID") + ":" + r.get("STATUS"))
				.containsExactly("board1:RECORDED", "board2:RECORDED");
		});
	}

	@Test
	void shouldDeleteFinishedRowsAfterRetentionButKeepFailedOnes() {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		for (String key : List.of("test:old-recorded", "test:old-failed")) {
			outbox.insertIfAbsent(new NewNotification(key, "OUTCOME", "outcome", "head1", "head1@example.org", "Ánh",
					"[Thi đua] Thử", "text", "<p>html</p>", null, null));
		}
		jdbc.update("UPDATE thidua_notification SET status = 'RECORDED' WHERE dedupe_key = 'test:old-recorded'");
		jdbc.update("UPDATE thidua_notification SET status = 'FAILED' WHERE dedupe_key = 'test:old-failed'");

		outbox.deleteFinishedBefore(java.time.Instant.now().plusSeconds(60));

		assertThat(jdbc.queryForList("SELECT dedupe_key FROM thidua_notification WHERE dedupe_key LIKE 'test:old-%'",
				String.class)).containsExactly("test:old-failed");
	}

	@Test
	void shouldIgnoreDuplicateDedupeKey() {
		NewNotification notification = new NewNotification("test:duplicate", "OUTCOME", "outcome", "head1",
				"head1@example.org", "Nguyễn Thị Ánh", "[Thi đua] Thử", "text", "<p>html</p>", null, null);
		assertThat(outbox.insertIfAbsent(notification)).isTrue();
		assertThat(outbox.insertIfAbsent(notification)).isFalse();
	}

}
