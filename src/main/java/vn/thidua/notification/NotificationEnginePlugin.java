package vn.thidua.notification;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine plugin (picked up by the Camunda starter as a bean) whose parse listener gives every user
 * task of every deployed process the {@link TaskNotificationListener} as a built-in listener: it
 * runs before the model's own listeners and even when a modification skips custom listeners.
 */
@Component
class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

	static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
			TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

	private final ObjectProvider<TaskNotificationListener> listener;

	NotificationEnginePlugin(ObjectProvider<TaskNotificationListener> listener) {
		this.listener = listener;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners();
		if (parseListeners == null) {
			parseListeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(parseListeners);
		}
		parseListeners.add(new UserTaskParseListener(new LazyListener(listener)));
	}

	/** Adds the listener to each user task as it is parsed. */
	static final class UserTaskParseListener extends AbstractBpmnParseListener {

		private final TaskListener listener;

		UserTaskParseListener(TaskListener listener) {
			this.listener = listener;
		}

		@Override
		public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
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
