package vn.thidua.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import vn.thidua.organisation.GroupIds;

/**
 * A form decides which variables a person may write. Through {@code /engine-rest} a user could
 * otherwise complete their own task with any variable (say, another chapter's group) and steer the
 * rest of the process. So, for everyone but administrators: a start or completion may carry only
 * the keys of the form it belongs to, and task variables cannot be written outside a completion;
 * on {@code /engine-rest} and on the web apps' own copy of that API, which Tasklist calls.
 * The values themselves are checked by {@link FormValidationPlugin}.
 */
@Configuration(proxyBeanMethods = false)
class SubmittedVariablesFilter {

	/** The engine REST API as the app serves it, and as Tasklist calls it (the web app's copy). */
	private static final Pattern API = Pattern.compile("^(/engine-rest|/camunda/api/engine/engine/[^/]+)(/.*)$");

	private static final Pattern TASK_SUBMIT = Pattern.compile("^/task/([^/]+)/(complete|submit-form|resolve)$");

	private static final Pattern TASK_VARIABLES = Pattern.compile("^/task/[^/]+/(variables|localVariables)(/.*)?$");

	private static final Pattern START = Pattern
		.compile("^/process-definition/(key/([^/]+)(/tenant-id/([^/]+))?|([^/]+))/(start|submit-form)$");

	private static final ObjectMapper JSON = new ObjectMapper();

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> submittedVariables(IdentityService identityService,
			FormService formService, RepositoryService repositoryService, TaskService taskService) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new Filter(identityService, formService, repositoryService, taskService));
		registration.setName("thidua-submitted-variables");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
		registration.setOrder(2);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final IdentityService identityService;

		private final FormService formService;

		private final RepositoryService repositoryService;

		private final TaskService taskService;

		/**
		 * Submitted keys per process definition and task (or start event): reading and parsing the
		 * deployed form on every completion was the largest extra cost of a step over the bare engine
		 * in the city-scale benchmark (issue 9).
		 */
		private final Map<String, Set<String>> formKeys = new ConcurrentHashMap<>();

		Filter(IdentityService identityService, FormService formService, RepositoryService repositoryService,
				TaskService taskService) {
			this.identityService = identityService;
			this.formService = formService;
			this.repositoryService = repositoryService;
			this.taskService = taskService;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Matcher api = API.matcher(request.getRequestURI().substring(request.getContextPath().length()));
			if (!api.matches() || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
					|| isAdministrator()) {
				chain.doFilter(request, response);
				return;
			}
			String path = api.group(2);
			if (TASK_VARIABLES.matcher(path).matches()) {
				refuse(response, HttpServletResponse.SC_FORBIDDEN, null,
						"Dữ liệu của một việc chỉ được ghi khi hoàn thành việc đó qua biểu mẫu.");
				return;
			}
			Matcher task = TASK_SUBMIT.matcher(path);
			Matcher start = START.matcher(path);
			if (!task.matches() && !start.matches()) {
				chain.doFilter(request, response);
				return;
			}
			byte[] body = request.getInputStream().readAllBytes();
			Set<String> allowed;
			try {
				allowed = task.matches() ? taskFormKeys(task.group(1)) : startFormKeys(start);
			}
			catch (ProcessEngineException unknown) {
				// no such task or definition, or no right to it: the engine gives its own answer
				chain.doFilter(new CachedBody(request, body), response);
				return;
			}
			String stray = strayVariable(body, allowed);
			if (stray != null) {
				refuse(response, HttpServletResponse.SC_BAD_REQUEST, stray,
						"«" + stray + "» không thuộc biểu mẫu này nên không được gửi.");
				return;
			}
			chain.doFilter(new CachedBody(request, body), response);
		}

		private boolean isAdministrator() {
			Authentication current = identityService.getCurrentAuthentication();
			return current != null && current.getGroupIds() != null && current.getGroupIds().contains(GroupIds.ADMINS);
		}

		private Set<String> taskFormKeys(String taskId) throws IOException {
			Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
			if (task == null) {
				throw new ProcessEngineException("no task");
			}
			if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
				return loadTaskFormKeys(taskId);
			}
			// forms are bound to the deployment (camunda:formRefBinding="deployment"): one per task definition
			String key = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
			Set<String> keys = formKeys.get(key);
			if (keys == null) {
				keys = loadTaskFormKeys(taskId);
				formKeys.put(key, keys);
			}
			return keys;
		}

		private Set<String> loadTaskFormKeys(String taskId) throws IOException {
			TaskFormData form = formService.getTaskFormData(taskId);
			if (form.getCamundaFormRef() == null && form.getFormKey() == null) {
				return Set.of();
			}
			try (InputStream in = formService.getDeployedTaskForm(taskId)) {
				return FormSchema.parse(JSON.readTree(in)).submittedKeys();
			}
		}

		private Set<String> startFormKeys(Matcher start) throws IOException {
			ProcessDefinition definition;
			if (start.group(2) != null) {
				var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(start.group(2)).latestVersion();
				definition = start.group(4) != null ? query.tenantIdIn(start.group(4)).singleResult()
						: query.withoutTenantId().singleResult();
			}
			else {
				definition = repositoryService.getProcessDefinition(start.group(5));
			}
			if (definition == null) {
				throw new ProcessEngineException("no definition");
			}
			Set<String> cached = formKeys.get(definition.getId() + "#start");
			if (cached != null) {
				return cached;
			}
			Set<String> keys = loadStartFormKeys(definition);
			formKeys.put(definition.getId() + "#start", keys);
			return keys;
		}

		private Set<String> loadStartFormKeys(ProcessDefinition definition) throws IOException {
			StartFormData form = formService.getStartFormData(definition.getId());
			if (form.getCamundaFormRef() == null && form.getFormKey() == null) {
				return Set.of();
			}
			try (InputStream in = formService.getDeployedStartForm(definition.getId())) {
				return FormSchema.parse(JSON.readTree(in)).submittedKeys();
			}
		}

		private static String strayVariable(byte[] body, Set<String> allowed) {
			if (body.length == 0) {
				return null;
			}
			JsonNode variables;
			try {
				variables = JSON.readTree(body).path("variables");
			}
			catch (IOException malformed) {
				return null; // the REST API answers malformed JSON itself
			}
			for (Iterator<String> names = variables.fieldNames(); names.hasNext();) {
				String name = names.next();
				if (!allowed.contains(name)) {
					return name;
				}
			}
			return null;
		}

		private static void refuse(HttpServletResponse response, int status, String field, String message)
				throws IOException {
			response.setStatus(status);
			response.setContentType("application/json;charset=UTF-8");
			var body = ValidationErrorResponses.body(new FormValidationException(field, message));
			if (status == HttpServletResponse.SC_FORBIDDEN) {
				body.put("type", "AuthorizationException");
			}
			JSON.writeValue(response.getOutputStream(), body);
		}

	}

	/** The request with its body read once and replayed to the REST API. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

	}

}
