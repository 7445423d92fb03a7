package vn.thidua.process;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The one way a feature gives every user task of every process a listener without BPMN wiring: a
 * built-in listener, added as each model is parsed, which runs before the model's own listeners and
 * even when a modification skips custom listeners. The process keys in
 * {@code thidua.notification.excluded-process-keys} (comma-separated; only the benchmark sets it,
 * for its bare-engine floor model) are left alone.
 */
public abstract class EveryUserTaskPlugin extends AbstractProcessEnginePlugin {

	/** The setting naming the process keys whose user tasks get none of these listeners. */
	public static final String EXCLUDED_PROCESS_KEYS = "${thidua.notification.excluded-process-keys:}";

	private final Set<String> excludedProcessKeys;

	private final List<String> events;

	private final TaskListener listener;

	/**
	 * @param excludedProcessKeys the value of {@link #EXCLUDED_PROCESS_KEYS}
	 * @param events the task events the listener hears ({@code TaskListener.EVENTNAME_…})
	 */
	protected EveryUserTaskPlugin(String excludedProcessKeys, List<String> events, TaskListener listener) {
		this.excludedProcessKeys = Arrays.stream(excludedProcessKeys.split(","))
			.map(String::trim)
			.filter(key -> !key.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
		this.events = List.copyOf(events);
		this.listener = listener;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners();
		if (parseListeners == null) {
			parseListeners = new ArrayList<>();
			configuration.setCustomPostBPMNParseListeners(parseListeners);
		}
		parseListeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
						&& excludedProcessKeys.contains(definition.getKey())) {
					return;
				}
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					events.forEach(event -> behavior.getTaskDefinition().addBuiltInTaskListener(event, listener));
				}
			}

		});
	}

}
