package vn.thidua.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

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

	static Map<String, Object> of(Map<String, Object> variables, String taskId, String taskName,
			String taskDefinitionKey, Instant dueDate, String processName) {
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
	static String format(Instant instant) {
		return instant == null ? null : DATE.format(instant.atZone(VIETNAM));
	}

	static String format(Date date) {
		return date == null ? null : format(date.toInstant());
	}

}
