package vn.thidua.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.support.NominationForms.form;
import static vn.thidua.support.NominationForms.nomination;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;


import vn.thidua.dossier.DossierFixtures;
import vn.thidua.support.Http;
import vn.thidua.support.Http.Reply;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.SeasonOverRest;

/**
 * One regression test per hole of issue 13, each tried as the attacker did, through the real REST
 * API on PostgreSQL with the demo logins, and each asserting that nothing changed.
 */
@IntegrationTest
@TestPropertySource(properties = { "thidua.nomination.disclosure-period=PT1S",
		"thidua.security.login-throttle.attempts=5" })
class EngineIntegrityIntegrationTest {

	private static final String ENGINE = "/engine-rest";

	private static final String START = ENGINE + "/process-definition/key/CommendationNomination";

	private static final List<String> COUNCIL = List.of("council1", "council2", "council3", "council4", "council5");

	@LocalServerPort
	int port;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ApplicationContext context;

	private Http http;

	private SeasonOverRest season;

	private final int year = LocalDate.now().getYear();

	@BeforeEach
	void client() {
		http = new Http(port);
		season = new SeasonOverRest(http, engine);
	}

	@Test
	void shouldRefuseStartInstructionsThatSkipToTheRegister() {
		// given
		long before = instances();
		Map<String, Object> body = new LinkedHashMap<>(form(nomination("Lê Thị Bỏ Qua", "GK_HOI_PHUONG")));
		body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RecordAward",
				"variables", Map.of("decisionNumber", Map.of("value", "99/QĐ-HLHPN"), "votesAgree",
						Map.of("value", 5, "type", "Integer")))));

		// when
		Reply reply = http.post("head1", START + "/start", body);
		Reply board = http.post("head1", START + "/start", Map.of("startInstructions",
				List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_BoardReview")), "variables",
				Map.of("boardGroup", Map.of("value", "bode-ch01"))));

		// then
		assertThat(reply.status()).as(reply.body()).isEqualTo(403);
		assertThat(board.status()).as(board.body()).isIn(400, 403);
		assertThat(instances()).isEqualTo(before);
		assertThat(awardRows("Lê Thị Bỏ Qua")).isZero();
	}

	@Test
	void shouldRefuseKeysOffTheFormHoweverThePathIsSpelt() {
		// given
		String pid = start("head1", "Phạm Thị Đường Vòng", "GK_HOI_PHUONG");
		Task review = task(pid, "Task_BoardReview");
		long writes = variableRows(pid);

		// when: stray keys through matrix parameters and encoded segments
		Reply complete = http.post("board1", ENGINE + "/task/" + review.getId() + "/complete;x",
				form(Map.of("boardDecision", "approve", "boardGroup", "bode-ch01")));
		Reply encoded = http.post("board1", ENGINE + "/t%61sk/" + review.getId() + "/submit-form",
				form(Map.of("boardDecision", "approve", "initiator", "head3")));
		Reply variable = http.put("head1", ENGINE + "/task/" + review.getId() + "/variables;x/boardGroup",
				Map.of("value", "bode-ch01"));
		Reply start = http.post("head1", START + "/start;x",
				form(Map.of("initiator", "head3", "nomineeName", "Ai Đó")));
		Reply webapp = http.post("board1",
				"/camunda/api/engine/engine/default/task/" + review.getId() + "/complete;x",
				form(Map.of("boardDecision", "approve", "boardGroup", "bode-ch01")));

		// then
		assertThat(complete.status()).as(complete.body()).isEqualTo(400);
		assertThat(complete.json().path("field").asText()).isEqualTo("boardGroup");
		assertThat(encoded.status()).as(encoded.body()).isIn(400, 404);
		assertThat(variable.status()).as(variable.body()).isEqualTo(403);
		assertThat(start.status()).as(start.body()).isEqualTo(400);
		assertThat(webapp.status()).as(webapp.body()).isIn(401, 403);
		assertThat(task(pid, "Task_BoardReview").getId()).isEqualTo(review.getId());
		assertThat(variableRows(pid)).isEqualTo(writes);
		assertThat(runtimeService.getVariable(pid, "boardGroup")).isEqualTo("bode-board");
	}

	@Test
	void shouldNeverTakeReadOnlyFieldsOrTheTallyFromASubmission() {
		// given
		String pid = start("head1", "Võ Thị Chỉ Đọc", "GK_HOI_PHUONG");
		Task review = task(pid, "Task_BoardReview");

		// when: the board approves with a new achievement report (read-only on its form)
		Reply approved = http.post("board1", ENGINE + "/task/" + review.getId() + "/submit-form",
				form(Map.of("boardDecision", "approve", "achievementReport", "Thành tích do Ban tự viết lại")));
		assertThat(approved.status()).as(approved.body()).isEqualTo(204);
		assertThat(runtimeService.getVariable(pid, "achievementReport")).asString().startsWith("Chủ nhiệm mô hình");

		// the council votes 3–2 in a session; members try to rename the nominee and the award, to pass
		// a ballot off as a written opinion the council's chair entered, to point the ballot at another
		// session or the process at a forged result; one votes by /complete
		season.awaitCouncil(pid);
		season.closeOpenSessions();
		String session = season.openSession();
		List<String> votes = List.of("agree", "agree", "agree", "disagree", "disagree");
		Map<String, Map<String, Object>> forged = new LinkedHashMap<>();
		forged.put("nomineeName", Map.of("value", "Người Khác"));
		forged.put("awardName", Map.of("value", "Bằng khen"));
		forged.put("writtenBy", Map.of("value", "council1"));
		forged.put("sessionId", Map.of("value", 999999, "type", "Long"));
		forged.put("councilApproved", Map.of("value", true, "type", "Boolean"));
		forged.put("votesAgree", Map.of("value", 5, "type", "Long"));
		for (int i = 0; i < COUNCIL.size(); i++) {
			String member = COUNCIL.get(i);
			String mine = votes.get(i);
			Function<String, String> vote = other -> other.equals(pid) ? mine : "agree";
			Task ballot = season.ballot(session, member);
			if (i == 2) {
				for (var key : forged.entrySet()) {
					Reply refused = season.submitBallot(member, ballot, vote, "Tán thành", Map.of(key.getKey(), key.getValue()),
							"/submit-form");
					assertThat(refused.status()).as(key.getKey() + ": " + refused.body()).isEqualTo(400);
					assertThat(refused.body()).as(key.getKey()).contains(key.getKey());
				}
			}
			String how = i == 1 ? "/complete" : "/submit-form";
			Reply cast = season.submitBallot(member, ballot, vote, "Ý kiến của " + member, Map.of(), how);
			assertThat(cast.status()).as(member + how + ": " + cast.body()).isEqualTo(204);
		}
		season.awaitClosed(session);
		assertThat(runtimeService.getVariable(pid, "nomineeName")).isEqualTo("Võ Thị Chỉ Đọc");
		assertThat(jdbc.sql("SELECT count(*) FROM thidua_council_vote WHERE process_instance_id = :pid"
				+ " AND (written OR entered_by IS NOT NULL)").param("pid", pid).query(Long.class).single())
			.as("ballots recorded as written opinions").isZero();

		// the chair signs, claiming a 5–0 vote and another nominee: refused; then with her form's fields
		for (var key : List.of("votesAgree", "nomineeName")) {
			Reply refused = season.sign("chair", "/submit-form", Map.of(key, forged.get(key)), "31/QĐ-HLHPN", pid);
			assertThat(refused.status()).as(key + ": " + refused.body()).isEqualTo(400);
		}
		Reply signed = season.sign("31/QĐ-HLHPN", pid);
		assertThat(signed.status()).as(signed.body()).isEqualTo(204);

		// then: the register holds the reviewed facts and the counted tally
		Map<String, Object> row = await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT nominee_name, votes_agree, votes_disagree FROM thidua_award WHERE "
					+ "process_instance_id = :pid").param("pid", pid).query().listOfRows(), rows -> rows.size() == 1)
			.get(0);
		assertThat(row.get("nominee_name")).isEqualTo("Võ Thị Chỉ Đọc");
		assertThat(((Number) row.get("votes_agree")).intValue()).isEqualTo(3);
		assertThat(((Number) row.get("votes_disagree")).intValue()).isEqualTo(2);
	}

	@Test
	void shouldLetOnlyTheMemberCastHerBallotAndOnlyTheChairSign() {
		// given: a nomination in a council session
		String pid = start("head2", "Lý Thị Phiếu Riêng", "GK_HOI_PHUONG");
		Reply approved = http.post("board1", ENGINE + "/task/" + task(pid, "Task_BoardReview").getId() + "/submit-form",
				form(Map.of("boardDecision", "approve")));
		assertThat(approved.status()).as(approved.body()).isEqualTo(204);
		season.awaitCouncil(pid);
		season.closeOpenSessions();
		String session = season.openSession();
		Task council4 = season.ballot(session, "council4");

		// when: the council's chair, another member, the board and the Union's chair send council4's ballot
		for (String login : List.of("council1", "council2", "board1", "chair")) {
			for (String how : List.of("/submit-form", "/complete")) {
				Reply refused = season.submitBallot(login, council4, other -> "disagree", "Thay phiếu", Map.of(), how);
				// then
				assertThat(refused.status()).as(login + how + ": " + refused.body()).isEqualTo(403);
			}
		}
		assertThat(taskService.createTaskQuery().taskId(council4.getId()).singleResult().getAssignee()).isEqualTo("council4");
		assertThat(jdbc.sql("SELECT count(*) FROM thidua_council_vote WHERE process_instance_id = :pid")
			.param("pid", pid).query(Long.class).single()).as("ballots recorded").isZero();

		// when: the council approves; the council, the board and a chapter head send the chair's signature
		season.everyoneAgrees(session);
		Task sign = season.signingTask(pid);
		for (String login : List.of("council1", "board1", "head2")) {
			for (String how : List.of("/submit-form", "/complete")) {
				Reply refused = season.sign(login, how, Map.of(), "41/QĐ-HLHPN", pid);
				// then
				assertThat(refused.status()).as(login + how + ": " + refused.body()).isEqualTo(403);
			}
		}
		assertThat(taskService.createTaskQuery().taskId(sign.getId()).count()).as("signing task still open").isOne();
		assertThat(jdbc.sql("SELECT count(*) FROM thidua_decision_item WHERE process_instance_id = :pid"
				+ " AND document_number IS NOT NULL").param("pid", pid).query(Long.class).single()).isZero();
		Reply signed = season.sign("41/QĐ-HLHPN", pid);
		assertThat(signed.status()).as(signed.body()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM thidua_award WHERE "
				+ "process_instance_id = :pid").param("pid", pid).query(Long.class).single() == 1);
	}

	@Test
	void shouldTreatInvisibleCharactersAsTheSameName() {
		// given
		start("head5", "Đặng Thị Hoa", "LAO_DONG_TIEN_TIEN");
		long before = instances();

		// when
		Reply nbsp = http.post("head5", START + "/submit-form",
				form(nomination("Đặng\u00a0Thị Hoa", "LAO_DONG_TIEN_TIEN")));
		Reply zeroWidth = http.post("head5", START + "/submit-form",
				form(nomination("Đặng Thị\u200b Hoa\ufeff", "LAO_DONG_TIEN_TIEN")));
		Reply fullWidthCase = http.post("head5", START + "/submit-form",
				form(nomination("ĐẶNG  THỊ\tHOA", "LAO_DONG_TIEN_TIEN")));

		// then
		assertThat(List.of(nbsp.status(), zeroWidth.status(), fullWidthCase.status())).containsOnly(400);
		assertThat(nbsp.body()).contains("một thành tích chỉ khen một lần");
		assertThat(instances()).isEqualTo(before);
	}

	@Test
	void shouldThrottleTheAttackersAddressNotThePerson() throws Exception {
		// given: twelve wrong passwords for head6 from 127.0.0.2
		for (int i = 0; i < 12; i++) {
			assertThat(rawGet("127.0.0.2", "head6", "wrong" + i)).isIn(401, 429);
		}

		// then: head6 from her own address gets in at once; the attacker's address waits, even when right
		assertThat(http.get("head6", ENGINE + "/task/count").status()).isEqualTo(200);
		assertThat(rawGet("127.0.0.1", "head6", "demo")).isEqualTo(200);
		assertThat(rawGet("127.0.0.2", "head6", "demo")).isEqualTo(429);
		assertThat(rawGet("127.0.0.2", "head6", "wrong")).isEqualTo(429);
	}

	@Test
	void shouldKeepChapterWorkInsideItsChapter() {
		// given
		String pid = start("head1", "Bùi Thị Giao Việc", "GK_HOI_PHUONG");
		Task review = task(pid, "Task_BoardReview");
		assertThat(http.post("board1", ENGINE + "/task/" + review.getId() + "/submit-form",
				form(Map.of("boardDecision", "return", "boardReason", "Bổ sung biên bản"))).status()).isEqualTo(204);
		Task revise = await().atMost(Duration.ofSeconds(30))
			.until(() -> task(pid, "Task_ReviseNomination"), t -> t != null);
		assertThat(http.post("head1", ENGINE + "/task/" + revise.getId() + "/claim", Map.of("userId", "head1"))
			.status()).isEqualTo(204);

		// when
		Reply assignee = http.post("head1", ENGINE + "/task/" + revise.getId() + "/assignee", Map.of("userId", "head2"));
		Reply group = http.post("head1", ENGINE + "/task/" + revise.getId() + "/identity-links",
				Map.of("groupId", "bode-ch03", "type", "candidate"));
		Reply due = http.put("head1", ENGINE + "/task/" + revise.getId(),
				Map.of("name", "Việc khác", "due", "2099-01-01T00:00:00.000+0700", "priority", 99));
		Reply claimForOther = http.post("head1", ENGINE + "/task/" + revise.getId() + "/claim",
				Map.of("userId", "head2"));
		Reply delegate = http.post("head1", ENGINE + "/task/" + revise.getId() + "/delegate", Map.of("userId", "head2"));

		// then
		assertThat(List.of(assignee.status(), group.status(), due.status(), claimForOther.status(), delegate.status()))
			.containsOnly(403);
		Task after = taskService.createTaskQuery().taskId(revise.getId()).singleResult();
		assertThat(after.getAssignee()).isEqualTo("head1");
		assertThat(after.getDueDate()).isEqualTo(revise.getDueDate());
		assertThat(after.getPriority()).isEqualTo(revise.getPriority());
		assertThat(taskService.getIdentityLinksForTask(revise.getId()))
			.noneMatch(link -> "bode-ch03".equals(link.getGroupId()));
		assertThat(http.get("head2", ENGINE + "/task/" + revise.getId() + "/variables").status()).isIn(403, 404);
	}

	@Test
	void shouldCloseTheSmallerHoles() {
		// forwarded headers from an untrusted client move nothing
		Reply home = http.send(null, "GET", "/", null, Map.of("X-Forwarded-Host", "evil.example",
				"X-Forwarded-Proto", "https"));
		assertThat(home.location()).doesNotContain("evil.example");

		// deep or oversized JSON: 400 / 413 in Vietnamese
		String deep = "[".repeat(5000) + "]".repeat(5000);
		Reply deepBody = http.post("head1", START + "/submit-form", "{\"variables\":{\"x\":" + deep + "}}");
		assertThat(deepBody.status()).isEqualTo(400);
		assertThat(deepBody.json().path("message").asText()).contains("lồng nhau quá sâu");
		String deepValue = "[".repeat(20) + "]".repeat(20);
		Reply deepVariable = http.post("head1", START + "/submit-form", Map.of("variables",
				Map.of("nomineeName", Map.of("value", deepValue, "type", "Json"))));
		assertThat(deepVariable.status()).as(deepVariable.body()).isEqualTo(400);
		Reply huge = http.post("head1", START + "/submit-form",
				"{\"variables\":{\"achievementReport\":{\"value\":\"" + "a".repeat(2_000_000) + "\"}}}");
		assertThat(huge.status()).isEqualTo(413);
		assertThat(huge.json().path("message").asText()).contains("quá lớn");

		// an anonymous call to the web apps' engine API is refused before any form logic
		Reply anonymous = http.post(null, "/camunda/api/engine/engine/default/task/anything/complete",
				form(Map.of("stray", "x")));
		assertThat(anonymous.status()).isIn(401, 403);
		assertThat(anonymous.body()).doesNotContain("stray");

		// aggregate counts are not for chapter heads
		assertThat(http.get("head1", ENGINE + "/process-definition/statistics").status()).isEqualTo(403);
		assertThat(http.get("admin", ENGINE + "/process-definition/statistics").status()).isEqualTo(200);
	}

	@Test
	void shouldRefuseRevokeAuthorizationsToEveryoneSoTheEngineNeedNotLookForThem() {
		// given: rights are given by grants only, so the engine skips its per-command search for revokes
		assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration()).getAuthorizationCheckRevokes()).isEqualTo("never");
		Map<String, Object> revoke = Map.of("type", 2, "permissions", List.of("READ"), "userId", "head1", "resourceType",
				7, "resourceId", "*");

		// when: the administrator, then a chapter head, try to store a revoke
		Reply byAdmin = http.post("admin", ENGINE + "/authorization/create", revoke);
		Reply byHead = http.post("head1", ENGINE + "/authorization/create", revoke);

		// then: refused with the sentence, nothing stored; a grant is still stored
		assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(403);
		assertThat(byAdmin.json().path("message").asText()).contains("REVOKE");
		assertThat(byHead.status()).isEqualTo(403);
		assertThat(engine.getAuthorizationService()
			.createAuthorizationQuery()
			.authorizationType(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE)
			.count()).isZero();
		Reply grant = http.post("admin", ENGINE + "/authorization/create",
				Map.of("type", 1, "permissions", List.of("READ"), "userId", "head1", "resourceType", 7, "resourceId",
						"revoke-test"));
		assertThat(grant.status()).as(grant.body()).isEqualTo(200);
		engine.getAuthorizationService().deleteAuthorization(grant.json().path("id").asText());
	}

	@Test
	void shouldNeutraliseFormulasInCsvExports() throws Exception {
		// given: an award whose nominee name is a spreadsheet formula
		jdbc.sql("""
				INSERT INTO thidua_award (process_instance_id, ward_code, chapter_group, chapter_name, nominee_type,
				  nominee_name, award_code, award_name, issuer_name, period_year, status, votes_agree,
				  votes_disagree, votes_abstain, recorded_at, nominee_name_folded)
				VALUES ('csv-formula', 'bode', 'bode-ch01', '@Chi hội', 'INDIVIDUAL', '=HYPERLINK("http://x","y")',
				  'GK_HOI_PHUONG', 'Giấy khen', '+Hội', :year, 'RECOMMENDED', 0, 0, 0, now(), '=hyperlink("http://x","y")')""")
			.param("year", year)
			.update();

		// when
		Reply csv = http.get("board1", "/api/awards?format=csv&year=" + year);

		// then
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"").contains("'@Chi hội")
			.doesNotContain(",=HYPERLINK");
	}

	// ---------------------------------------------------------------------------------------------

	private int rawGet(String fromAddress, String user, String password) throws Exception {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(10000);
			String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + ENGINE + "/task/count HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
					+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(status.split(" ")[1]);
		}
	}

	private String start(String user, String nominee, String award) {
		Reply started = http.post(user, START + "/submit-form", form(nomination(nominee, award)));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pid = started.json().path("id").asText();
		// the chapter's dossier: the required documents, then Task_CompleteDossier sends it to the board
		DossierFixtures.attachRequired(context, pid, user);
		Reply sent = http.post(user, ENGINE + "/task/" + task(pid, "Task_CompleteDossier").getId() + "/submit-form",
				form(Map.of()));
		assertThat(sent.status()).as(sent.body()).isEqualTo(204);
		return pid;
	}

	private Task task(String pid, String key) {
		return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
	}

	private long instances() {
		return historyService.createHistoricProcessInstanceQuery().processDefinitionKey("CommendationNomination").count();
	}

	private long awardRows(String nominee) {
		return jdbc.sql("SELECT COUNT(*) FROM thidua_award WHERE nominee_name = :name")
			.param("name", nominee)
			.query(Long.class)
			.single();
	}

	private long variableRows(String pid) {
		return jdbc.sql("SELECT COUNT(*) FROM act_hi_detail WHERE proc_inst_id_ = :pid")
			.param("pid", pid)
			.query(Long.class)
			.single();
	}

}
