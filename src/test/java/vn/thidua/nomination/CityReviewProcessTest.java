package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.RecommendationOutcomes;
import vn.thidua.dossier.DossierFixtures;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.support.ProcessTest;
import vn.thidua.support.SeasonSteps;

/**
 * The city's review of a ward's recommendation (bpmn/CityReview.bpmn, issue 19) on the real engine:
 * it starts when the ward's chair signs the request letter; every outcome of the city board's
 * gateway, of the city council's vote and of the city's authority; the answer lands on the ward's
 * register row and the ward is mailed.
 */
@ProcessTest
class CityReviewProcessTest {

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	FormService formService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AwardRegister register;

	@Autowired
	AwardCatalogue catalogue;

	@Autowired
	RecommendationOutcomes outcomes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@MockitoSpyBean
	Notifier mail;

	private final int year = LocalDate.now().getYear();

	SeasonSteps season;

	@BeforeEach
	void init() {
		BpmnAwareTests.init(processEngine);
		season = new SeasonSteps(processEngine);
		season.closeOpenSessions();
	}

	@AfterEach
	void close() {
		identityService.clearAuthentication();
		season.closeOpenSessions();
	}

	@Test
	void shouldGrantTheCitysDiplomaAndWriteItOnTheWardsRow() {
		// given: the ward's chair signed the request letter
		Recommended r = recommended("head1", "Kha Thị Ánh", "BK_HOI_THANH_PHO");
		assertThat(r.review()).isWaitingAt(CityReviewVariables.TASK_BOARD_REVIEW)
			.variables()
			.containsEntry("wardCode", "hanoi")
			.containsEntry("nominatingWard", "bode")
			.containsEntry("nominationId", r.nomination().getId())
			.containsEntry("requestLetterNumber", r.letter())
			.containsEntry("withinCity", true)
			.containsEntry("boardGroup", "hanoi-board");
		assertThat(taskService.createTaskQuery().processInstanceId(r.review().getId()).taskCandidateGroup("hanoi-board")
			.count()).isEqualTo(1);

		// when: the city board approves, the city council agrees, the city's chair signs
		cityBoard(r.review(), "approve", null);
		assertThat(r.review()).isWaitingAt(CityReviewVariables.RECEIVE_AWAIT_COUNCIL);
		ProcessInstance session = season.openCitySession();
		assertThat(season.sheet(season.ballot(session, "citycouncil2"))).extracting(row -> row.get("nomination"))
			.containsOnlyOnce(r.nomination().getId());
		season.cityVoteAll(session, r.nomination().getId(), "agree", "agree", "agree", "disagree", "agree");
		season.runJobs();
		assertThat(r.review()).isWaitingAt("ReceiveTask_AwaitCityDecision");
		// the ward's hand may not answer what the city answers
		assertThat(outcomes.answeredByReview(r.awardId())).isTrue();
		// the city chair's checklist names the ward beside the chapter
		assertThat(taskService.getVariableLocal(season.signingTask(r.nomination().getId()).getId(), "decisionCandidates")
			.toString()).contains("Kha Thị Ánh", "Chi hội Tổ dân phố số 1 – Hội LHPN phường Bồ Đề");
		season.citySign("12/QĐ-HLHPNTP-" + year, r.nomination().getId());

		// then
		assertThat(r.review()).isEnded().hasPassed("Task_RecordCityDecision", "EndEvent_CityGranted");
		AwardEntry row = register.find(r.awardId()).orElseThrow();
		assertThat(row.outcome()).isNotNull();
		assertThat(row.outcome().outcome()).isEqualTo("GRANTED");
		assertThat(row.outcome().decisionNumber()).isEqualTo("12/QĐ-HLHPNTP-" + year);
		assertThat(row.outcome().decisionDate()).isEqualTo(LocalDate.now());
		assertThat(row.outcome().recordedBy()).isEqualTo("citychair");
		verify(mail, atLeastOnce()).send(eq("city-review-result"),
				argThat((Recipients to) -> to.users().contains("chair") && to.groups().contains("bode-board")),
				argThat((Map<String, Object> m) -> "12/QĐ-HLHPNTP-".concat(String.valueOf(year))
					.equals(m.get("decisionNumber"))));
	}

