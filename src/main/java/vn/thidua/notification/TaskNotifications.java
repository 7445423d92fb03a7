package vn.thidua.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.thidua.calendar.WorkingDayCalendar;
import vn.thidua.identity.security.Actor;
import vn.thidua.notification.OutboxNotifier.Kind;
import vn.thidua.standin.StandInService;

/**
 * The mails of every user task of every process, without BPMN wiring ({@link NotificationEnginePlugin}
 * hands each task event over): on {@code create} the due date from {@link DeadlineProperties}
 * (unless the BPMN set one; in working days through {@link WorkingDayCalendar}) and, for an unassigned task, the assignment mail to the candidate users
 * and every member of the candidate groups; on {@code assignment} the mail to the new assignee (not
 * when people claim a task themselves), and to the assignee's stand-in while she is away (the stand-in
 * of an unassigned task is among its candidates already: {@code StandInEnginePlugin}); on
 * {@code complete}/{@code delete} reminders still waiting are cancelled. Runs inside the task's transaction: it only writes outbox rows.
 */
@Component
class TaskNotifications {

	static final String TEMPLATE = "assignment";

	private final OutboxNotifier notifier;

	private final NotificationOutbox outbox;

	private final DeadlineProperties deadlines;

	private final Actor actor;

	private final Clock clock;

	private final StandInService standIns;

	private final WorkingDayCalendar calendar;

	TaskNotifications(OutboxNotifier notifier, NotificationOutbox outbox, DeadlineProperties deadlines, Actor actor,
			Clock clock, StandInService standIns, WorkingDayCalendar calendar) {
		this.standIns = standIns;
		this.notifier = notifier;
		this.outbox = outbox;
		this.deadlines = deadlines;
		this.actor = actor;
		this.clock = clock;
		this.calendar = calendar;
	}

	/**
	 * Handles one task event.
	 *
	 * @return the due date to set on a task created without one
	 */
	Optional<Instant> on(TaskEvent task) {
		switch (task.event()) {
			case TaskEvent.CREATE -> {
				return created(task);
			}
			case TaskEvent.ASSIGNMENT -> assigned(task);
			case TaskEvent.COMPLETE, TaskEvent.DELETE -> outbox.cancelPendingDeadlineMail(task.taskId());
			default -> {
			}
		}
		return Optional.empty();
	}

	private Optional<Instant> created(TaskEvent task) {
		Instant due = task.dueDate() != null ? null
				: calendar.end(clock.instant(), deadlines.windowOf(task.definitionKey()));
		if (task.assignee() == null) {
			// with an assignee, the engine fires 'assignment' right after 'create': that event tells them
			queue(task, due, new Recipients(task.candidateUsers(), task.candidateGroups()));
		}
		return Optional.ofNullable(due);
	}

	private void assigned(TaskEvent task) {
		String assignee = task.assignee();
		if (assignee == null || assignee.equals(actor.current().orElse(null))) {
			return;
		}
		// the stand-in of a person away gets her copy of the mail (never of a ballot)
		Set<String> users = new LinkedHashSet<>(Set.of(assignee));
		users.addAll(standIns.standInsForMail(users, task.definitionKey()));
		queue(task, null, Recipients.users(users));
	}

	private void queue(TaskEvent task, Instant newDueDate, Recipients recipients) {
		if (recipients.users().isEmpty() && recipients.groups().isEmpty()) {
			return;
		}
		Map<String, Object> model = TaskMailModel.of(task.variables().get(), task.taskId(), task.name(),
				task.definitionKey(), newDueDate != null ? newDueDate : task.dueDate(), task.processName());
		model.put(TaskMailModel.PROCESS_KEY, task.processKey());
		notifier.queue(Kind.ASSIGN, TEMPLATE, recipients, model, task.taskId(), task.processInstanceId(), userId -> {
			String prefix = "assign:" + task.taskId() + ":" + userId + ":";
			return prefix + (outbox.existingKeys(task.taskId(), prefix).size() + 1);
		});
	}

}
