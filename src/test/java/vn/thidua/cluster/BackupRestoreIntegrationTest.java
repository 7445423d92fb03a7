package vn.thidua.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore mid-season, with the commands of README "Operations": one node of the packaged
 * jar on a PostgreSQL server of the test's own ({@link PrivatePostgres}) runs nomination chains to
 * every stage (board review, disclosure timer running, council voting open, signature, done);
 * {@code pg_dump -Fc} is taken while the application runs; the application goes on (one more board
 * approval, whose mails are sent) and is then lost; the dump is restored with {@code pg_restore}
 * into a fresh database, a new node starts on it, and every running chain finishes there: the
 * overdue disclosure timers fire by themselves, the work done after the dump is done again.
 * <p>
 * Mail: no row SENT before the dump is sent again. Rows queued or sent after the dump are not in
 * the backup: the steps that caused them are redone after the restore, and their mails go out again
 * (new rows, new Message-IDs). That is the one thing that may reach people twice.
 * <p>
 * One node (not two): the restore concerns the database; the two-node behaviour is the failover
 * and outage tests' subject. {@code ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=BackupRestoreIntegrationTest}
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class BackupRestoreIntegrationTest {

	private static final Logger LOG = LoggerFactory.getLogger(BackupRestoreIntegrationTest.class);

	private static final String SEASON = "thidua_season";

	private static final String RESTORED = "thidua_restored";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Path DIR = LocalCluster.ROOT.resolve("target/backup-it");

	private static final Map<String, String> ENV = Map.of("THIDUA_DISCLOSURE_PERIOD", "PT40S",
			"THIDUA_NOTIFICATION_POLLINTERVAL", "PT2S");

	private static PrivatePostgres pg;

	private static GreenMail smtp;

	private static LocalCluster original;

	private static LocalCluster restored;

	@BeforeAll
	static void start() throws Exception {
		pg = PrivatePostgres.start();
		pg.createDatabase(SEASON);
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		original = LocalCluster.start(DIR.resolve("original"), 1, pg.port(), SEASON, smtp.getSmtp().getPort(), ENV);
	}

	@AfterAll
	static void stop() {
		for (LocalCluster cluster : new LocalCluster[] { original, restored }) {
			if (cluster != null) {
				cluster.close();
			}
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (pg != null) {
			pg.close();
		}
	}

	@Test
	void aDumpTakenMidSeasonRestoresAndEveryChainFinishes() throws Exception {
		// given: chains at every stage of the season
		NominationChains driver = new NominationChains(original.nodes(), "backup");
		List<String> chains = new ArrayList<>();
		for (int n = 1; n <= 8; n++) {
			chains.add(driver.start(n));
		}
		// 1–2 wait for the board; 3–4 in disclosure (timer running); 5–6 in an open council session with
		// two of five ballots cast; 7 waits in the chair's batch; 8 awarded (signed alone)
		for (int i = 2; i < 8; i++) {
			driver.approve(chains.get(i));
		}
		for (int i = 6; i < 8; i++) {
			executeDisclosureTimer(chains.get(i));
			String chain = chains.get(i);
			await().atMost(Duration.ofSeconds(60)).until(() -> driver.votingOpen(chain));
		}
		// one session counts 7 and 8
		driver.vote(chains.get(6));
		assertThat(driver.votingOpen(chains.get(7))).as("chain 8 counted in the same session").isFalse();
		await().atMost(Duration.ofSeconds(60)).until(() -> driver.signable(chains.get(7)));
		driver.sign(chains.get(7), 8);
		await().atMost(Duration.ofSeconds(60)).until(() -> driver.signable(chains.get(6)));
		for (int i = 4; i < 6; i++) {
			executeDisclosureTimer(chains.get(i));
			String chain = chains.get(i);
			await().atMost(Duration.ofSeconds(60)).until(() -> driver.votingOpen(chain));
		}
		String session = driver.openSessionWithBallots(2);
		LOG.info("Council session {} open over chains 5–6 with two ballots at the backup", session);
		awaitOutboxDrained(SEASON);

		// when: the backup is taken while the application runs
		Path dump = DIR.resolve("season.dump");
		Files.deleteIfExists(dump);
		Instant dumped = Instant.now();
		pg.client("pg_dump", "-Fc", "-f", dump.toString(), SEASON);
		// the season goes on after the backup: the board approves chain 2, its mails go out
		driver.approve(chains.get(1));
		awaitOutboxDrained(SEASON);
		int mailsBeforeLoss = smtp.getReceivedMessages().length;
		original.close();

		// the database is lost; the dump is restored into a fresh one and a node starts on it
		pg.createDatabase(RESTORED);
		pg.client("pg_restore", "--no-owner", "--exit-on-error", "-d", RESTORED, dump.toString());
		Set<String> sentInBackup;
		long pendingInBackup;
		try (Connection db = pg.connect(RESTORED)) {
			sentInBackup = new HashSet<>(NominationChains.strings(db,
					"SELECT id FROM thidua_notification WHERE status = 'SENT'"));
			pendingInBackup = NominationChains.scalar(db,
					"SELECT count(*) FROM thidua_notification WHERE status IN ('PENDING','SENDING')");
			assertThat(NominationChains.scalar(db, "SELECT count(*) FROM thidua_award")).as("awards in the backup")
				.isEqualTo(1);
		}
		smtp.purgeEmailFromAllMailboxes();
		Instant restoredAt = Instant.now();
		restored = LocalCluster.start(DIR.resolve("restored"), 1, pg.port(), RESTORED, smtp.getSmtp().getPort(), ENV);
		NominationChains again = new NominationChains(restored.nodes(), "backup");

		// then: every chain finishes on the restored database
		await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			for (int i = 0; i < chains.size(); i++) {
				String chain = chains.get(i);
				again.approve(chain);
				if (again.votingOpen(chain)) {
					again.vote(chain);
				}
				if (again.signable(chain)) {
					again.sign(chain, i + 1);
				}
			}
			try (Connection db = pg.connect(RESTORED)) {
				return NominationChains.scalar(db, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = '"
						+ NominationChains.PROCESS + "' AND end_time_ IS NOT NULL") == chains.size();
			}
		});
		awaitOutboxDrained(RESTORED);
		MimeMessage[] afterRestore = smtp.getReceivedMessages();
		try (Connection db = pg.connect(RESTORED)) {
			NominationChains.Counts counts = NominationChains.assertEveryChainFinishedOnce(db, chains, afterRestore,
					restoredAt);
			// the overdue disclosure timers of chains 3–4 fired by themselves after the restore
			Set<String> resent = new HashSet<>();
			for (MimeMessage message : afterRestore) {
				String id = message.getMessageID().replaceAll("^<thidua-notification-(\\d+)[.@].*$", "$1");
				if (sentInBackup.contains(id)) {
					resent.add(message.getMessageID());
				}
			}
			assertThat(resent).as("mails SENT before the dump and sent again after the restore").isEmpty();
			long redone = NominationChains.scalar(db, "SELECT count(*) FROM thidua_notification WHERE process_instance_id = '"
					+ chains.get(1) + "' AND template = 'nomination-approved'");
			assertThat(redone).as("chain 2's approval mails, redone after the restore").isPositive();

			LOG.info(String.format("""
					counts checked (backup and restore, 1 node, private PostgreSQL on port %d):
					  pg_dump -Fc while the application ran (%s); pg_restore --no-owner into a fresh database
					  in the backup: %d mails SENT, %d pending, 1 award; %d mails were received before the loss
					  after the restore: %s
					  mails SENT before the dump and sent again: 0; approval mails of chain 2 (approved after the dump) sent again: %d""",
					pg.port(), dumped, sentInBackup.size(), pendingInBackup, mailsBeforeLoss, counts, redone));
		}
	}

	private void executeDisclosureTimer(String chain) throws Exception {
		LocalCluster.Node node = original.node(0);
		HttpResponse<String> jobs = LocalCluster.get(node, "admin",
				"/engine-rest/job?processInstanceId=" + chain + "&timers=true&firstResult=0&maxResults=15");
		JsonNode list = JSON.readTree(jobs.body());
		assertThat(list).as(jobs.body()).hasSize(1);
		HttpResponse<String> executed = LocalCluster.post(node, "admin",
				"/engine-rest/job/" + list.get(0).path("id").asText() + "/execute", "");
		assertThat(executed.statusCode()).as(executed.body()).isEqualTo(204);
	}

	private static void awaitOutboxDrained(String database) {
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			try (Connection db = pg.connect(database)) {
				return NominationChains.scalar(db,
						"SELECT count(*) FROM thidua_notification WHERE status IN ('PENDING','SENDING')") == 0;
			}
		});
	}

}
