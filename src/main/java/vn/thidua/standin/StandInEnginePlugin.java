package vn.thidua.standin;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.process.EveryUserTaskPlugin;
import vn.thidua.standin.StandInRules.Period;

/**
 * The stand-ins' one contact with the engine (issue 19). On every user task ({@link EveryUserTaskPlugin}):
 * on {@code create}, a task for a person away (her assignee task, or one offered to a group whose only
 * member she is, such as {@code bode-chair}) is offered to her stand-in as a candidate user as well; the
 * person keeps it. On {@code complete} by a stand-in, the task's comments get "X thay Y" and
 * {@link StandInService} records the act. Ballots ({@code thidua.standin.excluded-task-keys}) never.
 *
 * <p>Ordered first among the engine plugins, so that the notification listener, which runs after this
 * one, already sees the stand-in among the task's candidates and mails her too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class StandInEnginePlugin extends EveryUserTaskPlugin {

	static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE,
			TaskListener.EVENTNAME_DELETE);

	private final ObjectProvider<StandInService> service;

	private final Set<String> excludedTaskKeys;

	private volatile ProcessEngineConfigurationImpl engine;

	@Autowired
	StandInEnginePlugin(ObjectProvider<StandInService> service, @Value(EXCLUDED_PROCESS_KEYS) String excludedProcessKeys,
			@Value(StandInService.EXCLUDED_TASK_KEYS) String excludedTaskKeys) {
		this(service, excludedProcessKeys, StandInService.keys(excludedTaskKeys), new Listener());
	}

	private StandInEnginePlugin(ObjectProvider<StandInService> service, String excludedProcessKeys,
			Set<String> excludedTaskKeys, Listener listener) {
		super(excludedProcessKeys, EVENTS, listener);
		this.service = service;
		this.excludedTaskKeys = excludedTaskKeys;
		listener.engine = this;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.engine = configuration;
		super.preInit(configuration);
	}

	private boolean excluded(String taskDefinitionKey) {
		return taskDefinitionKey != null && excludedTaskKeys.contains(taskDefinitionKey);
	}

	/** The task events, handed to the plugin; the service is looked up when one happens. */
	private static final class Listener implements TaskListener {

		private StandInEnginePlugin engine;

		@Override
		public void notify(DelegateTask task) {
			engine.on(task);
		}

	}

	private void on(DelegateTask task) {
		if (excluded(task.getTaskDefinitionKey())) {
			return;
		}
		StandInService standIns = service.getObject();
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> created(task, standIns);
			case TaskListener.EVENTNAME_COMPLETE -> {
				completed(task, standIns);
				standIns.taskEnded(task.getId());
			}
			case TaskListener.EVENTNAME_DELETE -> standIns.taskEnded(task.getId());
			default -> {
			}
		}
	}

	private void created(DelegateTask task, StandInService service) {
		List<Period> active = service.activeToday();
		if (active.isEmpty()) {
			return;
		}
		Set<String> away = new LinkedHashSet<>();
		active.forEach(p -> away.add(p.person()));
		Set<String> holders = new LinkedHashSet<>();
		if (task.getAssignee() != null && away.contains(task.getAssignee())) {
			holders.add(task.getAssignee());
		}
		for (IdentityLink link : task.getCandidates()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				String sole = soleMember(link.getGroupId());
				if (sole != null && away.contains(sole)) {
					holders.add(sole);
				}
			}
		}
		for (Period p : active) {
			if (holders.contains(p.person()) && service.linked(p.id(), task.getId())) {
				task.addCandidateUser(p.standIn());
			}
		}
	}

	private void completed(DelegateTask task, StandInService service) {
		CommandContext context = Context.getCommandContext();
		String actor = context == null ? null : context.getAuthenticatedUserId();
		if (actor == null) {
			return;
		}
		service.heldFor(task.getId(), actor).ifPresent(link -> {
			String comment = service.recordAct(link, task.getId(), task.getName(), task.getTaskDefinitionKey(),
					task.getProcessInstanceId());
			withoutAuthorization(() -> services().getTaskService()
				.createComment(task.getId(), task.getProcessInstanceId(), comment));
		});
	}

	/**
	 * Offers the person's open tasks (not ballots) to the period's stand-in.
	 *
	 * @return how many tasks were newly offered
	 */
	int linkOpenTasks(Period period) {
		return withoutAuthorization(() -> {
			var tasks = services().getTaskService();
			Map<String, Task> open = new LinkedHashMap<>();
			tasks.createTaskQuery().taskAssignee(period.person()).list().forEach(t -> open.put(t.getId(), t));
			for (String group : soleGroupsOf(period.person())) {
				tasks.createTaskQuery()
					.taskCandidateGroup(group)
					.includeAssignedTasks()
					.list()
					.forEach(t -> open.putIfAbsent(t.getId(), t));
			}
			int linked = 0;
			for (Task t : open.values()) {
				if (t.getProcessDefinitionId() != null && !excluded(t.getTaskDefinitionKey())
						&& service.getObject().linked(period.id(), t.getId())) {
					tasks.addCandidateUser(t.getId(), period.standIn());
					linked++;
				}
			}
			return linked;
		});
	}

	/**
	 * Takes the stand-in's offer of the task away (the task, if she had taken it, goes back to the
	 * person or her group) with the read access the offer had given her.
	 */
	void unlink(String taskId, String standIn) {
		withoutAuthorization(() -> {
			var tasks = services().getTaskService();
			Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
			if (task == null) {
				return null;
			}
			if (standIn.equals(task.getAssignee())) {
				tasks.setAssignee(taskId, null);
			}
			tasks.deleteCandidateUser(taskId, standIn);
			var authorizations = services().getAuthorizationService();
			for (Authorization a : authorizations.createAuthorizationQuery()
				.userIdIn(standIn)
				.resourceType(Resources.TASK)
				.resourceId(taskId)
				.list()) {
				authorizations.deleteAuthorization(a.getId());
			}
			return null;
		});
	}

	/** The managed groups whose only member is the person (her chair's or chapter's group). */
	private Set<String> soleGroupsOf(String person) {
		Set<String> groups = new LinkedHashSet<>();
		for (Group g : services().getIdentityService()
			.createGroupQuery()
			.groupMember(person)
			.groupType(GroupIds.MANAGED_TYPE)
			.list()) {
			if (person.equals(soleMember(g.getId()))) {
				groups.add(g.getId());
			}
		}
		return groups;
	}

	/** The group's member if it has exactly one, else null. */
	private String soleMember(String groupId) {
		return withoutAuthorization(() -> {
			var members = services().getIdentityService().createUserQuery().memberOfGroup(groupId).listPage(0, 2);
			return members.size() == 1 ? members.get(0).getId() : null;
		});
	}

	private ProcessEngineConfigurationImpl services() {
		return engine;
	}

	private <T> T withoutAuthorization(Callable<T> work) {
		CommandContext commandContext = Context.getCommandContext();
		if (commandContext != null) {
			return commandContext.runWithoutAuthorization(work);
		}
		return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work));
	}

}
