package vn.thidua.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.pages.NominationDriver;
import vn.thidua.pages.WebSession;
import vn.thidua.support.Http;
import vn.thidua.support.SeasonOverRest;
import vn.thidua.rollout.ProgrammeDates;
import vn.thidua.support.IntegrationTest;

/**
 * Stand-ins on PostgreSQL with the real engine, the demo logins and the page: the chair names board1
 * for a week; her open and her new approval tasks reach board1 (task query, «Việc của tôi», mail);
 * board1 approves one and the history says "board1 thay chair"; after the week new tasks no longer
 * reach board1 and the old offers are gone; a ballot never reaches a stand-in; a chapter head cannot
 * name another chapter's head.
 */
@IntegrationTest
class StandInIntegrationTest {

	private static final String ENGINE = "/engine-rest";

	private static final String CHAIR_APPROVES = "Task_ChairApproveProgramme";

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	ApplicationContext context;

	@Autowired
	StandInService service;

	@Autowired
	JdbcClient jdbc;

	private Http http;

	@BeforeEach
	void http() {
		http = new Http(port);
	}

	/** Other tests share this database: no period stays open, no offer stays on a task. */
	@AfterEach
	void cancelEveryPeriod() {
		ClockUtil.reset();
		jdbc.sql("SELECT id, person FROM thidua_stand_in WHERE cancelled_at IS NULL AND ends_on >= :today")
			.param("today", LocalDate.now())
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.forEach(p -> service.cancel(p.getValue(), p.getKey()));
		service.sweep();
	}

	@Test
	void shouldGiveTheChairsTasksToBoard1ForAWeekAndRecordBoard1ThayChair() {
		// given: an approval already waiting for the chair
		String before = startRollout();
		String waiting = task(before, CHAIR_APPROVES).getId();

		// when: the chair names board1 for a week on the page
		WebSession chair = new WebSession(port).login("chair", "demo");
		WebSession.Page page = chair.get("/nguoi-thay-the");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"board1\"", "value=\"board2\"").doesNotContain("value=\"head1\"");
		LocalDate today = LocalDate.now();
		WebSession.Page named = chair.post("/nguoi-thay-the", Map.of("_csrf", WebSession.csrf(page), "nguoiThay",
				"board1", "tuNgay", today.toString(), "denNgay", today.plusDays(6).toString()));
		assertThat(named.status()).as(named.body()).isEqualTo(302);

		// then: the waiting task is offered to board1 too, the chair keeps it
		assertThat(candidateUsers(waiting)).containsExactly("board1");
		assertThat(candidateGroups(waiting)).containsExactly("bode-chair");

		// when: a new approval is created for the chair
		String pid = startRollout();
		Task approval = task(pid, CHAIR_APPROVES);

		// then: it reaches board1 (task query, her «Việc của tôi», a mail), the chair keeps it
		assertThat(taskService.createTaskQuery().processInstanceId(pid).taskCandidateUser("board1").count()).isOne();
		assertThat(candidateGroups(approval.getId())).containsExactly("bode-chair");
		assertThat(mine("board1", pid)).extracting(t -> t.get("taskDefinitionKey").asText()).containsExactly(CHAIR_APPROVES);
		assertThat(mine("chair", pid)).hasSize(1);
		assertThat(mailsTo("board1", approval.getId())).isOne();
		assertThat(mailsTo("chair", approval.getId())).isOne();
		assertThat(mine("board2", pid)).isEmpty();

		// when: board1 takes it and approves, as Tasklist does
		assertThat(http.post("board1", ENGINE + "/task/" + approval.getId() + "/claim", Map.of("userId", "board1"))
			.status()).isEqualTo(204);
		Http.Reply done = http.post("board1", ENGINE + "/task/" + approval.getId() + "/submit-form",
				Map.of("variables", Map.of("programmeDecision", Map.of("value", "approve", "type", "String"))));
		assertThat(done.status()).as(done.body()).isEqualTo(204);

		// then: the history says board1 thay chair, in the task's comments and in the instance's record
		assertThat(taskService.getTaskComments(approval.getId())).extracting(Comment::getFullMessage)
			.singleElement()
			.asString()
			.startsWith("board1 thay chair");
		assertThat(service.historyOf(pid)).containsExactly("board1 thay chair: Chủ tịch duyệt chương trình");
		assertThat(chair.get("/nguoi-thay-the").body()).contains("Đang thay", "board1 thay chair");
		assertThat(new WebSession(port).login("board1", "demo").get("/nguoi-thay-the").body())
			.contains("Phạm Thị Hòa (chair)", "board1 thay chair");

