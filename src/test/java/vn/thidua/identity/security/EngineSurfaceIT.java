package vn.thidua.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import vn.thidua.identity.security.EngineRestDescription.Operation;
import vn.thidua.dossier.DossierFixtures;
import vn.thidua.rollout.ProgrammeDates;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.SeasonSteps;

/**
 * Issue 13's generated matrix: every write operation of the engine's own REST description
 * ({@code openapi.json} of {@code camunda-engine-rest-openapi}), called as a chapter head
 * ({@code head1}), a cell secretary ({@code cell1}), a board member ({@code board1}) and a council
 * member ({@code council1}), with three spellings of the path (plain, a matrix parameter {@code ;x}
 * on the last segment, the first segment percent-encoded) and through both copies of the API
 * ({@code /engine-rest} with HTTP Basic, and the web apps' {@code /camunda/api/engine/engine/default}
 * with a Tasklist session and its CSRF token), against live instances of every process at their
 * tasks. Path parameters are real ids, the most tempting of their kind (the caller's own task and
 * instance, the nomination's definition, the live disclosure timer, another user, the board's
 * group, variable {@code boardGroup}, activity {@code Task_RecordAward}, ...); bodies are generated
 * from the request schema with attacking values ({@link EngineRestDescription}).
 *
 * Where a body writes variables at the top level beside other properties (start or modification
 * instructions), it is also sent without those top-level variables, so that a check of the top
 * level alone cannot refuse it for the wrong reason.
 *
 * <p>Around each call one SQL statement fingerprints the engine's and the application's tables
 * ({@link StateFingerprint}); the test asserts that no call changed anything and that only the
 * reads by POST (queries, filter execution, password checks) answered 2xx. All violations are
 * collected and reported together, with the tables each one changed. After a call that changed
 * state, the targets it consumed (a role's own task, council2's ballot, the disclosure timer) are
 * set up afresh, so that one hole does not hide the holes after it; on a guarded engine that never
 * happens and the matrix is a few minutes of HTTP calls.
 *
 * <p>Targets chosen on purpose: where the caller may act on its own task whatever the body
 * (unclaim, comments, attachments), the task is another person's (council2's ballot); filters are
 * the ward's shared "Việc của tôi"; users {@code head2}; in group and tenant memberships the caller
 * adds itself.
 *
 * <p>The job executor and the mail dispatcher are off, so the database is still between calls; the
 * timers the set-up needs are executed here through {@link ManagementService}.
 *
 * <p>Run it alone (on main without the guard, under a load average of 20–30 on two cores: 5,136
 * calls, 279 violations, matrix 679 s of which most is the 132 fresh set-ups after holes; the same
 * matrix without holes took 136 s for 4,584 calls at load 19):
 * <pre>
 * THIDUA_TEST_DB_PREFIX=thidua_srf_ ./mvnw -B verify -Dbpmnlint.skip -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=EngineSurfaceIT
 * </pre>
 */
@IntegrationTest
@TestPropertySource(properties = { "camunda.bpm.job-execution.enabled=false", "spring.mail.host=",
		"thidua.notification.poll-interval=P3650D", "thidua.deadlines.scan-interval=P3650D" })
class EngineSurfaceIT {

