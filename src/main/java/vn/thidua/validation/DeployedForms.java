package vn.thidua.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda Form a task or start event shows, read from the deployment exactly as Tasklist loads
 * it (so binding and versions agree), parsed once per process definition and element.
 */
final class DeployedForms {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Map<String, FormSchema> cache = new ConcurrentHashMap<>();

	FormSchema taskForm(String processDefinitionId, String activityId, String taskId) {
		return cache.computeIfAbsent(processDefinitionId + "#" + activityId,
				k -> load(formService -> formService.getDeployedTaskForm(taskId)));
	}

	FormSchema startForm(String processDefinitionId) {
		return cache.computeIfAbsent(processDefinitionId + "#start",
				k -> load(formService -> formService.getDeployedStartForm(processDefinitionId)));
	}

	private interface Loader {

		InputStream open(FormService formService);

	}

	private static FormSchema load(Loader loader) {
		CommandContext commandContext = Context.getCommandContext();
		FormService formService = commandContext.getProcessEngineConfiguration().getFormService();
		return commandContext.runWithoutAuthorization(() -> {
			try (InputStream in = loader.open(formService)) {
				return FormSchema.parse(JSON.readTree(in));
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read deployed form", ex);
			}
		});
	}

}
