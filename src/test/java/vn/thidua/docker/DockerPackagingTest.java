package vn.thidua.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The files in {@code docker/} are checked here because Docker's engine is not on the development
 * machines or CI: the compose files parse and wire what the issue asks (health checks, start order,
 * secrets only from {@code docker/.env}), the Dockerfile has two stages, a non-root user and a
 * health check, and {@code run-local.sh} sets the same variables as compose. Where a compose CLI is
 * installed, it validates the files too (no engine needed for {@code config}).
 */
class DockerPackagingTest {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final Path DOCKER = ROOT.resolve("docker");

	/** {@code ${NAME:?message}}: compose refuses to start when NAME is unset or empty. */
	private static final Pattern REQUIRED_REFERENCE = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");

	private static final List<String> SECRETS = List.of("POSTGRES_PASSWORD", "THIDUA_ADMIN_USER",
			"THIDUA_ADMIN_PASSWORD");

	private static final List<String> APP_VARIABLES = List.of("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME",
			"SPRING_DATASOURCE_PASSWORD", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "THIDUA_ADMIN_USER",
			"THIDUA_ADMIN_PASSWORD", "THIDUA_DEMO_ENABLED", "THIDUA_BASE_URL");

	@Test
	void singleNodeComposeWiresDatabaseMailAndApplication() throws IOException {
		Map<String, Object> compose = yaml("compose.yaml");
		Map<String, Object> services = map(compose, "services");
		assertThat(services).containsOnlyKeys("db", "mailpit", "app");

		assertDatabase(map(services, "db"));
		assertThat(map(compose, "volumes")).containsKey("db-data");

		Map<String, Object> mailpit = map(services, "mailpit");
		assertThat((String) mailpit.get("image")).startsWith("axllent/mailpit");
		assertThat(String.valueOf(mailpit.get("ports"))).contains(":8025");

		Map<String, Object> app = map(services, "app");
		assertApplicationNode(app);
		assertThat(map(map(app, "depends_on"), "db")).containsEntry("condition", "service_healthy");
		assertThat(String.valueOf(app.get("ports"))).contains(":8080");
	}

	@Test
	void clusterComposeRunsTwoNodesBehindAStickyLoadBalancer() throws IOException {
		Map<String, Object> compose = yaml("compose.cluster.yaml");
		Map<String, Object> services = map(compose, "services");
		assertThat(services).containsKeys("db", "mailpit", "app1", "app2", "lb");

		assertDatabase(map(services, "db"));
		assertThat(map(compose, "volumes")).containsKey("db-data");
		Map<String, Object> app1 = map(services, "app1");
		Map<String, Object> app2 = map(services, "app2");
		assertApplicationNode(app1);
		assertApplicationNode(app2);
		assertThat(map(app1, "environment").get("SPRING_DATASOURCE_URL"))
			.isEqualTo(map(app2, "environment").get("SPRING_DATASOURCE_URL"));
		assertThat(map(map(app1, "depends_on"), "db")).containsEntry("condition", "service_healthy");
		assertThat(map(map(app2, "depends_on"), "db")).containsEntry("condition", "service_healthy");
		// one node creates the schema of a new database before the other starts
		assertThat(map(map(app2, "depends_on"), "app1")).containsEntry("condition", "service_healthy");

		Map<String, Object> lb = map(services, "lb");
		assertThat((String) lb.get("image")).startsWith("haproxy:");
		assertThat(String.valueOf(lb.get("volumes"))).contains("./haproxy.cfg:");
		assertThat(map(lb, "healthcheck")).containsKey("test");

		String haproxy = read(DOCKER.resolve("haproxy.cfg"));
		assertThat(haproxy).contains("cookie THIDUA_NODE insert")
			.contains("http-check send meth GET uri /actuator/health")
			.containsPattern("server app1 app1:8080 .*cookie app1")
			.containsPattern("server app2 app2:8080 .*cookie app2")
			.containsPattern("default-server check");
	}

