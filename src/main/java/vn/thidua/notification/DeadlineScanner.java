package vn.thidua.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.thidua.notification.OutboxNotifier.Kind;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.process.ProcessVariables;

/**
 * Reminders and escalation for every open user task with a due date: a task due within
 * {@code thidua.deadlines.reminder-before} (or already overdue) reminds its assignee or candidates
 * once; an overdue task tells the escalation group once. Safe on several nodes at once: the dedupe
 * keys {@code remind:<task>:<user>} and {@code escalate:<task>:<user>} are unique. Uses the engine
 * clock (the application's {@link Clock}, which is the engine's), so tests move time instead of waiting.
 */
@Component
public class DeadlineScanner {

	private static final Logger LOG = LoggerFactory.getLogger(DeadlineScanner.class);

	private static final int PAGE = 200;

	private final TaskService taskService;

	private final RepositoryService repositoryService;

	private final IdentityService identityService;

	private final OutboxNotifier notifier;

	private final NotificationOutbox outbox;

	private final DeadlineProperties deadlines;

	private final RecipientDirectory directory;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DeadlineScanner(TaskService taskService, RepositoryService repositoryService, IdentityService identityService,
			OutboxNotifier notifier, NotificationOutbox outbox, DeadlineProperties deadlines,
			RecipientDirectory directory, PlatformTransactionManager transactionManager, Clock clock) {
		this.taskService = taskService;
		this.repositoryService = repositoryService;
		this.identityService = identityService;
		this.notifier = notifier;
		this.outbox = outbox;
		this.deadlines = deadlines;
		this.directory = directory;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** What one scan queued. */
	public record Result(int reminders, int escalations) {
	}

	@Scheduled(fixedDelayString = "${thidua.deadlines.scan-interval:PT15M}", initialDelayString = "PT1M")
	void scheduledScan() {
		try {
			Result result = scan();
			if (result.reminders() + result.escalations() > 0) {
				LOG.info("Deadline scan queued {} reminder(s) and {} escalation(s)", result.reminders(),
						result.escalations());
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Deadline scan failed: {}", ex.toString());
		}
	}

	/** Scans open tasks now (engine time). Callable from tests after {@code ClockUtil.setCurrentTime}. */
	public Result scan() {
		Instant now = clock.instant();
		Date horizon = Date.from(now.plus(deadlines.reminderBefore()).plusMillis(1));
		int reminders = 0;
		int escalations = 0;
		for (int first = 0;; first += PAGE) {
			List<Task> tasks = taskService.createTaskQuery()
				.active()
				.dueBefore(horizon)
				.orderByDueDate()
				.asc()
				.orderByTaskId()
				.asc()
				.listPage(first, PAGE);
			for (Task task : tasks) {
				int[] queued = transaction.execute(status -> handle(task, now));
				reminders += queued[0];
				escalations += queued[1];
			}
			if (tasks.size() < PAGE) {
				return new Result(reminders, escalations);
			}
		}
	}

	private int[] handle(Task task, Instant now) {
		boolean overdue = !task.getDueDate().toInstant().isAfter(now);
		Set<String> reminded = outbox.existingKeys(task.getId(), "remind:" + task.getId() + ":");
		Set<String> escalated = overdue ? outbox.existingKeys(task.getId(), "escalate:" + task.getId() + ":") : Set.of();
		if (!reminded.isEmpty() && (!overdue || !escalated.isEmpty())) {
			return new int[] { 0, 0 };
		}
		Map<String, Object> model = model(task, overdue);
		int reminders = 0;
		int escalations = 0;
		if (reminded.isEmpty()) {
			reminders = notifier.queue(Kind.REMIND, "reminder", recipientsOf(task), model, task.getId(),
					task.getProcessInstanceId(), userId -> "remind:" + task.getId() + ":" + userId);
		}
		if (overdue && escalated.isEmpty()) {
			String group = escalationGroup(model);
			if (group == null) {
				LOG.warn("Task {} is overdue but has no {} to find its escalation group", task.getId(),
						ProcessVariables.WARD_CODE.name());
			}
			else {
				escalations = notifier.queue(Kind.ESCALATE, "escalation", Recipients.groups(List.of(group)), model,
						task.getId(), task.getProcessInstanceId(), userId -> "escalate:" + task.getId() + ":" + userId);
			}
		}
		return new int[] { reminders, escalations };
	}

	private Map<String, Object> model(Task task, boolean overdue) {
		String processName = task.getProcessDefinitionId() == null ? null
				: repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getName();
		Map<String, Object> model = TaskMailModel.of(taskService.getVariables(task.getId()), task.getId(),
				task.getName(), task.getTaskDefinitionKey(), task.getDueDate().toInstant(), processName);
		model.put("overdue", overdue);
		model.put("waitingFor", waitingFor(task));
		return model;
	}

	/** Who the task waits for, in words: the assignee's name or the candidate groups' names. */
	private String waitingFor(Task task) {
		if (task.getAssignee() != null) {
			return directory.nameOf(task.getAssignee());
		}
		Set<String> groups = new LinkedHashSet<>();
		Set<String> users = new LinkedHashSet<>();
		for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getGroupId() != null) {
				Group group = identityService.createGroupQuery().groupId(link.getGroupId()).singleResult();
				groups.add(group == null || group.getName() == null ? link.getGroupId() : group.getName());
			}
			else if (link.getUserId() != null) {
				users.add(directory.nameOf(link.getUserId()));
			}
		}
		Set<String> names = new LinkedHashSet<>(groups);
		names.addAll(users);
		return names.stream().map(MailRenderer::oneLine).collect(Collectors.joining(", "));
	}

	private Recipients recipientsOf(Task task) {
		if (task.getAssignee() != null) {
			return Recipients.users(List.of(task.getAssignee()));
		}
		Set<String> users = new LinkedHashSet<>();
		Set<String> groups = new LinkedHashSet<>();
		for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
				if (link.getUserId() != null) {
					users.add(link.getUserId());
				}
				if (link.getGroupId() != null) {
					groups.add(link.getGroupId());
				}
			}
		}
		return new Recipients(users, groups);
	}

	private String escalationGroup(Map<String, Object> model) {
		String pattern = deadlines.escalationGroup();
		if (!pattern.contains("{wardCode}")) {
			return pattern;
		}
		Object wardCode = model.get(ProcessVariables.WARD_CODE.name());
		if (wardCode == null || wardCode.toString().isBlank()) {
			return null;
		}
		String group = pattern.replace("{wardCode}", wardCode.toString());
		return "{wardCode}-chair".equals(pattern) ? GroupIds.chair(wardCode.toString()) : group;
	}

}
