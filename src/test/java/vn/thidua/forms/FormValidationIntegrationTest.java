package vn.thidua.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.TestProcesses;

/**
 * The REST API bypasses the forms: every start and completion must still obey the form's rules,
 * answer 400 naming the field in Vietnamese, and write nothing.
 */
@IntegrationTest
class FormValidationIntegrationTest {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	HistoryService historyService;

	@LocalServerPort
	int port;

	Http http;

	String taskPath;

	String instance;

	@BeforeEach
	void startInstance() {
		http = new Http(port);
		TestProcesses.deploy(repositoryService);
		instance = runtimeService
			.startProcessInstanceByKey(TestProcesses.KEY, Map.of("chapterGroup", "bode-ch01", "year", 2027))
			.getId();
		taskPath = "/engine-rest/task/" + taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
	}

	@Test
	void shouldRefuseASubmitWithoutTheRequiredFieldsAndLeaveTheTaskOpen() {
		Http.Reply reply = http.post("head1", taskPath + "/submit-form", Map.of("variables", Map.of()));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("message").asText()).isEqualTo("«Tiêu đề báo cáo» là bắt buộc, vui lòng nhập.");
		assertThat(reply.json().path("field").asText()).isEqualTo("reportTitle");
		assertTaskStillOpenWithNothingWritten();
	}

	@Test
	void shouldRefuseTheSameOnThePlainCompleteEndpoint() {
		Http.Reply reply = http.post("head1", taskPath + "/complete",
				Map.of("variables", vars("reportTitle", "Báo cáo", "rating", "KHA")));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("message").asText()).contains("«Chi hội đã thống nhất»");
		assertTaskStillOpenWithNothingWritten();
	}

	@Test
	void shouldRefuseTextLongerThanTheFormAllows() {
		Map<String, Object> variables = valid();
		variables.put("reportBody", Map.of("value", "a".repeat(100_000)));

		Http.Reply reply = http.post("head1", taskPath + "/submit-form", Map.of("variables", variables));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("message").asText())
			.isEqualTo("«Nội dung» dài tối đa 10000 ký tự (đang có 100000).");
		assertTaskStillOpenWithNothingWritten();
	}

	@Test
	void shouldRefuseAValueOutsideTheOptionsAndValuesOfTheWrongType() {
		Map<String, Object> badOption = valid();
		badOption.put("rating", Map.of("value", "XUAT_SAC"));
		Map<String, Object> badType = valid();
		badType.put("agreed", Map.of("value", "có"));
		Map<String, Object> badDate = valid();
		badDate.put("meetingDate", Map.of("value", "31/02/2027"));
		Map<String, Object> badItem = valid();
		badItem.put("items", Map.of("value", "[{\"name\":\"\"}]", "type", "Json"));

		assertThat(message(badOption)).isEqualTo("«Tự xếp loại»: giá trị «XUAT_SAC» không có trong danh sách được chọn.");
		assertThat(message(badType)).isEqualTo("«Chi hội đã thống nhất» phải là có hoặc không.");
		assertThat(message(badDate)).startsWith("«Ngày họp» không phải là ngày hợp lệ");
		assertThat(message(badItem)).isEqualTo("«Phần việc», dòng 1: «Tên phần việc» là bắt buộc, vui lòng nhập.");
		assertTaskStillOpenWithNothingWritten();
	}

	@Test
	void shouldAcceptAValidSubmit() {
		Map<String, Object> variables = valid();
		variables.put("items", Map.of("value", "[{\"name\":\"Mô hình Phụ nữ tiết kiệm\"}]", "type", "Json"));

		assertThat(http.post("head1", taskPath + "/submit-form", Map.of("variables", variables)).status())
			.isEqualTo(204);
		assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey())
			.isEqualTo("Task_CellGuidance");
	}

	@Test
	void shouldRefuseVariablesThatAreNotOnTheFormAndWritesOutsideACompletion() {
		Map<String, Object> smuggled = valid();
		smuggled.put("chapterGroup", Map.of("value", "bode-ch02"));

		Http.Reply reply = http.post("head1", taskPath + "/submit-form", Map.of("variables", smuggled));
		Http.Reply direct = http.post("head1", taskPath + "/variables",
				Map.of("modifications", Map.of("chapterGroup", Map.of("value", "bode-ch02"))));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("message").asText()).isEqualTo("«chapterGroup» không thuộc biểu mẫu này nên không được gửi.");
		assertThat(direct.status()).isEqualTo(403);
		assertThat(runtimeService.getVariable(instance, "chapterGroup")).isEqualTo("bode-ch01");
		assertTaskStillOpenWithNothingWritten();
	}

	@Test
	void shouldValidateTheStartFormToo() {
		long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(TestProcesses.KEY).count();

		Http.Reply reply = http.post("admin", "/engine-rest/process-definition/key/" + TestProcesses.KEY + "/submit-form",
				Map.of("variables", vars("chapterGroup", "bode-ch01", "year", 1999)));
		Http.Reply wrongPattern = http.post("admin",
				"/engine-rest/process-definition/key/" + TestProcesses.KEY + "/start",
				Map.of("variables", vars("chapterGroup", "BODE CH01", "year", 2027)));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("message").asText()).isEqualTo("«Năm» phải từ 2000 trở lên.");
		assertThat(wrongPattern.status()).isEqualTo(400);
		assertThat(wrongPattern.json().path("message").asText()).isEqualTo("«Chi hội» không đúng định dạng.");
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(TestProcesses.KEY).count())
			.isEqualTo(before);
	}

	private String message(Map<String, Object> variables) {
		Http.Reply reply = http.post("head1", taskPath + "/submit-form", Map.of("variables", variables));
		assertThat(reply.status()).as(reply.body()).isEqualTo(400);
		JsonNode json = reply.json();
		return json.path("message").asText();
	}

	private void assertTaskStillOpenWithNothingWritten() {
		List<Task> open = taskService.createTaskQuery().processInstanceId(instance).list();
		assertThat(open).singleElement().satisfies(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_ChapterReport"));
		assertThat(runtimeService.getVariables(instance)).containsOnlyKeys("chapterGroup", "year");
		assertThat(historyService.createHistoricDetailQuery().processInstanceId(instance).formFields().count()).isZero();
	}

	private static Map<String, Object> valid() {
		return vars("reportTitle", "Báo cáo quý I – Chi hội số 1", "rating", "VUNG_MANH", "agreed", true,
				"meetingDate", "2027-01-15");
	}

	private static Map<String, Object> vars(Object... keyValues) {
		Map<String, Object> variables = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			variables.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
		}
		return variables;
	}

}
