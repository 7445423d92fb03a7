package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import com.icegreen.greenmail.util.GreenMail;

import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.notification.Notifier;
import vn.thidua.pages.NominationDriver;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestSmtp;

/**
 * The daily digest of nominations under disclosure on PostgreSQL with GreenMail: three nominations
 * approved before 17:00 go in one mail to each member of the ward, sent once however often and from
 * however many nodes the digest runs; one approved after 17:00 waits for the next day; the ward's
 * members get no mail per nomination. The scheduled run is off: the test runs the digest itself on
 * the engine clock.
 */
@IntegrationTest
@TestPropertySource(properties = { "thidua.notification.poll-interval=PT0.5S",
		"thidua.notification.disclosure-digest-check=P3650D", "thidua.notification.disclosure-digest-time=17:00" })
class DisclosureDigestIntegrationTest {

	static final GreenMail SMTP = TestSmtp.start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestSmtp.use(SMTP, registry);
	}

	private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DisclosureDigest digest;

	@Autowired
	Notifier notifier;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Clock clock;

	private final LocalDate today = LocalDate.now(HANOI);

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldSendOneDigestPerWardMemberOnceAcrossNodesAndRuns() throws Exception {
		// given: three nominations of three chapters approved at 16:00 (engine clock)
		NominationDriver driver = new NominationDriver(port, taskService, managementService, context);
		String run = UUID.randomUUID().toString().substring(0, 6);
		List<String> names = List.of("Đỗ Thị Gấm " + run, "Phan Thị Hoa " + run, "Vũ Thị Lan " + run);
		List<String> heads = List.of("head1", "head2", "head3");
		List<String> pids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			pids.add(driver.start(heads.get(i), names.get(i), "GK_HOI_PHUONG", today.getYear(),
					"Vận động hội viên tham gia mô hình tiết kiệm."));
		}
		at(16, 0);
		pids.forEach(driver::boardApproves);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM thidua_disclosure_entry WHERE process_instance_id IN (:pids)")
			.param("pids", pids).query(Integer.class).single()).isEqualTo(3);

		// when: before 17:00 nothing is due
		at(16, 59);
		assertThat(digest.sendDue()).isZero();

		// when: after 17:00 two nodes run the digest at the same moment
		at(17, 1);
		DisclosureDigest secondNode = new DisclosureDigest(jdbc, notifier, directory, transactionManager, clock, "17:00");
		CyclicBarrier together = new CyclicBarrier(2);
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> atOnce(together, digest));
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> atOnce(together, secondNode));

		// then: the three are listed once, by one of them; running again, on either node, lists nothing
		assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(0, 3);
		assertThat(digest.sendDue()).isZero();
		assertThat(secondNode.sendDue()).isZero();

		// then: every member of the ward gets one digest listing the three, with the end date and the page
		List<User> members = identityService.createUserQuery().memberOfGroup("bode").list();
		assertThat(members).hasSizeGreaterThan(10);
		String subject = "[Thi đua] Công khai 3 đề nghị khen thưởng – Hội LHPN phường Bồ Đề, ngày "
				+ String.format("%02d/%02d/%d", today.getDayOfMonth(), today.getMonthValue(), today.getYear());
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(received(subject, names)).hasSize(members.size()));
		for (User member : members) {
			List<String> bodies = bodiesTo(member.getEmail(), subject);
			assertThat(bodies).as(member.getId()).hasSize(1);
			assertThat(bodies.get(0)).contains("Kính gửi đồng chí", names.get(0), names.get(1), names.get(2),
					"/cong-khai?phuong=bode", "công khai đến hết ngày");
		}
		// and no ward member but the nominator got a mail of one of these nominations
		assertThat(jdbc.sql("SELECT recipient_id FROM thidua_notification WHERE template = 'nomination-approved' "
				+ "AND process_instance_id IN (:pids) ORDER BY recipient_id")
			.param("pids", pids).query(String.class).list()).containsExactly("head1", "head2", "head3");

		// when: a fourth is approved at 17:30, after today's digest
		String late = driver.start("head4", "Hà Thị Mai " + run, "GK_HOI_PHUONG", today.getYear(),
				"Vận động hội viên tham gia mô hình tiết kiệm.");
		at(17, 30);
		driver.boardApproves(late);

		// then: it waits for tomorrow's digest, which lists it alone, once
		at(23, 0);
		assertThat(digest.sendDue()).isZero();
		ClockUtil.setCurrentTime(Date.from(today.plusDays(1).atTime(17, 0).atZone(HANOI).toInstant()));
		assertThat(secondNode.sendDue()).isEqualTo(1);
		assertThat(digest.sendDue()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT digest_id) FROM thidua_disclosure_entry WHERE process_instance_id IN (:pids)")
			.param("pids", pids).query(Integer.class).single()).isEqualTo(1);
	}

	private void at(int hour, int minute) {
		ClockUtil.setCurrentTime(Date.from(today.atTime(hour, minute).atZone(HANOI).toInstant()));
	}

	private static int atOnce(CyclicBarrier barrier, DisclosureDigest node) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return node.sendDue();
	}

	private static List<MimeMessage> received(String subject, List<String> names) throws Exception {
		List<MimeMessage> out = new ArrayList<>();
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			if (subject.equals(message.getSubject()) && text(message.getContent()).contains(names.get(0))) {
				out.add(message);
			}
		}
		return out;
	}

	private static List<String> bodiesTo(String address, String subject) throws Exception {
		List<String> bodies = new ArrayList<>();
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			if (!subject.equals(message.getSubject())) {
				continue;
			}
			for (var recipient : message.getAllRecipients()) {
				if (recipient.toString().contains(address)) {
					bodies.add(text(message.getContent()));
				}
			}
		}
		return bodies;
	}

	private static String text(Object content) throws Exception {
		if (content instanceof Multipart multipart) {
			StringBuilder all = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				all.append(text(multipart.getBodyPart(i).getContent()));
			}
			return all.toString();
		}
		return String.valueOf(content);
	}

}