	private static final Logger LOG = LoggerFactory.getLogger(EngineSurfaceIT.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> ROLES = List.of("head1", "cell1", "board1", "council1");

	private static final List<String> COUNCIL = List.of("council1", "council2", "council3", "council4", "council5");

	private static final String BASIC = "/engine-rest";

	private static final String WEBAPP = "/camunda/api/engine/engine/default";

	private static final List<String> SPELLINGS = List.of("plain", "matrix", "encoded");

	/** {@code -Dsurface.trace=<regex on "POST /task/{id}/complete">}: log every call of those operations. */
	private static final String TRACE = System.getProperty("surface.trace");

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	ApplicationContext context;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	HistoryService historyService;

	@Autowired
	FilterService filterService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	ProcessEngine engine;

	private SeasonSteps season;

	private final HttpClient basicClient = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final Map<String, WebappSession> sessions = new LinkedHashMap<>();

	private final int year = LocalDate.now().getYear();

	/** A call that changed state or answered 2xx to a write. */
	record Violation(Operation operation, String role, String prefix, String spelling, int status,
			List<String> changedTables, String answer) {

		@Override
		public String toString() {
			return operation + " as " + role + " via " + prefix + " (" + spelling + "): " + status
					+ (changedTables.isEmpty() ? "" : " changed " + changedTables) + " " + answer;
		}

	}

	@Test
	void shouldLetNoNonAdministratorChangeStateThroughAnyWriteOperationOfTheEngineRestApi() {
		EngineRestDescription description = new EngineRestDescription();
		List<Operation> writes = description.writes();
		LOG.info("Engine REST description: {} operations, {} writes (POST/PUT/DELETE), {} of them reads by POST",
				description.operations().size(), writes.size(), writes.stream().filter(Operation::pureRead).count());
		assertThat(description.operations()).hasSizeGreaterThan(300);

		// given: live instances of every process, at their tasks
		season = new SeasonSteps(engine);
		Live live = setUp();
		for (String role : ROLES) {
			sessions.put(role, new WebappSession(role));
		}
		assertTheClientsWork(live);

		try (StateFingerprint fingerprint = new StateFingerprint(dataSource)) {
			assertStable(fingerprint, live);
			assertOnlyTheChairSigns(fingerprint, live);
			runMatrix(description, writes, live, fingerprint);
		}
	}

	private void runMatrix(EngineRestDescription description, List<Operation> writes, Live live,
			StateFingerprint fingerprint) {

		// when: every write, as every role, by every spelling, through both copies of the API
		List<Violation> violations = new ArrayList<>();
		int calls = 0;
		int refused = 0;
		long started = System.nanoTime();
		String current = fingerprint.current();
		Map<String, String> currentTables = fingerprint.perTable();
		List<Operation> ordered = new ArrayList<>(writes);
		// deletes last: a hole that deletes must not hide the holes after it
		ordered.sort(Comparator.comparing(o -> "DELETE".equals(o.method()) ? 1 : 0));
		for (Operation operation : ordered) {
			for (String role : ROLES) {
				Target target = live.target(role, operation);
				for (String prefix : List.of(BASIC, WEBAPP)) {
					for (String spelling : SPELLINGS) {
					  int variants = description.bodies(operation, target).size();
					  for (int variant = 0; variant < variants; variant++) {
						JsonNode json = description.bodies(operation, target).get(variant);
						String spelled = spelling + (variant == 0 ? "" : ", without top-level variables");
						Reply reply = call(operation, role, prefix, spelling, target, description, json);
						if (TRACE != null && operation.toString().matches(TRACE)) {
							LOG.info("EngineSurfaceIT trace: {} as {} via {} ({}): {} {} <- {}", operation, role, prefix,
									spelled, reply.status(), abbreviate(reply.body()), json);
						}
						calls++;
						if (calls % 500 == 0) {
							LOG.info("EngineSurfaceIT: {} calls, {} violations, {} s", calls, violations.size(),
									Duration.ofNanos(System.nanoTime() - started).toSeconds());
						}
						boolean ok = reply.status() >= 200 && reply.status() < 300;
						if (!ok) {
							refused++;
						}
						String after = fingerprint.current();
						List<String> changed = List.of();
						if (!after.equals(current)) {
							Map<String, String> afterTables = fingerprint.perTable();
							changed = StateFingerprint.changed(currentTables, afterTables);
							restoreTargets(live);
							target = live.target(role, operation);
							current = fingerprint.current();
							currentTables = fingerprint.perTable();
						}
						if (!changed.isEmpty() || (ok && !operation.pureRead())) {
							violations.add(new Violation(operation, role, prefix, spelled, reply.status(), changed,
									abbreviate(reply.body())));
						}
					  }
					}
				}
			}
		}
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

		// then
		String summary = String.format(
				"operations: %d, write operations: %d, calls made: %d, refused: %d, violations: %d (matrix %d s)",
				description.operations().size(), writes.size(), calls, refused, violations.size(), seconds);
		LOG.info("EngineSurfaceIT {}", summary);
		Map<String, List<Violation>> byOperation = violations.stream()
			.collect(Collectors.groupingBy(v -> v.operation().toString(), TreeMap::new, Collectors.toList()));
		StringBuilder report = new StringBuilder(summary).append('\n');
		byOperation.forEach((op, list) -> {
			report.append(op).append(": ").append(list.size()).append(" call(s)\n");
			list.forEach(v -> report.append("    ").append(v).append('\n'));
		});
		if (!violations.isEmpty()) {
			LOG.warn("EngineSurfaceIT violations:\n{}", report);
		}
		assertThat(violations).as(report.toString()).isEmpty();
	}

	// ---------------------------------------------------------------- the calls

	private Reply call(Operation operation, String role, String prefix, String spelling, Target target,
			EngineRestDescription description, JsonNode json) {
		String path = fill(operation, target, spelling);
		URI uri = URI.create("http://localhost:" + port + prefix + path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
		if (operation.contentType() != null && operation.contentType().startsWith("multipart")) {
			String boundary = "thidua" + System.nanoTime();
			StringBuilder multipart = new StringBuilder();
			description.multipart(operation, target).forEach((name, value) -> {
				multipart.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(name)
					.append('"');
				if ("data".equals(name) || name.equals("content")) {
					multipart.append("; filename=\"").append(name.equals("data") && operation.path().startsWith("/deployment")
							? "evil.bpmn" : "data.bin").append("\"\r\nContent-Type: application/octet-stream");
				}
				multipart.append("\r\n\r\n").append(value).append("\r\n");
			});
			multipart.append("--").append(boundary).append("--\r\n");
			request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
			body = HttpRequest.BodyPublishers.ofString(multipart.toString(), StandardCharsets.UTF_8);
		}
		else if (operation.contentType() != null) {
			request.header("Content-Type", "application/json");
			body = HttpRequest.BodyPublishers.ofString(json == null ? "{}" : json.toString(), StandardCharsets.UTF_8);
		}
		request.method(operation.method(), body);
		request.header("Accept", "application/json");
		if (BASIC.equals(prefix)) {
			return send(basicClient, request.header("Authorization", basic(role)));
		}
		return sessions.get(role).send(request);
	}

	/**
	 * The path with its parameters filled, in one of three spellings: plain; a matrix parameter
	 * {@code ;x} on the last segment; one segment percent-encoded. The encoded segment is the first
	 * path parameter's value (its first character as {@code %XX}), which the engine's REST API
	 * decodes and answers as the plain path; a literal segment spelled {@code /t%61sk} is not
	 * matched by its resources (404, seen), so it is the spelling only of operations without a
	 * path parameter.
	 */
	private static String fill(Operation operation, Target target, String spelling) {
		String path = operation.path();
		boolean encodeNext = "encoded".equals(spelling) && !operation.pathParameters().isEmpty();
		for (String name : operation.pathParameters()) {
			String value = URLEncoder.encode(target.path(name), StandardCharsets.UTF_8).replace("+", "%20");
			if (encodeNext && !value.startsWith("%")) {
				value = String.format("%%%02X", (int) value.charAt(0)) + value.substring(1);
				encodeNext = false;
			}
			path = path.replace("{" + name + "}", value);
		}
		return "encoded".equals(spelling) && !operation.pathParameters().isEmpty() ? path : spell(path, spelling);
	}

	/** plain; {@code ;x} on the last segment; the second letter of the first segment percent-encoded. */
	static String spell(String path, String spelling) {
		return switch (spelling) {
			case "plain" -> path;
			case "matrix" -> path + ";x";
			case "encoded" -> {
				char c = path.charAt(2);
				yield path.charAt(0) + String.valueOf(path.charAt(1)) + String.format("%%%02X", (int) c) + path.substring(3);
			}
			default -> throw new IllegalArgumentException(spelling);
		};
	}

	record Reply(int status, String body) {

	}

	private static Reply send(HttpClient client, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = client.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Reply(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new Reply(-1, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String basic(String login) {
		return "Basic " + Base64.getEncoder().encodeToString((login + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private static String abbreviate(String body) {
		String oneLine = body == null ? "" : body.replaceAll("\\s+", " ");
		return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
	}

	/**
	 * A Tasklist session as the browser has it: the login form posted to the admin API's login for
	 * Tasklist, the session cookie, and Camunda's CSRF protection (the {@code XSRF-TOKEN} cookie of
	 * the session, sent back as the {@code X-XSRF-TOKEN} header on every modifying request).
	 */
	final class WebappSession {

		private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		WebappSession(String login) {
			// a first GET gives the session and its CSRF token
			Reply app = EngineSurfaceIT.send(client, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
			assertThat(app.status()).as("anonymous /auth/user").isIn(200, 401, 404);
			Reply login1 = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + login + "&password=demo")));
			assertThat(login1.status()).as("Tasklist login of " + login + ": " + login1.body()).isEqualTo(200);
			// the login opens a new session: its token comes with the next GET
			Reply me = EngineSurfaceIT.send(client, HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
			assertThat(me.body()).as("session of " + login).contains("\"userId\":\"" + login + "\"");
		}

		Reply send(HttpRequest.Builder request) {
			String token = xsrfToken();
			if (token != null) {
				request.header("X-XSRF-TOKEN", token);
			}
			return EngineSurfaceIT.send(client, request);
		}

		private String xsrfToken() {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> "XSRF-TOKEN".equals(c.getName()))
				.map(HttpCookie::getValue)
				.reduce((first, second) -> second)
				.orElse(null);
		}

	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	/** The clients really get through: reads by POST answer 200 as each role, by both copies of the API. */
	private void assertTheClientsWork(Live live) {
		for (String role : ROLES) {
			Reply basicCount = send(basicClient, HttpRequest.newBuilder(uri(BASIC + "/task/count"))
				.header("Authorization", basic(role))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")));
			assertThat(basicCount.status()).as("POST /engine-rest/task/count as " + role).isEqualTo(200);
			assertThat(basicCount.body()).as("tasks of " + role).doesNotContain("\"count\":0");
			Reply webappCount = sessions.get(role)
				.send(HttpRequest.newBuilder(uri(WEBAPP + "/task/count"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{}")));
			assertThat(webappCount.status()).as("POST " + WEBAPP + "/task/count as " + role + ": " + webappCount.body())
				.isEqualTo(200);
			// the spellings reach the same resource: the matrix parameter and the encoded id are decoded away
			String own = live.target(role, null).task;
			for (String variant : List.of("/task/" + own, "/task/" + own + ";x",
					"/task/" + String.format("%%%02X", (int) own.charAt(0)) + own.substring(1))) {
				Reply probe = send(basicClient,
						HttpRequest.newBuilder(uri(BASIC + variant + "/form-variables")).header("Authorization", basic(role)).GET());
				assertThat(probe.status()).as("GET " + variant + "/form-variables as " + role).isEqualTo(200);
			}
			Reply literal = send(basicClient,
					HttpRequest.newBuilder(uri(BASIC + "/t%61sk/" + own)).header("Authorization", basic(role)).GET());
			LOG.info("GET /t%61sk/<own task> as {}: {}", role, literal.status());
		}
	}

	/**
	 * The batch's signing task, offered to the chair's group only: every role sends a complete,
	 * valid signature by both completions, and nothing changes.
	 */
	private void assertOnlyTheChairSigns(StateFingerprint fingerprint, Live live) {
		Map<String, String> before = fingerprint.perTable();
		String nomination = live.signNomination;
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("chosenNominations", Map.of("value", "[\"" + nomination + "\"]", "type", "Json"));
		variables.put("decisionNumber", Map.of("value", "02/QĐ-HLHPN"));
		variables.put("decisionDate", Map.of("value", LocalDate.now().toString()));
		String body;
		try {
			body = JSON.writeValueAsString(Map.of("variables", variables));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		for (String role : ROLES) {
			for (String how : List.of("/submit-form", "/complete")) {
				Reply reply = send(basicClient, HttpRequest.newBuilder(uri(BASIC + "/task/" + live.signTask + how))
					.header("Authorization", basic(role))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
				assertThat(reply.status()).as("the chair's signature by %s%s: %s", role, how, reply.body()).isEqualTo(403);
			}
		}
		assertThat(StateFingerprint.changed(before, fingerprint.perTable())).as("tables a refused signature changed")
			.isEmpty();
	}

	/** Nothing changes by itself, nor by a read. */
	private void assertStable(StateFingerprint fingerprint, Live live) {
		Map<String, String> first = fingerprint.perTable();
		Map<String, String> second = fingerprint.perTable();
		assertThat(StateFingerprint.changed(first, second)).as("tables that change by themselves").isEmpty();
		for (String role : ROLES) {
			send(basicClient, HttpRequest.newBuilder(uri(BASIC + "/task/" + live.target(role, null).task + "/form-variables"))
				.header("Authorization", basic(role))
				.GET());
			sessions.get(role).send(HttpRequest.newBuilder(uri(WEBAPP + "/task?maxResults=15")).GET());
		}
		Map<String, String> third = fingerprint.perTable();
		assertThat(StateFingerprint.changed(second, third)).as("tables that a read changes").isEmpty();
		long startedAt = System.nanoTime();
		fingerprint.total();
		LOG.info("State fingerprint over {} tables takes {} ms", fingerprint.tables().size(),
				Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
	}

	// ---------------------------------------------------------------- the live instances

	/** The ids a role's calls point at. */
	final class Target implements EngineRestDescription.Values {

		final String role;

		final String task;

		final String processInstance;

		final String execution;

		final Live live;

		final Operation operation;

		Target(String role, String task, Live live, Operation operation) {
			this.role = role;
			this.task = task;
			this.live = live;
			this.operation = operation;
			this.processInstance = live.ownInstances.get(role);
			this.execution = live.ownExecutions.get(role);
		}

		private boolean aboutMessages() {
			return operation != null && operation.path().contains("message");
		}

		/** The value of a path parameter. */
		String path(String name) {
			String path = operation.path();
			String resource = path.substring(0, path.indexOf("{" + name + "}"));
			return switch (name) {
				case "varName" -> "boardGroup";
				case "messageName" -> "Message_NominationObjection";
				case "key" -> resource.startsWith("/decision") ? "AwardAuthority" : "CommendationNomination";
				case "tenant-id" -> "bode";
				case "userId" -> role; // adding oneself to a group (or tenant) is the attack
				case "groupId" -> "bode-board";
				case "operationId" -> live.operationLogId;
				case "commentId" -> resource.startsWith("/task") ? live.taskComment : live.instanceComments.get(role);
				case "attachmentId" -> live.attachment;
				case "id" -> pathId(resource);
				default -> throw new IllegalArgumentException("path parameter " + name + " in " + path);
			};
		}

		private String pathId(String resource) {
			String path = operation.path();
			if (resource.startsWith("/task/")) {
				// the caller's own task, except where the caller may legitimately act on it whatever the body
				// (unclaim, comments, attachments): there the task of another person
				boolean foreign = path.endsWith("/unclaim") || path.contains("/comment") || path.contains("/attachment");
				return foreign ? live.foreignTask : task;
			}
			return switch (resource) {
				case "/process-instance/" -> processInstance;
				case "/execution/" -> path.contains("messageSubscriptions") ? live.messageExecution : execution;
				case "/process-definition/" -> live.nominationDefinition;
				case "/decision-definition/" -> live.decisionDefinition;
				case "/deployment/" -> live.deployment;
				case "/job/" -> live.job;
				case "/job-definition/" -> live.jobDefinition;
				case "/batch/", "/history/batch/" -> live.batch;
				case "/incident/" -> live.incident;
				case "/filter/" -> live.sharedFilter;
				case "/user/" -> "head2";
				case "/group/" -> "bode-board";
				case "/tenant/" -> "bode";
				case "/authorization/" -> live.authorization;
				case "/external-task/" -> "no-external-task";
				case "/history/process-instance/" -> live.endedNomination;
				case "/history/variable-instance/" -> live.endedVariable;
				default -> throw new IllegalArgumentException("no id for " + resource + " in " + path);
			};
		}

		@Override
		public String id(String property) {
			return switch (property) {
				case "processInstanceId" -> aboutMessages() ? live.disclosureNomination : processInstance;
				case "processDefinitionId", "sourceProcessDefinitionId", "targetProcessDefinitionId" -> live.nominationDefinition;
				case "processDefinitionKey" -> "CommendationNomination";
				case "decisionDefinitionId" -> live.decisionDefinition;
				case "decisionDefinitionKey" -> "AwardAuthority";
				case "taskId" -> task;
				case "executionId" -> aboutMessages() ? live.messageExecution : execution;
				case "jobId" -> live.job;
				case "jobDefinitionId" -> live.jobDefinition;
				case "batchId" -> live.batch;
				case "deploymentId" -> live.deployment;
				case "historicProcessInstanceId" -> live.endedNomination;
				// in a correlation the business key is a filter: left out, so the message meets its instance
				case "businessKey" -> aboutMessages() ? null : "tan-cong";
				case "id" -> "tancong";
				case "resourceId" -> "*";
				default -> null;
			};
		}

		/**
		 * What a process computes or a later step decides, never what the caller's form lets them
		 * edit: another chapter's board group, a forged tally, a signed decision, another initiator.
		 * Complete enough that an instance started at {@code Task_RecordAward} records an award.
		 */
		@Override
		public ObjectNode variables() {
			ObjectNode variables = JsonNodeFactory.instance.objectNode();
			variables.putObject("boardGroup").put("value", "bode-ch03");
			variables.putObject("votesAgree").put("value", 5);
			variables.putObject("votesDisagree").put("value", 0);
			variables.putObject("votesAbstain").put("value", 0);
			variables.putObject("nomineeName").put("value", "X");
			variables.putObject("initiator").put("value", "head3");
			variables.putObject("decisionNumber").put("value", "99/QĐ-GIẢ");
			variables.putObject("decisionDate").put("value", "2099-01-01");
			variables.putObject("decisionSignedBy").put("value", "chair");
			variables.putObject("awardCode").put("value", "GK_HOI_PHUONG");
			variables.putObject("nomineeType").put("value", "INDIVIDUAL");
			variables.putObject("periodYear").put("value", year);
			variables.putObject("wardCode").put("value", "bode");
			variables.putObject("chapterGroup").put("value", "bode-ch01");
			variables.putObject("chapterName").put("value", "Chi hội Tổ dân phố số 1");
			variables.putObject("councilGroup").put("value", "bode-council");
			variables.putObject("chairGroup").put("value", "bode-chair");
			// the season's computed values: a ballot passed off as a written opinion, another session
			variables.putObject("writtenBy").put("value", "council1");
			variables.putObject("sessionId").put("value", 1);
			variables.putObject("councilApproved").put("value", true);
			return variables;
		}

	}

	/** Ids of the set-up, looked up once. */
	final class Live {

		final Map<String, String> ownTasks = new LinkedHashMap<>();

		final Map<String, String> ownInstances = new LinkedHashMap<>();

		final Map<String, String> ownExecutions = new LinkedHashMap<>();

		final Map<String, String> ownTaskStates = new LinkedHashMap<>();

		String jobState;

		final Map<String, String> instanceComments = new LinkedHashMap<>();

		String foreignTask;

		/** The chair's Task_SignDecisions of the ward's batch: nobody of {@link #ROLES} may complete it. */
		String signTask;

		String signNomination;

		String sharedFilter;

		String taskComment;

		String attachment;

		String disclosureNomination;

		String messageExecution;

		String endedNomination;

		String endedVariable;

		String nominationDefinition;

		String decisionDefinition;

		String deployment;

		String job;

		String jobDefinition;

		String batch;

		String incident;

		String authorization;

		String operationLogId;

		Target target(String role, Operation operation) {
			return new Target(role, ownTasks.get(role), this, operation);
		}

	}

	private Live setUp() {
		Live live = new Live();
		// the other stages of a nomination: at the signature, and ended with an award
		// (one council session counts both; the chair ticks one of the two in the ward's batch and signs)
		season.closeOpenSessions();
		String sign = toCouncil(nextNominee());
		String ended = toCouncil(nextNominee());
		ProcessInstance counting = season.openSession();
		for (String member : COUNCIL) {
			season.vote(counting, member, nomination -> "agree");
		}
		season.sign("01/QĐ-HLHPN", ended);
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ended).count()).isZero();
		assertThat(season.signingTask(sign)).as("the batch's signing task, with the other nomination").isNotNull();
		live.signTask = season.signingTask(sign).getId();
		live.signNomination = sign;

		// the rollout: one programme at the chair's approval, one at the conference, one rolled out to
		// the chapters, whose rollouts and Party cell reports wait at their tasks
		int nextYear = ProgrammeDates.nextYear().year();
		startProgramme(nextYear);
		String conference = startProgramme(nextYear + 1);
		complete(task(conference, "Task_ChairApproveProgramme"), Map.of("programmeDecision", "approve"));
		String rolledOut = startProgramme(nextYear + 2);
		complete(task(rolledOut, "Task_ChairApproveProgramme"), Map.of("programmeDecision", "approve"));
		executeTimer(rolledOut, "BoundaryEvent_ConferenceDeadline");
		complete(task(rolledOut, "Task_ChairConclude"), Map.of("conclusion", "Thống nhất triển khai."));
		String ch01 = chapter(rolledOut, "bode-ch01");
		String ch03 = chapter(rolledOut, "bode-ch03");
		String ch04 = chapter(rolledOut, "bode-ch04");
		String ch05 = chapter(rolledOut, "bode-ch05");
		writeCellReport(cellReport(ch01));
		for (String chapter : List.of(ch03, ch04, ch05)) {
			writeCellReport(cellReport(chapter));
			giveGuidance(cellReport(chapter));
		}
		for (String chapter : List.of(ch04, ch05)) {
			complete(task(chapter, "Task_RegisterWorkItems"), Variables.createVariables()
				.putValueTyped("workItems", SpinValues.jsonValue("""
						[{"name":"Mô hình tiết kiệm vì phụ nữ nghèo","target":"20 hội viên tham gia",
						  "successMeasure":"Quỹ đạt 20 triệu đồng","deadline":"%d-11-30"}]""".formatted(nextYear + 2)).create()));
		}
		complete(task(ch05, "Task_BoardAcknowledgeWorkItems"), Map.of("workItemsDecision", "acknowledge"));
		executeTimer(ch05, "TimerEvent_MidYearDate");
		assertThat(task(ch05, "Task_MidYearReport")).isNotNull();

		// each role's own task, the most tempting one to write through; cell1's is chapter 1's report
		// of the rollout above
		for (String role : List.of("head1", "board1", "council1")) {
			provision(live, role);
		}
		ownTask(live, "cell1", task(cellReport(ch01), "Task_GiveGuidance"));
		provisionDisclosure(live);

		live.endedNomination = ended;
		live.endedVariable = historyService.createHistoricVariableInstanceQuery()
			.processInstanceId(ended)
			.variableName("votesAgree")
			.singleResult()
			.getId();
		live.nominationDefinition = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("CommendationNomination")
			.latestVersion()
			.singleResult()
			.getId();
		live.deployment = repositoryService.getProcessDefinition(live.nominationDefinition).getDeploymentId();
		live.decisionDefinition = repositoryService.createDecisionDefinitionQuery()
			.decisionDefinitionKey("AwardAuthority")
			.latestVersion()
			.singleResult()
			.getId();
		// the ward's shared filter, read by everyone: changing its query would change everyone's list
		live.sharedFilter = filterService.createFilterQuery().filterName("Việc của tôi").singleResult().getId();
		live.incident = runtimeService.createIncident("thidua-test", live.ownExecutions.get("board1"), "kiểm thử").getId();
		Batch batch = historyService.setRemovalTimeToHistoricProcessInstances()
			.absoluteRemovalTime(java.util.Date.from(LocalDate.of(2099, 1, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
			.byIds(ended)
			.executeAsync();
		live.batch = batch.getId();
		live.authorization = authorizationService.createAuthorizationQuery().groupIdIn("bode-ch01").list().get(0).getId();
		live.operationLogId = historyService.createUserOperationLogQuery().list().get(0).getOperationId();
		LOG.info("Live instances: nominations at signature {}, ended {}; programmes {}, {}; own tasks {}", sign, ended,
				conference, rolledOut, live.ownTasks);
		return live;
	}

	/**
	 * A fresh own task for a role (a hole in the engine may have completed, deleted or reassigned
	 * the last one): head1 a nomination returned for revision, board1 one at the board's review,
	 * council1 a ballot (council2's ballot on the same nomination is the task of another person, with
	 * a comment and an attachment), cell1 a Party cell report waiting for guidance.
	 */
	private void provision(Live live, String role) {
		switch (role) {
			case "head1" -> {
				String revise = startNomination(nextNominee());
				submit("board1", task(revise, "Task_BoardReview"),
						Map.of("boardDecision", "return", "boardReason", "Xin bổ sung biên bản họp bình xét."));
				ownTask(live, role, task(revise, "Task_ReviseNomination"));
			}
			case "board1" -> ownTask(live, role, task(startNomination(nextNominee()), "Task_BoardReview"));
			case "council1" -> {
				// a session over a nomination at the council (the ward has one open session at a time)
				season.closeOpenSessions();
				toCouncil(nextNominee());
				String vote = season.openSession().getId();
				ownTask(live, role, ballot(vote, "council1"));
				live.foreignTask = ballot(vote, "council2").getId();
				live.taskComment = taskService.createComment(live.foreignTask, vote, "Ý kiến của thành viên khác").getId();
				live.attachment = taskService
					.createAttachment("text/plain", live.foreignTask, vote, "bien-ban.txt", "Biên bản", "http://example.org/a")
					.getId();
			}
			case "cell1" -> {
				String report = startByForm("head1", "ChapterPartyCellReport",
						Map.of("reportTopic", "Báo cáo chi bộ về chương trình công tác năm"));
				writeCellReport(report);
				ownTask(live, role, task(report, "Task_GiveGuidance"));
			}
			default -> throw new IllegalArgumentException(role);
		}
	}

	private void ownTask(Live live, String role, Task task) {
		assertThat(task).as("own task of " + role).isNotNull();
		live.ownTasks.put(role, task.getId());
		live.ownInstances.put(role, task.getProcessInstanceId());
		live.ownExecutions.put(role, task.getExecutionId());
		live.ownTaskStates.put(role, taskState(task.getId()));
		live.instanceComments.put(role,
				taskService.createComment(null, task.getProcessInstanceId(), "Ghi chú hồ sơ").getId());
	}

	/** Who holds a task and for whom: what a hole may change without touching the task's id. */
	private String taskState(String taskId) {
		Task t = taskService.createTaskQuery().taskId(taskId).singleResult();
		if (t == null) {
			return "gone";
		}
		return t.getAssignee() + "|" + t.getOwner() + "|" + t.getDelegationState() + "|"
				+ taskService.getIdentityLinksForTask(taskId).stream()
					.map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId())
					.sorted()
					.toList();
	}

	/** A nomination in its public disclosure: the objection message and the disclosure timer are live. */
	private void provisionDisclosure(Live live) {
		String disclosure = startNomination(nextNominee());
		submit("board1", task(disclosure, "Task_BoardReview"), Map.of("boardDecision", "approve"));
		live.disclosureNomination = disclosure;
		live.messageExecution = runtimeService.createEventSubscriptionQuery()
			.processInstanceId(disclosure)
			.eventName("Message_NominationObjection")
			.singleResult()
			.getExecutionId();
		Job timer = managementService.createJobQuery()
			.processInstanceId(disclosure)
			.activityId("TimerEvent_DisclosureEnded")
			.singleResult();
		live.job = timer.getId();
		live.jobDefinition = timer.getJobDefinitionId();
		live.jobState = jobState(live.job);
	}

	private String jobState(String jobId) {
		Job job = managementService.createJobQuery().jobId(jobId).singleResult();
		return job == null ? "gone" : job.getRetries() + "|" + job.isSuspended() + "|" + job.getDuedate();
	}

	/**
	 * After a call changed state: the targets it consumed are set up afresh, so the calls after it
	 * still meet live, tempting targets (on a guarded engine this never runs).
	 */
	private void restoreTargets(Live live) {
		for (String role : ROLES) {
			if (!taskState(live.ownTasks.get(role)).equals(live.ownTaskStates.get(role))) {
				LOG.info("EngineSurfaceIT: own task of {} was changed by a hole: a fresh one", role);
				provision(live, role);
			}
		}
		if (taskService.createTaskQuery().taskId(live.foreignTask).count() == 0
				|| !taskService.createTaskQuery().taskId(live.foreignTask).singleResult().getAssignee().equals("council2")) {
			provision(live, "council1");
		}
		if (!jobState(live.job).equals(live.jobState)) {
			provisionDisclosure(live);
		}
	}

	private int nominees;

	private String nextNominee() {
		String[] names = { "Nguyễn Thị An", "Trần Thị Bình", "Lê Thị Cúc", "Phạm Thị Dung", "Hoàng Thị Hoa",
				"Vũ Thị Lan", "Đặng Thị Mai", "Bùi Thị Ngọc", "Đỗ Thị Oanh", "Hồ Thị Phương" };
		int n = nominees++;
		return names[n % names.length] + (n < names.length ? "" : " " + (char) ('A' + n / names.length - 1));
	}

	/** A nomination approved, its disclosure over: it waits for the council. */
	private String toCouncil(String nominee) {
		String pid = startNomination(nominee);
		submit("board1", task(pid, "Task_BoardReview"), Map.of("boardDecision", "approve"));
		executeTimer(pid, "TimerEvent_DisclosureEnded");
		return pid;
	}

	private String startNomination(String nominee) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("nomineeType", "INDIVIDUAL");
		values.put("nomineeName", nominee);
		values.put("periodYear", year);
		values.put("awardCode", "GK_HOI_PHUONG");
		values.put("achievementReport", "Chủ nhiệm mô hình \"Phụ nữ tự tin khởi nghiệp\", giúp 12 hội viên vay vốn.");
		values.put("reviewMeetingDate", LocalDate.now().minusDays(5).toString());
		values.put("reviewMeetingAgreed", true);
		values.put("noDisciplineDeclared", true);
		String pid = startByForm("head1", "CommendationNomination", values);
		// the chapter's dossier: the required documents, then Task_CompleteDossier sends it to the board
		DossierFixtures.attachRequired(context, pid, "head1");
		submit("head1", task(pid, "Task_CompleteDossier"), Map.of());
		return pid;
	}

	private String startProgramme(int programmeYear) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("programmeYear", programmeYear);
		values.put("theme", "Năm chỉnh trang đô thị, chăm lo đời sống người dân");
		values.put("focusPoints", "Thực hiện Nghị quyết Đại hội\nĐổi mới phương thức hoạt động");
		values.put("implementationPlan", "Kế hoạch thực hiện nhiệm vụ công tác năm " + programmeYear);
		values.put("emulationPlan", "Kế hoạch phát động phong trào thi đua năm " + programmeYear);
		values.put("campaigns", "Mừng Đảng – Mừng Xuân " + programmeYear);
		ProgrammeDates dates = ProgrammeDates.of(programmeYear, ProgrammeDates.today());
		values.put("conferenceDeadline", dates.conferenceDeadline().toString());
		values.put("registrationDeadline", dates.registrationDeadline().toString());
		values.put("midYearReportDate", dates.midYearReportDate().toString());
		values.put("yearEndReportDate", dates.yearEndReportDate().toString());
		return startByForm("board1", "PlanRollout", values);
	}

	private String startByForm(String login, String key, Map<String, Object> values) {
		Reply reply = send(basicClient, HttpRequest.newBuilder(uri(BASIC + "/process-definition/key/" + key + "/submit-form"))
			.header("Authorization", basic(login))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form(values), StandardCharsets.UTF_8)));
		assertThat(reply.status()).as("start of " + key + ": " + reply.body()).isEqualTo(200);
		try {
			return JSON.readTree(reply.body()).get("id").asText();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void submit(String login, Task task, Map<String, Object> values) {
		assertThat(task).as("task to submit as " + login).isNotNull();
		Reply reply = send(basicClient, HttpRequest.newBuilder(uri(BASIC + "/task/" + task.getId() + "/submit-form"))
			.header("Authorization", basic(login))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form(values), StandardCharsets.UTF_8)));
		assertThat(reply.status()).as(task.getTaskDefinitionKey() + " by " + login + ": " + reply.body()).isEqualTo(204);
	}

	/** {"variables": {name: {"value": v}}} as Tasklist sends it (numbers typed Long). */
	private static String form(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((k, v) -> variables.put(k,
				v instanceof Integer ? Map.of("value", v, "type", "Long") : Map.of("value", v)));
		try {
			return JSON.writeValueAsString(Map.of("variables", variables));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void complete(Task task, Map<String, Object> variables) {
		assertThat(task).isNotNull();
		taskService.complete(task.getId(), variables);
	}

	private Task task(String processInstance, String taskKey) {
		return taskService.createTaskQuery()
			.processInstanceId(processInstance)
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	/** The member's ballot in a council session. */
	private Task ballot(String session, String member) {
		return taskService.createTaskQuery()
			.processInstanceId(session)
			.taskDefinitionKey("Task_CastBallot")
			.taskAssignee(member)
			.singleResult();
	}

	private void executeTimer(String processInstance, String activityId) {
		Job job = managementService.createJobQuery()
			.processInstanceId(processInstance)
			.activityId(activityId)
			.singleResult();
		assertThat(job).as("timer " + activityId + " of " + processInstance).isNotNull();
		managementService.executeJob(job.getId());
	}

	private String chapter(String plan, String chapterGroup) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("ChapterRollout")
			.rootProcessInstanceId(plan)
			.variableValueEquals("chapterGroup", chapterGroup)
			.singleResult()
			.getId();
	}

	private String cellReport(String chapter) {
		return runtimeService.createProcessInstanceQuery().superProcessInstanceId(chapter).singleResult().getId();
	}

	private void writeCellReport(String report) {
		complete(task(report, "Task_WriteCellReport"),
				Map.of("cellReport", "Chi hội đã phổ biến chương trình.", "guidanceRequest", "Xin ý kiến chỉ đạo."));
	}

	private void giveGuidance(String report) {
		complete(task(report, "Task_GiveGuidance"),
				Map.of("guidanceDecision", "agreed", "guidance", "Đồng ý, chú trọng hội viên trẻ."));
	}

}
