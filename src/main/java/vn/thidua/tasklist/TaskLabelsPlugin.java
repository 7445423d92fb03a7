package vn.thidua.tasklist;

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
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.thidua.process.ProcessVariables;

/**
 * What a task is about, readable by the people the task is for: when a user task is created, the
 * process's chapter and one-line subject are copied onto the task as task-local variables. Tasklist's
 * filter columns («Chi hội», «Nội dung») read them with the READ on the task that its assignee and
 * candidates have; nobody needs READ on the process instance, which would also reach the council's
 * ballots. Every user task of every process, without BPMN wiring; the process keys in
 * {@code thidua.notification.excluded-process-keys} (the benchmark's bare-engine floor) are left alone.
 */
@Component
class TaskLabelsPlugin extends AbstractProcessEnginePlugin {

	/** The process variables a task carries a copy of, under the same names. */
	static final List<String> COPIED = List.of(ProcessVariables.CHAPTER_NAME.name(), ProcessVariables.SUBJECT.name());

	private final Set<String> excludedProcessKeys;

	TaskLabelsPlugin(@Value("${thidua.notification.excluded-process-keys:}") String excludedProcessKeys) {
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
		parseListeners.add(new AbstractBpmnParseListener() {

			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
						&& excludedProcessKeys.contains(definition.getKey())) {
					return;
				}
				if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
					behavior.getTaskDefinition()
						.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskLabelsPlugin::label);
				}
			}

		});
	}

	static void label(DelegateTask task) {
		if (task.getExecution() == null) {
			return;
		}
		for (String name : COPIED) {
			Object value = task.getExecution().getVariable(name);
			if (value != null) {
				task.setVariableLocal(name, value);
			}
		}
	}

}
