package vn.thidua.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.thidua.cluster.LocalCluster.Node;

/**
 * Soak of the year-end season (not part of {@code ./mvnw verify}): two nodes of the packaged jar
 * ({@code docker/run-local.sh --nodes 2}) on a PostgreSQL server of the run's own, nomination chains
 * started at a steady rate and driven to the award by the people (the disclosure timer fires by
 * itself after {@code PT30S}), chapter heads, board and council reading their task lists meanwhile.
 * Every minute it records, per node, the heap after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}),
 * the JVM's threads ({@code /proc/<pid>/status}), the database connections, and the errors so far;
 * the table goes to {@code target/soak/soak.txt} and the log.
 * <p>
 * {@code ./mvnw -B -Psoak verify -Dsoak.minutes=30}; rates {@code -Dsoak.chainsPerMinute} (default 8),
 * {@code -Dsoak.readsPerSecond} (default 16): twice the estimated city peak (README "Operations").
 */
class SeasonSoak {

	private static final Logger LOG = LoggerFactory.getLogger(SeasonSoak.class);

	static final int MINUTES = Integer.getInteger("soak.minutes", 30);

	static final int CHAINS_PER_MINUTE = Integer.getInteger("soak.chainsPerMinute", 8);

	static final int READS_PER_SECOND = Integer.getInteger("soak.readsPerSecond", 16);

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private static final List<String> READERS = List.of("head1", "head2", "head3", "head4", "head5", "head6", "board1",
			"board2", "council1", "council3", "chair");

	record Sample(int minute, String node, long heapAfterGcMiB, int threads, long dbConnections, int chainsStarted,
			int chainsFinished, int errors) {
	}

	@Test
	void yearEndSeason() throws Exception {
		Path out = LocalCluster.ROOT.resolve("target/soak");
		Files.createDirectories(out);
		GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
		List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
		AtomicInteger started = new AtomicInteger();
		AtomicInteger finished = new AtomicInteger();
		List<String> signed = Collections.synchronizedList(new ArrayList<>());
		try (PrivatePostgres pg = PrivatePostgres.start()) {
			pg.createDatabase("thidua_soak");
			try (LocalCluster cluster = LocalCluster.start(out.resolve("nodes"), 2, pg.port(), "thidua_soak",
					smtp.getSmtp().getPort(), Map.of("THIDUA_DISCLOSURE_PERIOD", "PT30S",
							"JAVA_OPTS", "-Xmx512m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"))) {
				NominationChains driver = new NominationChains(cluster.nodes(), "soak");
				ExecutorService people = Executors.newFixedThreadPool(8);
				ScheduledExecutorService clock = Executors.newScheduledThreadPool(3);
				Instant begin = Instant.now();
				long periodMillis = 60_000L / CHAINS_PER_MINUTE;
				clock.scheduleAtFixedRate(() -> people.submit(() -> {
					int n = started.incrementAndGet();
					try {
						signed.add(chain(driver, n));
						finished.incrementAndGet();
					}
					catch (Throwable ex) {
						LOG.warn("soak chain {} failed", n, ex);
						errors.add("chain " + n + ": " + ex);
					}
				}), 0, periodMillis, TimeUnit.MILLISECONDS);
				AtomicInteger read = new AtomicInteger();
				clock.scheduleAtFixedRate(() -> {
					int i = read.getAndIncrement();
					Node node = cluster.node(i % 2);
					String user = READERS.get(i % READERS.size());
					try {
						HttpResponse<String> reply = LocalCluster.get(node, user,
								"/engine-rest/task?firstResult=0&maxResults=15&sortBy=created&sortOrder=desc");
						if (reply.statusCode() != 200) {
							errors.add("task list of " + user + ": " + reply.statusCode());
						}
					}
					catch (InterruptedException ex) {
						// the run is over
						Thread.currentThread().interrupt();
					}
					catch (Exception ex) {
						errors.add("task list of " + user + ": " + ex);
					}
				}, 500, 1000L / READS_PER_SECOND, TimeUnit.MILLISECONDS);
				for (int minute = 0; minute <= MINUTES; minute++) {
					if (minute > 0) {
						Thread.sleep(Math.max(0, begin.plusSeconds(60L * minute).toEpochMilli() - System.currentTimeMillis()));
					}
					long connections;
					try (Connection db = pg.connect("postgres")) {
						connections = NominationChains.scalar(db,
								"SELECT count(*) FROM pg_stat_activity WHERE datname = 'thidua_soak'");
					}
					for (Node node : cluster.nodes()) {
						Sample sample = new Sample(minute, node.name(), heapAfterGc(node), threads(node), connections,
								started.get(), finished.get(), errors.size());
						samples.add(sample);
						LOG.info("soak {}", sample);
					}
				}
				clock.shutdownNow();
				people.shutdown();
				people.awaitTermination(5, TimeUnit.MINUTES);
				try (Connection db = pg.connect("thidua_soak")) {
					// the last signatures' award steps run in jobs; then their mails go out
					String check;
					NominationChains.Counts counts = null;
					try {
						String in = "('" + String.join("','", signed) + "')";
						await().atMost(Duration.ofMinutes(3)).until(() -> NominationChains.scalar(db,
								"SELECT count(*) FROM act_hi_procinst WHERE id_ IN " + in + " AND end_time_ IS NOT NULL")
								== signed.size());
						await().atMost(Duration.ofMinutes(3)).until(() -> NominationChains.scalar(db,
								"SELECT count(*) FROM thidua_notification WHERE status IN ('PENDING','SENDING')") == 0);
						counts = NominationChains.assertEveryChainFinishedOnce(db, signed, smtp.getReceivedMessages(), null);
						check = counts.toString();
					}
					catch (AssertionError | ConditionTimeoutException ex) {
						check = "FAILED: " + ex.getMessage();
					}
					long failedMails = NominationChains.scalar(db,
							"SELECT count(*) FROM thidua_notification WHERE status = 'FAILED'");
					long incidents = NominationChains.scalar(db, "SELECT count(*) FROM act_ru_incident");
					long sent = NominationChains.scalar(db, "SELECT count(*) FROM thidua_notification WHERE status = 'SENT'");
					String report = report(samples, started.get(), finished.get(), errors, sent, failedMails, incidents,
							smtp.getReceivedMessages().length, check);
					Files.writeString(out.resolve("soak.txt"), report, StandardCharsets.UTF_8);
					LOG.info("\n{}", report);
					assertThat(errors).as("errors during the soak").isEmpty();
					assertThat(finished.get()).as("chains finished").isEqualTo(started.get());
					assertThat(counts).as("every signed chain awarded once, in the database: %s", check).isNotNull();
					assertThat(failedMails).as("mails FAILED").isZero();
					assertThat(incidents).as("incidents").isZero();
				}
			}
		}
		finally {
			smtp.stop();
		}
	}

