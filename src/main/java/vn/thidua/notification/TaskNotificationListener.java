package vn.thidua.notification;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

import vn.thidua.notification.OutboxNotifier.Kind;

/**
 * Added by {@link NotificationEnginePlugin} to every user task of every process (no BPMN wiring):
 * on {@code create} it sets the due date from {@link DeadlineProperties} (unless the BPMN set one)
 * and, for an unassigned task, queues the assignment mail to the candidate users and every member
 * of the candidate groups; on {@code assignment} it queues the mail to the new assignee (not when
 * people claim a task themselves); on {@code complete}/{@code delete} it cancels reminders still
 * waiting. Runs inside the task's transaction: it only writes outbox rows.
 */
@Component
class TaskNotificationListener implements TaskListener {

	static final String TEMPLATE = "assignment";

	private final OutboxNotifier notifier;

	private final NotificationOutbox outbox;

	private final DeadlineProperties deadlines;

	private final IdentityService identityService;

	TaskNotificationListener(OutboxNotifier notifier, NotificationOutbox outbox, DeadlineProperties deadlines,
			IdentityService identityService) {
		this.notifier = notifier;
		this.outbox = outbox;
		this.deadlines = deadlines;
		this.identityService = identityService;
	}

	@Override
	public void notify(DelegateTask task) {
		switch (task.getEventName()) {
			case EVENTNAME_CREATE -> created(task);
			case EVENTNAME_ASSIGNMENT -> assigned(task);
			case EVENTNAME_COMPLETE, EVENTNAME_DELETE -> outbox.cancelPendingDeadlineMail(task.getId());
			default -> {
			}
		}
	}

	private void created(DelegateTask task) {
		if (task.getDueDate() == null) {
			Duration duration = deadlines.durationOf(task.getTaskDefinitionKey());
			task.setDueDate(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
		}
		if (task.getAssignee() != null) {
			return; // the engine fires 'assignment' right after 'create': that event tells the assignee
		}
		Set<String> users = new LinkedHashSet<>();
		Set<String> groups = new LinkedHashSet<>();
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				if (link.getUserId() != null) {
					users.add(link.getUserId());
				}
				if (link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
			}
		}
		queue(task, new Recipients(users, groups));
	}

	private void assigned(DelegateTask task) {
		String assignee = task.getAssignee();
		if (assignee == null || assignee.equals(currentUserId())) {
			return;
		}
		queue(task, Recipients.users(Set.of(assignee)));
	}

	private void queue(DelegateTask task, Recipients recipients) {
		if (recipients.users().isEmpty() && recipients.groups().isEmpty()) {
			return;
		}
		Map<String, Object> model = TaskMailModel.of(task);
		notifier.queue(Kind.ASSIGN, TEMPLATE, recipients, model, task.getId(), task.getProcessInstanceId(), userId -> {
			String prefix = "assign:" + task.getId() + ":" + userId + ":";
			return prefix + (outbox.existingKeys(task.getId(), prefix).size() + 1);
		});
	}

	private String currentUserId() {
		Authentication authentication = identityService.getCurrentAuthentication();
		return authentication == null ? null : authentication.getUserId();
	}

}
