package vn.thidua.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.thidua.cluster.LocalCluster.Node;

import vn.thidua.dossier.DossierFixtures;

/**
 * Real nomination chains of the demo ward driven through {@code /engine-rest} as the people would
 * from Tasklist: a chapter head submits the start form, {@code board1} approves, the disclosure
 * timer fires by itself (the nodes run with a short {@code THIDUA_DISCLOSURE_PERIOD}), council1
 * opens the ward's session (one at a time: chains running at once share it, see {@link #vote}), the
 * five council members cast their ballots, the chair signs the nomination's decision in the ward's
 * batch and the award is registered. Requests alternate between
 * the nodes. A step answered 503 (database unavailable) is tried again, as a person would; a step
 * whose task is gone was done.
 * <p>
 * {@link #assertEveryChainFinishedOnce} checks, in the database, that each chain ran every timer,
 * job and service step once, was counted once in one session with five ballots, was signed once,
 * was registered once, and that each of its mails was delivered once.
 */
final class NominationChains {

	private static final Logger LOG = LoggerFactory.getLogger(NominationChains.class);

	static final String PROCESS = "CommendationNomination";

	static final String TIMER = "TimerEvent_DisclosureEnded";

	static final List<String> ONCE = List.of("Task_CheckNomination", "Task_DetermineAuthority", "Task_PublishShortlist",
			TIMER, "ReceiveTask_AwaitCouncilSession", "ReceiveTask_AwaitDecision", "Task_RecordAward",
			"EndEvent_AwardGranted");

	/** The nomination's wait for the council's result ({@code Message_CouncilDecided}). */
	static final String AWAIT_COUNCIL = "ReceiveTask_AwaitCouncilSession";

	/** The nomination's wait in the chair's batch ({@code Message_DecisionSigned}). */
	static final String AWAIT_DECISION = "ReceiveTask_AwaitDecision";

	static final String SESSION = "CouncilSession";

	static final String BALLOT_TASK = "Task_CastBallot";

	static final String DECISION = "AwardDecision";

	static final String SIGN_TASK = "Task_SignDecisions";

	static final List<String> COUNCIL = List.of("council1", "council2", "council3", "council4", "council5");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final List<Node> nodes;

	private final String tag;

	private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

	/** @param tag distinguishes the nominees and decision numbers of this run from other runs on the same data */
	NominationChains(List<Node> nodes, String tag) {
		this.nodes = nodes;
		this.tag = tag;
	}

	private Node next() {
		return nodes.get(Math.floorMod(calls.getAndIncrement(), nodes.size()));
	}

	/** Chain {@code n} (from 1) starts at chapter head {@code head((n-1) % 6 + 1)}; returns its instance id. */
	String start(int n) throws Exception {
		String head = "head" + ((n - 1) % 6 + 1);
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("nomineeType", "INDIVIDUAL");
		form.put("nomineeName", "Hội viên " + tag + " số " + n);
		form.put("periodYear", (long) LocalDate.now().getYear());
		form.put("awardCode", "GK_HOI_PHUONG");
		form.put("achievementReport", "Chủ nhiệm mô hình \"Phụ nữ tự tin khởi nghiệp\", giúp 12 hội viên vay vốn.");
		form.put("reviewMeetingDate", LocalDate.now().minusDays(5).toString());
		form.put("reviewMeetingAgreed", true);
		form.put("noDisciplineDeclared", true);
		String body = form(form);
		HttpResponse<String> reply = retry503(() -> post(head,
				"/engine-rest/process-definition/key/" + PROCESS + "/submit-form", body));
		assertThat(reply.statusCode()).as("start %d: %s", n, reply.body()).isEqualTo(200);
		String pid = JSON.readTree(reply.body()).path("id").asText();
		// the chapter's dossier, as the «Hồ sơ» tab sends it, then Task_CompleteDossier
		for (String kind : List.of("BAO_CAO_THANH_TICH", "BIEN_BAN_BINH_XET")) {
			HttpResponse<String> added = retry503(() -> upload(head, pid, kind));
			assertThat(added.statusCode()).as("document %s of %d: %s", kind, n, added.body()).isIn(200, 201);
		}
		complete(head, pid, "Task_CompleteDossier", Map.of());
		return pid;
	}

