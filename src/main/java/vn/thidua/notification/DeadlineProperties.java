package vn.thidua.notification;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

import vn.thidua.calendar.Window;

/**
 * Due dates, reminders and escalation of every user task ({@code thidua.deadlines.*}), ISO-8601
 * durations; a due date may also be a number of working days ({@code 5 working days}: the end of the
 * 5th working day of {@code thidua.calendar} after the task's creation), see {@link Window}.
 *
 * @param defaultDuration due date of a task = creation time + this ({@code thidua.deadlines.default})
 * @param tasks per task definition key (BPMN id of the user task), overriding the default
 * @param reminderBefore a reminder goes this long before the due date
 * @param escalationGroup group told when a task is overdue; {@code {wardCode}} is replaced by the
 * process variable {@code wardCode}
 * @param scanInterval how often open tasks are checked for reminders and escalation
 */
@ConfigurationProperties("thidua.deadlines")
public record DeadlineProperties(@DefaultValue("P7D") @Name("default") String defaultDuration,
		Map<String, String> tasks, @DefaultValue("P2D") Duration reminderBefore,
		@DefaultValue("{wardCode}-chair") String escalationGroup, @DefaultValue("PT15M") Duration scanInterval) {

	public DeadlineProperties {
		tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
		Window.parse("thidua.deadlines.default", defaultDuration);
		tasks.forEach((key, value) -> Window.parse("thidua.deadlines.tasks." + key, value));
	}

	/** How long a task with this definition key may stay open. */
	Window windowOf(String taskDefinitionKey) {
		String value = taskDefinitionKey == null ? defaultDuration : tasks.getOrDefault(taskDefinitionKey, defaultDuration);
		String setting = tasks.containsKey(taskDefinitionKey) ? "thidua.deadlines.tasks." + taskDefinitionKey
				: "thidua.deadlines.default";
		return Window.parse(setting, value);
	}

}
