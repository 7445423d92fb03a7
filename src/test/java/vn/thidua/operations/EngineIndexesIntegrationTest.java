package vn.thidua.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.thidua.support.IntegrationTest;

/**
 * The indexes the application adds to the engine's tables (V10, V30) on PostgreSQL: the engine's
 * query of the nominations waiting in a ward (process variable {@code wardCode}) starts from the
 * ward's instances through {@code thidua_idx_var_ward} instead of every execution at the activity.
 */
@IntegrationTest
class EngineIndexesIntegrationTest {

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldFindAWardsInstancesThroughTheWardIndex() {
		String ward = "idx" + UUID.randomUUID().toString().substring(0, 8);
		String pid = runtimeService.createProcessInstanceByKey("CommendationNomination")
			.startBeforeActivity("ReceiveTask_AwaitCouncilSession")
			.setVariables(Map.of("wardCode", ward))
			.execute()
			.getId();
		try {
			// the engine's own query finds it
			assertThat(runtimeService.createExecutionQuery()
				.processDefinitionKey("CommendationNomination")
				.activityId("ReceiveTask_AwaitCouncilSession")
				.processVariableValueEquals("wardCode", ward)
				.list()).extracting(e -> e.getProcessInstanceId()).containsExactly(pid);
			// and the shape of its SQL (TEXT_ = ? with NAME_ = 'wardCode', TASK_ID_ IS NULL) uses the index
			List<String> plan = jdbc.sql("""
					EXPLAIN SELECT RES.ID_ FROM ACT_RU_EXECUTION RES WHERE EXISTS (SELECT ID_ FROM ACT_RU_VARIABLE
					  WHERE NAME_ = 'wardCode' AND TASK_ID_ IS NULL AND RES.PROC_INST_ID_ = PROC_INST_ID_
					  AND TYPE_ = 'string' AND TEXT_ = :ward)""")
				.param("ward", ward)
				.query(String.class)
				.list();
			assertThat(String.join("\n", plan)).contains("thidua_idx_var_ward");
		}
		finally {
			runtimeService.deleteProcessInstance(pid, "test over", true, true);
		}
	}

}
