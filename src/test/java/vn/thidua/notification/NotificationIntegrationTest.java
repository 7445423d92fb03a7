package vn.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestSmtp;

/**
 * Issue 3 end to end: real engine, PostgreSQL, GreenMail as the SMTP server, the scheduled
 * dispatcher running. Tasks come from a small test process deployed here.
 */
@IntegrationTest
@TestPropertySource(properties = { "thidua.base-url=http://thidua.test", "thidua.notification.poll-interval=PT0.2S",
		"thidua.notification.initial-backoff=PT0.5S", "thidua.notification.max-backoff=PT2S",
		"thidua.notification.max-attempts=5", "thidua.deadlines.tasks.Task_Review=P3D",
		"thidua.deadlines.reminder-before=P2D", "thidua.deadlines.scan-interval=PT1H" })
class NotificationIntegrationTest {

	static final String PROCESS = "NotificationTestProcess";

	static final int SMTP_PORT = TestSmtp.freePort();

	static GreenMail smtp = TestSmtp.start(SMTP_PORT);

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestSmtp.use(SMTP_PORT, registry);
	}

	@TestConfiguration
	static class FailingListenerConfig {

		/** Rows of the failing step seen inside its transaction, just before it fails. */
		static final AtomicInteger rowsSeenBeforeFailure = new AtomicInteger(-1);

		/** Task_NotifyOutcome: the outcome mail to the chapter and the approver, as a process's delegate sends it. */
		@Bean
		JavaDelegate notificationTestOutcome(Notifier notifier) {
			return execution -> {
				Map<String, Object> model = new HashMap<>(execution.getVariables());
				model.put("processInstanceId", execution.getProcessInstanceId());
				notifier.send("outcome", new Recipients(Set.of((String) execution.getVariable("approver")),
						Set.of((String) execution.getVariable("chapterGroup"))), model);
			};
		}

		/** On Task_Approve's assignment (after the notification listener): fails when {@code explode} is set. */
		@Bean
		TaskListener notificationTestFailingListener(DataSource dataSource) {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			return task -> {
				if (Boolean.TRUE.equals(task.getVariable("explode"))) {
					rowsSeenBeforeFailure.set(jdbc.queryForObject(
							"SELECT COUNT(*) FROM thidua_notification WHERE task_id = ?", Integer.class, task.getId()));
					throw new IllegalStateException("Lỗi giả lập sau khi đã ghi thông báo");
				}
			};
		}

	}

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@Autowired
	DeadlineScanner deadlineScanner;

	@Autowired
	MailDispatcher dispatcher;

	@Autowired
	DataSource dataSource;

	@Autowired
	NotificationOutbox outbox;

	@Autowired
	MailRenderer renderer;

	@Autowired
	TestRestTemplate rest;

	@LocalServerPort
	int port;

	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() throws Exception {
		jdbc = new JdbcTemplate(dataSource);
		repositoryService.createDeployment()
			.name("notification-test")
			.addClasspathResource("bpmn-test/NotificationTestProcess.bpmn")
			.enableDuplicateFiltering(false)
			.deploy();
		smtp.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		if (!smtp.isRunning()) {
			smtp = TestSmtp.start(SMTP_PORT);
		}
		runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS)
			.list()
			.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test cleanup"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject(
					"SELECT COUNT(*) FROM thidua_notification WHERE status IN ('PENDING', 'SENDING')", Integer.class) == 0);
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@Test
	void shouldMailEveryCandidateExactlyOnceInVietnameseWithTasklistLink() throws Exception {
		// given: candidates are the council (5 members) and two users, one of them also in the council
		ProcessInstance instance = start("bode-council", "council1,board1", "head1", Map.of());
		Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

		// then: the due date comes from thidua.deadlines.tasks.Task_Review (P3D)
		assertThat(task.getDueDate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(3))), 60_000);

		// when: the dispatcher runs
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 6);
		dispatcher.dispatch();

		// then: each of the 6 people got exactly one mail
		MimeMessage[] messages = smtp.getReceivedMessages();
		assertThat(recipients(messages)).containsExactlyInAnyOrder("board1@example.org", "council1@example.org",
				"council2@example.org", "council3@example.org", "council4@example.org", "council5@example.org");
		String link = "http://thidua.test/camunda/app/tasklist/default/#/?task=" + task.getId();
		for (MimeMessage message : messages) {
			assertThat(message.getSubject())
				.isEqualTo("[Thi đua] Việc cần làm: Xem xét đề nghị – Đề nghị khen thưởng chị Nguyễn Thị Mơ");
			InternetAddress from = (InternetAddress) message.getFrom()[0];
			assertThat(from.getPersonal()).isEqualTo("Thi đua");
			assertThat(from.getAddress()).isEqualTo("thidua@localhost");
			assertThat(message.getMessageID()).matches("<thidua-notification-\\d+\\.[0-9a-z]+@localhost>");
			assertThat(message.getContentType()).startsWith("multipart/alternative");
			String text = part(message, "text/plain");
			String html = part(message, "text/html");
			assertThat(text).contains("Kính gửi đồng chí", "Việc cần làm: Xem xét đề nghị",
					"Chi hội: Chi hội Tổ dân phố số 1", "Hạn hoàn thành: " + TaskMailModel.format(task.getDueDate()),
					"Mở việc trên hệ thống Thi đua: " + link);
			assertThat(html).contains("<a href=\"" + link + "\"", "Chi hội Tổ dân phố số 1", "Quy trình thử thông báo");
		}
		assertThat(Arrays.stream(messages).map(m -> id(m)).distinct()).hasSize(6);

		// and the link's page is the application's Tasklist
		ResponseEntity<String> tasklist = rest.getForEntity(
				link.replace("http://thidua.test", "http://localhost:" + port).replace("#/?task=" + task.getId(), ""),
				String.class);
		assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tasklist.getBody()).containsIgnoringCase("tasklist");
	}

	@Test
	void shouldCompleteTasksWhileSmtpIsDownAndDeliverEveryMailOnceWhenItIsBack() throws Exception {
		// given
		smtp.stop();
		ProcessInstance instance = start("bode-board", "chair", "head2", Map.of());

		// when: board1 (authorization checks on) completes the step while no SMTP server listens
		Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		identityService.setAuthentication("board1", List.of("bode-board", "bode"));
		try {
			taskService.complete(review.getId());
		}
		finally {
			identityService.clearAuthentication();
		}

		// then: the process moved on, the mails wait and have been tried
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getTaskDefinitionKey())
			.isEqualTo("Task_Approve");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> rows(instance).stream()
				.filter(r -> r.get("kind").equals("ASSIGN"))
				.allMatch(r -> ((Number) r.get("attempts")).intValue() >= 1 && r.get("last_error") != null
						&& !"SENT".equals(r.get("status"))));
		assertThat(rows(instance)).hasSize(4).noneMatch(r -> "FAILED".equals(r.get("status")));

		// when: the server is back
		smtp = TestSmtp.start(SMTP_PORT);

		// then: each of chair, board1, board2 (Task_Review) and head2 (Task_Approve) gets one mail
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 4);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> rows(instance).stream().allMatch(r -> "SENT".equals(r.get("status"))));
		dispatcher.dispatch();
		assertThat(recipients(smtp.getReceivedMessages())).containsExactlyInAnyOrder("chair@example.org",
				"board1@example.org", "board2@example.org", "head2@example.org");
	}

	@Test
	void shouldShowFailedMailToAdminsAndDeliverItAfterRetry() throws Exception {
		// given: SMTP is down longer than the 5 tries (0.5 s + 1 s + 2 s + 2 s of back-off)
		smtp.stop();
		ProcessInstance instance = start("bode-ch02", "head2", "head1", Map.of());
		await().atMost(Duration.ofSeconds(60))
			.until(() -> rows(instance).stream().allMatch(r -> "FAILED".equals(r.get("status"))));
		Map<String, Object> row = rows(instance).get(0);
		long id = ((Number) row.get("id")).longValue();
		assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(5);

		// then: admins see it, others may not
		ResponseEntity<String> response = listAs("admin", "FAILED");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> failed = new ObjectMapper().readValue(response.getBody(),
				new TypeReference<List<Map<String, Object>>>() {
				});
		assertThat(failed).anySatisfy(n -> {
			assertThat(((Number) n.get("id")).longValue()).isEqualTo(id);
			assertThat(n.get("recipientId")).isEqualTo("head2");
			assertThat(n.get("lastError")).isNotNull();
			assertThat(n).doesNotContainKeys("bodyText", "bodyHtml");
		});
		assertThat(listAs("head2", "FAILED").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(retryAs("head2", id).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		// when: the server is back and an admin retries
		smtp = TestSmtp.start(SMTP_PORT);
		dispatcher.dispatch();
		assertThat(smtp.getReceivedMessages()).isEmpty();
		assertThat(retryAs("admin", id).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

		// then: the mail arrives, once
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
		await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(rows(instance).get(0).get("status")));
		assertThat(recipients(smtp.getReceivedMessages())).containsExactly("head2@example.org");
		assertThat(retryAs("admin", id).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void shouldEscapeUserValuesAndKeepThemOutOfHeaders() throws Exception {
		// given: a subject with markup and a line break that tries to add a header and a recipient
		String subject = "Khen <script>alert('x')</script>\r\nBcc: attacker@evil.test\r\nX-Injected: có";
		ProcessInstance instance = start("bode-ch03", "head3", "head1",
				Map.of("subject", subject, "chapterName", "Chi hội 3\nCc: other@evil.test"));

		// when
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
		dispatcher.dispatch();

		// then: one recipient, no injected header, subject on one line, body escaped
		MimeMessage[] messages = smtp.getReceivedMessages();
		assertThat(messages).hasSize(1);
		MimeMessage message = messages[0];
		assertThat(recipients(messages)).containsExactly("head3@example.org");
		assertThat(message.getHeader("Bcc")).isNull();
		assertThat(message.getHeader("Cc")).isNull();
		assertThat(message.getHeader("X-Injected")).isNull();
		assertThat(smtp.getReceivedMessagesForDomain("evil.test")).isEmpty();
		assertThat(message.getSubject()).doesNotContain("\r", "\n")
			.isEqualTo("[Thi đua] Việc cần làm: Xem xét đề nghị – Khen <script>alert('x')</script> "
					+ "Bcc: attacker@evil.test X-Injected: có");
		String html = part(message, "text/html");
		assertThat(html).contains("Khen &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>");
		assertThat(rows(instance)).hasSize(1);
	}

	@Test
	void shouldRemindThenEscalateOverdueTaskOnce() throws Exception {
		// given: a task due in 3 days for head4, its assignment mail delivered
		ProcessInstance instance = start("bode-ch04", "head4", "head1", Map.of());
		Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
		smtp.purgeEmailFromAllMailboxes();
		Instant due = task.getDueDate().toInstant();

		// when: a day before the due date
		ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofDays(1))));
		deadlineScanner.scan();

		// then: head4 is reminded, nobody escalated
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
		assertThat(recipients(smtp.getReceivedMessages())).containsExactly("head4@example.org");
		assertThat(smtp.getReceivedMessages()[0].getSubject())
			.isEqualTo("[Thi đua] Nhắc việc sắp đến hạn: Xem xét đề nghị – Đề nghị khen thưởng chị Nguyễn Thị Mơ");
		smtp.purgeEmailFromAllMailboxes();

		// when: a day after the due date, scanned twice (two nodes, or two rounds)
		ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(1))));
		deadlineScanner.scan();
		DeadlineScanner.Result again = deadlineScanner.scan();

		// then: the chair of the ward is told once, head4 not reminded twice
		assertThat(again).isEqualTo(new DeadlineScanner.Result(0, 0));
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
		dispatcher.dispatch();
		MimeMessage[] messages = smtp.getReceivedMessages();
		assertThat(recipients(messages)).containsExactly("chair@example.org");
		assertThat(messages[0].getSubject())
			.isEqualTo("[Thi đua] Việc quá hạn cần đôn đốc: Xem xét đề nghị – Đề nghị khen thưởng chị Nguyễn Thị Mơ");
		assertThat(part(messages[0], "text/plain")).contains("đã quá hạn", "Đang chờ: Chi hội Tổ dân phố số 4, Hoàng Thị Dung",
				"Hạn hoàn thành: " + TaskMailModel.format(task.getDueDate()));
		assertThat(rows(instance)).extracting(r -> r.get("kind") + ":" + r.get("recipient_id"))
			.containsExactlyInAnyOrder("ASSIGN:head4", "REMIND:head4", "ESCALATE:chair");

	}

	@Test
	void shouldRecordNothingWhenTheCompletionRollsBack() throws Exception {
		// given
		ProcessInstance instance = start("bode-ch05", "head5", "head6", Map.of("explode", true));
		Task review = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
		FailingListenerConfig.rowsSeenBeforeFailure.set(-1);

		// when: a listener after the notification listener fails
		assertThatThrownBy(() -> taskService.complete(review.getId())).isInstanceOf(ProcessEngineException.class);

		// then: the row existed inside the transaction, and is gone with it
		assertThat(FailingListenerConfig.rowsSeenBeforeFailure.get()).isEqualTo(1);
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId())
			.isEqualTo(review.getId());
		assertThat(rows(instance)).extracting(r -> r.get("recipient_id")).containsExactly("head5");
		dispatcher.dispatch();
		assertThat(recipients(smtp.getReceivedMessages())).containsExactly("head5@example.org");
	}

	@Test
	void shouldSendOutcomeMailFromOneBpmnElement() throws Exception {
		// given: the approver's task (head1), with its mail delivered
		ProcessInstance instance = start("bode-ch06", "head6", "head1",
				Map.of("outcome", "Đã được phê duyệt", "reason", "Thành tích <b>nổi bật</b>"));
		taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
		smtp.purgeEmailFromAllMailboxes();

		// when: the approver completes; Task_NotifyOutcome (notificationTestOutcome) tells chapterGroup and the approver
		taskService.complete(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());

		// then: head1 is both approver and member of bode-ch01: one mail
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 1);
		dispatcher.dispatch();
		MimeMessage[] messages = smtp.getReceivedMessages();
		assertThat(recipients(messages)).containsExactly("head1@example.org");
		assertThat(messages[0].getSubject())
			.isEqualTo("[Thi đua] Đã được phê duyệt: Đề nghị khen thưởng chị Nguyễn Thị Mơ");
		assertThat(part(messages[0], "text/html")).contains("Thành tích &lt;b&gt;nổi bật&lt;/b&gt;");
		assertThat(rows(instance)).filteredOn(r -> "OUTCOME".equals(r.get("kind"))).hasSize(1);
	}

	@Test
	void shouldNotMailWhoClaimsATaskButMailWhomItIsGivenTo() throws Exception {
		// given: a task for bode-ch02 (head2), its mail delivered
		ProcessInstance instance = start("bode-ch02", "head2", "head1", Map.of());
		Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		await().atMost(Duration.ofSeconds(30)).until(() -> rows(instance).size() == 1);

		// when: head2 claims it in Tasklist
		identityService.setAuthentication("head2", List.of("bode-ch02", "bode"));
		try {
			taskService.claim(task.getId(), "head2");
		}
		finally {
			identityService.clearAuthentication();
		}

		// then: no mail to head2 about their own claim
		assertThat(rows(instance)).hasSize(1);

		// when: the board gives it to head3
		taskService.setAssignee(task.getId(), "head3");

		// then: head3 is told
		assertThat(rows(instance)).extracting(r -> r.get("kind") + ":" + r.get("recipient_id"))
			.containsExactly("ASSIGN:head2", "ASSIGN:head3");
		await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
		dispatcher.dispatch();
		assertThat(recipients(smtp.getReceivedMessages())).containsExactlyInAnyOrder("head2@example.org",
				"head3@example.org");
	}

	@Test
	void shouldDeliverEachRowOnceWhenNodesRaceForIt() throws Exception {
		// given: 200 pending rows and one row left SENDING by a node that stopped mid-send
		RenderedMailFixture fixture = new RenderedMailFixture();
		for (int i = 0; i < 200; i++) {
			outbox.insertIfAbsent(fixture.notification("race:" + i, "head" + (1 + i % 6)));
		}
		outbox.insertIfAbsent(fixture.notification("race:stale", "chair"));
		jdbc.update("UPDATE thidua_notification SET status = 'SENDING', attempts = 1, lease_owner = 'dead-node', "
				+ "lease_until = ? WHERE dedupe_key = 'race:stale'",
				Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1)));

		// when: four "nodes" deliver at once, beside the scheduled poller
		ExecutorService nodes = Executors.newFixedThreadPool(4);
		List<Future<Integer>> rounds = new ArrayList<>();
		for (int n = 0; n < 4; n++) {
			rounds.add(nodes.submit(() -> dispatcher.dispatch()));
		}
		for (Future<Integer> round : rounds) {
			round.get();
		}
		nodes.shutdown();

		// then: 201 mails, none twice
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM thidua_notification WHERE dedupe_key LIKE 'race:%' "
					+ "AND status = 'SENT'", Integer.class) == 201);
		MimeMessage[] messages = smtp.getReceivedMessages();
		assertThat(messages).hasSize(201);
		assertThat(Arrays.stream(messages).map(m -> id(m)).distinct()).hasSize(201);
	}

	/** A ready-rendered mail for outbox-level tests. */
	class RenderedMailFixture {

		final MailRenderer.RenderedMail mail = renderer.render("outcome",
				Map.of("outcome", "Thử", "recipientName", "Thử", "tasklistUrl", "http://thidua.test/"));

		NotificationOutbox.NewNotification notification(String key, String user) {
			return new NotificationOutbox.NewNotification(key, "OUTCOME", "outcome", user, user + "@example.org", user,
					mail.subject(), mail.text(), mail.html(), null, null);
		}

	}

	private ProcessInstance start(String reviewGroup, String reviewUsers, String approver, Map<String, Object> extra) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("wardCode", "bode");
		variables.put("chapterGroup", "bode-ch01");
		variables.put("chapterName", "Chi hội Tổ dân phố số 1");
		variables.put("subject", "Đề nghị khen thưởng chị Nguyễn Thị Mơ");
		variables.put("initiator", "head1");
		variables.put("reviewGroup", reviewGroup);
		variables.put("reviewUsers", reviewUsers);
		variables.put("approver", approver);
		variables.put("explode", false);
		variables.putAll(extra);
		if (reviewGroup.equals("bode-ch04")) {
			variables.put("chapterName", "Chi hội Tổ dân phố số 4");
		}
		return runtimeService.startProcessInstanceByKey(PROCESS, variables);
	}

	private List<Map<String, Object>> rows(ProcessInstance instance) {
		return jdbc.queryForList("SELECT id, kind, status, recipient_id, attempts, last_error FROM thidua_notification "
				+ "WHERE process_instance_id = ? ORDER BY id", instance.getId());
	}

	private ResponseEntity<String> listAs(String user, String status) {
		return rest.withBasicAuth(user, "demo")
			.exchange("/api/notifications?status=" + status, HttpMethod.GET, null, String.class);
	}

	private ResponseEntity<String> retryAs(String user, long id) {
		return rest.withBasicAuth(user, "demo")
			.exchange("/api/notifications/" + id + "/retry", HttpMethod.POST, null, String.class);
	}

	static List<String> recipients(MimeMessage[] messages) throws Exception {
		List<String> result = new ArrayList<>();
		for (MimeMessage message : messages) {
			for (Address address : message.getAllRecipients()) {
				result.add(((InternetAddress) address).getAddress());
			}
		}
		return result;
	}

	static String part(MimeMessage message, String type) throws Exception {
		MimeMultipart multipart = (MimeMultipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
		}
		throw new AssertionError("No " + type + " part in " + message.getContentType());
	}

	private static String id(Message message) {
		try {
			return ((MimeMessage) message).getMessageID();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
