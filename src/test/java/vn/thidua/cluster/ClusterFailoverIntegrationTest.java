package vn.thidua.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
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

import vn.thidua.support.PostgresTestDatabase;

/**
 * Two nodes of the packaged jar on one fresh PostgreSQL database, started by
 * {@code docker/run-local.sh --nodes 2} (the environment of {@code docker/compose.yaml}) with a
 * GreenMail SMTP server in this JVM. Process instances are driven through both nodes' REST APIs;
 * one node is killed with SIGKILL while timers are firing; every instance must finish on the
 * survivor with each timer and each asynchronous step run exactly once.
 * <p>
 * Runs in Maven's {@code integration-test} phase (failsafe), after {@code package} built the jar:
 * {@code ./mvnw -B verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClusterFailoverIntegrationTest}.
 * Loopback only; bounded to {@value #INSTANCES} instances and a few minutes.
 * <p>
 * Deliberate difference from production: the job lock time is 15 s instead of 5 min, so that jobs
 * the dead node had locked but not finished run on the survivor within the test's time.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ClusterFailoverIntegrationTest {

	private static final Logger LOG = LoggerFactory.getLogger(ClusterFailoverIntegrationTest.class);

	static final int INSTANCES = 20;

	private static final String PROCESS = "ClusterFailoverProbe";

	private static final String TIMER = "Timer_Wait";

	private static final String ASYNC_STEP = "Task_Record";

	private static final String END = "EndEvent_Probe";

	private static final String AUTH = "Basic "
			+ Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final Path RUN_DIR = ROOT.resolve("target/cluster-it");

	private static final String PG_HOST = envOr("THIDUA_TEST_PG_HOST", "127.0.0.1:5432");

	private static final String PG_USER = envOr("THIDUA_TEST_PG_USER", "postgres");

	private static final String PG_PASSWORD = envOr("THIDUA_TEST_PG_PASSWORD", "");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static GreenMail smtp;

	private static String database;

	private static final List<Node> NODES = new ArrayList<>();

	/** One application node: its HTTP port and its java process (no shell in between). */
	record Node(String name, int port, ProcessHandle process) {

		String url(String path) {
			return "http://127.0.0.1:" + port + path;
		}

	}

	@BeforeAll
	static void startCluster() throws Exception {
		Path jar = findJar();
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		database = PostgresTestDatabase.PREFIX + "cluster_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
		int basePort = freePortPair();
		String[] pg = PG_HOST.split(":");

		Files.createDirectories(RUN_DIR);
		ProcessBuilder script = new ProcessBuilder("bash", ROOT.resolve("docker/run-local.sh").toString(), "--nodes",
				"2", "--db", database, "--db-host", pg[0], "--db-port", pg.length > 1 ? pg[1] : "5432", "--db-user",
				PG_USER, "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtp.getSmtp().getPort()),
				"--base-port", String.valueOf(basePort), "--env-file", "/dev/null", "--dir", RUN_DIR.toString(),
				"--jar", jar.toString(), "--timeout", "240")
			.directory(ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(RUN_DIR.resolve("run-local.out").toFile());
		Map<String, String> env = script.environment();
		List.of("THIDUA_ADMIN_USER", "THIDUA_ADMIN_PASSWORD", "THIDUA_BASE_URL", "POSTGRES_USER")
			.forEach(env::remove);
		env.put("THIDUA_DEMO_ENABLED", "true");
		env.put("POSTGRES_PASSWORD", PG_PASSWORD);
		env.put("JAVA_OPTS", "-Xmx512m -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1");
		env.put("CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", "15000");
		long started = System.nanoTime();
		Process process = script.start();
		boolean finished = process.waitFor(9, TimeUnit.MINUTES);
		String output = Files.readString(RUN_DIR.resolve("run-local.out"));
		for (int i = 1; i <= 2; i++) {
			readNode(i);
		}
		if (!finished || process.exitValue() != 0) {
			process.destroyForcibly();
			fail("docker/run-local.sh --nodes 2 failed:%n%s", output);
		}
		LOG.info("Two nodes healthy after {} s: {}", (System.nanoTime() - started) / 1_000_000_000, NODES);
	}

	@AfterAll
	static void stopCluster() throws Exception {
		for (Node node : NODES) {
			if (node.process().isAlive()) {
				node.process().destroy();
			}
		}
		for (Node node : NODES) {
			try {
				node.process().onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				node.process().destroyForcibly();
			}
		}
		if (Files.isDirectory(RUN_DIR)) {
			new ProcessBuilder("bash", ROOT.resolve("docker/stop-local.sh").toString(), "--dir", RUN_DIR.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(60, TimeUnit.SECONDS);
		}
		if (smtp != null) {
			smtp.stop();
		}
		if (database != null) {
			try (Connection c = admin(); Statement s = c.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
			catch (SQLException ex) {
				LOG.warn("Could not drop {}: {}", database, ex.getMessage());
			}
		}
	}

	@Test
	void everyInstanceFinishesOnTheSurvivorAndEveryJobRunsOnce() throws Exception {
		Node first = NODES.get(0);
		Node second = NODES.get(1);
		for (Node node : NODES) {
			HttpResponse<String> health = get(node, "/actuator/health", false);
			assertThat(health.statusCode()).as("%s health", node.name()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");
		}
		deploy(first);

		// start through both nodes, alternately
		List<String> instances = new ArrayList<>();
		for (int i = 0; i < INSTANCES; i++) {
			instances.add(start(NODES.get(i % 2), i));
		}
		// the first half passes its user task (through both nodes): their timers fire in about 5 s
		int half = INSTANCES / 2;
		for (int i = 0; i < half; i++) {
			completeTask(NODES.get(i % 2), instances.get(i));
		}
		// SIGKILL the first node while the timers fire: once it has run a job itself (or, if the other
		// node wins every race, once a quarter of the timers have fired); the rest are due or running
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> executionsByHost().entrySet()
				.stream()
				.anyMatch(e -> e.getKey() != null && e.getKey().endsWith("-" + first.name()))
					|| countFinishedActivities(TIMER) >= INSTANCES / 4);
		Map<String, Integer> executionsAtKill = executionsByHost();
		int lockedAtKill = lockedJobs();
		long timersDoneAtKill = countFinishedActivities(TIMER);
		assertThat(first.process().info().command().orElse("")).as("the killed process is the JVM itself")
			.endsWith("java");
		boolean killed = first.process().destroyForcibly();
		first.process().onExit().get(30, TimeUnit.SECONDS);
		assertThat(killed).isTrue();
		assertThat(first.process().isAlive()).isFalse();
		LOG.info("SIGKILL to {} (pid {}): {} timers had fired, {} jobs were locked", first.name(),
				first.process().pid(), timersDoneAtKill, lockedAtKill);

		// the second half goes on through the survivor: a client (or HAProxy) retries there
		for (int i = half; i < INSTANCES; i++) {
			completeTask(reachable(NODES.get(i % 2), second), instances.get(i));
		}

		await().atMost(Duration.ofSeconds(150))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> countFinishedInstances() == INSTANCES);

		// every instance: one timer, one asynchronous step, one end, and nothing left to run
		Map<String, Map<String, Integer>> perInstance = activityCounts();
		for (String id : instances) {
			Map<String, Integer> counts = perInstance.getOrDefault(id, Map.of());
			assertThat(counts).as("activities of instance %s", id)
				.containsEntry(TIMER, 1)
				.containsEntry(ASYNC_STEP, 1)
				.containsEntry(END, 1);
		}
		Map<String, Integer> timerExecutions = successfulJobExecutions("timer-intermediate-transition");
		Map<String, Integer> asyncExecutions = successfulJobExecutions("async-continuation");
		assertThat(timerExecutions).hasSize(INSTANCES).allSatisfy((job, n) -> assertThat(n).as("timer job %s", job).isEqualTo(1));
		assertThat(asyncExecutions).hasSize(INSTANCES).allSatisfy((job, n) -> assertThat(n).as("async job %s", job).isEqualTo(1));
		// the engine's own history cleanup job stays, scheduled for its nightly window
		assertThat(scalar("SELECT count(*) FROM act_ru_job WHERE handler_type_ <> 'history-cleanup'")).as("jobs left")
			.isZero();
		assertThat(scalar("SELECT count(*) FROM act_hi_incident")).as("incidents").isZero();
		assertThat(get(second, "/engine-rest/history/process-instance/count?finished=true&processDefinitionKey="
				+ PROCESS, true).body()).contains("\"count\":" + INSTANCES);

		int mails = assertNotificationsDeliveredOnce(instances);

		LOG.info(String.format("""
				counts checked:
				  nodes=2 killed=%s (SIGKILL, pid %d) instances started=%d finished=%d
				  timers fired per instance: min=%d max=%d; timer jobs executed once: %d/%d
				  async steps per instance: min=%d max=%d; async jobs executed once: %d/%d
				  at the kill: timers fired=%d, jobs locked=%d, job executions by node=%s
				  successful job executions by node: %s; failed job attempts: %d; incidents: 0; jobs left: 0
				  mails received=%d (one assignment per instance, each Message-ID once)""", first.name(), first.process().pid(), INSTANCES, countFinishedInstances(),
				min(perInstance, TIMER), max(perInstance, TIMER), ones(timerExecutions), INSTANCES,
				min(perInstance, ASYNC_STEP), max(perInstance, ASYNC_STEP), ones(asyncExecutions), INSTANCES,
				timersDoneAtKill, lockedAtKill, executionsAtKill, executionsByHost(), scalar("SELECT count(*) FROM act_hi_job_log WHERE job_exception_msg_ IS NOT NULL"),
				mails));
	}

	/**
	 * Exactly-once delivery of mail through the outbox, across the kill: the probe's
	 * {@code Task_Confirm} (candidate group {@code bode-ch01}, whose only member is head1) queues one
	 * assignment mail per instance; every one is delivered, and no Message-ID arrives twice.
	 * @return the number of mails received
	 */
	private static int assertNotificationsDeliveredOnce(List<String> instances) throws MessagingException, SQLException {
		String ids = String.join("','", instances);
		await().atMost(Duration.ofSeconds(120))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> scalar("SELECT count(*) FROM thidua_notification WHERE status IN ('PENDING','SENDING')") == 0);
		long assignments = scalar("SELECT count(*) FROM thidua_notification WHERE template = 'assignment'"
				+ " AND recipient_id = 'head1' AND process_instance_id IN ('" + ids + "')");
		long sent = scalar("SELECT count(*) FROM thidua_notification WHERE status = 'SENT'");
		assertThat(assignments).as("assignment mails queued, one per instance").isEqualTo(instances.size());
		assertThat(scalar("SELECT count(*) FROM thidua_notification WHERE status = 'FAILED'")).as("failed mails").isZero();

		MimeMessage[] received = smtp.getReceivedMessages();
		Map<String, Integer> copies = new HashMap<>();
		for (MimeMessage message : received) {
			copies.merge(message.getMessageID(), 1, Integer::sum);
		}
		assertThat(copies).as("the same mail (Message-ID) delivered twice").allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
		assertThat((long) copies.size()).as("distinct mails received = outbox rows sent").isEqualTo(sent);
		return received.length;
	}

	// --- REST ---

	private static void deploy(Node node) throws IOException, InterruptedException {
		String boundary = "thidua-" + System.nanoTime();
		byte[] bpmn;
		try (InputStream in = ClusterFailoverIntegrationTest.class.getResourceAsStream("/cluster/" + PROCESS + ".bpmn")) {
			bpmn = in.readAllBytes();
		}
		String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
				+ "cluster-failover-probe\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\""
				+ PROCESS + ".bpmn\"\r\nContent-Type: application/xml\r\n\r\n";
		String tail = "\r\n--" + boundary + "--\r\n";
		byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), bpmn, tail.getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/engine-rest/deployment/create")))
			.header("Authorization", AUTH)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("deployment: %s", response.body()).isEqualTo(200);
	}

	private static String start(Node node, int i) throws IOException, InterruptedException {
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("wardCode", value("bode"));
		variables.put("chapterGroup", value("bode-ch01"));
		variables.put("chapterName", value("Chi hội 1"));
		variables.put("subject", value("Kiểm tra cụm máy chủ – hồ sơ số " + (i + 1)));
		variables.put("initiator", value("admin"));
		variables.put("probeDelay", value("PT5S"));
		String body = JSON.writeValueAsString(Map.of("businessKey", "probe-" + (i + 1), "variables", variables));
		HttpResponse<String> response = post(node, "/engine-rest/process-definition/key/" + PROCESS + "/start", body);
		assertThat(response.statusCode()).as("start on %s: %s", node.name(), response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("id").asText();
	}

	private static void completeTask(Node node, String instanceId) throws IOException, InterruptedException {
		HttpResponse<String> query = get(node, "/engine-rest/task?processInstanceId=" + instanceId + "&firstResult=0&maxResults=10", true);
		JsonNode tasks = JSON.readTree(query.body());
		assertThat(tasks.isArray() ? tasks.size() : -1).as("open tasks of %s on %s: %s", instanceId, node.name(), query.body())
			.isEqualTo(1);
		String taskId = tasks.get(0).get("id").asText();
		HttpResponse<String> response = post(node, "/engine-rest/task/" + taskId + "/complete", "{}");
		assertThat(response.statusCode()).as("complete on %s: %s", node.name(), response.body()).isEqualTo(204);
	}

	/** The preferred node when it answers, else the fallback: what the load balancer does. */
	private static Node reachable(Node preferred, Node fallback) {
		try {
			get(preferred, "/actuator/health", false);
			return preferred;
		}
		catch (IOException ex) {
			return fallback;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> get(Node node, String path, boolean authenticated)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30)).GET();
		if (authenticated) {
			request.header("Authorization", AUTH);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(Node node, String path, String json) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(node.url(path)))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", AUTH)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> value(Object value) {
		return Map.of("value", value, "type", "String");
	}

	// --- history in the shared database ---

	private static long countFinishedActivities(String activityId) throws SQLException {
		return scalar("SELECT count(*) FROM act_hi_actinst WHERE act_id_ = '" + activityId + "' AND end_time_ IS NOT NULL");
	}

	private static long countFinishedInstances() throws SQLException {
		return scalar("SELECT count(*) FROM act_hi_procinst WHERE proc_def_key_ = '" + PROCESS
				+ "' AND end_time_ IS NOT NULL");
	}

	private static int lockedJobs() throws SQLException {
		return (int) scalar("SELECT count(*) FROM act_ru_job WHERE lock_owner_ IS NOT NULL");
	}

	/** Instance id to activity id to the number of history rows. */
	private static Map<String, Map<String, Integer>> activityCounts() throws SQLException {
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		try (Connection c = app(); PreparedStatement s = c.prepareStatement(
				"SELECT proc_inst_id_, act_id_, count(*) FROM act_hi_actinst WHERE proc_def_key_ = ? GROUP BY proc_inst_id_, act_id_")) {
			s.setString(1, PROCESS);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					counts.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
				}
			}
		}
		return counts;
	}

	/** Job id to the number of successful executions (job log state 2) of jobs of this type. */
	private static Map<String, Integer> successfulJobExecutions(String jobDefinitionType) throws SQLException {
		Map<String, Integer> counts = new HashMap<>();
		try (Connection c = app(); PreparedStatement s = c.prepareStatement(
				"SELECT job_id_, sum(CASE WHEN job_state_ = 2 THEN 1 ELSE 0 END) FROM act_hi_job_log "
						+ "WHERE job_def_type_ = ? AND process_def_key_ = ? GROUP BY job_id_")) {
			s.setString(1, jobDefinitionType);
			s.setString(2, PROCESS);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					counts.put(rs.getString(1), rs.getInt(2));
				}
			}
		}
		return counts;
	}

	private static Map<String, Integer> executionsByHost() throws SQLException {
		Map<String, Integer> byHost = new LinkedHashMap<>();
		try (Connection c = app(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
				"SELECT hostname_, count(*) FROM act_hi_job_log WHERE job_state_ = 2 AND process_def_key_ = '" + PROCESS
						+ "' GROUP BY hostname_ ORDER BY hostname_")) {
			while (rs.next()) {
				byHost.put(rs.getString(1), rs.getInt(2));
			}
		}
		return byHost;
	}

	private static long scalar(String sql) throws SQLException {
		try (Connection c = app(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static Connection app() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/" + database, PG_USER, PG_PASSWORD);
	}

	private static Connection admin() throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://" + PG_HOST + "/postgres", PG_USER, PG_PASSWORD);
	}

	// --- set-up helpers ---

	private static Path findJar() throws IOException {
		try (Stream<Path> files = Files.list(ROOT.resolve("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("thidua-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No target/thidua-*.jar: this test runs after 'package' (./mvnw -B verify), see the class comment"));
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new IllegalStateException("No target/ directory: run ./mvnw -B verify", ex);
		}
	}

	private static void readNode(int i) {
		Path pidFile = RUN_DIR.resolve("node" + i + ".pid");
		Path portFile = RUN_DIR.resolve("node" + i + ".port");
		if (!Files.exists(pidFile) || !Files.exists(portFile)) {
			return;
		}
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			int port = Integer.parseInt(Files.readString(portFile).trim());
			ProcessHandle.of(pid).ifPresent(handle -> NODES.add(new Node("node" + i, port, handle)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Two consecutive free loopback ports (run-local.sh gives node i the port base+i-1). */
	private static int freePortPair() throws IOException {
		SecureRandom random = new SecureRandom();
		for (int attempt = 0; attempt < 50; attempt++) {
			int base = 20000 + random.nextInt(20000);
			if (free(base) && free(base + 1)) {
				return base;
			}
		}
		throw new IllegalStateException("no two consecutive free ports found");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int min(Map<String, Map<String, Integer>> perInstance, String activity) {
		return perInstance.values().stream().mapToInt(m -> m.getOrDefault(activity, 0)).min().orElse(0);
	}

	private static int max(Map<String, Map<String, Integer>> perInstance, String activity) {
		return perInstance.values().stream().mapToInt(m -> m.getOrDefault(activity, 0)).max().orElse(0);
	}

	private static long ones(Map<String, Integer> executions) {
		return executions.values().stream().filter(n -> n == 1).count();
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] p : parts) {
			length += p.length;
		}
		byte[] all = new byte[length];
		int offset = 0;
		for (byte[] p : parts) {
			System.arraycopy(p, 0, all, offset, p.length);
			offset += p.length;
		}
		return all;
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
