package vn.thidua.notification;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.thidua.process.EveryUserTaskPlugin;

/**
 * Engine plugin (picked up by the Camunda starter as a bean) that gives every user task of every
 * process ({@link EveryUserTaskPlugin}) a listener reading the task event into a {@link TaskEvent}
 * for {@link TaskNotifications}. It is also the notification module's one other contact with the
 * engine's internals: the process instance of the step running and identity lookups without
 * authorization checks.
 */
@Component
class NotificationEnginePlugin extends EveryUserTaskPlugin {

	static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
			TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

	NotificationEnginePlugin(ObjectProvider<TaskNotifications> notifications,
			@Value(EXCLUDED_PROCESS_KEYS) String excludedProcessKeys) {
		super(excludedProcessKeys, EVENTS, new LazyListener(notifications));
	}

	/** The engine this plugin was given, for {@link #withoutAuthorization}. */
	private volatile ProcessEngineConfigurationImpl engine;

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		this.engine = configuration;
		super.preInit(configuration);
	}

	/**
	 * Reads the task into plain values for {@link TaskNotifications} and sets the due date it
	 * decides. The bean needs the engine's services, so it is looked up when a task event happens.
	 */
	private record LazyListener(ObjectProvider<TaskNotifications> provider) implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			provider.getObject().on(event(task)).ifPresent(due -> task.setDueDate(Date.from(due)));
		}

		private static TaskEvent event(DelegateTask task) {
			Set<String> users = new LinkedHashSet<>();
			Set<String> groups = new LinkedHashSet<>();
			if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) && task.getAssignee() == null) {
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
			}
			String processName = null;
			String processKey = null;
			if (task.getExecution() instanceof ExecutionEntity execution && execution.getProcessDefinition() != null) {
				processName = execution.getProcessDefinition().getName();
				processKey = execution.getProcessDefinition().getKey();
			}
			return new TaskEvent(task.getEventName(), task.getId(), task.getName(), task.getTaskDefinitionKey(),
					task.getAssignee(), task.getDueDate() == null ? null : task.getDueDate().toInstant(), users, groups,
					task.getProcessInstanceId(), processName, processKey, task::getVariables);
		}

	}

	/** The process instance of the process step running on this thread, if any (a delegate's mail). */
	static String currentProcessInstanceId() {
		BpmnExecutionContext context = Context.getBpmnExecutionContext();
		return context == null || context.getExecution() == null ? null : context.getExecution().getProcessInstanceId();
	}

	/**
	 * Runs identity lookups without authorization checks: inside the engine command running (a
	 * process step), or in a new one.
	 */
	<T> T withoutAuthorization(Callable<T> work) {
		CommandContext commandContext = Context.getCommandContext();
		if (commandContext != null) {
			return commandContext.runWithoutAuthorization(work);
		}
		return engine.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(work));
	}

}
