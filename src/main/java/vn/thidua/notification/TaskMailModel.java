package vn.thidua.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;

import vn.thidua.process.ProcessVariables;

/**
 * The values task mails (assignment, reminder, escalation) show: the process variables plus the
 * task's name, id, due date and process name, under fixed keys the templates use.
 */
final class TaskMailModel {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/** Model key of the task's process definition key (which Tasklist tab its link opens). */
	static final String PROCESS_KEY = "processDefinitionKey";

	private TaskMailModel() {
	}

	static Map<String, Object> of(DelegateTask task) {
		String processName = null;
		String processKey = null;
		if (task.getExecution() instanceof ExecutionEntity execution) {
			ProcessDefinitionImpl definition = execution.getProcessDefinition();
			processName = definition == null ? null : definition.getName();
			processKey = definition instanceof org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity entity
					? entity.getKey() : null;
		}
		Map<String, Object> model = of(task.getVariables(), task.getId(), task.getName(), task.getTaskDefinitionKey(),
				task.getDueDate(), processName);
		model.put(PROCESS_KEY, processKey);
		return model;
	}

	static Map<String, Object> of(Map<String, Object> variables, String taskId, String taskName,
			String taskDefinitionKey, Date dueDate, String processName) {
		Map<String, Object> model = new HashMap<>(variables == null ? Map.of() : variables);
		model.put("taskId", taskId);
		model.put("taskName", taskName == null || taskName.isBlank() ? taskDefinitionKey : taskName);
		model.put("processName", processName);
		model.put("dueDate", format(dueDate));
		model.putIfAbsent(ProcessVariables.SUBJECT.name(), null);
		model.putIfAbsent(ProcessVariables.CHAPTER_NAME.name(), null);
		return model;
	}

	/** {@code dd/MM/yyyy} in Vietnam's time zone, or null. */
	static String format(Date date) {
		return date == null ? null : DATE.format(date.toInstant().atZone(VIETNAM));
	}

}