		// when: the week is over
		ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(8, ChronoUnit.DAYS)));
		service.sweep();
		String after = startRollout();

		// then: a new task no longer reaches board1, and the old offer is taken back
		Task late = task(after, CHAIR_APPROVES);
		assertThat(candidateUsers(late.getId())).isEmpty();
		assertThat(mine("board1", after)).isEmpty();
		assertThat(mailsTo("board1", late.getId())).isZero();
		assertThat(candidateUsers(waiting)).isEmpty();
		assertThat(candidateGroups(waiting)).containsExactly("bode-chair");
		assertThat(http.post("board1", ENGINE + "/task/" + waiting + "/claim", Map.of("userId", "board1")).status())
			.isNotEqualTo(204);
	}

	@Test
	void shouldNeverGiveABallotToAStandIn() {
		// given: council1 names council2 (same council) for a week
		service.name("council1", "council2", LocalDate.now(), LocalDate.now().plusDays(6));
		NominationDriver driver = new NominationDriver(port, taskService, managementService, context);
		String pid = driver.start("head1", "Lê Thị Phiếu " + System.nanoTime() % 100000, "GK_HOI_PHUONG",
				LocalDate.now().getYear(), "Vận động 30 hội viên tham gia mô hình tiết kiệm.");
		driver.boardApproves(pid);

		// when: the council's session opens, one ballot per member
		driver.endDisclosure(pid);
		SeasonOverRest season = new SeasonOverRest(http, context.getBean(org.camunda.bpm.engine.ProcessEngine.class));
		season.awaitCouncil(pid);
		// (opened by the ward's chair: council1 is not told of a session she opens herself)
		String session = season.openSession("chair");

		// then: council1's ballot is hers alone: no offer, no mail to council2, not in council2's list
		Task ballot = season.ballot(session, "council1");
		await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo("council1", ballot.getId()) == 1);
		// (its one candidate is its member: AssigneeCandidatePlugin, for «Việc của tôi»)
		assertThat(candidateUsers(ballot.getId())).containsExactly("council1");
		assertThat(mailsTo("council2", ballot.getId())).isZero();
		assertThat(mine("council2", session)).extracting(t -> t.get("assignee").asText()).containsExactly("council2");

		// and a sweep does not offer it either
		service.sweep();
		assertThat(candidateUsers(ballot.getId())).containsExactly("council1");
		season.everyoneAgrees(session);
	}

	@Test
	void shouldRefuseAChapterHeadNamingTheHeadOfAnotherChapter() {
		// given
		WebSession head1 = new WebSession(port).login("head1", "demo");
		WebSession.Page page = head1.get("/nguoi-thay-the");
		assertThat(page.body()).doesNotContain("value=\"head2\"");
		LocalDate today = LocalDate.now();

		// when
		WebSession.Page refused = head1.post("/nguoi-thay-the", Map.of("_csrf", WebSession.csrf(page), "nguoiThay",
				"head2", "tuNgay", today.toString(), "denNgay", today.plusDays(3).toString()));
		WebSession.Page forged = head1.post("/nguoi-thay-the",
				Map.of("nguoiThay", "head2", "tuNgay", today.toString(), "denNgay", today.toString()));

		// then
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("«Người thay» phải là người cùng vị trí");
		assertThat(forged.status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM thidua_stand_in WHERE person = 'head1'").query(Long.class).single())
			.isZero();
	}

	@Test
	void shouldRefuseAnEndBeforeTheStartAndAnOverlapNamingTheField() {
		// given
		WebSession chair = new WebSession(port).login("chair", "demo");
		String token = WebSession.csrf(chair.get("/nguoi-thay-the"));
		LocalDate today = LocalDate.now();

		// when / then
		WebSession.Page backwards = chair.post("/nguoi-thay-the", Map.of("_csrf", token, "nguoiThay", "board2", "tuNgay",
				today.plusDays(3).toString(), "denNgay", today.plusDays(1).toString()));
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.body()).contains("«Đến ngày» không được trước «Từ ngày»");
		WebSession.Page past = chair.post("/nguoi-thay-the", Map.of("_csrf", token, "nguoiThay", "board2", "tuNgay",
				today.minusDays(1).toString(), "denNgay", today.plusDays(1).toString()));
		assertThat(past.status()).isEqualTo(400);
		assertThat(past.body()).contains("«Từ ngày» không được ở trong quá khứ");
		assertThat(chair.post("/nguoi-thay-the", Map.of("_csrf", token, "nguoiThay", "board2", "tuNgay",
				today.toString(), "denNgay", today.plusDays(2).toString())).status()).isEqualTo(302);
		WebSession.Page overlap = chair.post("/nguoi-thay-the", Map.of("_csrf", token, "nguoiThay", "board1", "tuNgay",
				today.plusDays(2).toString(), "denNgay", today.plusDays(4).toString()));
		assertThat(overlap.status()).isEqualTo(400);
		assertThat(overlap.body()).contains("«Từ ngày»: thời gian này trùng");
	}

	private String startRollout() {
		Map<String, Object> programme = new LinkedHashMap<>();
		ProgrammeDates dates = ProgrammeDates.nextYear();
		programme.put("programmeYear", typed(dates.year(), "Long"));
		programme.put("theme", typed("Năm chỉnh trang đô thị, chăm lo đời sống người dân", "String"));
		programme.put("focusPoints", typed("Thực hiện Nghị quyết Đại hội\nĐổi mới phương thức hoạt động", "String"));
		programme.put("implementationPlan", typed("Kế hoạch thực hiện nhiệm vụ công tác năm " + dates.year(), "String"));
		programme.put("emulationPlan", typed("Kế hoạch phát động phong trào thi đua năm " + dates.year(), "String"));
		programme.put("campaigns", typed("Mừng Đảng – Mừng Xuân " + dates.year(), "String"));
		programme.put("conferenceDeadline", typed(dates.conferenceDeadline().toString(), "String"));
		programme.put("registrationDeadline", typed(dates.registrationDeadline().toString(), "String"));
		programme.put("midYearReportDate", typed(dates.midYearReportDate().toString(), "String"));
		programme.put("yearEndReportDate", typed(dates.yearEndReportDate().toString(), "String"));
		Http.Reply started = http.post("board2", ENGINE + "/process-definition/key/PlanRollout/submit-form",
				Map.of("variables", programme));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		return started.json().get("id").asText();
	}

	private static Map<String, Object> typed(Object value, String type) {
		return Map.of("value", value, "type", type);
	}

	private Task task(String pid, String key) {
		return taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
	}

	private List<String> candidateUsers(String taskId) {
		return taskService.getIdentityLinksForTask(taskId)
			.stream()
			.filter(l -> "candidate".equals(l.getType()) && l.getUserId() != null)
			.map(IdentityLink::getUserId)
			.toList();
	}

	private List<String> candidateGroups(String taskId) {
		return taskService.getIdentityLinksForTask(taskId)
			.stream()
			.filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.toList();
	}

	private long mailsTo(String login, String taskId) {
		return jdbc.sql("SELECT COUNT(*) FROM thidua_notification WHERE recipient_id = :login AND task_id = :task")
			.param("login", login)
			.param("task", taskId)
			.query(Long.class)
			.single();
	}

	/** The tasks of one instance in the person's «Việc của tôi», through the filter endpoint Tasklist calls. */
	private List<JsonNode> mine(String user, String pid) {
		Http.Reply filters = http.get(user, ENGINE + "/filter?resourceType=Task&firstResult=0&maxResults=50");
		assertThat(filters.status()).as(filters.body()).isEqualTo(200);
		String id = null;
		for (JsonNode filter : filters.json()) {
			if (TasklistFilters.MY_TASKS.equals(filter.get("name").asText())) {
				id = filter.get("id").asText();
			}
		}
		assertThat(id).as(user + " sees «Việc của tôi»").isNotNull();
		Http.Reply reply = http.send(user, "POST", ENGINE + "/filter/" + id + "/list?firstResult=0&maxResults=200",
				Map.of("processInstanceId", pid), Map.of("Accept", "application/json"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		List<JsonNode> tasks = new ArrayList<>();
		reply.json().forEach(tasks::add);
		return tasks;
	}

}
