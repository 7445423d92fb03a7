package vn.thidua.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import vn.thidua.dossier.DossierFixtures;

/**
 * Drives whole nomination chains through /engine-rest as the people would from Tasklist: the chapter
 * head submits the start form and attaches the dossier's two documents, the board approves, the
 * disclosure timer is executed through the REST API by the administrator (instead of waiting for its
 * due date), the ward's council session counts it (shared by the clients running at once, see
 * {@link #council}), the chair signs its decision in the ward's batch (the award is registered by the
 * process). Every state-changing request of a person is timed per step: «start», «document»,
 * «dossier», «board», «timer», «session», «vote», «sign».
 * <p>
 * The floor ({@link #FLOOR_MODELS}, bare BPMN in {@code src/test/resources/bench/}: no listeners,
 * delegates, forms or domain writes) has the same human steps with the same names, driven the same
 * way: the same two PDFs, as engine file variables of the instance (sent by the administrator: the
 * engine guard lets nobody else write a variable outside a form); a council session of five
 * ballot tasks over the nominations waiting when it opens, shared by the clients exactly like ours
 * (one open per ward, the others join it and cast its remaining ballots); the chair's signature on
 * the ward's one open decision.
 * What our engine does inside (counting the ballots, issuing the decision to the nomination), the
 * floor's driver does with one message correlation each (untimed, like ours); its only extra request
 * is the chair's start of each decision (untimed; ours opens the batch in the engine), which can
 * only make the floor slower. So "our cost over the floor" is the cost of what ours adds (forms,
 * validation, listeners, ballots' candidate lists, the count, the register, mails), not of a
 * different shape. Floor forms are empty.
 */
final class ChainDriver {

	static final String ENGINE = "/engine-rest";

	/** The floor's process keys, each deployed from {@code bench/<key>.bpmn}. */
	static final List<String> FLOOR_MODELS = List.of("BenchFloor", "BenchFloorSession", "BenchFloorDecision");

	private static final String FLOOR_COUNCIL_DECIDED = "BenchFloor_CouncilDecided";

	private static final String FLOOR_DECISION_SIGNED = "BenchFloor_DecisionSigned";

	/** Held while a floor client checks for, opens or closes the ward's floor session or decision. */
	private final Object floorLock = new Object();

	/** The ward's open floor session (null when none), only read and written under {@link #floorLock}. */
	private String floorSession;

	/**
	 * The floor nominations the open floor session counts: those waiting when it opened, as ours
	 * counts the nominations waiting when its session opens (later ones wait for the next session).
	 * Under {@link #floorLock}.
	 */
	private List<String> floorSessionCovers = List.of();

	private final BenchHttp http;

	private final String ward;

	private final AtomicInteger nominees;

	ChainDriver(BenchHttp http, String ward, AtomicInteger nominees) {
		this.http = http;
		this.ward = ward;
		this.nominees = nominees;
	}

	/** Result of one round: K clients, each running its chains one after the other. */
	record Round(String model, int clients, int chains, long millis, Map<String, List<Long>> stepNanos) {

		double chainsPerSecond() {
			return chains * 1000.0 / millis;
		}

		List<Long> allSteps() {
			List<Long> all = new ArrayList<>();
			stepNanos.values().forEach(all::addAll);
			return all;
		}

	}

