package vn.thidua.identity.security;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

import vn.thidua.forms.DeployedForms;
import vn.thidua.forms.FormSchema;
import vn.thidua.forms.FormValidationException;
import vn.thidua.forms.SubmittedValues;

import vn.thidua.web.Messages;

/**
 * What a person who is not an administrator may make the engine do (issue 13), decided on the
 * command and the current state inside the command's transaction:
 * <ul>
 * <li>read what Camunda's authorizations let them read (queries, forms, models, their tasks'
 * variables), except aggregate statistics and reports, which count what they may not read;</li>
 * <li>start a process at its start event with the start form's editable fields only;</li>
 * <li>complete their own task (assigned to them, offered to them and not yet taken, or offered to
 * them by name as a stand-in even while assigned to the person away) with that
 * task form's editable fields only: read-only fields and values the process computed are never
 * taken from a submission; {@code complete} is handled as {@code submit-form}, so both behave alike;</li>
 * <li>take a task offered to them, give back their own, or hand it to a member of the groups it is
 * offered to (a council ballot is offered to nobody, so it never moves);</li>
 * <li>keep their own Tasklist filters and change their own password.</li>
 * </ul>
 * Everything else (variables written outside a completion, start instructions, modification,
 * messages and signals, candidates, due dates, priorities, names, comments, attachments, jobs,
 * deployments, suspension, deletion, history, batches, identity and authorizations) is refused.
 * An operation Camunda adds in a later version is refused until it is listed here.
 */
final class EngineGuard {

	static final String REFUSED = Messages.get("identity.guard.refused");

	private static final String NOT_YOUR_TASK = Messages.get("identity.guard.not-your-task");

	private static final String OUTSIDE_SCOPE = Messages.get("identity.guard.outside-scope");

	/** Commands that only read; Camunda checks what the person may read. */
	private static final Set<String> READS = Set.of("AuthorizationCheckCmd", "CheckPassword", "CreateFilterCmd",
			"CreateGroupQueryCmd", "CreateTenantQueryCmd", "CreateUserQueryCmd", "ExecuteFilterCountCmd",
			"ExecuteFilterListCmd", "ExecuteFilterListPageCmd", "ExecuteFilterSingleResultCmd",
			"FindActiveActivityIdsCmd", "GetActivityInstanceCmd", "GetCamundaFormDefinitionCmd",
			"GetDeployedProcessDefinitionCmd", "GetDeployedStartFormCmd", "GetDeployedTaskFormCmd",
			"GetDeploymentBpmnModelInstanceCmd", "GetDeploymentProcessDiagramCmd",
			"GetDeploymentProcessDiagramLayoutCmd", "GetDeploymentProcessModelCmd", "GetDeploymentResourceCmd",
			"GetDeploymentResourceForIdCmd", "GetDeploymentResourceNamesCmd", "GetDeploymentResourcesCmd",
			"GetExecutionVariableCmd", "GetExecutionVariableTypedCmd", "GetExecutionVariablesCmd", "GetFilterCmd",
			"GetFormKeyCmd", "GetIdentityLinksForTaskCmd", "GetPasswordPolicyCmd", "GetProcessInstanceCommentsCmd",
			"GetRenderedStartFormCmd", "GetRenderedTaskFormCmd", "GetStartFormCmd", "GetStartFormVariablesCmd",
			"GetStaticCalledProcessDefinitionCmd", "GetTaskCommentCmd", "GetTaskCommentsCmd", "GetTaskFormCmd",
			"GetTaskFormVariablesCmd", "GetTaskVariableCmd", "GetTaskVariableCmdTyped", "GetTaskVariablesCmd",
			"GetUserInfoCmd", "GetUserInfoKeysCmd", "GetUserPictureCmd", "IsIdentityServiceReadOnlyCmd",
			"GetDeploymentFormCmd", "GetDeploymentFormForIdCmd");

	/** Queries that count across instances the person may not read: refused. */
	private static boolean aggregate(Object query) {
		String name = query.getClass().getSimpleName();
		return name.contains("Statistics") || name.contains("Report") || name.startsWith("Native");
	}

	private final CommandContext context;

	private final Authentication person;

	private final DeployedForms forms;

	EngineGuard(CommandContext context, Authentication person, DeployedForms forms) {
		this.context = context;
		this.person = person;
		this.forms = forms;
	}

