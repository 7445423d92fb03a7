package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.thidua.support.NominationForms.form;
import static vn.thidua.support.NominationForms.nomination;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;


import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.dossier.DossierFixtures;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.SeasonOverRest;
import vn.thidua.support.TestSmtp;

/**
 * Issue 19 on PostgreSQL with the job executor on, driven over {@code /engine-rest} with the demo
 * logins as Tasklist would: a {@code BK_HOI_THANH_PHO} nomination of ward Bồ Đề passes the ward's
 * chain (board, disclosure, council session, the chair's request letter); the city's board approves,
 * the city's council votes in its session, the city's chair signs the decision in the city's batch;
 * Bồ Đề's register row shows the outcome without anyone typing it, and the ward is mailed. A Long
 * Biên login sees nothing of it; a city council member cannot read another member's ballot.
 */
@IntegrationTest
@TestPropertySource(properties = { "thidua.nomination.disclosure-period=PT2S",
		"thidua.notification.poll-interval=PT0.5S" })
class CityReviewIntegrationTest {

	static final GreenMail SMTP = TestSmtp.start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestSmtp.use(SMTP, registry);
	}

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final List<String> CITY_COUNCIL = List.of("citycouncil1", "citycouncil2", "citycouncil3",
			"citycouncil4", "citycouncil5");

	@Autowired
	ProcessEngine engine;

	@Autowired
	AwardRegister register;

	@Autowired
	AwardCatalogue catalogue;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	Http http;

	SeasonOverRest season;

	private final int year = LocalDate.now().getYear();

	@BeforeEach
	void init() {
		http = new Http(port);
		season = new SeasonOverRest(http, engine);
		season.closeOpenSessions();
	}

	@Test
	void shouldCarryTheWardsRecommendationThroughTheCityToTheWardsRegister() throws Exception {
		// given: the ward's awards of the two years before, as the city's diploma asks
		String nominee = "Lã Thị Hồng Nhung";
		held(nominee, "GK_HOI_PHUONG", year - 2);
		held(nominee, "LAO_DONG_TIEN_TIEN", year - 1);
		Http.Reply started = http.post("head1", "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				form(nomination(nominee, "BK_HOI_THANH_PHO")));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pid = started.json().get("id").asText();
		DossierFixtures.attachRequired(context, pid, "head1");
		complete("head1", task("head1", pid), Map.of());
		complete("board1", task("board1", pid), Map.of("boardDecision", "approve"));
		season.awaitCouncil(pid);
		season.everyoneAgrees(season.openSession());
		String letter = year + "-" + (System.nanoTime() % 100000) + "/TTr-HLHPN";
		Http.Reply letterSigned = season.sign(letter, pid);
		assertThat(letterSigned.status()).as(letterSigned.body()).isEqualTo(204);

		// then the city's review starts by itself with the ward's request letter
		ProcessInstance review = await().atMost(WAIT)
			.until(() -> engine.getRuntimeService()
				.createProcessInstanceQuery()
				.processDefinitionKey("CityReview")
				.processInstanceBusinessKey(pid)
				.singleResult(), r -> r != null);
		long awardId = rowOf(pid).id();
		assertThat(rowOf(pid).status()).isEqualTo(AwardEntry.RECOMMENDED);

		// Long Biên sees nothing of it: not the register row, not the city's task, not the instance
		for (String login : List.of("lbchair", "lbboard1", "lbcouncil1", "lbhead1")) {
			assertThat(http.get(login, "/api/awards").body()).as(login).doesNotContain(nominee);
			assertThat(http.get(login, "/engine-rest/task?processInstanceId=" + review.getId() + "&firstResult=0&maxResults=100").body()).as(login)
				.isEqualTo("[]");
			assertThat(http.get(login, "/engine-rest/task?processDefinitionKey=CityReview" + "&firstResult=0&maxResults=100").body()).as(login)
				.isEqualTo("[]");
			assertThat(http.get(login, "/engine-rest/process-instance?businessKey=" + pid + "&firstResult=0&maxResults=100").body()).as(login)
				.doesNotContain(review.getId());
			assertThat(http.get(login, "/engine-rest/process-instance/" + review.getId() + "/variables").status())
				.as(login)
				.isIn(403, 404);
			assertThat(http.get(login, "/engine-rest/history/variable-instance?processInstanceId=" + review.getId() + "&firstResult=0&maxResults=100")
				.body()).as(login).doesNotContain(nominee);
		}
		// the city's officials read every ward's recommendations to the city, not the ward's own decisions
		assertThat(http.get("cityboard2", "/api/awards").body()).contains(nominee);
		// the ward may not type in what the city answers
		Http.Reply typed = http.post("chair", "/api/awards/" + awardId + "/outcome",
				Map.of("outcome", "GRANTED", "decisionNumber", "1/QĐ", "decisionDate", LocalDate.now().toString()));
		assertThat(typed.status()).as(typed.body()).isEqualTo(409);

		// when: the city's board approves (its form shows the ward's letter and the nominee)
		Task boardTask = await().atMost(WAIT).until(() -> engine.getTaskService().createTaskQuery()
			.processInstanceId(review.getId()).taskDefinitionKey("Task_BoardReviewRecommendation").singleResult(),
				t -> t != null);
		String boardForm = http.get("cityboard1", "/engine-rest/task/" + boardTask.getId() + "/form-variables").body();
		assertThat(boardForm).contains(nominee, letter, "Hội LHPN phường Bồ Đề");
		assertThat(http.post("board1", "/engine-rest/task/" + boardTask.getId() + "/submit-form",
				form(Map.of("cityBoardDecision", "approve"))).status()).isIn(403, 404);
		// the dossier stays the nomination's: the city's board reads it (the «Hồ sơ» tab finds it by the
		// task's nominationId), adds nothing; Long Biên does not see it
		assertThat(http.get("cityboard1", "/engine-rest/task/" + boardTask.getId() + "/variables/nominationId").body())
			.contains(pid);
		Http.Reply dossier = http.get("cityboard1", "/api/nominations/" + pid + "/dossier");
		assertThat(dossier.status()).as(dossier.body()).isEqualTo(200);
		assertThat(dossier.body()).doesNotContain("\"mayAdd\":true");
		assertThat(http.get("lbboard1", "/api/nominations/" + pid + "/dossier").status()).isEqualTo(404);
		assertThat(http.get("lbboard1", "/api/nominations/" + pid + "/documents").status()).isEqualTo(404);
		complete("cityboard1", boardTask.getId(), Map.of("cityBoardDecision", "approve"));

		// the city's council: its chair opens a session with the recommendation on every ballot
		await().atMost(WAIT).until(() -> engine.getRuntimeService().createExecutionQuery()
			.processInstanceId(review.getId()).activityId("ReceiveTask_AwaitCouncilSession").count() > 0);
		String session = season.openSession("citycouncil1");
		Task ballot1 = season.ballot(session, "citycouncil1");
		Task ballot2 = season.ballot(session, "citycouncil2");
		assertThat(http.get("citycouncil2", "/engine-rest/task/" + ballot2.getId() + "/form-variables?deserializeValues=false")
			.body()).contains(nominee);
		// citycouncil1 (the council's chair) cannot read citycouncil2's ballot, nor the ward's council the city's
		for (String path : List.of("/variables", "/variables/ballot", "/form-variables", "/localVariables")) {
			assertThat(http.get("citycouncil1", "/engine-rest/task/" + ballot2.getId() + path).status()).as(path)
				.isIn(403, 404);
			assertThat(http.get("council1", "/engine-rest/task/" + ballot1.getId() + path).status()).as(path)
				.isIn(403, 404);
		}
		assertThat(http.get("citycouncil1", "/engine-rest/task?processInstanceId=" + session + "&firstResult=0&maxResults=100").body())
			.doesNotContain(ballot2.getId());
		for (int i = 0; i < CITY_COUNCIL.size(); i++) {
			String mine = i == 4 ? "disagree" : "agree";
			Http.Reply voted = season.vote(session, CITY_COUNCIL.get(i), n -> n.equals(pid) ? mine : "agree");
			assertThat(voted.status()).as(CITY_COUNCIL.get(i) + ": " + voted.body()).isEqualTo(204);
			if (i == 1) {
				// citycouncil2 has voted: citycouncil1 still reads no ballot of hers anywhere
				assertThat(http.get("citycouncil1", "/engine-rest/history/variable-instance?variableName=ballot" + "&firstResult=0&maxResults=100").body())
					.isEqualTo("[]");
				assertThat(http.get("citycouncil1", "/engine-rest/history/detail?processInstanceId=" + session + "&firstResult=0&maxResults=100").body())
					.doesNotContain("disagree", "\"agree\"");
			}
		}
		season.awaitClosed(session);
		// the ward's council chair reads the ward's ballots, never the city's
		JsonNode wardView = http.get("council1", "/api/nominations/" + pid + "/votes").json();
		List<String> voters = new ArrayList<>();
		wardView.get("votes").forEach(v -> voters.add(v.get("voter").asText()));
		assertThat(voters).isNotEmpty().noneMatch(v -> v.startsWith("city"));
		// a city member who is not the chair reads the tallies only
		assertThat(http.get("citycouncil2", "/api/nominations/" + pid + "/votes").json().has("votes")).isFalse();

		// the city's chair signs the decision in the city's batch
		String number = year + "-" + (System.nanoTime() % 100000) + "/QĐ-HLHPNTP";
		Http.Reply signed = season.sign("citychair", "/submit-form", Map.of(), number, pid);
		assertThat(signed.status()).as(signed.body()).isEqualTo(204);

		// then: the ward's register row has the city's outcome, nobody typed it; the ward is mailed
		await().atMost(WAIT).until(() -> rowOf(pid).outcome() != null);
		AwardEntry row = rowOf(pid);
		assertThat(row.outcome().outcome()).isEqualTo("GRANTED");
		assertThat(row.outcome().decisionNumber()).isEqualTo(number);
		assertThat(row.outcome().decisionDate()).isEqualTo(LocalDate.now());
		assertThat(row.outcome().recordedBy()).isEqualTo("citychair");
		assertThat(http.get("board1", "/api/awards").body()).contains(number);
		await().atMost(WAIT).untilAsserted(() -> assertThat(bodiesTo("chair@example.org"))
			.anySatisfy(body -> assertThat(body).contains(nominee, number, "được khen thưởng")));
		await().atMost(WAIT).until(() -> engine.getRuntimeService().createProcessInstanceQuery()
			.processInstanceId(review.getId()).count() == 0);
		// and still nothing for Long Biên
		assertThat(http.get("lbchair", "/api/awards").body()).doesNotContain(nominee, number);
	}

	private AwardEntry rowOf(String pid) {
		return register.list(List.of("bode"), List.of(), year, "bode-ch01")
			.stream()
			.filter(a -> pid.equals(a.processInstanceId()))
			.findFirst()
			.orElseThrow();
	}

	private String task(String login, String pid) {
		String[] id = new String[1];
		await().atMost(WAIT).untilAsserted(() -> {
			Http.Reply reply = http.get(login, "/engine-rest/task?processInstanceId=" + pid + "&firstResult=0&maxResults=100");
			assertThat(reply.json().size()).as(login + ": " + reply.status() + " " + reply.body()).isEqualTo(1);
			id[0] = reply.json().get(0).get("id").asText();
		});
		return id[0];
	}

	private void complete(String login, String taskId, Map<String, Object> values) {
		Http.Reply reply = http.post(login, "/engine-rest/task/" + taskId + "/submit-form", form(values));
		assertThat(reply.status()).as(login + ": " + reply.body()).isEqualTo(204);
	}

	private void held(String nominee, String award, int periodYear) {
		register.record(new AwardRegister.NewAward("held-" + java.util.UUID.randomUUID(), "bode", "bode-ch01",
				"Chi hội Tổ dân phố số 1", "INDIVIDUAL", nominee, catalogue.find(award).orElseThrow(), periodYear,
				AwardEntry.DECIDED, "H-" + System.nanoTime(), LocalDate.of(periodYear, 12, 20), "chair", 5, 0, 0));
	}

	private static List<String> bodiesTo(String address) throws Exception {
		return vn.thidua.support.TestSmtp.bodiesTo(SMTP, address);
	}


}