	Round run(boolean floor, int clients, int chainsPerClient) throws Exception {
		Map<String, List<Long>> steps = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				int client = c;
				futures.add(pool.submit(() -> {
					go.await();
					for (int n = 0; n < chainsPerClient; n++) {
						chain(floor, client, steps);
					}
					return null;
				}));
			}
			long start = System.nanoTime();
			go.countDown();
			for (Future<?> f : futures) {
				f.get();
			}
			long millis = (System.nanoTime() - start) / 1_000_000;
			if (floor) {
				assertFloorFinished();
			}
			Map<String, List<Long>> copy = new LinkedHashMap<>();
			steps.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
			return new Round(floor ? "floor" : "thidua", clients, clients * chainsPerClient, millis, copy);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private void chain(boolean floor, int client, Map<String, List<Long>> steps) {
		String head = CityGenerator.head(ward, client % CityGenerator.CHAPTERS_PER_WARD);
		String board = CityGenerator.board(ward, client % 2);
		String chair = CityGenerator.chair(ward);
		String key = floor ? "BenchFloor" : DataLoader.NOMINATION;
		int number = nominees.incrementAndGet();

		BenchHttp.Reply started = http.post(head, ENGINE + "/process-definition/key/" + key + "/submit-form",
				form(floor ? Map.of() : DataLoader.nominationForm("Hội viên " + number)))
			.expect(200);
		record(steps, "start", started);
		String pid = started.json().path("id").asText();
		if (!floor) {
			// the chapter attaches the dossier's required documents and sends it to the board
			for (String kind : DataLoader.NOMINATION_REQUIRED_DOCUMENTS) {
				record(steps, "document", http.upload(head, "/api/nominations/" + pid + "/documents", kind, kind + ".pdf",
						DossierFixtures.pdf(kind)).expect(201));
			}
			String dossier = singleTask(head, "processInstanceId=" + pid);
			record(steps, "dossier", http.post(head, ENGINE + "/task/" + dossier + "/submit-form", form(Map.of()))
				.expect(204));
		}
		else {
			// the same two PDFs as engine file variables of the instance, sent by the administrator: the
			// engine guard lets nobody else write a variable outside a form, and the floor has no forms
			for (String kind : DataLoader.NOMINATION_REQUIRED_DOCUMENTS) {
				record(steps, "document", http.uploadFileVariable("admin",
						ENGINE + "/process-instance/" + pid + "/variables/" + kind + "/data", kind + ".pdf",
						DossierFixtures.pdf(kind)).expect(204));
			}
			String dossier = singleTask(head, "processInstanceId=" + pid);
			record(steps, "dossier", http.post(head, ENGINE + "/task/" + dossier + "/submit-form", form(Map.of()))
				.expect(204));
		}

		String review = singleTask(board, "processInstanceId=" + pid);
		record(steps, "board", http.post(board, ENGINE + "/task/" + review + "/submit-form",
				form(floor ? Map.of() : Map.of("boardDecision", "approve"))).expect(204));

		JsonNode jobs = http.get("admin", ENGINE + "/job?processInstanceId=" + pid + "&timers=true&firstResult=0&maxResults=15")
			.expect(200)
			.json();
		if (jobs.size() != 1) {
			throw new IllegalStateException("Expected the disclosure timer of " + pid + ", found " + jobs);
		}
		record(steps, "timer", http.post("admin", ENGINE + "/job/" + jobs.get(0).path("id").asText() + "/execute", "")
			.expect(204));

		if (floor) {
			floorCouncil(pid, steps);
			floorSign(pid, chair, steps);
			return;
		}
		council(pid, steps);
		sign(pid, number, chair, steps);
	}

