package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.support.NominationForms.form;
import static vn.thidua.support.NominationForms.nomination;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.icegreen.greenmail.util.GreenMail;

import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import vn.thidua.support.Http;
import vn.thidua.support.SeasonOverRest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.thidua.dossier.DossierFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardRegister;
import vn.thidua.notification.Notifier;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestSmtp;

/**
 * A whole nomination chain through {@code /engine-rest} with the demo logins, the way Tasklist
 * calls it (deployed forms, submit-form, form-variables), on PostgreSQL with the job executor on;
 * then the award in {@code /api/awards}. Also: a head of another chapter sees nothing, a council
 * member cannot read another's ballot through any REST endpoint, and bad nominations are refused
 * with nothing created.
 */
@IntegrationTest
@TestPropertySource(properties = { "thidua.nomination.disclosure-period=PT2S",
		"thidua.notification.poll-interval=PT0.5S" })
class NominationIntegrationTest {

	static final GreenMail SMTP = TestSmtp.start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestSmtp.use(SMTP, registry);
	}

	private static final String ENGINE = "/engine-rest";

	private static final List<String> COUNCIL = List.of("council1", "council2", "council3", "council4", "council5");

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate rest;

	@Autowired
	AwardRegister register;

	@Autowired
	AwardCatalogue catalogue;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProcessEngine engine;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	SeasonOverRest season;

	@org.junit.jupiter.api.BeforeEach
	void season() {
		season = new SeasonOverRest(new Http(port), engine);
	}

	private final int year = LocalDate.now().getYear();

	@Test
	void shouldDriveNominationToAwardAsTasklistWould() throws Exception {
		// given: head1 starts the nomination from Tasklist's start form
		ResponseEntity<Map<String, Object>> started = post("head1",
				ENGINE + "/process-definition/key/CommendationNomination/submit-form",
				form(nomination("Nguyễn Thị Thanh Tâm", "GK_HOI_PHUONG")), MAP);
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String pid = (String) started.getBody().get("id");

		// head2 (another chapter) neither sees nor acts on it
		assertThat(listOrForbidden("head2", ENGINE + "/task?processInstanceId=" + pid)).isEmpty();
		assertThat(get("head2", ENGINE + "/process-instance/" + pid + "/variables", String.class).getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		assertThat(listOrForbidden("head2", ENGINE + "/history/variable-instance?processInstanceId=" + pid)).isEmpty();

		// head1 completes the dossier: refused while a required kind is missing, then sent to the board
		Map<String, Object> dossierTask = singleTask("head1", "processInstanceId=" + pid);
		assertThat(dossierTask.get("taskDefinitionKey")).isEqualTo("Task_CompleteDossier");
		ResponseEntity<String> incomplete = submit("head1", dossierTask, Map.of());
		assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(incomplete.getBody()).contains("«Báo cáo thành tích (Mẫu 05)»", "«Biên bản họp bình xét của chi hội»");
		assertThat(upload("head1", pid, "BAO_CAO_THANH_TICH", "Báo cáo thành tích.pdf").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(submit("head1", dossierTask, Map.of()).getBody()).contains("«Biên bản họp bình xét của chi hội»")
			.doesNotContain("«Báo cáo thành tích (Mẫu 05)»");
		assertThat(upload("head2", pid, "BIEN_BAN_BINH_XET", "Biên bản.pdf").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(upload("head1", pid, "BIEN_BAN_BINH_XET", "Biên bản bình xét.pdf").getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		assertThat(submit("head1", dossierTask, Map.of()).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		// the board's task mail opens the task on its «Hồ sơ» tab
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(bodiesTo("board1@example.org"))
			.anySatisfy(body -> assertThat(body).contains("thidua-dossier")));

		// when: the board approves
		Map<String, Object> review = singleTask("board1", "processInstanceId=" + pid);
		assertThat(review.get("taskDefinitionKey")).isEqualTo("Task_BoardReview");
		assertThat(post("head2", ENGINE + "/task/" + review.get("id") + "/submit-form",
				form(Map.of("boardDecision", "approve")), String.class).getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		Map<String, Object> reviewForm = get("board1", ENGINE + "/task/" + review.get("id") + "/form-variables", MAP)
			.getBody();
		assertThat(value(reviewForm, "nomineeName")).isEqualTo("Nguyễn Thị Thanh Tâm");
		assertThat(value(reviewForm, "chapterName")).isEqualTo("Chi hội Tổ dân phố số 1");
		assertThat(submit("board1", review, Map.of("boardDecision", "approve")).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);

		// the disclosure period (2 s in this test) ends; the council's chair opens a session and each
		// member gets one ballot listing every candidate, this one among them
		season.awaitCouncil(pid);
		String session = season.openSession();
		Task ballot1 = season.ballot(session, "council1");
		assertThat(get("council2", ENGINE + "/task?processInstanceId=" + session, LIST).getBody())
			.extracting(t -> t.get("assignee"))
			.containsOnly("council2");
		// council1 tries to save a draft ballot on the task (Tasklist's "save"); the validation filter
		// refuses writes outside a completion (403), and where it is absent council2 still cannot read it
		assertThat(exchange("council1", HttpMethod.POST, ENGINE + "/task/" + ballot1.getId() + "/variables",
				Map.of("modifications", Map.of("ballot", Map.of("value", "[]", "type", "Json"))), String.class)
			.getStatusCode()).isIn(HttpStatus.NO_CONTENT, HttpStatus.FORBIDDEN);
		for (String path : List.of("/variables", "/variables/ballot", "/form-variables", "/localVariables")) {
			assertThat(get("council2", ENGINE + "/task/" + ballot1.getId() + path, String.class).getStatusCode())
				.as(path)
				.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		}
		assertThat(get("council2", ENGINE + "/process-instance/" + session + "/variables", String.class)
			.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		// a ballot that leaves a candidate without a choice is refused, naming the candidate
		ResponseEntity<String> incompleteBallot = exchange("council3", HttpMethod.POST,
				ENGINE + "/task/" + season.ballot(session, "council3").getId() + "/submit-form",
				Map.of("variables", Map.of("ballot", Map.of("value", "[]", "type", "Json"))), String.class);
		assertThat(incompleteBallot.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		List<String> votes = List.of("disagree", "agree", "agree", "agree", "agree");
		for (int i = 0; i < COUNCIL.size(); i++) {
			String member = COUNCIL.get(i);
			Task ballot = season.ballot(session, member);
			String sheet = get(member, ENGINE + "/task/" + ballot.getId() + "/form-variables?deserializeValues=false", String.class)
				.getBody();
			assertThat(sheet).contains("Nguyễn Thị Thanh Tâm", "Giấy khen của Chủ tịch Hội LHPN phường");
			String mine = votes.get(i);
			var reply = season.vote(session, member, n -> n.equals(pid) ? mine : "agree", "Ý kiến " + member);
			assertThat(reply.status()).as(reply.body()).isEqualTo(204);
			if (i == 0) {
				assertNoBallotVisible("council2", pid);
				assertNoBallotVisible("council2", session);
			}
		}
		season.awaitClosed(session);

		// then: the chair signs one decision for it
		Task sign = season.signingTask(pid);
		Map<String, Object> signForm = get("chair", ENGINE + "/task/" + sign.getId() + "/form-variables?deserializeValues=false", MAP)
			.getBody();
		assertThat(signForm.toString()).contains("Nguyễn Thị Thanh Tâm", "4/5");
		var signed = season.sign("15/QĐ-HLHPN", pid);
		assertThat(signed.status()).as(signed.body()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> register.list(List.of("bode"), List.of(), year, null)
				.stream()
				.anyMatch(a -> pid.equals(a.processInstanceId())));
		assertNoBallotVisible("council2", pid);
		assertNoBallotVisible("admin", session);
		assertNoBallotVisible("admin", pid);
		// the administrator does read the rest of the history: the queries above were not empty by accident
		assertThat(listOrForbidden("admin", ENGINE + "/history/variable-instance?processInstanceId=" + pid))
			.extracting(v -> v.get("name"))
			.contains("nomineeName", "votesAgree");
		assertThat(listOrForbidden("admin", ENGINE + "/history/detail?processInstanceId=" + pid)).isNotEmpty();

		// outcome mails, where the notification module is present (Notifier bean)
		if (context.getBeanNamesForType(Notifier.class).length > 0) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				assertThat(mailsTo("head1@example.org")).anySatisfy(subject -> assertThat(subject)
					.startsWith("[Thi đua] Quyết định khen thưởng số 15/QĐ-HLHPN"));
				assertThat(mailsTo("head1@example.org")).anySatisfy(subject -> assertThat(subject)
					.startsWith("[Thi đua] Công khai đề nghị khen thưởng: Nguyễn Thị Thanh Tâm"));
				// the rest of the ward learns of it in the daily digest (DisclosureDigestIntegrationTest)
				assertThat(mailsTo("head3@example.org")).noneSatisfy(subject -> assertThat(subject)
					.startsWith("[Thi đua] Công khai đề nghị khen thưởng: Nguyễn Thị Thanh Tâm"));
			});
		}

		// the tally is for everyone on the council, the ballots for the council chair only
		Map<String, Object> tally = get("council2", "/api/nominations/" + pid + "/votes", MAP).getBody();
		assertThat(tally).containsKey("tallies").doesNotContainKey("votes");
		assertThat((List<?>) tally.get("tallies")).hasSize(1);
		Map<String, Object> chairView = get("council1", "/api/nominations/" + pid + "/votes", MAP).getBody();
		assertThat((List<?>) chairView.get("votes")).hasSize(5);
		assertThat(get("head3", "/api/nominations/" + pid + "/votes", String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		// the award is in the register, as JSON and as CSV
		List<Map<String, Object>> awards = get("board1", "/api/awards?year=" + year, LIST).getBody();
		assertThat(awards).anySatisfy(a -> {
			assertThat(a.get("nomineeName")).isEqualTo("Nguyễn Thị Thanh Tâm");
			assertThat(a.get("decisionNumber")).isEqualTo("15/QĐ-HLHPN");
			assertThat(a.get("status")).isEqualTo("DECIDED");
			assertThat(a.get("chapterGroup")).isEqualTo("bode-ch01");
			assertThat(a.get("processInstanceId")).isEqualTo(pid);
		});
		assertThat(get("head1", "/api/awards?year=" + year, LIST).getBody())
			.anySatisfy(a -> assertThat(a.get("processInstanceId")).isEqualTo(pid));
		assertThat(get("head2", "/api/awards?year=" + year, LIST).getBody())
			.noneSatisfy(a -> assertThat(a.get("processInstanceId")).isEqualTo(pid));

		HttpHeaders csvHeaders = new HttpHeaders();
		csvHeaders.setAccept(List.of(MediaType.parseMediaType("text/csv")));
		ResponseEntity<byte[]> csv = rest.withBasicAuth("chair", "demo")
			.exchange("/api/awards?year=" + year + "&chapter=bode-ch01", HttpMethod.GET, new HttpEntity<>(csvHeaders),
					byte[].class);
		assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType("text/csv"))).isTrue();
		List<CSVRecord> records = parseCsv(csv.getBody());
		assertThat(records).anySatisfy(r -> {
			assertThat(r.get("Họ tên / Tập thể")).isEqualTo("Nguyễn Thị Thanh Tâm");
			assertThat(r.get("Số quyết định")).isEqualTo("15/QĐ-HLHPN");
			assertThat(r.get("Trạng thái")).isEqualTo("Đã quyết định");
		});
		ResponseEntity<byte[]> csvByParam = rest.withBasicAuth("council3", "demo")
			.getForEntity("/api/awards?format=csv&year=" + year, byte[].class);
		assertThat(parseCsv(csvByParam.getBody())).anySatisfy(
				r -> assertThat(r.get("Mã quy trình")).isEqualTo(pid));

		// an issued decision is never edited: a revocation is a new act, by the chair only
		Number awardId = (Number) awards.stream().filter(a -> pid.equals(a.get("processInstanceId"))).findFirst()
			.orElseThrow().get("id");
		Map<String, Object> revocation = Map.of("decisionNumber", "20/QĐ-HLHPN", "decisionDate",
				LocalDate.now().toString(), "reason", "Phát hiện thành tích kê khai chưa đúng");
		assertThat(post("board1", "/api/awards/" + awardId + "/revocations", revocation, String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		ResponseEntity<Map<String, Object>> revoked = post("chair", "/api/awards/" + awardId + "/revocations",
				revocation, MAP);
		assertThat(revoked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(revoked.getBody()).containsEntry("currentStatus", "REVOKED").containsEntry("decisionNumber",
				"15/QĐ-HLHPN");
		assertThat(post("chair", "/api/awards/" + awardId + "/revocations", revocation, String.class).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void shouldRefuseDuplicateNominationWithNothingCreated() {
		// given: she holds Lao động tiên tiến of the year, which Chiến sĩ thi đua cơ sở builds on
		register.record(new AwardRegister.NewAward("it-ldtt-" + System.nanoTime(), "bode", "bode-ch04",
				"Chi hội Tổ dân phố số 4", "INDIVIDUAL", "Trần Thị Minh Châu",
				catalogue.find("LAO_DONG_TIEN_TIEN").orElseThrow(), year, "DECIDED", "LDTT-" + System.nanoTime(),
				LocalDate.now(), "chair", 5, 0, 0));
		Map<String, Object> first = nomination("Trần Thị Minh Châu", "CSTD_CO_SO");
		assertThat(post("head4", ENGINE + "/process-definition/key/CommendationNomination/submit-form", form(first),
				MAP).getStatusCode()).isEqualTo(HttpStatus.OK);
		long before = instanceCount();

		// when
		Map<String, Object> again = nomination("trần  thị minh châu", "CSTD_CO_SO");
		ResponseEntity<String> refused = post("head4",
				ENGINE + "/process-definition/key/CommendationNomination/submit-form", form(again), String.class);

		// then
		assertThat(instanceCount()).isEqualTo(before);
		assertThat(refused.getBody()).contains("một thành tích chỉ khen một lần");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldRefuseObjectionOutsideDisclosure() {
		// given: a nomination still waiting for the board
		ResponseEntity<Map<String, Object>> started = post("head2",
				ENGINE + "/process-definition/key/CommendationNomination/submit-form",
				form(nomination("Đặng Thị Hồng", "GK_HOI_PHUONG")), MAP);
		String pid = (String) started.getBody().get("id");

		// when / then
		ResponseEntity<Map<String, Object>> early = post("head3", "/api/nominations/" + pid + "/objections",
				Map.of("reason", "Chưa đúng người"), MAP);
		assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) early.getBody().get("detail")).contains("không ở trong thời gian công khai");
		assertThat(post("head3", "/api/nominations/" + pid + "/objections", Map.of("reason", " "), MAP)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(post("head3", "/api/nominations/khong-co/objections", Map.of("reason", "x"), MAP).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldRecordOutcomeOfRecommendationOnceByBoardOrChair() {
		// given: a recommendation in the register
		long id = register.record(new AwardRegister.NewAward("it-recommendation-" + System.nanoTime(), "bode",
				"bode-ch03", "Chi hội Tổ dân phố số 3", "COLLECTIVE", "Chi hội Tổ dân phố số 3", catalogue
					.find("BK_HOI_THANH_PHO")
					.orElseThrow(), year, "RECOMMENDED", null, null, null, 5, 0, 0));
		Map<String, Object> outcome = Map.of("outcome", "GRANTED", "decisionNumber", "321/QĐ-HLHPNTP", "decisionDate",
				LocalDate.now().toString(), "note", "Hội LHPN thành phố tặng Bằng khen");

		// when / then
		assertThat(post("head3", "/api/awards/" + id + "/outcome", outcome, String.class).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("head1", "/api/awards/" + id + "/outcome", outcome, String.class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post("board2", "/api/awards/" + id + "/outcome", Map.of("outcome", "MAYBE"), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<Map<String, Object>> recorded = post("board2", "/api/awards/" + id + "/outcome", outcome, MAP);
		assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(recorded.getBody()).containsEntry("currentStatus", "GRANTED").containsEntry("status", "RECOMMENDED");
		assertThat(post("chair", "/api/awards/" + id + "/outcome", outcome, String.class).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(post("chair", "/api/awards/" + id + "/revocations", Map.of("decisionNumber", "1", "decisionDate",
				LocalDate.now().toString(), "reason", "x"), String.class).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void shouldRefuseUnknownAwardWithNothingCreated() {
		long before = instanceCount();
		ResponseEntity<String> refused = post("head5",
				ENGINE + "/process-definition/key/CommendationNomination/submit-form",
				form(nomination("Lê Thị Kim", "HUAN_CHUONG_LAO_DONG")), String.class);
		assertThat(instanceCount()).isEqualTo(before);
		// the message of the generic form validation (value not in the select) or of the catalogue check
		assertThat(refused.getBody()).contains("Hình thức khen thưởng", "HUAN_CHUONG_LAO_DONG");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldRefuseHundredThousandCharacterReportWithNothingCreated() {
		long before = instanceCount();
		Map<String, Object> tooLong = nomination("Phạm Thị Ngọc", "GK_HOI_PHUONG");
		tooLong.put("achievementReport", "Thành tích ".repeat(10_000));
		ResponseEntity<String> refused = post("head6",
				ENGINE + "/process-definition/key/CommendationNomination/submit-form", form(tooLong), String.class);
		assertThat(instanceCount()).isEqualTo(before);
		assertThat(refused.getBody()).contains("Báo cáo thành tích", "10000");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	// ---------------------------------------------------------------------------------------------

	/** No REST endpoint shows this user an individual ballot of the instance. */
	private void assertNoBallotVisible(String user, String pid) {
		List<String> secret = List.of("vote", "voteComment", "ballot");
		// a member sees the (empty) ballot of their own open task, nobody else's
		List<Object> ownTasks = listOrForbidden(user, ENGINE + "/task?assignee=" + user + "&processInstanceId=" + pid)
			.stream()
			.map(t -> t.get("id"))
			.toList();
		assertThat(listOrForbidden(user, ENGINE + "/variable-instance?processInstanceIdIn=" + pid))
			.as("runtime variables seen by " + user)
			.noneMatch(v -> secret.contains(String.valueOf(v.get("name"))) && !ownTasks.contains(v.get("taskId")));
		assertThat(listOrForbidden(user, ENGINE + "/history/variable-instance?processInstanceId=" + pid))
			.as("history variables seen by " + user)
			.noneMatch(v -> secret.contains(String.valueOf(v.get("name"))));
		assertThat(listOrForbidden(user, ENGINE + "/history/detail?processInstanceId=" + pid))
			.as("history details seen by " + user)
			.noneMatch(d -> secret.contains(String.valueOf(d.get("variableName")))
					|| secret.contains(String.valueOf(d.get("fieldId"))));
		// refused while the instance runs; once it has ended the engine answers an error for any variable
		for (String name : secret) {
			ResponseEntity<String> vote = get(user, ENGINE + "/process-instance/" + pid + "/variables/" + name,
					String.class);
			assertThat(vote.getStatusCode().is2xxSuccessful()).as(vote.getBody()).isFalse();
		}
		if (!"admin".equals(user)) {
			assertThat(get(user, "/api/nominations/" + pid + "/votes", MAP).getBody()).doesNotContainKey("votes");
		}
	}

	private static List<String> bodiesTo(String address) throws Exception {
		return vn.thidua.support.TestSmtp.bodiesTo(SMTP, address);
	}


	private static List<String> mailsTo(String address) throws Exception {
		List<String> subjects = new java.util.ArrayList<>();
		for (MimeMessage message : SMTP.getReceivedMessages()) {
			for (var recipient : message.getAllRecipients()) {
				if (recipient.toString().contains(address)) {
					subjects.add(message.getSubject());
				}
			}
		}
		return subjects;
	}

	/** The list an endpoint shows the user, or an empty list when it refuses (403) or finds nothing (404). */
	private List<Map<String, Object>> listOrForbidden(String user, String path) {
		ResponseEntity<String> response = get(user, paged(path), String.class);
		if (response.getStatusCode().value() == 403 || response.getStatusCode().value() == 404) {
			return List.of();
		}
		assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
		try {
			return JSON.readValue(response.getBody(), new TypeReference<List<Map<String, Object>>>() {
			});
		}
		catch (Exception ex) {
			throw new AssertionError(path + " did not answer a JSON list: " + response.getBody(), ex);
		}
	}

	/** A PDF uploaded to the dossier as the «Hồ sơ» tab sends it (multipart kind + file). */
	private ResponseEntity<String> upload(String user, String pid, String kind, String fileName) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("kind", kind);
		parts.add("file", new ByteArrayResource(DossierFixtures.pdf(fileName)) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.withBasicAuth(user, "demo")
			.exchange("/api/nominations/" + pid + "/documents", HttpMethod.POST, new HttpEntity<>(parts, headers),
					String.class);
	}

	private long instanceCount() {
		Map<String, Object> count = get("admin",
				ENGINE + "/history/process-instance/count?processDefinitionKey=CommendationNomination", MAP).getBody();
		return ((Number) count.get("count")).longValue();
	}

	private Map<String, Object> singleTask(String user, String query) {
		List<Map<String, Object>> tasks = get(user, ENGINE + "/task?" + query, LIST).getBody();
		assertThat(tasks).as("tasks of " + user + " for " + query).hasSize(1);
		return tasks.get(0);
	}

	private ResponseEntity<String> submit(String user, Map<String, Object> task, Map<String, Object> values) {
		return post(user, ENGINE + "/task/" + task.get("id") + "/submit-form", form(values), String.class);
	}

	private static Object value(Map<String, Object> formVariables, String name) {
		@SuppressWarnings("unchecked")
		Map<String, Object> variable = (Map<String, Object>) formVariables.get(name);
		return variable == null ? null : variable.get("value");
	}

	private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
		return rest.withBasicAuth(user, "demo").getForEntity(path, type);
	}

	private <T> ResponseEntity<T> get(String user, String path, ParameterizedTypeReference<T> type) {
		String paged = type == LIST ? paged(path) : path;
		return rest.withBasicAuth(user, "demo").exchange(paged, HttpMethod.GET, null, type);
	}

	/** Engine list queries need a page (query-max-results-limit), as Tasklist always sends. */
	private static String paged(String path) {
		return path.startsWith(ENGINE) ? path + (path.contains("?") ? "&" : "?") + "firstResult=0&maxResults=100"
				: path;
	}

	private <T> ResponseEntity<T> post(String user, String path, Object body, Class<T> type) {
		return exchange(user, HttpMethod.POST, path, body, type);
	}

	private <T> ResponseEntity<T> post(String user, String path, Object body, ParameterizedTypeReference<T> type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), type);
	}

	private <T> ResponseEntity<T> exchange(String user, HttpMethod method, String path, Object body, Class<T> type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, method, new HttpEntity<>(body, headers), type);
	}

	private static List<CSVRecord> parseCsv(byte[] body) throws Exception {
		String text = new String(body, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
			.parse(new StringReader(text))
			.getRecords();
	}

}