	@Test
	void secretsComeOnlyFromTheEnvironmentFile() throws IOException {
		for (String file : List.of("compose.yaml", "compose.cluster.yaml")) {
			String text = read(DOCKER.resolve(file));
			List<String> values = new ArrayList<>();
			collectSecretValues(yaml(file), values);
			assertThat(values).as("password and admin values in %s", file).isNotEmpty().allSatisfy(value -> {
				Matcher m = REQUIRED_REFERENCE.matcher(value);
				assertThat(m.matches()).as("%s must be ${VAR:?message}, not a literal or a default", value).isTrue();
				assertThat(SECRETS).contains(m.group(1));
			});
			for (String secret : SECRETS) {
				assertThat(text).as("%s has no default for %s", file, secret).doesNotContain("${" + secret + ":-")
					.doesNotContain("${" + secret + "-");
			}
			assertThat(text).contains("THIDUA_DEMO_ENABLED: ${THIDUA_DEMO_ENABLED:-false}");
		}
		String example = read(DOCKER.resolve(".env.example"));
		for (String secret : SECRETS) {
			assertThat(example).as(".env.example leaves %s empty", secret).containsPattern("(?m)^" + secret + "=$");
		}
		assertThat(example).containsPattern("(?m)^THIDUA_DEMO_ENABLED=false$");
		assertThat(read(ROOT.resolve(".gitignore"))).containsPattern("(?m)^\\.env$");
		assertThat(read(ROOT.resolve(".dockerignore"))).contains("target/", "data/", "node_modules", ".git", ".env");
	}

	@Test
	void dockerfileBuildsInTwoStagesAndRunsAsAnUnprivilegedUser() throws IOException {
		List<String> instructions = dockerInstructions(read(DOCKER.resolve("Dockerfile")));
		List<String> froms = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
		assertThat(froms).hasSize(2);
		assertThat(froms.get(0)).matches("FROM eclipse-temurin:17-jdk AS build");
		assertThat(froms.get(1)).isEqualTo("FROM eclipse-temurin:17-jre");
		assertThat(instructions).anyMatch(i -> i.startsWith("RUN") && i.contains("dependency:go-offline"))
			.anyMatch(i -> i.startsWith("RUN") && i.contains("./mvnw -B -DskipTests package"));

		int runStage = instructions.indexOf(froms.get(1));
		List<String> run = instructions.subList(runStage, instructions.size());
		List<String> users = run.stream().filter(i -> i.startsWith("USER ")).toList();
		assertThat(users).isNotEmpty();
		String user = users.get(users.size() - 1).substring(5).trim().split(":")[0];
		assertThat(user).isNotIn("root", "0");
		assertThat(run).anyMatch(i -> i.startsWith("HEALTHCHECK") && i.contains("/actuator/health"))
			.anyMatch(i -> i.startsWith("ENV") && i.contains("-XX:MaxRAMPercentage=75"))
			.anyMatch(i -> i.startsWith("ENTRYPOINT") && i.contains("$JAVA_OPTS"));
	}

	@Test
	void localScriptsSetTheSameVariablesAsCompose() throws Exception {
		String script = read(DOCKER.resolve("run-local.sh"));
		for (String variable : APP_VARIABLES) {
			assertThat(script).as("run-local.sh sets %s like compose", variable).contains("export " + variable);
		}
		assertThat(map(map(yaml("compose.yaml"), "services"), "app").get("environment"))
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsKeys(APP_VARIABLES.toArray());
		for (String file : List.of("run-local.sh", "stop-local.sh")) {
			Path path = DOCKER.resolve(file);
			assertThat(Files.isExecutable(path)).as("%s is executable", file).isTrue();
			assertThat(run(List.of("bash", "-n", path.toString()), Map.of()).exitCode()).as("bash -n %s", file)
				.isZero();
		}
	}