	/**
	 * The command to run instead of {@code command}: itself, a narrowed copy, or an exception.
	 */
	@SuppressWarnings("unchecked")
	<T> Command<T> admit(Command<T> command) {
		if (command instanceof AbstractQuery<?, ?> query) {
			if (aggregate(query)) {
				throw refused();
			}
			return command;
		}
		if (READS.contains(command.getClass().getSimpleName())
				&& command.getClass().getName().startsWith("org.camunda.bpm.engine.impl.")) {
			return command;
		}
		if (command instanceof StartProcessInstanceCmd start) {
			return admitStart(start);
		}
		if (command instanceof SubmitStartFormCmd start) {
			ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
				.getDeploymentCache()
				.findDeployedProcessDefinitionById(read(start, "processDefinitionId"));
			VariableMap variables = read(start, "variables");
			narrow(forms.startForm(definition.getId()), variables);
			return command;
		}
		if (command instanceof ResolveTaskCmd) {
			throw refused();
		}
		if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
			return (Command<T>) admitCompletion(command);
		}
		if (command instanceof ClaimTaskCmd claim) {
			admitClaim(read(claim, "taskId"), read(claim, "userId"));
			return command;
		}
		if (command instanceof AssignTaskCmd assign) {
			admitAssignment(read(assign, "taskId"), read(assign, "userId"));
			return command;
		}
		if (command instanceof SaveFilterCmd save) {
			Filter filter = read(save, "filter");
			FilterEntity stored = filter.getId() == null ? null
					: context.getDbEntityManager().selectById(FilterEntity.class, filter.getId());
			if (!ownFilter(filter.getOwner()) || (stored != null && !ownFilter(stored.getOwner()))) {
				throw refused();
			}
			return command;
		}
		if (command instanceof DeleteFilterCmd delete) {
			FilterEntity stored = context.getDbEntityManager().selectById(FilterEntity.class, read(delete, "filterId"));
			if (stored == null || !ownFilter(stored.getOwner())) {
				throw refused();
			}
			return command;
		}
		if (command instanceof SaveUserCmd save) {
			admitOwnPassword(read(save, "user"));
			return command;
		}
		throw refused();
	}

	private <T> Command<T> admitStart(StartProcessInstanceCmd start) {
		ProcessInstantiationBuilderImpl builder = read(start, "instantiationBuilder");
		if (builder.getCaseInstanceId() != null || builder.getTenantId() != null) {
			throw refused();
		}
		ProcessDefinitionEntity definition = builder.getProcessDefinitionId() != null
				? context.getProcessEngineConfiguration()
					.getDeploymentCache()
					.findDeployedProcessDefinitionById(builder.getProcessDefinitionId())
				: context.getProcessEngineConfiguration()
					.getDeploymentCache()
					.findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
		narrow(forms.startForm(definition.getId()), builder.getVariables());
		@SuppressWarnings("unchecked")
		Command<T> same = (Command<T>) start;
		return same;
	}

	private Command<VariableMap> admitCompletion(Command<?> command) {
		String taskId = read(command, "taskId");
		TaskEntity task = context.getTaskManager().findTaskById(taskId);
		if (task == null) {
			throw new TaskGone(Messages.get("identity.guard.task-not-found"));
		}
		if (task.getProcessDefinitionId() == null || !(person.getUserId().equals(task.getAssignee())
				|| (task.getAssignee() == null && candidate(task)) || offeredByName(task))) {
			throw refused(NOT_YOUR_TASK);
		}
		Map<String, Object> submitted = command instanceof SubmitTaskFormCmd ? read(command, "properties")
				: read(command, "variables");
		VariableMap variables = Variables.fromMap(submitted);
		narrow(forms.taskForm(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), taskId), variables);
		boolean returnVariables = read(command, "returnVariables");
		boolean deserialize = command instanceof SubmitTaskFormCmd ? read(command, "deserializeValues")
				: read(command, "deserializeReturnedVariables");
		return new SubmitTaskFormCmd(taskId, variables, returnVariables, deserialize);
	}

	/**
	 * Keeps only what the form lets the person edit: keys the form only shows are dropped, any other
	 * key is refused with 400, and every value is checked for size and depth before it is parsed.
	 */
	private void narrow(FormSchema form, Map<String, Object> variables) {
		if (variables == null) {
			return;
		}
		for (String key : List.copyOf(variables.keySet())) {
			if (form.displayKeys().contains(key)) {
				variables.remove(key);
			}
			else if (!form.editableKeys().contains(key)) {
				throw new FormValidationException(key, Messages.get("identity.guard.key-not-in-form", key));
			}
			else {
				SubmittedValues.checkShape(form, key, variables instanceof VariableMap map ? map.getValueTyped(key)
						: variables.get(key));
			}
		}
	}

	private void admitClaim(String taskId, String userId) {
		TaskEntity task = task(taskId);
		if (userId == null) {
			if (!person.getUserId().equals(task.getAssignee())) {
				throw refused(NOT_YOUR_TASK);
			}
			return;
		}
		if (!userId.equals(person.getUserId()) || !candidate(task)) {
			throw refused(NOT_YOUR_TASK);
		}
	}

	private void admitAssignment(String taskId, String userId) {
		TaskEntity task = task(taskId);
		boolean mine = person.getUserId().equals(task.getAssignee());
		if (!mine && !(task.getAssignee() == null && candidate(task))) {
			throw refused(NOT_YOUR_TASK);
		}
		if (userId == null) {
			return;
		}
		Set<String> groups = candidateGroups(task);
		boolean inScope = !groups.isEmpty() && context.runWithoutAuthorization(() -> groups.stream()
			.anyMatch(group -> context.getReadOnlyIdentityProvider()
				.createUserQuery()
				.userId(userId)
				.memberOfGroup(group)
				.count() > 0));
		if (!inScope) {
			throw refused(OUTSIDE_SCOPE);
		}
	}

	private void admitOwnPassword(User user) {
		if (user == null || !person.getUserId().equals(user.getId())) {
			throw refused();
		}
		User stored = context.getReadOnlyIdentityProvider().findUserById(user.getId());
		if (stored == null || !Objects.equals(stored.getFirstName(), user.getFirstName())
				|| !Objects.equals(stored.getLastName(), user.getLastName())
				|| !Objects.equals(stored.getEmail(), user.getEmail())) {
			throw refused(Messages.get("identity.guard.profile-managed"));
		}
	}

	private boolean ownFilter(String owner) {
		return person.getUserId().equals(owner);
	}

	private TaskEntity task(String taskId) {
		TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
		if (task == null || task.getProcessDefinitionId() == null) {
			throw refused(NOT_YOUR_TASK);
		}
		return task;
	}

	/** Whether the task is offered to the person, by name or through one of their groups. */
	private boolean candidate(TaskEntity task) {
		List<String> groups = person.getGroupIds() == null ? List.of() : person.getGroupIds();
		for (IdentityLinkEntity link : task.getIdentityLinks()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && (person.getUserId().equals(link.getUserId())
					|| (link.getGroupId() != null && groups.contains(link.getGroupId())))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the task is offered to the person by name: a stand-in's offer ({@code vn.thidua.standin}),
	 * which holds even while the person she stands in for has the task assigned.
	 */
	private boolean offeredByName(TaskEntity task) {
		for (IdentityLinkEntity link : task.getIdentityLinks()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && person.getUserId().equals(link.getUserId())) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> candidateGroups(TaskEntity task) {
		Set<String> groups = new HashSet<>();
		for (IdentityLinkEntity link : task.getIdentityLinks()) {
			if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
				groups.add(link.getGroupId());
			}
		}
		return groups;
	}

	/**
	 * Nobody stores a revoke authorization, administrators included: the organisation gives rights by
	 * grants only ({@code AuthorizationSync}), so the engine never has to look for revokes
	 * ({@code authorizationCheckRevokes=never}, see {@link EngineGuardPlugin}), one query less in
	 * every command. A right is taken away by deleting its grant.
	 */
	static void refuseRevoke(Command<?> command) {
		if (command instanceof SaveAuthorizationCmd save) {
			org.camunda.bpm.engine.authorization.Authorization authorization = read(save, "authorization");
			if (authorization != null
					&& authorization.getAuthorizationType() == org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE) {
				throw new AuthorizationException(Messages.get("identity.guard.no-revokes"));
			}
		}
	}

	private AuthorizationException refused() {
		return refused(REFUSED);
	}

	private AuthorizationException refused(String message) {
		return new AuthorizationException(message);
	}

	// reading the engine's command objects: Camunda 7.24 is the last community release, and
	// checkEngineClasses() refuses to start should a field ever be missing

	private static final Map<Class<?>, List<String>> FIELDS = Map.of(StartProcessInstanceCmd.class,
			List.of("instantiationBuilder"), SubmitStartFormCmd.class, List.of("processDefinitionId", "variables"),
			CompleteTaskCmd.class, List.of("taskId", "variables", "returnVariables", "deserializeReturnedVariables"),
			SubmitTaskFormCmd.class, List.of("taskId", "properties", "returnVariables", "deserializeValues"),
			ClaimTaskCmd.class, List.of("taskId", "userId"), AssignTaskCmd.class, List.of("taskId", "userId"),
			SaveFilterCmd.class, List.of("filter"), DeleteFilterCmd.class, List.of("filterId"), SaveUserCmd.class,
			List.of("user"), SaveAuthorizationCmd.class, List.of("authorization"));

	static void checkEngineClasses() {
		FIELDS.forEach((type, names) -> names.forEach(name -> field(type, name)));
	}

	@SuppressWarnings("unchecked")
	private static <V> V read(Object command, String name) {
		try {
			return (V) field(command.getClass(), name).get(command);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Field field(Class<?> type, String name) {
		for (Class<?> c = type; c != null; c = c.getSuperclass()) {
			try {
				Field field = c.getDeclaredField(name);
				field.setAccessible(true);
				return field;
			}
			catch (NoSuchFieldException next) {
				// look in the superclass
			}
		}
		throw new IllegalStateException("Camunda's " + type.getName() + " has no field " + name
				+ ": the engine guard must be checked against this engine version");
	}

}
