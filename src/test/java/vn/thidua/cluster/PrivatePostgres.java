package vn.thidua.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, a free loopback port,
 * trust authentication for the OS user {@code postgres}), so that a test may stop and restart its
 * database server without touching the shared one on 5432. Needs the server binaries of the local
 * PostgreSQL package ({@code THIDUA_PG_BIN}, default {@code /usr/lib/postgresql/15/bin}; {@code .ci/run}
 * installs {@code postgresql}). The server refuses to run as root: as root the binaries run as the OS
 * user {@code postgres} through {@code runuser}.
 */
final class PrivatePostgres implements AutoCloseable {

	private static final Logger LOG = LoggerFactory.getLogger(PrivatePostgres.class);

	static final Path BIN = Path.of(envOr("THIDUA_PG_BIN", "/usr/lib/postgresql/15/bin"));

	static final String USER = "postgres";

	private final Path dir;

	private final Path data;

	private final int port;

	private PrivatePostgres(Path dir, int port) {
		this.dir = dir;
		this.data = dir.resolve("data");
		this.port = port;
	}

	/** Creates and starts a new cluster; {@link #close()} stops it and deletes its files. */
	static PrivatePostgres start() throws IOException, InterruptedException {
		if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
			throw new IllegalStateException("PostgreSQL server binaries not found in " + BIN
					+ " (apt-get install postgresql, or set THIDUA_PG_BIN)");
		}
		Path dir = Files.createTempDirectory("thidua-private-pg-");
		PrivatePostgres pg = new PrivatePostgres(dir, freePort());
		if (asRoot()) {
			pg.exec(List.of("chown", USER, dir.toString()), false, 30);
		}
		pg.exec(List.of(BIN.resolve("initdb").toString(), "-D", pg.data.toString(), "-U", USER, "--auth=trust", "-E",
				"UTF8", "--locale=C.UTF-8", "--no-sync"), true, 120);
		// a test server: no fsync (an OS crash is not under test; a server crash is: its WAL is in the
		// OS cache), a short checkpoint so that crash recovery is quick
		Files.writeString(pg.data.resolve("postgresql.conf"), """

				listen_addresses = '127.0.0.1'
				port = %d
				unix_socket_directories = '%s'
				fsync = off
				max_connections = 100
				shared_buffers = 64MB
				""".formatted(pg.port, dir), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
		pg.ctl("start");
		LOG.info("Private PostgreSQL on 127.0.0.1:{} ({})", pg.port, dir);
		return pg;
	}

	int port() {
		return port;
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), USER, "");
	}

	void createDatabase(String name) throws SQLException {
		try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
		}
	}

	/** Stops the server: {@code fast} (clients disconnected, clean shutdown) or {@code immediate} (a crash). */
	void stop(String mode) throws IOException, InterruptedException {
		exec(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "stop"), true, 120);
	}

	void startAgain() throws IOException, InterruptedException {
		ctl("start");
	}

	/** Runs a client binary of the same version ({@code pg_dump}, {@code pg_restore}, {@code psql}) against this server. */
	String client(String binary, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(BIN.resolve(binary).toString(), "-h", "127.0.0.1", "-p",
				String.valueOf(port), "-U", USER));
		command.addAll(List.of(arguments));
		return exec(command, false, 600);
	}

	private void ctl(String action) throws IOException, InterruptedException {
		exec(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(),
				"-w", "-t", "120", action), true, 180);
	}

	private String exec(List<String> command, boolean asPostgres, int timeoutSeconds)
			throws IOException, InterruptedException {
		List<String> full = new ArrayList<>();
		if (asPostgres && asRoot()) {
			full.addAll(List.of("runuser", "-u", USER, "--"));
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("timed out: " + String.join(" ", full));
		}
		String text = new String(output, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(String.join(" ", full) + " failed (" + process.exitValue() + "):\n" + text);
		}
		return text;
	}

	@Override
	public void close() {
		try {
			if (Files.exists(data.resolve("postmaster.pid"))) {
				stop("immediate");
			}
		}
		catch (Exception ex) {
			LOG.warn("Could not stop the private PostgreSQL in {}: {}", dir, ex.getMessage());
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			LOG.warn("Could not delete {}: {}", dir, ex.getMessage());
		}
	}

	Path serverLog() {
		return dir.resolve("server.log");
	}

	private static boolean asRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