	/**
	 * The council counts the nomination. Concurrent clients of the ward share its one open session:
	 * a client whose nomination waits for the council casts the open session's remaining ballots
	 * (agree on every row; a ballot another client cast first is gone), or, when none is open, the
	 * council's chair opens one over every nomination waiting (a second start meanwhile is refused
	 * and the client goes on with the session that won). Only requests that changed something are
	 * timed: «session» (the start), «vote» (a ballot).
	 */
	private void council(String pid, Map<String, List<Long>> steps) {
		String opener = CityGenerator.council(ward, 0);
		long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
		while (waitsFor(pid, "Message_CouncilDecided")) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The council did not count " + pid);
			}
			JsonNode open = http.get("admin", ENGINE + "/process-instance?processDefinitionKey=CouncilSession"
					+ "&variables=wardCode_eq_" + ward + "&firstResult=0&maxResults=15").expect(200).json();
			String session;
			if (open.isEmpty()) {
				BenchHttp.Reply opened = http.post(opener, ENGINE + "/process-definition/key/CouncilSession/submit-form",
						form(Map.of())).expect(200, 400);
				if (opened.status() != 200) {
					pause();
					continue;
				}
				record(steps, "session", opened);
				session = opened.json().path("id").asText();
			}
			else {
				session = open.get(0).path("id").asText();
			}
			for (int m = 0; m < CityGenerator.COUNCIL_SIZE; m++) {
				castBallot(session, CityGenerator.council(ward, m), steps);
			}
			pause();
		}
	}

	private void castBallot(String session, String member, Map<String, List<Long>> steps) {
		JsonNode tasks = http.get(member, ENGINE + "/task?processInstanceId=" + session
				+ "&taskDefinitionKey=Task_CastBallot&assignee=" + member + "&firstResult=0&maxResults=15").expect(200).json();
		if (tasks.isEmpty()) {
			return;
		}
		String task = tasks.get(0).path("id").asText();
		// cast by another client between the query and the read: 404, 500, or 403 for a task gone
		BenchHttp.Reply sheet = http.get(member, ENGINE + "/task/" + task + "/localVariables/ballot?deserializeValue=false")
			.expect(200, 403, 404, 500);
		if (sheet.status() != 200) {
			if (!http.get(member, ENGINE + "/task?taskId=" + task + "&firstResult=0&maxResults=1").expect(200).json()
				.isEmpty()) {
				throw new IllegalStateException(member + " could not read her ballot in " + session + ": " + sheet.body());
			}
			return;
		}
		List<Map<String, Object>> rows = new ArrayList<>();
		for (JsonNode row : readTree(sheet.json().path("value").asText())) {
			Map<String, Object> filled = new LinkedHashMap<>();
			// Tasklist sends back the visible fields of each row, in the sheet's order
			filled.put("candidate", row.path("candidate").asText());
			filled.put("vote", "agree");
			filled.put("voteComment", null);
			rows.add(filled);
		}
		BenchHttp.Reply cast = http.post(member, ENGINE + "/task/" + task + "/submit-form",
				Map.of("variables", Map.of("ballot", Map.of("value", writeJson(rows), "type", "Json"))))
			// another client cast this member's ballot meanwhile: the task is gone (404, 500), or its
			// authorization went first (403), or the engine refused the second count (400), or both
			// completions ran at once and the engine's optimistic lock refused this one (409)
			.expect(204, 400, 403, 404, 409, 500);
		if (cast.status() == 204) {
			record(steps, "vote", cast);
		}
		else if (!http.get(member, ENGINE + "/task?taskId=" + task + "&firstResult=0&maxResults=1").expect(200).json()
			.isEmpty()) {
			throw new IllegalStateException(member + " could not cast her ballot in " + session + ": " + cast.body());
		}
	}

	/**
	 * The chair ticks the nomination alone in the ward's batch and signs its decision; when another
	 * client's signature completed the batch's task first, she signs on the task that comes back.
	 * Returns when the nomination has ended (its award recorded).
	 */
	private void sign(String pid, int number, String chair, Map<String, List<Long>> steps) {
		long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
		String last = "";
		// until the nomination ends: right after the count it has not reached the batch yet
		while (running(pid)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The chair could not sign " + pid + ": " + last);
			}
			for (JsonNode task : http.get(chair, ENGINE + "/task?processDefinitionKey=AwardDecision"
					+ "&taskDefinitionKey=Task_SignDecisions&firstResult=0&maxResults=15").expect(200).json()) {
				String id = task.path("id").asText();
				BenchHttp.Reply candidates = http.get(chair, ENGINE + "/task/" + id
						+ "/localVariables/decisionCandidates?deserializeValue=false").expect(200, 403, 404, 500);
				if (candidates.status() != 200 || !candidates.body().contains(pid)) {
					continue;
				}
				Map<String, Object> variables = new LinkedHashMap<>();
				variables.put("chosenNominations", Map.of("value", writeJson(List.of(pid)), "type", "Json"));
				variables.put("decisionNumber", Map.of("value", number + "/QĐ-HLHPN"));
				variables.put("decisionDate", Map.of("value", LocalDate.now().toString()));
				BenchHttp.Reply signed = http.post(chair, ENGINE + "/task/" + id + "/submit-form",
						Map.of("variables", variables)).expect(204, 400, 403, 404, 409, 500);
				last = signed.status() + " " + signed.body();
				if (signed.status() == 204) {
					record(steps, "sign", signed);
				}
				break;
			}
			pause();
		}
	}

	/**
	 * {@link #council} on the floor: while the nomination waits for the council, the client takes the
	 * ward's open floor session or, when none is open, council member 0 opens one (under
	 * {@link #floorLock}: a second opener waits and joins, as ours refuses a second session), casts its
	 * remaining ballots, and the client that finds the session ended correlates the council's decision
	 * to each floor nomination waiting when the session opened (one request each; ours counts in the
	 * engine the nominations its session opened over). Timed as ours:
	 * «session» (the start), «vote» (a ballot).
	 */
	private void floorCouncil(String pid, Map<String, List<Long>> steps) {
		String opener = CityGenerator.council(ward, 0);
		long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
		while (waitsFor(pid, FLOOR_COUNCIL_DECIDED)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The floor council did not count " + pid);
			}
			String session;
			synchronized (floorLock) {
				closeFloorSession();
				if (!waitsFor(pid, FLOOR_COUNCIL_DECIDED)) {
					break;
				}
				if (floorSession == null) {
					BenchHttp.Reply opened = http.post(opener,
							ENGINE + "/process-definition/key/BenchFloorSession/submit-form", form(Map.of()))
						.expect(200);
					record(steps, "session", opened);
					floorSession = opened.json().path("id").asText();
					floorSessionCovers = floorWaitingForCouncil();
				}
				session = floorSession;
			}
			for (int m = 0; m < CityGenerator.COUNCIL_SIZE; m++) {
				castFloorBallot(session, CityGenerator.council(ward, m), steps);
			}
			synchronized (floorLock) {
				closeFloorSession();
			}
			pause();
		}
	}

	/** Under {@link #floorLock}: once the open floor session has ended, the council's decision goes out. */
	private void closeFloorSession() {
		if (floorSession == null || running(floorSession)) {
			return;
		}
		for (String covered : floorSessionCovers) {
			http.post("admin", ENGINE + "/message", Map.of("messageName", FLOOR_COUNCIL_DECIDED, "processInstanceId",
					covered)).expect(200, 204);
		}
		floorSession = null;
		floorSessionCovers = List.of();
	}

	/** The floor nominations waiting for the council now. */
	private List<String> floorWaitingForCouncil() {
		List<String> waiting = new ArrayList<>();
		for (JsonNode execution : http.get("admin", ENGINE + "/execution?processDefinitionKey=BenchFloor"
				+ "&messageEventSubscriptionName=" + FLOOR_COUNCIL_DECIDED + "&firstResult=0&maxResults=500").expect(200).json()) {
			waiting.add(execution.path("processInstanceId").asText());
		}
		return waiting;
	}

	private void castFloorBallot(String session, String member, Map<String, List<Long>> steps) {
		JsonNode tasks = http.get(member, ENGINE + "/task?processInstanceId=" + session
				+ "&taskDefinitionKey=Task_CastBallot&assignee=" + member + "&firstResult=0&maxResults=15").expect(200).json();
		if (tasks.isEmpty()) {
			return;
		}
		String task = tasks.get(0).path("id").asText();
		BenchHttp.Reply cast = http.post(member, ENGINE + "/task/" + task + "/submit-form", form(Map.of()))
			// another client cast this member's ballot meanwhile: the task is gone (404, 500), its
			// authorization went first (403), or both completions ran at once and this one lost (409)
			.expect(204, 400, 403, 404, 409, 500);
		if (cast.status() == 204) {
			record(steps, "vote", cast);
		}
		else if (!http.get(member, ENGINE + "/task?taskId=" + task + "&firstResult=0&maxResults=1").expect(200).json()
			.isEmpty()) {
			throw new IllegalStateException(member + " could not cast her floor ballot in " + session + ": " + cast.body());
		}
	}

	/**
	 * {@link #sign} on the floor: the chair signs the ward's open floor decision (opening one, under
	 * {@link #floorLock}, when none is open: one at a time, as ours has one batch task), then the
	 * decision goes to the nomination she ticked (one correlation; ours issues it in the engine). A
	 * signature another client made first on that task is retried on the next. Returns when the
	 * nomination has ended.
	 */
	private void floorSign(String pid, String chair, Map<String, List<Long>> steps) {
		long deadline = System.nanoTime() + java.time.Duration.ofMinutes(5).toNanos();
		String last = "";
		while (running(pid)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The chair could not sign floor " + pid + ": " + last);
			}
			String query = ENGINE + "/task?processDefinitionKey=BenchFloorDecision&taskDefinitionKey=Task_SignDecisions"
					+ "&firstResult=0&maxResults=15";
			JsonNode open;
			synchronized (floorLock) {
				open = http.get(chair, query).expect(200).json();
				if (open.isEmpty() && waitsFor(pid, FLOOR_DECISION_SIGNED)) {
					http.post(chair, ENGINE + "/process-definition/key/BenchFloorDecision/submit-form", form(Map.of()))
						.expect(200);
					open = http.get(chair, query).expect(200).json();
				}
			}
			if (!open.isEmpty()) {
				String id = open.get(0).path("id").asText();
				BenchHttp.Reply signed = http.post(chair, ENGINE + "/task/" + id + "/submit-form", form(Map.of()))
					.expect(204, 400, 403, 404, 409, 500);
				last = signed.status() + " " + signed.body();
				if (signed.status() == 204) {
					record(steps, "sign", signed);
					http.post("admin", ENGINE + "/message",
							Map.of("messageName", FLOOR_DECISION_SIGNED, "processInstanceId", pid)).expect(200, 204);
				}
			}
			pause();
		}
	}

	/** After a floor round: every floor instance (nomination, session, decision) has ended. */
	private void assertFloorFinished() {
		for (String key : FLOOR_MODELS) {
			JsonNode left = http.get("admin", ENGINE + "/process-instance?processDefinitionKey=" + key
					+ "&firstResult=0&maxResults=15").expect(200).json();
			if (!left.isEmpty()) {
				throw new IllegalStateException(left.size() + " " + key + " instance(s) still running after a floor round: "
						+ left);
			}
		}
	}

	private boolean running(String pid) {
		return !http.get("admin", ENGINE + "/process-instance?processInstanceIds=" + pid + "&firstResult=0&maxResults=1")
			.expect(200).json().isEmpty();
	}

	/** Whether the nomination waits for this message at its receive task. */
	private boolean waitsFor(String pid, String message) {
		return !http.get("admin", ENGINE + "/execution?processInstanceId=" + pid + "&messageEventSubscriptionName="
				+ message + "&firstResult=0&maxResults=1").expect(200).json().isEmpty();
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

	private static JsonNode readTree(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String writeJson(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String singleTask(String user, String query) {
		JsonNode tasks = http.get(user, ENGINE + "/task?" + query + "&firstResult=0&maxResults=15").expect(200).json();
		if (tasks.size() != 1) {
			throw new IllegalStateException("Expected one task for " + user + " and " + query + ", found " + tasks);
		}
		return tasks.get(0).path("id").asText();
	}

	private static void record(Map<String, List<Long>> steps, String step, BenchHttp.Reply reply) {
		steps.computeIfAbsent(step, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(reply.nanos());
	}

	/** {"variables": {name: {"value": v}}} as Tasklist sends a Camunda Form. */
	static Map<String, Object> form(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((k, v) -> variables.put(k, v instanceof Long ? Map.of("value", v, "type", "Long")
				: Map.of("value", v)));
		return Map.of("variables", variables);
	}

}
