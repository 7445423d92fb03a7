package vn.thidua.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one catalogue of the Camunda Forms that tasks and start events show, read from the
 * deployment exactly as Tasklist loads it (so binding and versions agree), parsed once per process
 * definition and element. Used inside engine commands: by the server-side validation and by the
 * engine guard, which takes from a submission only the keys its form lets the person edit.
 */
@Component
public final class DeployedForms {

	/** What an element without a Camunda Form lets a person write: nothing. */
	static final FormSchema NO_FORM = new FormSchema(null, List.of(), Set.of(), Set.of());

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, FormSchema> cache = new ConcurrentHashMap<>();

	/** The form of a task of a process; call inside an engine command. */
	public FormSchema taskForm(String processDefinitionId, String activityId, String taskId) {
		return cache.computeIfAbsent(processDefinitionId + "#" + activityId,
				k -> load(formService -> camundaForm(formService.getTaskFormData(taskId))
						? formService.getDeployedTaskForm(taskId) : null));
	}

	/** The start form of a process definition; call inside an engine command. */
	public FormSchema startForm(String processDefinitionId) {
		return cache.computeIfAbsent(processDefinitionId + "#start",
				k -> load(formService -> camundaForm(formService.getStartFormData(processDefinitionId))
						? formService.getDeployedStartForm(processDefinitionId) : null));
	}

	/**
	 * Whether the element shows a Camunda Form; asked first because a failed nested engine call
	 * would mark the caller's transaction for rollback.
	 */
	private static boolean camundaForm(FormData form) {
		return form != null && (form.getCamundaFormRef() != null
				|| (form.getFormKey() != null && form.getFormKey().startsWith("camunda-forms:")));
	}

	private interface Loader {

		InputStream open(FormService formService);

	}

	private static FormSchema load(Loader loader) {
		CommandContext commandContext = Context.getCommandContext();
		FormService formService = commandContext.getProcessEngineConfiguration().getFormService();
		return commandContext.runWithoutAuthorization(() -> {
			try (InputStream in = loader.open(formService)) {
				return in == null ? NO_FORM : FormSchema.parse(JSON.readTree(in));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read deployed form", ex);
			}
		});
	}

}
