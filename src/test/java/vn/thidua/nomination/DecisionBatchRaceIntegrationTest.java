package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.thidua.support.IntegrationTest;

/**
 * The races around a ward's decision batch, made to happen in a chosen order on PostgreSQL with the
 * job executor on: two nominations open the batch at the same moment (the second one's insert
 * waits on the first one's uncommitted row), and the chair's signature reaches a nomination whose
 * own job has not yet brought it to its receive task. Each test has a ward of its own.
 */
@IntegrationTest
class DecisionBatchRaceIntegrationTest {

	private static final String ISSUER = "WARD_UNION_CHAIR";

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	AwardDecisionProcess decisions;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	HistoryService historyService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	private final String ward = "race" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void removeTheWardsInstances() {
		// the job executor may be running one of their jobs: a deletion that collides with it is tried again
		await().atMost(WAIT).ignoreExceptions().until(() -> {
			for (String key : List.of("AwardDecision", "CommendationNomination")) {
				runtimeService.createProcessInstanceQuery()
					.processDefinitionKey(key)
					.variableValueEquals("wardCode", ward)
					.list()
					.forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test over", true, true));
			}
			return runtimeService.createProcessInstanceQuery().variableValueEquals("wardCode", ward).count() == 0;
		});
	}

	@Test
	void shouldOpenOneBatchWhenTwoNominationsOfferAtTheSameMoment() throws Exception {
		// given: the first nomination has opened the batch, its transaction not yet committed
		String first = "nomination-" + UUID.randomUUID();
		String second = "nomination-" + UUID.randomUUID();
		CountDownLatch opened = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		CompletableFuture<Void> firstOffer = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
			offer(first);
			opened.countDown();
			awaitRelease(commit);
		}));
		assertThat(opened.await(60, TimeUnit.SECONDS)).as("the first offer opened the batch").isTrue();

		// when: the second offers meanwhile (it finds no committed batch, so it opens one too: its insert
		// waits for the first transaction), then the first commits
		CompletableFuture<Void> secondOffer = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> offer(second)));
		awaitLockWait("%INSERT INTO thidua_decision_batch%");
		commit.countDown();
		firstOffer.get(60, TimeUnit.SECONDS);

		// then: the second one's transaction went on and joined the first one's batch: nothing to run again
		secondOffer.get(60, TimeUnit.SECONDS);
		List<Long> batches = jdbc.sql("SELECT id FROM thidua_decision_batch WHERE ward_code = :ward")
			.param("ward", ward)
			.query(Long.class)
			.list();
		assertThat(batches).hasSize(1);
		assertThat(jdbc.sql("SELECT process_instance_id FROM thidua_decision_item WHERE batch_id = :batch ORDER BY id")
			.param("batch", batches.get(0))
			.query(String.class)
			.list()).containsExactly(first, second);
		assertThat(runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("AwardDecision")
			.variableValueEquals("wardCode", ward)
			.count()).isOne();
		assertThat(jdbc.sql("SELECT process_instance_id FROM thidua_decision_batch WHERE id = :id")
			.param("id", batches.get(0))
			.query(String.class)
			.single()).isEqualTo(runtimeService.createProcessInstanceQuery()
				.processDefinitionKey("AwardDecision")
				.variableValueEquals("wardCode", ward)
				.singleResult()
				.getId());
	}

	@Test
	void shouldGiveTheDecisionToASignedNominationOnceItWaitsForIt() {
		// given: a nomination at ReceiveTask_AwaitDecision whose job has not run (suspended), though it
		// is in the batch already
		String nomination = new TransactionTemplate(transactionManager).execute(status -> {
			String pid = runtimeService.createProcessInstanceByKey("CommendationNomination")
				.startBeforeActivity("ReceiveTask_AwaitDecision")
				.setVariables(nominationVariables())
				.execute()
				.getId();
			managementService.suspendJobByProcessInstanceId(pid);
			nominationRow(pid, "Hà Thị Chờ Ký");
			return pid;
		});
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> offer(nomination));

		// when: the chair signs it
		Task sign = await().atMost(WAIT)
			.until(() -> taskService.createTaskQuery()
				.processDefinitionKey("AwardDecision")
				.processVariableValueEquals("wardCode", ward)
				.singleResult(), t -> t != null);
		taskService.claim(sign.getId(), "chair");
		Map<String, Object> signature = new HashMap<>();
		signature.put("chosenNominations", SpinValues.jsonValue("[\"" + nomination + "\"]").create());
		signature.put("decisionNumber", "R-" + ward + "/QĐ-HLHPN");
		signature.put("decisionDate", LocalDate.now().toString());
		taskService.complete(sign.getId(), signature);

		// then: Task_IssueDecision does not pass it by; once its job has run, the decision reaches it
		await().atMost(WAIT)
			.until(() -> managementService.createJobQuery()
				.processDefinitionKey("AwardDecision")
				.activityId(AwardDecisionVariables.TASK_ISSUE)
				.withException()
				.list()
				.stream()
				.anyMatch(j -> j.getExceptionMessage().contains(nomination)));
		managementService.activateJobByProcessInstanceId(nomination);
		await().atMost(WAIT)
			.until(() -> historyService.createHistoricActivityInstanceQuery()
				.processInstanceId(nomination)
				.activityId("ReceiveTask_AwaitDecision")
				.finished()
				.count() == 1);
		assertThat(runtimeService.getVariable(nomination, "decisionNumber")).isEqualTo("R-" + ward + "/QĐ-HLHPN");
	}

	@Test
	void shouldKeepANominationJoiningWhileTheSignatureIsIssuedWithoutAFailedJob() throws Exception {
		// given: the batch of a first nomination, signed; Task_IssueDecision's job held back
		String first = "nomination-" + UUID.randomUUID();
		String second = "nomination-" + UUID.randomUUID();
		TransactionTemplate tx = new TransactionTemplate(transactionManager);
		tx.executeWithoutResult(status -> {
			nominationRow(first, "Hà Thị Ký Trước");
			nominationRow(second, "Lê Thị Đến Sau");
			offer(first);
		});
		String batch = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(AwardDecisionVariables.PROCESS_KEY)
			.variableValueEquals("wardCode", ward)
			.singleResult()
			.getId();
		Task sign = taskService.createTaskQuery().processInstanceId(batch).singleResult();
		taskService.claim(sign.getId(), "chair");
		String issueDefinition = managementService.createJobDefinitionQuery()
			.processDefinitionKey(AwardDecisionVariables.PROCESS_KEY)
			.activityIdIn(AwardDecisionVariables.TASK_ISSUE)
			.singleResult()
			.getId();
		CountDownLatch joined = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> secondOffer;
		managementService.suspendJobDefinitionById(issueDefinition);
		try {
			Map<String, Object> signature = new HashMap<>();
			signature.put("chosenNominations", SpinValues.jsonValue("[\"" + first + "\"]").create());
			signature.put("decisionNumber", "J-" + ward + "/QĐ-HLHPN");
			signature.put("decisionDate", LocalDate.now().toString());
			taskService.complete(sign.getId(), signature);

			// when: the second nomination joins the batch (not yet committed) as the job runs
			secondOffer = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
				offer(second);
				joined.countDown();
				awaitRelease(commit);
			}));
			assertThat(joined.await(60, TimeUnit.SECONDS)).as("the second nomination joined").isTrue();
		}
		finally {
			managementService.activateJobDefinitionById(issueDefinition, true);
		}
		awaitLockWait("%thidua_decision_batch%FOR UPDATE%");
		commit.countDown();
		secondOffer.get(60, TimeUnit.SECONDS);

		// then: the job waited for the batch's row instead of failing on the engine's optimistic lock;
		// the batch stays open and the chair's task comes back with the second nomination
		Task next = await().atMost(WAIT)
			.until(() -> taskService.createTaskQuery().processInstanceId(batch).singleResult(), t -> t != null);
		assertThat(taskService.getVariableLocal(next.getId(), "decisionCandidates").toString()).contains(second)
			.doesNotContain(first);
		assertThat(historyService.createHistoricJobLogQuery().processInstanceId(batch).failureLog().count())
			.as("failed tries of the batch's jobs").isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM thidua_decision_batch WHERE ward_code = :ward AND open_key IS NOT NULL")
			.param("ward", ward)
			.query(Long.class)
			.single()).isOne();
	}

	/** The nomination's row, which the chair's checklist shows. */
	private void nominationRow(String pid, String name) {
		jdbc.sql("""
				INSERT INTO thidua_nomination (process_instance_id, ward_code, chapter_group, nominee_type,
				  nominee_name, award_code, period_year, status, dedup_key, nominated_by, created_at, updated_at,
				  nominee_name_folded)
				VALUES (:pid, :ward, 'bode-ch01', 'INDIVIDUAL', :name, 'GK_HOI_PHUONG', :year, 'ACTIVE',
				  NULL, 'head1', LOCALTIMESTAMP, LOCALTIMESTAMP, :folded)""")
			.param("pid", pid)
			.param("ward", ward)
			.param("name", name)
			.param("year", LocalDate.now().getYear())
			.param("folded", vn.thidua.award.NomineeNames.folded(name))
			.update();
	}

	private void offer(String nomination) {
		decisions.offer(nomination, ward, ISSUER, "Chủ tịch Hội LHPN phường", true, "bode-chair");
	}

	private Map<String, Object> nominationVariables() {
		Map<String, Object> v = new HashMap<>();
		v.put("wardCode", ward);
		v.put("awardIssuer", ISSUER);
		v.put("decidingAuthority", "Chủ tịch Hội LHPN phường");
		v.put("decisionPath", "DECISION");
		v.put("chairGroup", "bode-chair");
		return v;
	}

	/** Until a statement of the database matching the LIKE pattern waits on a lock. */
	private void awaitLockWait(String statement) {
		await().atMost(WAIT)
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
					+ "AND wait_event_type = 'Lock' AND query LIKE :statement")
				.param("statement", statement)
				.query(Long.class)
				.single() > 0);
	}

	private static void awaitRelease(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new IllegalStateException("not released");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
