package vn.thidua.notification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Engine plugin (picked up by the Camunda starter as a bean) whose parse listener gives every user
 * task of every deployed process the {@link TaskNotificationListener} as a built-in listener: it
 * runs before the model's own listeners and even when a modification skips custom listeners.
 * {@code thidua.notification.excluded-process-keys} (comma-separated, empty by default) leaves the
 * user tasks of those process definitions alone: only the benchmark sets it, for its bare-engine
 * floor model ({@code BenchFloor}), which must run without any listener of ours.
 */
@Component
class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

	static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
			TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

	private final ObjectProvider<TaskNotificationListener> listener;

	private final Set<String> excludedProcessKeys;

	NotificationEnginePlugin(ObjectProvider<TaskNotificationListener> listener,
			@Value("${thidua.notification.excluded-process-keys:}") String excludedProcessKeys) {
		this.listener = listener;
		this.excludedProcessKeys = Arrays.stream(excludedProcessKeys.split(","))
			.map(String::trim)
			.filter(key -> !key.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners();
		if (parseListeners == null) {
			parseListeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(parseListeners);
		}
		parseListeners.add(new UserTaskParseListener(new LazyListener(listener), excludedProcessKeys));
	}

	/** Adds the listener to each user task as it is parsed. */
	static final class UserTaskParseListener extends AbstractBpmnParseListener {

		private final TaskListener listener;

		private final Set<String> excludedProcessKeys;

		UserTaskParseListener(TaskListener listener, Set<String> excludedProcessKeys) {
			this.listener = listener;
			this.excludedProcessKeys = excludedProcessKeys;
		}

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
			if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
					&& excludedProcessKeys.contains(definition.getKey())) {
				return;
			}
			if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
				TaskDefinition definition = behavior.getTaskDefinition();
				EVENTS.forEach(event -> definition.addBuiltInTaskListener(event, listener));
			}
		}

	}

	/** The listener bean needs the engine's services, so it is looked up when a task event happens. */
	private record LazyListener(ObjectProvider<TaskNotificationListener> provider) implements TaskListener {

		@Override
		public void notify(DelegateTask task) {
			provider.getObject().notify(task);
		}

	}

}