	@Test
	void shouldReturnToTheWardWithTheReasonAndEndTheReview() {
		Recommended r = recommended("head2", "Kha Thị Bình", "BK_HOI_THANH_PHO");
		// a return without its reason is refused
		assertThatThrownBy(() -> cityBoard(r.review(), "return", " ")).hasMessageContaining("lý do trả lại");
		assertThat(r.review()).isWaitingAt(CityReviewVariables.TASK_BOARD_REVIEW);

		cityBoard(r.review(), "return", "Thiếu xác nhận của chính quyền phường.");

		assertThat(r.review()).isEnded().hasPassed("Task_NotifyWardReturned", "EndEvent_ReturnedToWard");
		AwardEntry row = register.find(r.awardId()).orElseThrow();
		assertThat(row.outcome().outcome()).isEqualTo("NOT_GRANTED");
		assertThat(row.outcome().note()).contains("trả lại", "Thiếu xác nhận của chính quyền phường.");
		// the achievement is free again: the ward may nominate her again with the completed dossier
		assertThat(jdbc.sql("SELECT status FROM thidua_nomination WHERE process_instance_id = :p")
			.param("p", r.nomination().getId()).query(String.class).single()).isEqualTo("CLOSED");
		verify(mail, atLeastOnce()).send(eq("city-review-result"),
				argThat((Recipients to) -> to.users().contains("chair")),
				argThat((Map<String, Object> m) -> "Thiếu xác nhận của chính quyền phường.".equals(m.get("reason"))));
	}

	@Test
	void shouldRecordNotGrantedWhenTheCityBoardRejects() {
		Recommended r = recommended("head3", "Kha Thị Cúc", "BK_HOI_THANH_PHO");

		cityBoard(r.review(), "reject", "Thành tích chưa tiêu biểu ở cấp thành phố.");

		assertThat(r.review()).isEnded().hasPassed("Task_RecordBoardRejected", "EndEvent_BoardRejected");
		AwardEntry row = register.find(r.awardId()).orElseThrow();
		assertThat(row.outcome().outcome()).isEqualTo("NOT_GRANTED");
		assertThat(row.outcome().note()).contains("Thành tích chưa tiêu biểu");
		assertThat(row.outcome().recordedBy()).isEqualTo("cityboard1");
	}

	@Test
	void shouldWaitForTheNextSessionWhenQuorumIsMissedAndEndWhenTheCouncilDisagrees() {
		Recommended r = recommended("head4", "Kha Thị Dung", "BK_HOI_THANH_PHO");
		cityBoard(r.review(), "approve", null);

		// two of five vote: no quorum (⅔), the recommendation waits for the next session
		ProcessInstance first = season.openCitySession();
		season.cityVoteAll(first, r.nomination().getId(), "agree", "agree");
		season.deadline(first);
		assertThat(r.review()).isWaitingAt(CityReviewVariables.RECEIVE_AWAIT_COUNCIL);

		// the next session: three of five disagree (not more than half agree)
		ProcessInstance second = season.openCitySession();
		season.cityVoteAll(second, r.nomination().getId(), "agree", "agree", "disagree", "disagree", "disagree");
		season.runJobs();

		assertThat(r.review()).isEnded().hasPassed("Task_RecordCouncilRejected", "EndEvent_CouncilRejected");
		assertThat(register.find(r.awardId()).orElseThrow().outcome().outcome()).isEqualTo("NOT_GRANTED");
	}

	@Test
	void shouldForwardAboveTheCityAndLeaveTheOutcomeToBeEntered() {
		Recommended r = recommended("head5", "Kha Thị Duyên", "BK_TW_HOI");
		assertThat(r.review()).variables().containsEntry("withinCity", false);
		cityBoard(r.review(), "approve", null);
		ProcessInstance session = season.openCitySession();
		// the city's rule for the Central Union's diploma: at least ⅔ of all members (4 of 5 here)
		season.cityVoteAll(session, r.nomination().getId(), "agree", "agree", "agree", "agree", "disagree");
		season.runJobs();
		assertThat(r.review()).isWaitingAt("ReceiveTask_AwaitCityRequestLetter");

		season.citySign("07/TTr-HLHPNTP-" + year, r.nomination().getId());

		assertThat(r.review()).isEnded().hasPassed("Task_RecordForwarded", "EndEvent_Forwarded");
		assertThat(register.find(r.awardId()).orElseThrow().outcome()).isNull();
		assertThat(outcomes.answeredByReview(r.awardId())).isFalse();
		verify(mail, atLeastOnce()).send(eq("city-review-result"), any(Recipients.class),
				argThat((Map<String, Object> m) -> ("07/TTr-HLHPNTP-" + year).equals(m.get("decisionNumber"))));
	}

