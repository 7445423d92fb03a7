package vn.thidua.cluster;

import java.io.IOException;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nodes of the packaged jar started by {@code docker/run-local.sh} (the environment of
 * {@code docker/compose.yaml}) on a given PostgreSQL database, in demo mode, with HTTP helpers that
 * log in as a demo user (password {@code demo}). Used by the operations tests that run after
 * {@code package} (failsafe).
 */
final class LocalCluster implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);

	static final Path ROOT = Path.of("").toAbsolutePath();

	static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/** One node: its name, HTTP port and java process. */
	record Node(String name, int port, ProcessHandle process) {

		String url(String path) {
			return "http://127.0.0.1:" + port + path;
		}

	}

	private final Path runDir;

	private final List<Node> nodes = new ArrayList<>();

	private LocalCluster(Path runDir) {
		this.runDir = runDir;
	}

	/**
	 * Starts {@code count} nodes one after the other on database {@code db} of the server at
	 * 127.0.0.1:{@code dbPort} (user postgres, no password) and the SMTP server at
	 * 127.0.0.1:{@code smtpPort}; {@code env} adds or overrides environment variables of the nodes.
	 */
	static LocalCluster start(Path runDir, int count, int dbPort, String db, int smtpPort, Map<String, String> env)
			throws IOException, InterruptedException {
		Path jar = findJar();
		Files.createDirectories(runDir);
		LocalCluster cluster = new LocalCluster(runDir);
		int basePort = freePorts(count);
		ProcessBuilder script = new ProcessBuilder("bash", ROOT.resolve("docker/run-local.sh").toString(), "--nodes",
				String.valueOf(count), "--db", db, "--db-host", "127.0.0.1", "--db-port", String.valueOf(dbPort),
				"--db-user", "postgres", "--smtp-host", "127.0.0.1", "--smtp-port", String.valueOf(smtpPort),
				"--base-port", String.valueOf(basePort), "--env-file", "/dev/null", "--dir", runDir.toString(), "--jar",
				jar.toString(), "--timeout", "300")
			.directory(ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(runDir.resolve("run-local.out").toFile());
		Map<String, String> environment = script.environment();
		List.of("THIDUA_ADMIN_USER", "THIDUA_ADMIN_PASSWORD", "THIDUA_BASE_URL", "POSTGRES_USER", "POSTGRES_DB")
			.forEach(environment::remove);
		environment.put("THIDUA_DEMO_ENABLED", "true");
		environment.put("POSTGRES_PASSWORD", "");
		environment.put("JAVA_OPTS", "-Xmx512m -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1");
		environment.putAll(env);
		long started = System.nanoTime();
		Process process = script.start();
		boolean finished = process.waitFor(12, TimeUnit.MINUTES);
		for (int i = 1; i <= count; i++) {
			cluster.readNode(i);
		}
		if (!finished || process.exitValue() != 0) {
			process.destroyForcibly();
			String output = Files.readString(runDir.resolve("run-local.out"));
			cluster.close();
			throw new IllegalStateException("docker/run-local.sh --nodes " + count + " failed:\n" + output);
		}
		LOG.info("{} node(s) healthy after {} s: {}", count, (System.nanoTime() - started) / 1_000_000_000,
				cluster.nodes);
		return cluster;
	}

	List<Node> nodes() {
		return nodes;
	}

	Node node(int index) {
		return nodes.get(index);
	}

	Path runDir() {
		return runDir;
	}

	/** SIGTERM to every node (a graceful stop, as {@code docker/stop-local.sh} does), SIGKILL after 60 s. */
	@Override
	public void close() {
		for (Node node : nodes) {
			if (node.process().isAlive()) {
				node.process().destroy();
			}
		}
		for (Node node : nodes) {
			try {
				node.process().onExit().get(60, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				node.process().destroyForcibly();
			}
		}
		try {
			new ProcessBuilder("bash", ROOT.resolve("docker/stop-local.sh").toString(), "--dir", runDir.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor(90, TimeUnit.SECONDS);
		}
		catch (IOException ex) {
			LOG.warn("stop-local.sh: {}", ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	// --- HTTP as a demo user ---

	static HttpResponse<String> get(Node node, String user, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(60)).GET();
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpResponse<String> post(Node node, String user, String path, String json)
			throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create(node.url(path)))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", basic(user))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	// --- set-up ---

	static Path findJar() throws IOException {
		try (Stream<Path> files = Files.list(ROOT.resolve("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("thidua-.*\\.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No target/thidua-*.jar: this test runs after 'package' (./mvnw -B verify)"));
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new IllegalStateException("No target/ directory: run ./mvnw -B verify", ex);
		}
	}

	private void readNode(int i) {
		Path pidFile = runDir.resolve("node" + i + ".pid");
		Path portFile = runDir.resolve("node" + i + ".port");
		if (!Files.exists(pidFile) || !Files.exists(portFile)) {
			return;
		}
		try {
			long pid = Long.parseLong(Files.readString(pidFile).trim());
			int port = Integer.parseInt(Files.readString(portFile).trim());
			ProcessHandle.of(pid).ifPresent(handle -> nodes.add(new Node("node" + i, port, handle)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code count} consecutive free loopback ports (run-local.sh gives node i the port base+i-1). */
	private static int freePorts(int count) {
		SecureRandom random = new SecureRandom();
		for (int attempt = 0; attempt < 50; attempt++) {
			int base = 20000 + random.nextInt(20000);
			boolean all = true;
			for (int i = 0; i < count && all; i++) {
				all = free(base + i);
			}
			if (all) {
				return base;
			}
		}
		throw new IllegalStateException("no " + count + " consecutive free ports found");
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

}
