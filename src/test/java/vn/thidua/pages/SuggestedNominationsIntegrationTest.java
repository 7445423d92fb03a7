package vn.thidua.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;

import vn.thidua.nomination.NominationVariables;
import vn.thidua.rollout.ProgrammeDates;
import vn.thidua.rollout.RolloutDriver;
import vn.thidua.rollout.chapter.ChapterRolloutVariables;
import vn.thidua.rollout.plan.PlanRolloutVariables;
import vn.thidua.support.Browser;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestSmtp;

/**
 * From a chapter's year-end proposal to a nomination, on PostgreSQL with the job executor on: the
 * year-end report proposes an exemplary person, {@code /de-xuat-khen-thuong} lists her for the board
 * (chapter heads get 403), «Lập đề nghị» starts the CommendationNomination with the board member as
 * initiator at Task_CompleteDossier, the proposal shows it, and a second start is refused.
 */
@IntegrationTest
class SuggestedNominationsIntegrationTest {

	static final GreenMail SMTP = TestSmtp.start();

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		TestSmtp.use(SMTP, registry);
	}

	@Value("${local.server.port}")
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcClient jdbc;

	private final int year = ProgrammeDates.today().getYear();

	@Test
	void shouldTurnAYearEndProposalIntoOneNominationStartedByTheBoard() {
		// given: chapter 2 of the current year's rollout proposes Đào Thị Nguyệt in its year-end report
		RolloutDriver driver = new RolloutDriver(engine);
		// drafted on 2 January, as a programme of the year is (its deadlines may not be past when drafted)
		LocalDate drafted = LocalDate.of(year, 1, 2);
		ClockUtil.setCurrentTime(java.util.Date.from(drafted.atStartOfDay(ProgrammeDates.VIETNAM).toInstant()));
		ProcessInstance plan;
		try {
			plan = driver.startAs("board1", List.of("bode", "bode-board"),
					RolloutDriver.programme(ProgrammeDates.of(year, drafted)));
		}
		finally {
			ClockUtil.reset();
		}
		driver.approve(plan);
		driver.complete(reach(plan, PlanRolloutVariables.TASK_CHAIR_CONCLUDE, PlanRolloutVariables.TIMER_CONFERENCE_DEADLINE),
				Map.of("conclusion", "Thống nhất triển khai."));
		ProcessInstance chapter = await().atMost(Duration.ofSeconds(60)).until(() -> driver.chapter(plan, "bode-ch02"),
				c -> c != null);
		await().atMost(Duration.ofSeconds(60)).until(() -> driver.cellReport(chapter) != null);
		driver.reportToCell(chapter);
		driver.complete(reach(chapter, ChapterRolloutVariables.TASK_REGISTER_WORK_ITEMS, null), Map.of("workItems",
				org.camunda.spin.plugin.variable.SpinValues.jsonValue(RolloutDriver.WORK_ITEMS_JSON).create()));
		driver.complete(reach(chapter, ChapterRolloutVariables.TASK_BOARD_ACKNOWLEDGE, null),
				Map.of("workItemsDecision", "acknowledge"));
		driver.complete(reach(chapter, ChapterRolloutVariables.TASK_MID_YEAR_REPORT, ChapterRolloutVariables.TIMER_MID_YEAR),
				Map.of("midYearReport", "Hoàn thành 60% chỉ tiêu."));
		driver.complete(reach(chapter, ChapterRolloutVariables.TASK_YEAR_END_REPORT, ChapterRolloutVariables.TIMER_YEAR_END),
				Map.of("yearEndReport", "Hoàn thành các chỉ tiêu.", "selfRating", "Vững mạnh", "exemplaryPeople",
						org.camunda.spin.plugin.variable.SpinValues
							.jsonValue("[{\"fullName\":\"Đào Thị Nguyệt\",\"achievement\":\"Vận động 40 hội viên tham gia mô hình phân loại rác.\"},"
									+ "{\"fullName\":\"Lý Thị Hằng\",\"achievement\":\"\"}]")
							.create()));
		long proposalId = await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT id FROM thidua_rollout_proposal WHERE full_name = 'Đào Thị Nguyệt'")
				.query(Long.class)
				.optional(), java.util.Optional::isPresent)
			.orElseThrow();

		// when: the board opens the page
		WebSession board = new WebSession(port).login("board1", "demo");
		WebSession.Page page = board.get("/de-xuat-khen-thuong");

		// then: the proposal is a suggested nomination, with its one action; the menu links the page
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Đào Thị Nguyệt", "Vận động 40 hội viên", "Lập đề nghị",
				"/de-xuat-khen-thuong/" + proposalId + "/lap-de-nghi", "Đề xuất khen thưởng</a>");
		// a chapter head is refused, in Vietnamese, and has no menu entry
		WebSession head = new WebSession(port).login("head2", "demo");
		WebSession.Page refused = head.get("/de-xuat-khen-thuong");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body()).contains("dành cho Ban Thường vụ và Chủ tịch Hội phường");
		assertThat(head.get("/ho-so-cua-toi").body()).doesNotContain("/de-xuat-khen-thuong");
		assertThat(head.post("/de-xuat-khen-thuong/" + proposalId + "/lap-de-nghi",
				form(WebSession.csrf(head.get("/ho-so-cua-toi")))).status()).isEqualTo(403);
		// without the page's token nothing starts
		assertThat(board.post("/de-xuat-khen-thuong/" + proposalId + "/lap-de-nghi", form("sai")).status())
			.isEqualTo(403);

		// when: the board member, in Chromium, ticks the two confirmations and presses «Lập đề nghị»
		try (Browser browser = Browser.open("http://localhost:" + port)) {
			browser.login("board1", "demo");
			browser.driver().manage().window().setSize(new Dimension(1366, 900));
			browser.go("/de-xuat-khen-thuong");
			browser.waitForText("Đào Thị Nguyệt");
			browser.fullScreenshot("de-xuat-01-board1-1366");
			browser.driver().manage().window().setSize(new Dimension(390, 844));
			browser.go("/de-xuat-khen-thuong");
			browser.waitForText("Đào Thị Nguyệt");
			assertThat(((Number) browser.script(
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
				.as("horizontal overflow in px")
				.isLessThanOrEqualTo(0);
			browser.fullScreenshot("de-xuat-02-board1-390");
			WebElement card = browser.waitFor(By.id("de-xuat-" + proposalId));
			card.findElement(By.name("dongY")).click();
			card.findElement(By.name("camDoan")).click();
			card.findElement(By.cssSelector("button[type=submit]")).click();
			browser.waiting()
				.ignoring(StaleElementReferenceException.class)
				.until(d -> browser.visibleText().contains("Đã lập đề nghị khen thưởng"));
			browser.fullScreenshot("de-xuat-03-da-lap-390");
		}

		// then: a nomination of her, for her chapter and year, waits for board1's dossier
		String token = WebSession.csrf(page);
		String pid = jdbc.sql("SELECT nomination_process_instance_id FROM thidua_rollout_proposal WHERE id = ?")
			.param(proposalId)
			.query(String.class)
			.single();
		assertThat(pid).isNotNull();
		Task dossier = engine.getTaskService().createTaskQuery().processInstanceId(pid).singleResult();
		assertThat(dossier.getTaskDefinitionKey()).isEqualTo(NominationVariables.TASK_COMPLETE_DOSSIER);
		assertThat(dossier.getAssignee()).isEqualTo("board1");
		Map<String, Object> variables = engine.getRuntimeService().getVariables(pid);
		assertThat(variables).containsEntry("nomineeName", "Đào Thị Nguyệt")
			.containsEntry("chapterGroup", "bode-ch02")
			.containsEntry("initiator", "board1")
			.containsEntry("awardCode", "GK_HOI_PHUONG")
			.containsEntry("achievementReport", "Vận động 40 hội viên tham gia mô hình phân loại rác.");
		assertThat(((Number) variables.get("periodYear")).intValue()).isEqualTo(year);
		WebSession.Page after = board.get("/de-xuat-khen-thuong");
		assertThat(after.body()).contains("Đã lập đề nghị", "#ho-so-" + pid)
			.doesNotContain("/de-xuat-khen-thuong/" + proposalId + "/lap-de-nghi");

		// when / then: a second start (an old page, another tab) is refused and starts nothing
		long nominations = count();
		WebSession.Page again = board.post("/de-xuat-khen-thuong/" + proposalId + "/lap-de-nghi", form(token));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("đã được lập đề nghị khen thưởng");
		assertThat(count()).isEqualTo(nominations);

		// when: board1 and board2 start the other proposal at the same moment, with different awards (so
		// that "one achievement, one award" does not decide it)
		long other = jdbc.sql("SELECT id FROM thidua_rollout_proposal WHERE full_name = 'Lý Thị Hằng'")
			.query(Long.class)
			.single();
		WebSession board2 = new WebSession(port).login("board2", "demo");
		String token1 = WebSession.csrf(board.get("/de-xuat-khen-thuong"));
		String token2 = WebSession.csrf(board2.get("/de-xuat-khen-thuong"));
		java.util.concurrent.CompletableFuture<WebSession.Page> first = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> board.post("/de-xuat-khen-thuong/" + other + "/lap-de-nghi", form(token1)));
		Map<String, String> otherAward = new java.util.HashMap<>(form(token2));
		otherAward.put("hinhThuc", "GK_UBND_PHUONG");
		java.util.concurrent.CompletableFuture<WebSession.Page> second = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> board2.post("/de-xuat-khen-thuong/" + other + "/lap-de-nghi", otherAward));

		// then: one nomination, one refusal; the proposal's reason was empty, so the achievement says where
		// it comes from
		assertThat(List.of(first.join().status(), second.join().status())).containsExactlyInAnyOrder(302, 409);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM thidua_nomination WHERE nominee_name = 'Lý Thị Hằng'")
			.query(Long.class)
			.single()).isEqualTo(1);
		String otherPid = jdbc.sql("SELECT nomination_process_instance_id FROM thidua_rollout_proposal WHERE id = ?")
			.param(other)
			.query(String.class)
			.single();
		assertThat((String) engine.getRuntimeService().getVariable(otherPid, "achievementReport"))
			.contains("Chi hội Tổ dân phố số 2", "báo cáo tổng kết năm " + year);
	}

	private long count() {
		return engine.getHistoryService()
			.createHistoricProcessInstanceQuery()
			.processDefinitionKey(NominationVariables.PROCESS_KEY)
			.count();
	}

	private static Map<String, String> form(String token) {
		return Map.of("_csrf", token, "hinhThuc", "GK_HOI_PHUONG", "ngayHop", LocalDate.now().minusDays(1).toString(),
				"dongY", "true", "camDoan", "true");
	}

	/** The task, once there: a timer that guards it is fired now if the job executor has not yet (its date may be ahead). */
	private Task reach(ProcessInstance pi, String taskKey, String timerId) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
			Task task = engine.getTaskService()
				.createTaskQuery()
				.processInstanceId(pi.getId())
				.taskDefinitionKey(taskKey)
				.singleResult();
			if (task == null && timerId != null) {
				Job job = engine.getManagementService()
					.createJobQuery()
					.processInstanceId(pi.getId())
					.activityId(timerId)
					.singleResult();
				if (job != null) {
					try {
						engine.getManagementService().executeJob(job.getId());
					}
					catch (RuntimeException raced) {
						// the job executor took it first
					}
				}
			}
			return task;
		}, t -> t != null);
	}

}