	/**
	 * {@code docker compose config} needs no engine. Docker's CLI here has no compose plugin; Debian's
	 * docker-compose (1.29) validates against the compose schema but predates the top-level
	 * {@code name}, so that line is left out of the copy it checks.
	 */
	@Test
	void composeCliAcceptsTheFilesAndRefusesMissingSecrets(@TempDir Path temp) throws Exception {
		Path envFile = temp.resolve("test.env");
		Files.writeString(envFile,
				"POSTGRES_PASSWORD=only-for-this-check\nTHIDUA_ADMIN_USER=quantri\nTHIDUA_ADMIN_PASSWORD=only-for-this-check\n");
		Path emptyEnv = Files.writeString(temp.resolve("empty.env"), "");
		List<String> cli;
		Path dir;
		if (works(List.of("docker", "compose", "version"))) {
			cli = List.of("docker", "compose");
			dir = DOCKER;
		}
		else if (works(List.of("docker-compose", "version"))) {
			cli = List.of("docker-compose");
			dir = temp.resolve("docker");
			Files.createDirectories(dir);
			for (String file : List.of("compose.yaml", "compose.cluster.yaml")) {
				Files.writeString(dir.resolve(file), read(DOCKER.resolve(file)).replaceAll("(?m)^name: .*$", ""));
			}
			Files.copy(DOCKER.resolve("haproxy.cfg"), dir.resolve("haproxy.cfg"));
		}
		else {
			assumeTrue(false, "no docker compose / docker-compose CLI here: the parse checks above stand in");
			return;
		}
		for (String file : List.of("compose.yaml", "compose.cluster.yaml")) {
			String path = dir.resolve(file).toString();
			Result ok = run(concat(cli, "--env-file", envFile.toString(), "-f", path, "config"), SECRETS);
			assertThat(ok.exitCode()).as("%s config: %s", file, ok.output()).isZero();
			assertThat(ok.output()).contains("condition: service_healthy");
			Result refused = run(concat(cli, "--env-file", emptyEnv.toString(), "-f", path, "config"), SECRETS);
			assertThat(refused.exitCode()).as("%s without secrets", file).isNotZero();
			assertThat(refused.output()).contains("set POSTGRES_PASSWORD in docker/.env");
		}
	}

	private static void assertDatabase(Map<String, Object> db) {
		assertThat(db.get("image")).isEqualTo("postgres:16");
		assertThat(String.valueOf(map(db, "healthcheck").get("test"))).contains("pg_isready");
		assertThat(String.valueOf(db.get("volumes"))).contains("db-data:/var/lib/postgresql/data");
	}

	private static void assertApplicationNode(Map<String, Object> app) {
		Map<String, Object> build = map(app, "build");
		assertThat(build).containsEntry("context", "..").containsEntry("dockerfile", "docker/Dockerfile");
		Map<String, Object> env = map(app, "environment");
		assertThat(env).containsKeys(APP_VARIABLES.toArray(String[]::new));
		assertThat(env).containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025");
		assertThat((String) env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:postgresql://db:5432/");
		assertThat(map(map(app, "depends_on"), "mailpit")).containsKey("condition");
	}

	private static void collectSecretValues(Object node, List<String> values) {
		if (node instanceof Map<?, ?> m) {
			m.forEach((k, v) -> {
				String key = String.valueOf(k);
				if (v instanceof String s && (key.contains("PASSWORD") || key.equals("THIDUA_ADMIN_USER"))) {
					values.add(s);
				}
				else {
					collectSecretValues(v, values);
				}
			});
		}
		else if (node instanceof List<?> l) {
			l.forEach(v -> collectSecretValues(v, values));
		}
	}

	/** Dockerfile instructions with continuation lines joined and comments dropped. */
	static List<String> dockerInstructions(String dockerfile) {
		List<String> out = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : dockerfile.split("\\R")) {
			String trimmed = line.trim();
			if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
				continue;
			}
			boolean continues = trimmed.endsWith("\\");
			current.append(continues ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed).append(' ');
			if (!continues) {
				out.add(current.toString().trim());
				current.setLength(0);
			}
		}
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> yaml(String file) throws IOException {
		return (Map<String, Object>) new Yaml().load(read(DOCKER.resolve(file)));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		Object value = parent.get(key);
		assertThat(value).as("%s is a map", key).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static String read(Path path) throws IOException {
		return Files.readString(path, StandardCharsets.UTF_8);
	}

	private static List<String> concat(List<String> head, String... tail) {
		List<String> all = new ArrayList<>(head);
		all.addAll(List.of(tail));
		return all;
	}

	private record Result(int exitCode, String output) {
	}

	private static boolean works(List<String> command) {
		try {
			return run(command, List.of()).exitCode() == 0;
		}
		catch (IOException | InterruptedException ex) {
			return false;
		}
	}

	private static Result run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
		return run(command, List.of(), env);
	}

	private static Result run(List<String> command, List<String> unset) throws IOException, InterruptedException {
		return run(command, unset, Map.of());
	}

	private static Result run(List<String> command, List<String> unset, Map<String, String> env)
			throws IOException, InterruptedException {
		ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
		unset.forEach(pb.environment()::remove);
		pb.environment().putAll(env);
		Process process = pb.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return new Result(-1, output);
		}
		return new Result(process.exitValue(), output);
	}

}
