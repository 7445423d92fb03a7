package vn.thidua.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestProcesses;

@IntegrationTest
class RestSecurityIntegrationTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@LocalServerPort
	int port;

	Http http;

	@BeforeEach
	void setUp() {
		http = new Http(port);
		TestProcesses.deploy(repositoryService);
	}

	@Test
	void shouldRequireAuthenticationOnTheEngineRestApiAndTheApplicationApi() {
		assertThat(http.get(null, "/engine-rest/task?maxResults=15").status()).isEqualTo(401);
		assertThat(http.get(null, "/engine-rest/process-definition?maxResults=15").status()).isEqualTo(401);
		assertThat(http.get(null, "/api/anything").status()).isEqualTo(401);
		assertThat(http.get("head1", "/engine-rest/task?maxResults=15").status()).isEqualTo(200);
		// a wrong password locks the login for a few seconds (Camunda's login throttling): use a login
		// no other test needs
		assertThat(http.get("head5:wrong", "/engine-rest/task?maxResults=15").status()).isEqualTo(401);
	}

	@Test
	void shouldLetOnlyTheChapterItselfSeeClaimAndCompleteItsTask() {
		String instance = runtimeService
			.startProcessInstanceByKey(TestProcesses.KEY, Map.of("chapterGroup", "bode-ch01", "year", 2027))
			.getId();
		Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		String taskPath = "/engine-rest/task/" + task.getId();

		assertThat(http.get("head2", "/engine-rest/task?processInstanceId=" + instance + "&maxResults=15").json())
			.isEmpty();
		assertThat(http.get("head2", taskPath).status()).isEqualTo(404);
		assertThat(http.post("head2", taskPath + "/claim", Map.of("userId", "head2")).status()).isEqualTo(403);
		assertThat(http.post("head2", taskPath + "/complete", Map.of()).status()).isEqualTo(403);
		assertThat(http.get("head2", "/engine-rest/process-instance/" + instance).status()).isEqualTo(404);

		assertThat(http.get("head1", "/engine-rest/task?processInstanceId=" + instance + "&maxResults=15").json())
			.hasSize(1);
		assertThat(http.post("head1", taskPath + "/claim", Map.of("userId", "head1")).status()).isEqualTo(204);
		assertThat(http.post("head1", taskPath + "/submit-form", Map.of("variables",
				Map.of("reportTitle", Map.of("value", "Báo cáo quý I"), "rating", Map.of("value", "KHA"), "agreed",
						Map.of("value", true)))).status())
			.isEqualTo(204);

		Task cellTask = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		assertThat(cellTask.getTaskDefinitionKey()).isEqualTo("Task_CellGuidance");
		assertThat(http.get("cell2", "/engine-rest/task?processInstanceId=" + instance + "&maxResults=15").json())
			.isEmpty();
		assertThat(http.get("cell1", "/engine-rest/task?processInstanceId=" + instance + "&maxResults=15").json())
			.hasSize(1);
	}

	@Test
	void shouldOpenTasklistFromTheHomeAddress() {
		Http.Reply home = http.get(null, "/");

		assertThat(home.status()).isEqualTo(302);
		assertThat(home.location()).endsWith("/camunda/app/tasklist/");
	}

	@Test
	void shouldLetNobodyButTheAdministratorDeploy() {
		assertThat(http.get("head1", "/engine-rest/deployment?maxResults=15").json()).isEmpty();
		String bpmn = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
				+ "<process id=\"Evil\" isExecutable=\"true\"/></definitions>";
		Http.Reply refused = http.postFile("head1", "/engine-rest/deployment/create", "evil.bpmn", bpmn);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Evil").count()).isZero();
		assertThat(http.get("head1", "/engine-rest/authorization?maxResults=15").json()).isEmpty();
		assertThat(http.get("head1", "/engine-rest/user/board1/profile").status()).isEqualTo(404);
		assertThat(http.get("admin", "/engine-rest/deployment?maxResults=15").json()).isNotEmpty();
	}

}
