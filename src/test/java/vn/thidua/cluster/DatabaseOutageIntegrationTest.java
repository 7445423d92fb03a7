package vn.thidua.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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

import vn.thidua.cluster.LocalCluster.Node;

/**
 * Two nodes of the packaged jar ({@code docker/run-local.sh --nodes 2}) on a PostgreSQL server of the
 * test's own ({@link PrivatePostgres}; the shared server is never touched), driving real nomination
 * chains, while that server first crashes and restarts ({@code pg_ctl stop -m immediate}, start) and
 * then is stopped ({@code -m fast}) for {@code -Dthidua.outage.seconds} (default 20 s in the build;
 * the 60 s with {@code -Dthidua.outage.seconds=60}). Meanwhile a prober calls both nodes'
 * health, {@code /api} and {@code /engine-rest}: every answer is a success or 503 with the
 * Vietnamese problem details, never a 500 or a stack trace, and none takes longer than the pool's
 * connection timeout allows. Health says DOWN during the outage and UP after it, on both nodes,
 * without a restart of the application; the job executor and the mail dispatcher resume by
 * themselves; every chain then finishes with each timer, job, service step, register row and mail
 * exactly once.
 * <p>
 * {@code ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=DatabaseOutageIntegrationTest}
 * Needs the PostgreSQL server binaries (see {@link PrivatePostgres}). Deliberate differences from
 * production: the job lock time is 15 s (5 min), a mail's lease 20 s (5 min) and a delivery round 20 mails
 * (100), so that work a node
 * held when the database went away is taken up again within the test's time.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DatabaseOutageIntegrationTest {

	private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageIntegrationTest.class);

	static final int CHAINS = Integer.getInteger("thidua.outage.chains", 12);

	static final int OUTAGE_SECONDS = Integer.getInteger("thidua.outage.seconds", 20);

	private static final String DATABASE = "thidua_outage";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static PrivatePostgres pg;

	private static GreenMail smtp;

	private static LocalCluster cluster;

	@BeforeAll
	static void start() throws Exception {
		pg = PrivatePostgres.start();
		pg.createDatabase(DATABASE);
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		cluster = LocalCluster.start(LocalCluster.ROOT.resolve("target/outage-it"), 2, pg.port(), DATABASE,
				smtp.getSmtp().getPort(),
				Map.of("CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", "15000", "THIDUA_NOTIFICATION_LEASE", "PT20S",
						"THIDUA_NOTIFICATION_POLLINTERVAL", "PT2S", "THIDUA_NOTIFICATION_BATCHSIZE", "20",
						"THIDUA_DISCLOSURE_PERIOD", "PT10S"));
	}

	@AfterAll
	static void stop() {
		if (cluster != null) {
			cluster.close();
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (pg != null) {
			pg.close();
		}
	}

	/** One answer seen by the prober. */
	record Probe(String what, int status, long millis, String body) {
	}

	@Test
	void chainsSurviveARestartAndAnOutageOfTheDatabase() throws Exception {
		NominationChains driver = new NominationChains(cluster.nodes(), "outage");
		List<String> chains = new ArrayList<>();
		for (int n = 1; n <= CHAINS; n++) {
			chains.add(driver.start(n));
		}
		int half = CHAINS / 2;
		for (int i = 0; i < half; i++) {
			driver.approve(chains.get(i));
		}

		ConcurrentLinkedQueue<Probe> probes = new ConcurrentLinkedQueue<>();
		AtomicBoolean probing = new AtomicBoolean(true);
		Thread prober = new Thread(() -> probe(probes, probing), "outage-prober");
		prober.start();
		try {
			// 1. a crash and restart of PostgreSQL while the first half's disclosure timers come due
			Instant crash = Instant.now();
			pg.stop("immediate");
			pg.startAgain();
			LOG.info("PostgreSQL crashed and restarted in {} ms", Duration.between(crash, Instant.now()).toMillis());
			awaitHealth("UP", Duration.ofSeconds(60));
			for (int i = half; i < CHAINS; i++) {
				driver.approve(chains.get(i));
			}

			// 2. stopped for OUTAGE_SECONDS while the second half's timers come due and mails wait
			long timersBefore;
			try (Connection db = pg.connect(DATABASE)) {
				timersBefore = NominationChains.scalar(db, "SELECT count(*) FROM act_hi_actinst WHERE act_id_ = '"
						+ NominationChains.TIMER + "' AND end_time_ IS NOT NULL");
			}
			Instant outageStart = Instant.now();
			pg.stop("fast");
			awaitHealth("DOWN", Duration.ofSeconds(30));
			Node node = cluster.node(0);
			HttpResponse<String> api = LocalCluster.get(node, "board1", "/api/awards");
			HttpResponse<String> tasks = LocalCluster.get(cluster.node(1), "head1",
					"/engine-rest/task?firstResult=0&maxResults=15");
			HttpResponse<String> write = LocalCluster.post(node, "board1", "/engine-rest/task/" + "x".repeat(8)
					+ "/submit-form", "{\"variables\":{}}");
			for (HttpResponse<String> reply : List.of(api, tasks, write)) {
				assertProblem503(reply);
			}
			long remaining = OUTAGE_SECONDS * 1000L - Duration.between(outageStart, Instant.now()).toMillis();
			if (remaining > 0) {
				Thread.sleep(remaining);
			}
			pg.startAgain();
			Instant outageEnd = Instant.now();
			LOG.info("PostgreSQL was stopped for {} s", Duration.between(outageStart, outageEnd).toSeconds());
			awaitHealth("UP", Duration.ofSeconds(60));

			// 3. every chain finishes
			await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				for (int i = 0; i < CHAINS; i++) {
					String chain = chains.get(i);
					if (driver.votingOpen(chain)) {
						driver.vote(chain);
					}
					if (driver.signable(chain)) {
						driver.sign(chain, i + 1);
					}
				}
				try (Connection db = pg.connect(DATABASE)) {
					return NominationChains.scalar(db, "SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = '"
							+ NominationChains.PROCESS + "' AND end_time_ IS NOT NULL") == CHAINS;
				}
			});
			try (Connection db = pg.connect(DATABASE)) {
				await().atMost(Duration.ofMinutes(2))
					.pollInterval(Duration.ofSeconds(1))
					.until(() -> NominationChains.scalar(db,
							"SELECT count(*) FROM thidua_notification WHERE status IN ('PENDING','SENDING')") == 0);
				probing.set(false);
				prober.join();

				NominationChains.Counts counts = NominationChains.assertEveryChainFinishedOnce(db, chains,
						smtp.getReceivedMessages(), null);
				// nothing runs while the database is down: the timers not fired before the outage fired after it
				long timersAfter = CHAINS - timersBefore;
				long mailsAfter = sentAfter(db, outageEnd);
				assertThat(timersAfter).as("disclosure timers that fired after the outage (the job executor resumed)")
					.isPositive();
				assertThat(mailsAfter).as("mails sent after the outage (the mail dispatcher resumed)").isPositive();

				List<Probe> seen = List.copyOf(probes);
				assertThat(seen).as("answers during the crash and the outage")
					.allSatisfy(p -> assertThat(p.status()).as("%s: %s", p.what(), p.body()).isIn(200, 503));
				seen.stream().filter(p -> p.status() == 503 && !p.what().startsWith("health")).forEach(p ->
						assertThat(p.body()).as(p.what()).contains("\"status\":503").contains("cơ sở dữ liệu"));
				long max = seen.stream().mapToLong(Probe::millis).max().orElse(0);
				assertThat(max).as("slowest answer (ms): no hung request").isLessThan(20_000);

				LOG.info(String.format("""
						counts checked (database outage, 2 nodes, private PostgreSQL on port %d):
						  crash + restart (pg_ctl -m immediate) then stopped for %d s (pg_ctl -m fast)
						  %s
						  after the outage: disclosure timers fired=%d, mails sent=%d
						  prober: %d answers, %d × 200, %d × 503 (problem details), other=%d, slowest=%d ms
						  health: DOWN on both nodes during the outage, UP after it""", pg.port(), OUTAGE_SECONDS, counts,
						timersAfter, mailsAfter, seen.size(), seen.stream().filter(p -> p.status() == 200).count(),
						seen.stream().filter(p -> p.status() == 503).count(),
						seen.stream().filter(p -> p.status() != 200 && p.status() != 503).count(), max));
			}
		}
		finally {
			probing.set(false);
			prober.join(30_000);
		}
	}

	private static void assertProblem503(HttpResponse<String> reply) throws Exception {
		assertThat(reply.statusCode()).as("during the outage: %s", reply.body()).isEqualTo(503);
		assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(reply.headers().firstValue("Retry-After")).isPresent();
		JsonNode body = JSON.readTree(reply.body());
		assertThat(body.path("status").asInt()).isEqualTo(503);
		assertThat(body.path("title").asText()).isEqualTo("Tạm thời không truy cập được cơ sở dữ liệu");
		assertThat(body.path("detail").asText()).contains("vui lòng thử lại");
		assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
	}

	private static void awaitHealth(String status, Duration within) {
		await().atMost(within).pollInterval(Duration.ofMillis(500)).until(() -> {
			for (Node node : cluster.nodes()) {
				HttpResponse<String> health = LocalCluster.get(node, null, "/actuator/health");
				if (!health.body().contains("\"status\":\"" + status + "\"")
						|| health.statusCode() != ("UP".equals(status) ? 200 : 503)) {
					return false;
				}
			}
			return true;
		});
	}

	private static void probe(ConcurrentLinkedQueue<Probe> probes, AtomicBoolean probing) {
		int i = 0;
		while (probing.get()) {
			Node node = cluster.node(i % 2);
			String what = switch (i % 3) {
				case 0 -> "health " + node.name();
				case 1 -> "GET /api/awards " + node.name();
				default -> "GET /engine-rest/task/count " + node.name();
			};
			long start = System.nanoTime();
			try {
				HttpResponse<String> reply = switch (i % 3) {
					case 0 -> LocalCluster.get(node, null, "/actuator/health");
					case 1 -> LocalCluster.get(node, "board1", "/api/awards");
					default -> LocalCluster.get(node, "head1", "/engine-rest/task/count");
				};
				probes.add(new Probe(what, reply.statusCode(), (System.nanoTime() - start) / 1_000_000,
						reply.body().length() > 500 ? reply.body().substring(0, 500) : reply.body()));
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (Exception ex) {
				probes.add(new Probe(what, -1, (System.nanoTime() - start) / 1_000_000, ex.toString()));
			}
			i++;
		}
	}

	/** The outbox keeps UTC times written by the application. */
	private static long sentAfter(Connection db, Instant instant) throws SQLException {
		try (var s = db.prepareStatement("SELECT count(*) FROM thidua_notification WHERE sent_at > ?")) {
			s.setObject(1, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
			try (var rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
