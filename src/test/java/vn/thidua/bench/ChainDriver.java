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
 * head submits the start form, a board member approves, the disclosure timer is executed through
 * the REST API by the administrator (instead of waiting for its due date), the five council members
 * vote, the chair signs (the award is registered by the process). The floor model is driven the
 * same way with empty forms. Every state-changing request is timed per step.
 */
final class ChainDriver {

	static final String ENGINE = "/engine-rest";

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

		for (int m = 0; m < CityGenerator.COUNCIL_SIZE; m++) {
			String member = CityGenerator.council(ward, m);
			String ballot = floor ? firstTask(member, "processInstanceId=" + pid + "&taskDefinitionKey=Task_CouncilVote")
					: singleTask(member, "processInstanceId=" + pid + "&assignee=" + member);
			record(steps, "vote", http.post(member, ENGINE + "/task/" + ballot + "/submit-form",
					form(floor ? Map.of() : Map.of("vote", "agree"))).expect(204));
		}

		String sign = singleTask(chair, "processInstanceId=" + pid);
		record(steps, "sign", http.post(chair, ENGINE + "/task/" + sign + "/submit-form",
				form(floor ? Map.of() : Map.of("decisionNumber", number + "/QĐ-HLHPN", "decisionDate",
						LocalDate.now().toString())))
			.expect(204));
	}

	private String singleTask(String user, String query) {
		JsonNode tasks = http.get(user, ENGINE + "/task?" + query + "&firstResult=0&maxResults=15").expect(200).json();
		if (tasks.size() != 1) {
			throw new IllegalStateException("Expected one task for " + user + " and " + query + ", found " + tasks);
		}
		return tasks.get(0).path("id").asText();
	}

	private String firstTask(String user, String query) {
		JsonNode tasks = http.get(user, ENGINE + "/task?" + query + "&firstResult=0&maxResults=15").expect(200).json();
		if (tasks.isEmpty()) {
			throw new IllegalStateException("No task for " + user + " and " + query);
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
