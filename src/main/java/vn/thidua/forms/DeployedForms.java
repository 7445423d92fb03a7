package vn.thidua.forms;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.form.FormData;
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

	/**
	 * Where the deployed forms are read: inside the engine command running, without the caller's
	 * authorizations ({@link FormValidationPlugin} gives it).
	 */
	interface Source {

		/** The task's Camunda Form, or null when it shows none. */
		InputStream taskForm(String taskId);

		/** The process definition's Camunda start form, or null when it shows none. */
		InputStream startForm(String processDefinitionId);

	}

	private volatile Source source;

	void readFrom(Source source) {
		this.source = source;
	}

	/** The form of a task of a process; call inside an engine command. */
	public FormSchema taskForm(String processDefinitionId, String activityId, String taskId) {
		return cache.computeIfAbsent(processDefinitionId + "#" + activityId, k -> parse(source.taskForm(taskId)));
	}

	/** The start form of a process definition; call inside an engine command. */
	public FormSchema startForm(String processDefinitionId) {
		return cache.computeIfAbsent(processDefinitionId + "#start",
				k -> parse(source.startForm(processDefinitionId)));
	}

	/**
	 * Whether the element shows a Camunda Form; asked first because a failed nested engine call
	 * would mark the caller's transaction for rollback.
	 */
	static boolean camundaForm(FormData form) {
		return form != null && (form.getCamundaFormRef() != null
				|| (form.getFormKey() != null && form.getFormKey().startsWith("camunda-forms:")));
	}

	private static FormSchema parse(InputStream form) {
		if (form == null) {
			return NO_FORM;
		}
		try (InputStream in = form) {
			return FormSchema.parse(JSON.readTree(in));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read deployed form", ex);
		}
	}

}
