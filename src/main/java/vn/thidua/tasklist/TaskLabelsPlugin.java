package vn.thidua.tasklist;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.thidua.process.EveryUserTaskPlugin;
import vn.thidua.process.ProcessVariables;

/**
 * What a task is about, readable by the people the task is for: when a user task is created, the
 * process's chapter and one-line subject are copied onto the task as task-local variables. Tasklist's
 * filter columns («Chi hội», «Nội dung») read them with the READ on the task that its assignee and
 * candidates have; nobody needs READ on the process instance, which would also reach the council's
 * ballots. Every user task of every process, without BPMN wiring ({@link EveryUserTaskPlugin}).
 */
@Component
class TaskLabelsPlugin extends EveryUserTaskPlugin {

	/** The process variables a task carries a copy of, under the same names. */
	static final List<String> COPIED = List.of(ProcessVariables.CHAPTER_NAME.name(), ProcessVariables.SUBJECT.name());

	TaskLabelsPlugin(@Value(EXCLUDED_PROCESS_KEYS) String excludedProcessKeys) {
		super(excludedProcessKeys, List.of(TaskListener.EVENTNAME_CREATE), TaskLabelsPlugin::label);
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