	/**
	 * One chain, from the chapter head's form to the chair's signature; returns its instance id. Each
	 * wait is for a step the nomination entered (the engine's history), a fact that stays true, not for
	 * a moment another chain can take away between two polls: another chain's council session may
	 * take and count this nomination before this chain looks.
	 */
	private static String chain(NominationChains driver, int n) throws Exception {
		String pid = driver.start(n);
		driver.approve(pid);
		// the disclosure timer (PT30S) fires by itself
		driver.awaitReached(pid, NominationChains.AWAIT_COUNCIL, Duration.ofMinutes(3), Duration.ofSeconds(2));
		// chains running at once share the ward's one open session; at once when another chain's counted it
		driver.vote(pid);
		driver.awaitReached(pid, NominationChains.AWAIT_DECISION, Duration.ofMinutes(2), Duration.ofSeconds(1));
		driver.sign(pid, n);
		return pid;
	}

	/** Used heap in MiB right after a full collection of the node's JVM. */
	private static long heapAfterGc(Node node) throws IOException, InterruptedException {
		jcmd(node, "GC.run");
		Matcher used = HEAP_USED.matcher(jcmd(node, "GC.heap_info"));
		return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
	}

	private static int threads(Node node) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + node.process().pid() + "/status"))) {
			if (line.startsWith("Threads:")) {
				return Integer.parseInt(line.substring(8).trim());
			}
		}
		return -1;
	}

	private static String jcmd(Node node, String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("jcmd", String.valueOf(node.process().pid()), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(60, TimeUnit.SECONDS);
		return output;
	}

	private static String report(List<Sample> samples, int started, int finished, ConcurrentLinkedQueue<String> errors,
			long sent, long failedMails, long incidents, int received, String check) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("Soak of the year-end season: %d min, 2 nodes, %d chains/min, %d task-list reads/s%n",
				MINUTES, CHAINS_PER_MINUTE, READS_PER_SECOND));
		text.append(String.format("%6s %6s %14s %8s %14s %8s %9s %7s%n", "minute", "node", "heap after GC", "threads",
				"db connections", "chains", "finished", "errors"));
		for (Sample s : samples) {
			text.append(String.format("%6d %6s %10d MiB %8d %14d %8d %9d %7d%n", s.minute(), s.node(), s.heapAfterGcMiB(),
					s.threads(), s.dbConnections(), s.chainsStarted(), s.chainsFinished(), s.errors()));
		}
		text.append(String.format("chains started=%d finished=%d; mails sent=%d received=%d FAILED=%d; incidents=%d; errors=%d%n",
				started, finished, sent, received, failedMails, incidents, errors.size()));
		text.append("check of the signed chains in the database: ").append(check).append('\n');
		errors.stream().limit(20).forEach(e -> text.append("  error: ").append(e).append('\n'));
		return text.toString();
	}

}
