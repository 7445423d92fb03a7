package vn.thidua.notification;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Outcome mail from one BPMN element: a service or send task with
 * {@code camunda:delegateExpression="${notifyDelegate}"} and input parameters {@code template}
 * (e.g. {@code nomination-approved}), {@code recipientGroups} and/or {@code recipientUsers}
 * (comma-separated, or a list; expressions such as {@code ${chapterGroup}} are evaluated by the
 * engine). The template sees every process variable. The mail is queued in the step's transaction.
 */
@Component("notifyDelegate")
class NotifyDelegate implements JavaDelegate {

	static final String TEMPLATE = "template";

	static final String RECIPIENT_GROUPS = "recipientGroups";

	static final String RECIPIENT_USERS = "recipientUsers";

	private final Notifier notifier;

	NotifyDelegate(Notifier notifier) {
		this.notifier = notifier;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object template = execution.getVariableLocal(TEMPLATE);
		if (template == null || template.toString().isBlank()) {
			throw new IllegalStateException("notifyDelegate at " + execution.getCurrentActivityId()
					+ " needs the input parameter '" + TEMPLATE + "'");
		}
		Recipients recipients = new Recipients(split(execution.getVariableLocal(RECIPIENT_USERS)),
				split(execution.getVariableLocal(RECIPIENT_GROUPS)));
		Map<String, Object> model = new HashMap<>(execution.getVariables());
		model.put("processInstanceId", execution.getProcessInstanceId());
		notifier.send(template.toString().strip(), recipients, model);
	}

	static Set<String> split(Object value) {
		Set<String> result = new LinkedHashSet<>();
		if (value instanceof Collection<?> values) {
			values.forEach(v -> result.addAll(split(v)));
		}
		else if (value != null) {
			for (String part : value.toString().split(",")) {
				if (!part.isBlank()) {
					result.add(part.strip());
				}
			}
		}
		return result;
	}

}
