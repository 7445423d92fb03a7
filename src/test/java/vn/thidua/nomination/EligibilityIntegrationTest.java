package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.thidua.support.NominationForms.form;
import static vn.thidua.support.NominationForms.nomination;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.dossier.DossierFixtures;
import vn.thidua.support.Browser;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestSmtp;

/**
 * The history rules (bpmn/AwardEligibility.dmn) on PostgreSQL through the engine's REST API, as
 * Tasklist calls it: a Chiến sĩ thi đua cơ sở nomination without Lao động tiên tiến of the year is
 * refused with the rule named and nothing written; with Lao động tiên tiến being nominated it starts,
 * and the board's task reads «chưa đủ … đang đề nghị».
 */
@IntegrationTest
class EligibilityIntegrationTest {

	static final GreenMail SMTP = TestSmtp.start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestSmtp.use(SMTP, registry);
	}

	private static final String START = "/engine-rest/process-definition/key/CommendationNomination/submit-form";

	private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate rest;

	@Autowired
	AwardRegister register;

	@Autowired
	AwardCatalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	private final int year = LocalDate.now().getYear();

	@Test
	void shouldRefuseCstdCoSoWithoutLaoDongTienTienAndAcceptItWhileLaoDongTienTienIsNominated() {
		// given: the register holds her Giấy khen of last year, and Lao động tiên tiến of this year for a
		// namesake of another chapter (another person)
		decided("Đoàn Thị Mai", "bode-ch02", "GK_HOI_PHUONG", year - 1);
		decided("Đoàn Thị Mai", "bode-ch05", "LAO_DONG_TIEN_TIEN", year);
		long before = nominationRows();

		// when
		ResponseEntity<Map<String, Object>> refused = post("head2", START,
				form(nomination("Đoàn Thị Mai", "CSTD_CO_SO")));

		// then: 400 naming the rule and the field, nothing written
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().toString())
			.contains("Chiến sĩ thi đua cơ sở cần danh hiệu Lao động tiên tiến cùng năm")
			.contains("«Lao động tiên tiến» năm " + year)
			.contains("chưa được đề nghị");
		assertThat(nominationRows()).isEqualTo(before);

		// when: her chapter nominates her for Lao động tiên tiến of the year, then again for CSTĐCS
		assertThat(post("head2", START, form(nomination("Đoàn Thị Mai", "LAO_DONG_TIEN_TIEN"))).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<Map<String, Object>> started = post("head2", START,
				form(nomination("  đoàn thị  mai", "CSTD_CO_SO")));

		// then: it starts; at the board the task reads that she does not qualify yet, LĐTT pending
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
		String pid = (String) started.getBody().get("id");
		DossierFixtures.attachRequired(context, pid, "head2");
		Map<String, Object> dossier = singleTask("head2", pid);
		assertThat(post("head2", "/engine-rest/task/" + dossier.get("id") + "/submit-form", form(Map.of()))
			.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		Map<String, Object> review = singleTask("board1", pid);
		assertThat(review.get("taskDefinitionKey")).isEqualTo(NominationVariables.TASK_BOARD_REVIEW);
		Map<String, Object> variables = get("board1",
				"/engine-rest/task/" + review.get("id") + "/form-variables?variableNames=eligibility").getBody();
		assertThat(variables).containsKey("eligibility");
		@SuppressWarnings("unchecked")
		String eligibility = (String) ((Map<String, Object>) variables.get("eligibility")).get("value");
		assertThat(eligibility).startsWith("Chưa đủ điều kiện: ")
			.contains("Chiến sĩ thi đua cơ sở cần danh hiệu Lao động tiên tiến cùng năm")
			.endsWith("(đang đề nghị)");
		// a task-local copy for the board: the chapter head, no candidate of the task, does not read it
		assertThat(get("head2", "/engine-rest/task/" + review.get("id") + "/variables").getStatusCode())
			.isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
		// and the board reads it in Tasklist's form, at 1366 and 390 px
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.driver().manage().window().setSize(new Dimension(1366, 900));
			browser.login("board1", "demo");
			browser.openTask("Ban Thường vụ xét đề nghị", "Chiến sĩ thi đua cơ sở").claimIfOffered();
			browser.waitForText("Điều kiện theo quá trình khen thưởng");
			assertThat(browser.visibleText()).contains("Điều kiện theo quá trình khen thưởng");
			browser.fullScreenshot("eligibility-01-board-review-1366");
			// at a phone's width with the task pane maximised (Tasklist's three columns do not fit)
			browser.click(browser.waitFor(By.cssSelector("button.maximize[data-region=task]")));
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.waitForText("Điều kiện theo quá trình khen thưởng");
			browser.fullScreenshot("eligibility-02-board-review-390");
		}
	}

	private void decided(String nominee, String chapterGroup, String award, int periodYear) {
		register.record(new AwardRegister.NewAward("it-held-" + System.nanoTime(), "bode", chapterGroup, "Chi hội",
				"INDIVIDUAL", nominee, catalogue.find(award).orElseThrow(), periodYear, AwardEntry.DECIDED,
				"EL-" + System.nanoTime(), LocalDate.of(periodYear, 12, 20), "chair", 5, 0, 0));
	}

	private long nominationRows() {
		return jdbc.sql("SELECT COUNT(*) FROM thidua_nomination").query(Long.class).single();
	}

	private Map<String, Object> singleTask(String user, String pid) {
		List<Map<String, Object>> tasks = rest.withBasicAuth(user, "demo")
			.exchange("/engine-rest/task?processInstanceId=" + pid + "&firstResult=0&maxResults=10", HttpMethod.GET,
					null, LIST)
			.getBody();
		assertThat(tasks).as("tasks of " + user).hasSize(1);
		return tasks.get(0);
	}

	private ResponseEntity<Map<String, Object>> get(String user, String path) {
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.GET, null, MAP);
	}

	private ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return rest.withBasicAuth(user, "demo").exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), MAP);
	}

}
