package vn.thidua.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A user task's event as {@link NotificationEnginePlugin} reads it from the engine: plain values,
 * so that {@link TaskNotifications} decides the mails without the engine. The variables are read
 * only when a mail is queued.
 */
record TaskEvent(String event, String taskId, String name, String definitionKey, String assignee, Instant dueDate,
		Set<String> candidateUsers, Set<String> candidateGroups, String processInstanceId, String processName,
		String processKey, Supplier<Map<String, Object>> variables) {

	static final String CREATE = "create";

	static final String ASSIGNMENT = "assignment";

	static final String COMPLETE = "complete";

	static final String DELETE = "delete";

}