	// ---------------------------------------------------------------------------------------------

	record Recommended(ProcessInstance nomination, ProcessInstance review, long awardId, String letter) {
	}

	/** A nomination above the ward through the whole ward chain, its request letter signed by the ward's chair. */
	private Recommended recommended(String head, String nominee, String award) {
		String chapter = "bode-ch0" + head.substring(head.length() - 1);
		if ("BK_TW_HOI".equals(award)) {
			for (int back = 1; back <= 3; back++) {
				held(nominee, chapter, "CSTD_CO_SO", year - back);
			}
		}
		else {
			held(nominee, chapter, "GK_HOI_PHUONG", year - 2);
			held(nominee, chapter, "LAO_DONG_TIEN_TIEN", year - 1);
		}
		ProcessInstance pi = season.as(head, () -> formService.submitStartForm(repositoryService
			.createProcessDefinitionQuery()
			.processDefinitionKey(NominationVariables.PROCESS_KEY)
			.latestVersion()
			.singleResult()
			.getId(), nomination(nominee, award)));
		DossierFixtures.attachRequired(context, pi.getId(), head);
		season.as(head, () -> {
			formService.submitTaskForm(BpmnAwareTests.task(pi).getId(), Map.of());
			return null;
		});
		formService.submitTaskForm(BpmnAwareTests.task(pi).getId(), Map.of("boardDecision", "approve"));
		Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
		managementService.executeJob(timer.getId());
		ProcessInstance session = season.openSession();
		season.voteAll(session, pi.getId(), "agree", "agree", "agree", "agree", "agree");
		season.runJobs();
		assertThat(pi).isWaitingAt(NominationVariables.RECEIVE_AWAIT_REQUEST_LETTER);
		String letter = "TTr-" + System.nanoTime();
		season.sign(letter, pi.getId());
		assertThat(pi).isEnded().hasPassed("EndEvent_Recommended");
		ProcessInstance review = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(CityReviewVariables.PROCESS_KEY)
			.processInstanceBusinessKey(pi.getId())
			.singleResult();
		assertThat(review).as("the city's review of " + nominee).isNotNull();
		long awardId = register.list(List.of("bode"), List.of(), year, chapter)
			.stream()
			.filter(a -> a.processInstanceId().equals(pi.getId()))
			.findFirst()
			.orElseThrow()
			.id();
		return new Recommended(pi, review, awardId, letter);
	}

	private void cityBoard(ProcessInstance review, String decision, String reason) {
		Task task = taskService.createTaskQuery()
			.processInstanceId(review.getId())
			.taskDefinitionKey(CityReviewVariables.TASK_BOARD_REVIEW)
			.singleResult();
		Map<String, Object> v = new HashMap<>();
		v.put("cityBoardDecision", decision);
		v.put("cityBoardReason", reason);
		season.as("cityboard1", () -> {
			formService.submitTaskForm(task.getId(), v);
			return null;
		});
	}

	private void held(String nominee, String chapterGroup, String award, int periodYear) {
		register.record(new AwardRegister.NewAward("held-" + java.util.UUID.randomUUID(), "bode", chapterGroup,
				"Chi hội", "INDIVIDUAL", nominee, catalogue.find(award).orElseThrow(), periodYear, AwardEntry.DECIDED,
				"H-" + System.nanoTime(), LocalDate.of(periodYear, 12, 20), "chair", 5, 0, 0));
	}

	private Map<String, Object> nomination(String nominee, String award) {
		Map<String, Object> v = new HashMap<>();
		v.put("nomineeType", "INDIVIDUAL");
		v.put("nomineeName", nominee);
		v.put("periodYear", (long) year);
		v.put("awardCode", award);
		v.put("achievementReport", "Vận động 40 hội viên tham gia mô hình \"Phụ nữ tiết kiệm\".");
		v.put("reviewMeetingDate", LocalDate.now().minusDays(3).toString());
		v.put("reviewMeetingAgreed", true);
		v.put("noDisciplineDeclared", true);
		return v;
	}

}