	private HttpResponse<String> upload(String user, String pid, String kind) {
		String boundary = "chains" + System.nanoTime();
		byte[] pdf = DossierFixtures.pdf(kind);
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind
				+ ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + pdf.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(pdf, 0, body, head.length, pdf.length);
		System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(next().url("/api/nominations/" + pid + "/documents")))
					.header("Authorization", LocalCluster.basic(user))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body))
					.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void approve(String pid) throws Exception {
		complete("board1", pid, "Task_BoardReview", Map.of("boardDecision", "approve"));
	}

	/**
	 * Whether the nomination waits for the council (its disclosure timer fired, it was not counted yet).
	 * A moment, not a fact: another chain's session can take and count the nomination between two
	 * polls, so a driver that waits for it may never see it; wait with {@link #awaitReached} and
	 * {@link #AWAIT_COUNCIL} instead.
	 */
	boolean votingOpen(String pid) throws Exception {
		return waitsFor(pid, "Message_CouncilDecided");
	}

	/**
	 * Whether the nomination entered the step {@code activityId} (the engine's history): once true,
	 * true for good, whatever other chains did meanwhile. {@link #AWAIT_COUNCIL}: it waits for the
	 * council, is on a session's ballots, or was counted already; {@link #AWAIT_DECISION}: it waits in
	 * the chair's batch or was signed already.
	 */
	boolean reached(String pid, String activityId) throws Exception {
		HttpResponse<String> reply = retry503(() -> get("admin", "/engine-rest/history/activity-instance/count"
				+ "?processInstanceId=" + pid + "&activityId=" + activityId));
		assertThat(reply.statusCode()).as("history of %s at %s: %s", pid, activityId, reply.body()).isEqualTo(200);
		return JSON.readTree(reply.body()).path("count").asLong() > 0;
	}

	/**
	 * Waits until the nomination {@link #reached} the step, polling every {@code poll}; when it does
	 * not within {@code within}, fails saying where the nomination is (an application that lost or
	 * stalled it fails the run; only the wait's moment is no longer the driver's to miss).
	 */
	void awaitReached(String pid, String activityId, Duration within, Duration poll) throws Exception {
		try {
			await().atMost(within).pollInterval(poll).until(() -> reached(pid, activityId));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("nomination " + pid + " did not reach " + activityId + " within " + within
					+ "; it is at " + whereIs(pid), ex);
		}
	}

	/** Where the nomination is, for a driver's error: its unfinished steps, or how it ended. */
	String whereIs(String pid) throws Exception {
		HttpResponse<String> open = retry503(() -> get("admin",
				"/engine-rest/history/activity-instance?processInstanceId=" + pid + "&unfinished=true"));
		List<String> steps = new ArrayList<>();
		for (JsonNode step : JSON.readTree(open.body())) {
			steps.add(step.path("activityId").asText());
		}
		if (!steps.isEmpty()) {
			return steps.toString();
		}
		HttpResponse<String> instance = retry503(() -> get("admin", "/engine-rest/history/process-instance/" + pid));
		JsonNode ended = JSON.readTree(instance.body());
		return "no step (" + ended.path("state").asText() + ", ended at " + ended.path("endActivityId").asText() + ")";
	}

	/**
	 * The council counts the nomination: the open session of the ward (or, when none is open, one
	 * council1 opens) gets every member's ballot, «agree» on each row; a session that was opened
	 * before the nomination reached the council is closed that way and the next one opened. Several
	 * chains may call this at once: they share the ward's one open session (a second start is
	 * refused), a ballot another chain submitted first is gone. Returns when the nomination has
	 * received the council's result, at once when another chain's session counted it already; fails
	 * when the nomination has not reached the council yet.
	 */
	void vote(String pid) throws Exception {
		if (!reached(pid, AWAIT_COUNCIL)) {
			throw new AssertionError("nomination " + pid + " has not reached the council; it is at " + whereIs(pid));
		}
		long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
		String last = "";
		while (votingOpen(pid)) {
			assertThat(System.nanoTime()).as("council counts %s; last answer: %s", pid, last).isLessThan(deadline);
			String session = openSession();
			if (session == null) {
				HttpResponse<String> opened = retry503(() -> post("council1",
						"/engine-rest/process-definition/key/" + SESSION + "/submit-form", "{\"variables\":{}}"));
				last = opened.body();
				if (opened.statusCode() == 200) {
					session = JSON.readTree(opened.body()).path("id").asText();
				}
				else {
					// another chain opened the ward's session meanwhile, or the last one is being counted
					assertThat(opened.statusCode()).as("council1 opens a session: %s", opened.body()).isEqualTo(400);
				}
			}
			if (session != null) {
				for (String member : COUNCIL) {
					castBallot(session, member);
				}
			}
			Thread.sleep(300);
		}
	}

	/**
	 * council1 opens a session over every nomination waiting for the council, and the first
	 * {@code ballots} members cast theirs; the session stays open. Returns its process instance id.
	 */
	String openSessionWithBallots(int ballots) throws Exception {
		HttpResponse<String> opened = retry503(() -> post("council1",
				"/engine-rest/process-definition/key/" + SESSION + "/submit-form", "{\"variables\":{}}"));
		assertThat(opened.statusCode()).as("council1 opens a session: %s", opened.body()).isEqualTo(200);
		String session = JSON.readTree(opened.body()).path("id").asText();
		for (String member : COUNCIL.subList(0, ballots)) {
			castBallot(session, member);
		}
		return session;
	}

	/** The ward's open session (its process still running), or null. */
	private String openSession() throws Exception {
		HttpResponse<String> reply = retry503(() -> get("admin", "/engine-rest/process-instance?processDefinitionKey="
				+ SESSION + "&firstResult=0&maxResults=15"));
		assertThat(reply.statusCode()).as("sessions: %s", reply.body()).isEqualTo(200);
		JsonNode open = JSON.readTree(reply.body());
		return open.isEmpty() ? null : open.get(0).path("id").asText();
	}

	/** The member's ballot in the session, «agree» on every row, as Tasklist sends it; none: done already. */
	private void castBallot(String session, String member) throws Exception {
		JsonNode found = tasks(member, "processInstanceId=" + session + "&taskDefinitionKey=" + BALLOT_TASK
				+ "&assignee=" + member);
		if (found.isEmpty()) {
			return;
		}
		String task = found.get(0).path("id").asText();
		HttpResponse<String> sheet = retry503(() -> get(member,
				"/engine-rest/task/" + task + "/localVariables/ballot?deserializeValue=false"));
		if (sheet.statusCode() != 200 && tasks(member, "taskId=" + task).isEmpty()) {
			// cast by another chain between the query and the read: the engine answers 404, 500 or,
			// for a task that no longer exists, 403 (no READ on it)
			return;
		}
		assertThat(sheet.statusCode()).as("%s reads her ballot: %s", member, sheet.body()).isEqualTo(200);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (JsonNode row : JSON.readTree(JSON.readTree(sheet.body()).path("value").asText())) {
			@SuppressWarnings("unchecked")
			Map<String, Object> filled = JSON.convertValue(row, LinkedHashMap.class);
			// Tasklist sends back the visible fields of each row, in the sheet's order
			filled.remove("nomination");
			filled.put("vote", "agree");
			filled.put("voteComment", "Ý kiến của " + member);
			rows.add(filled);
		}
		String body = JSON.writeValueAsString(Map.of("variables",
				Map.of("ballot", Map.of("value", JSON.writeValueAsString(rows), "type", "Json"))));
		HttpResponse<String> reply = retry503(() -> post(member, "/engine-rest/task/" + task + "/submit-form", body));
		if (reply.statusCode() == 204 || tasks(member, "taskId=" + task).isEmpty()) {
			return;
		}
		if (reply.statusCode() == 409) {
			// met another change of the session on the engine's optimistic lock (nothing written; since
			// each ballot moves the session on in its own job this should not happen to ballots): the
			// task stays open and the loop of vote() submits it again, within its deadline
			LOG.warn("{}'s ballot in session {} met another change: {}", member, session, reply.body());
			return;
		}
		assertThat(reply.statusCode()).as("%s casts her ballot in session %s: %s", member, session, reply.body())
			.isEqualTo(204);
	}

	/** Whether the chair's signing task lists the nomination (it waits in the ward's batch). */
	boolean signable(String pid) throws Exception {
		return signingTask(pid) != null;
	}

	private String signingTask(String pid) throws Exception {
		for (JsonNode task : tasks("chair", "processDefinitionKey=" + DECISION + "&taskDefinitionKey=" + SIGN_TASK)) {
			String id = task.path("id").asText();
			HttpResponse<String> candidates = retry503(() -> get("chair",
					"/engine-rest/task/" + id + "/localVariables/decisionCandidates?deserializeValue=false"));
			if (candidates.statusCode() == 200 && candidates.body().contains(pid)) {
				return id;
			}
		}
		return null;
	}

	/**
	 * The chair ticks the nomination alone and signs its decision {@code n-tag/QĐ-HLHPN}; when another
	 * chain signed the batch's task first, she signs on the task that comes back. Returns when the
	 * decision reached the nomination; fails when the nomination has not reached the chair yet.
	 */
	void sign(String pid, int n) throws Exception {
		if (!reached(pid, AWAIT_DECISION)) {
			throw new AssertionError("nomination " + pid + " has not reached the chair; it is at " + whereIs(pid));
		}
		String number = n + "-" + tag + "/QĐ-HLHPN";
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		String last = "";
		while (waitsFor(pid, "Message_DecisionSigned")) {
			assertThat(System.nanoTime()).as("chair signs %s; last answer: %s", pid, last).isLessThan(deadline);
			String task = signingTask(pid);
			if (task != null) {
				Map<String, Object> variables = new LinkedHashMap<>();
				variables.put("chosenNominations", Map.of("value", JSON.writeValueAsString(List.of(pid)), "type", "Json"));
				variables.put("decisionNumber", Map.of("value", number));
				variables.put("decisionDate", Map.of("value", LocalDate.now().toString()));
				String body = JSON.writeValueAsString(Map.of("variables", variables));
				HttpResponse<String> reply = retry503(() -> post("chair", "/engine-rest/task/" + task + "/submit-form", body));
				// 204, or refused because another chain's signature completed the task first (it comes back)
				last = reply.statusCode() + " " + reply.body();
			}
			Thread.sleep(300);
		}
	}

	/** Whether the nomination waits for this message (its receive task's subscription exists). */
	private boolean waitsFor(String pid, String message) throws Exception {
		HttpResponse<String> reply = retry503(() -> get("admin", "/engine-rest/execution?processInstanceId=" + pid
				+ "&messageEventSubscriptionName=" + message + "&firstResult=0&maxResults=15"));
		assertThat(reply.statusCode()).as("executions of %s: %s", pid, reply.body()).isEqualTo(200);
		return !JSON.readTree(reply.body()).isEmpty();
	}

	private void complete(String user, String pid, String taskKey, Map<String, Object> values) throws Exception {
		JsonNode found = tasks(user, "processInstanceId=" + pid + "&taskDefinitionKey=" + taskKey);
		if (found.isEmpty()) {
			return;
		}
		String task = found.get(0).path("id").asText();
		String body = form(values);
		HttpResponse<String> reply = retry503(() -> post(user, "/engine-rest/task/" + task + "/submit-form", body));
		if (reply.statusCode() == 404 || reply.statusCode() == 500 && reply.body().contains("Cannot find task")) {
			return;
		}
		assertThat(reply.statusCode()).as("%s completes %s of %s: %s", user, taskKey, pid, reply.body()).isEqualTo(204);
	}

	private JsonNode tasks(String user, String query) throws Exception {
		HttpResponse<String> reply = retry503(() -> get(user, "/engine-rest/task?" + query + "&firstResult=0&maxResults=15"));
		assertThat(reply.statusCode()).as("task query of %s: %s", user, reply.body()).isEqualTo(200);
		return JSON.readTree(reply.body());
	}

	private HttpResponse<String> get(String user, String path) {
		try {
			return LocalCluster.get(next(), user, path);
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> post(String user, String path, String body) {
		try {
			return LocalCluster.post(next(), user, path, body);
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A person tries again a little later when the application says the database is unavailable. */
	private static HttpResponse<String> retry503(Supplier<HttpResponse<String>> call) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			HttpResponse<String> reply = call.get();
			if (reply.statusCode() != 503 || System.nanoTime() > deadline) {
				return reply;
			}
			Thread.sleep(1000);
		}
	}

	private static String form(Map<String, Object> values) throws IOException {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((k, v) -> variables.put(k, v instanceof Long ? Map.of("value", v, "type", "Long") : Map.of("value", v)));
		return JSON.writeValueAsString(Map.of("variables", variables));
	}

	// --- the checks, in the database ---

	/** The counts {@link #assertEveryChainFinishedOnce} checked, for the log. */
	record Counts(int chains, int finished, int minPerStep, int maxPerStep, int sessions, int batches, int timerJobs,
			int timerJobsOnce, Map<String, Integer> failedAt,
			int failedJobAttempts, int awards, long mailsQueued, long mailsSent, int mailsReceived, int distinctMessageIds,
			int deliveredTwice, long claimedAgain) {

		@Override
		public String toString() {
			return String.format("chains=%d finished=%d; each of %d steps per chain ran min=%d max=%d times;"
					+ " council sessions=%d (5 ballots per chain, counted once), decision batches=%d (one signature per chain);"
					+ " disclosure timer jobs=%d, executed once=%d; failed job attempts=%d %s; awards registered=%d;"
					+ " mails queued=%d sent=%d received=%d distinct Message-IDs=%d;"
					+ " delivered twice with the same Message-ID=%d (rows claimed again after a lost round: %d)", chains,
					finished, ONCE.size(), minPerStep, maxPerStep, sessions, batches, timerJobs, timerJobsOnce, failedJobAttempts, failedAt, awards,
					mailsQueued, mailsSent, mailsReceived, distinctMessageIds, deliveredTwice, claimedAgain);
		}

	}

	/**
	 * @param received the mails the SMTP server received
	 * @param sentSince when not null, only the rows sent since then (UTC) are expected among {@code received}
	 */
	static Counts assertEveryChainFinishedOnce(Connection db, List<String> chains, MimeMessage[] received,
			Instant sentSince) throws SQLException, MessagingException {
		String in = "('" + String.join("','", chains) + "')";
		int finished = (int) scalar(db, "SELECT count(*) FROM act_hi_procinst WHERE id_ IN " + in
				+ " AND end_time_ IS NOT NULL AND end_act_id_ = 'EndEvent_AwardGranted'");
		assertThat(finished).as("chains finished with an award").isEqualTo(chains.size());

		Map<String, Map<String, Integer>> steps = new HashMap<>();
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
				"SELECT proc_inst_id_, act_id_, count(*) FROM act_hi_actinst WHERE proc_inst_id_ IN " + in
						+ " GROUP BY proc_inst_id_, act_id_")) {
			while (rs.next()) {
				steps.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
			}
		}
		int min = Integer.MAX_VALUE;
		int max = 0;
		for (String chain : chains) {
			for (String step : ONCE) {
				int n = steps.getOrDefault(chain, Map.of()).getOrDefault(step, 0);
				assertThat(n).as("%s of chain %s", step, chain).isEqualTo(1);
				min = Math.min(min, n);
				max = Math.max(max, n);
			}
			assertThat(scalar(db, "SELECT count(*) FROM thidua_council_vote WHERE process_instance_id = '" + chain + "'"))
				.as("ballots counted for chain %s", chain).isEqualTo(5);
			assertThat(scalar(db, "SELECT count(*) FROM thidua_council_candidate WHERE process_instance_id = '" + chain
					+ "'")).as("sessions that counted chain %s", chain).isEqualTo(1);
			assertThat(scalar(db, "SELECT count(*) FROM thidua_decision_item WHERE process_instance_id = '" + chain
					+ "' AND document_number IS NOT NULL")).as("signatures of chain %s", chain).isEqualTo(1);
		}
		// the sessions and batches the chains went through: each ended, with every ballot task once
		List<String> helpers = new ArrayList<>(strings(db, "SELECT DISTINCT s.process_instance_id FROM"
				+ " thidua_council_session s JOIN thidua_council_candidate c ON c.session_id = s.id"
				+ " WHERE c.process_instance_id IN " + in));
		int sessions = helpers.size();
		helpers.addAll(strings(db, "SELECT DISTINCT b.process_instance_id FROM thidua_decision_batch b"
				+ " JOIN thidua_decision_item i ON i.batch_id = b.id WHERE i.process_instance_id IN " + in));
		int batches = helpers.size() - sessions;
		String helpersIn = "('" + String.join("','", helpers) + "')";
		assertThat(scalar(db, "SELECT count(*) FROM act_hi_procinst WHERE id_ IN " + helpersIn
				+ " AND end_time_ IS NOT NULL")).as("sessions and batches ended").isEqualTo(helpers.size());
		assertThat(scalar(db, "SELECT count(*) FROM (SELECT proc_inst_id_, assignee_ FROM act_hi_taskinst WHERE"
				+ " proc_inst_id_ IN " + helpersIn + " AND task_def_key_ = '" + BALLOT_TASK
				+ "' GROUP BY proc_inst_id_, assignee_ HAVING count(*) <> 1) d")).as("members with other than one ballot in a session").isZero();
		assertThat(scalar(db, "SELECT count(*) FROM act_hi_actinst WHERE proc_inst_id_ IN " + helpersIn
				+ " AND act_id_ = 'Task_CountBallots'")).as("counts, one per session").isEqualTo(sessions);
		assertThat(scalar(db, "SELECT count(*) FROM act_ru_job WHERE process_instance_id_ IN " + helpersIn))
			.as("jobs left in sessions and batches").isZero();
		assertThat(scalar(db, "SELECT count(*) FROM act_hi_incident WHERE proc_inst_id_ IN " + helpersIn))
			.as("incidents in sessions and batches").isZero();

		Map<String, Integer> timerRuns = new HashMap<>();
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
				"SELECT job_id_, sum(CASE WHEN job_state_ = 2 THEN 1 ELSE 0 END) FROM act_hi_job_log WHERE process_instance_id_ IN "
						+ in + " AND job_def_type_ = 'timer-intermediate-transition' GROUP BY job_id_")) {
			while (rs.next()) {
				timerRuns.put(rs.getString(1), rs.getInt(2));
			}
		}
		assertThat(timerRuns).as("disclosure timer jobs").hasSize(chains.size())
			.allSatisfy((job, n) -> assertThat(n).as("successful runs of timer job %s", job).isEqualTo(1));
		// job log states: 0 created, 1 failed, 2 successful, 3 deleted (e.g. the voting deadline timer)
		int failedAttempts = (int) scalar(db, "SELECT count(*) FROM act_hi_job_log WHERE (process_instance_id_ IN " + in
				+ " OR process_instance_id_ IN " + helpersIn + ") AND job_state_ = 1");
		// where they failed and why (the first words of the exception), for the log
		Map<String, Integer> failedAt = new java.util.TreeMap<>();
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
				"SELECT act_id_, substr(coalesce(job_exception_msg_, ''), 1, 60), count(*) FROM act_hi_job_log WHERE"
						+ " (process_instance_id_ IN " + in + " OR process_instance_id_ IN " + helpersIn
						+ ") AND job_state_ = 1 GROUP BY act_id_, substr(coalesce(job_exception_msg_, ''), 1, 60)")) {
			while (rs.next()) {
				failedAt.put(rs.getString(1) + ": " + rs.getString(2), rs.getInt(3));
			}
		}
		assertThat(scalar(db, "SELECT count(*) FROM act_ru_job WHERE process_instance_id_ IN " + in)).as("jobs left").isZero();
		assertThat(scalar(db, "SELECT count(*) FROM act_hi_incident WHERE proc_inst_id_ IN " + in)).as("incidents").isZero();

		int awards = (int) scalar(db, "SELECT count(*) FROM thidua_award WHERE process_instance_id IN " + in);
		assertThat(awards).as("register rows, one per chain").isEqualTo(chains.size());

		long queued = scalar(db, "SELECT count(*) FROM thidua_notification WHERE process_instance_id IN " + in);
		assertThat(queued).as("mails queued by the chains").isPositive();
		assertThat(scalar(db, "SELECT count(*) FROM thidua_notification WHERE status <> 'SENT'"))
			.as("mails not (yet) sent").isZero();
		long sent = sentSince == null ? scalar(db, "SELECT count(*) FROM thidua_notification WHERE status = 'SENT'")
				: scalar(db, "SELECT count(*) FROM thidua_notification WHERE status = 'SENT' AND sent_at >= '"
						+ LocalDateTime.ofInstant(sentSince, ZoneOffset.UTC) + "'");
		// one mail per approval, recipient and chain: the same step never queued twice
		assertThat(scalar(db, "SELECT count(*) FROM (SELECT process_instance_id, template, recipient_id, task_id"
				+ " FROM thidua_notification WHERE process_instance_id IN " + in
				+ " GROUP BY process_instance_id, template, recipient_id, task_id HAVING count(*) > 1) d"))
			.as("mails queued twice for one step and recipient").isZero();

		Map<String, Integer> copies = new HashMap<>();
		for (MimeMessage message : received) {
			copies.merge(message.getMessageID(), 1, Integer::sum);
		}
		assertThat((long) copies.size()).as("distinct mails received = outbox rows sent (none lost)").isEqualTo(sent);
		// At-least-once, not exactly-once: a mail the SMTP server accepted in the round during which the
		// database went away stays SENDING (its SENT mark was not written); after its lease it goes out
		// again with the same Message-ID, which mail clients show once. Only such rows, claimed a second
		// time, may arrive twice; every other mail arrives once.
		List<String> twice = copies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
		for (String messageId : twice) {
			assertThat(copies.get(messageId)).as("copies of %s", messageId).isEqualTo(2);
			long id = Long.parseLong(messageId.replaceAll("^<thidua-notification-(\\d+)[.@].*$", "$1"));
			assertThat(scalar(db, "SELECT attempts FROM thidua_notification WHERE id = " + id))
				.as("%s arrived twice: only a row claimed again after a lost round may", messageId)
				.isGreaterThanOrEqualTo(2);
		}
		long reclaimed = scalar(db, "SELECT count(*) FROM thidua_notification WHERE attempts >= 2");
		return new Counts(chains.size(), finished, min, max, sessions, batches, timerRuns.size(),
				(int) timerRuns.values().stream().filter(n -> n == 1).count(), failedAt, failedAttempts, awards, queued, sent,
				received.length, copies.size(), twice.size(), reclaimed);
	}

	static long scalar(Connection db, String sql) throws SQLException {
		try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static List<String> strings(Connection db, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

}
