package vn.thidua.forms;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Server-side form validation for every process, without wiring in the BPMN: each user task and
 * process start event that shows a Camunda Form ({@code camunda:formRef}) gets a listener that
 * checks the submitted values against that form's rules before anything else runs. A violation
 * rolls the whole step back; the REST API answers 400 ({@link ValidationErrorResponses}).
 */
@Component
class FormValidationPlugin extends AbstractProcessEnginePlugin {

	private final DeployedForms forms;

	FormValidationPlugin(DeployedForms forms) {
		this.forms = forms;
		forms.readFrom(new CommandFormSource());
	}

	/** The deployed forms as Tasklist loads them, read in the engine command running, without authorizations. */
	private static final class CommandFormSource implements DeployedForms.Source {

		@Override
		public InputStream taskForm(String taskId) {
			return read(formService -> DeployedForms.camundaForm(formService.getTaskFormData(taskId))
					? formService.getDeployedTaskForm(taskId) : null);
		}

		@Override
		public InputStream startForm(String processDefinitionId) {
			return read(formService -> DeployedForms.camundaForm(formService.getStartFormData(processDefinitionId))
					? formService.getDeployedStartForm(processDefinitionId) : null);
		}

		private static InputStream read(Function<FormService, InputStream> reading) {
			CommandContext commandContext = Context.getCommandContext();
			FormService formService = commandContext.getProcessEngineConfiguration().getFormService();
			return commandContext.runWithoutAuthorization(() -> reading.apply(formService));
		}

	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners();
		if (listeners == null) {
			listeners = new ArrayList<>();
			configuration.setCustomPreBPMNParseListeners(listeners);
		}
		listeners.add(new ParseListener());
	}

	private static boolean hasFormRef(Element element) {
		String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
		return formRef != null && !formRef.isBlank();
	}

	private final class ParseListener extends AbstractBpmnParseListener {

		@Override
		public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
			if (!hasFormRef(element) || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
				return;
			}
			TaskDefinition definition = behavior.getTaskDefinition();
			TaskListener validate = task -> FormValidator.validate(
					forms.taskForm(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), task.getId()),
					task.getVariables());
			// built-in listeners run before those declared in the BPMN
			definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, validate);
		}

		@Override
		public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
			if (!hasFormRef(element) || !(scope instanceof ProcessDefinitionEntity)) {
				return;
			}
			ExecutionListener validate = execution -> FormValidator
				.validate(forms.startForm(execution.getProcessDefinitionId()), execution.getVariables());
			activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, validate, 0);
		}

	}

}
