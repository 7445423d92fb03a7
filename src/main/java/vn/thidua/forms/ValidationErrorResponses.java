package vn.thidua.forms;

import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import vn.thidua.identity.security.TaskGone;
import vn.thidua.operations.DatabaseUnavailable;
import vn.thidua.web.Messages;
import vn.thidua.web.Problems;

/**
 * The engine's REST API ({@code /engine-rest}, Jersey): turns a {@link FormValidationException},
 * wherever the engine wrapped it (a task listener's exception reaches the REST layer as a 500
 * "ENGINE-03051"), into HTTP 400 with the Vietnamese message and the field, and an unreachable
 * database into 503. The body keeps Camunda's error shape ({@code type}, {@code message}, {@code code},
 * plus {@code field}) because Tasklist parses it; the application's own endpoints answer the same
 * failure as problem details ({@code vn.thidua.web.ProblemAdvice}). A task completed by someone else
 * first is 404 with a sentence ({@link TaskGone}, was 500 «Cannot submit task form …»), a change
 * that met another one on the engine's optimistic lock is 409 with a sentence (nothing was written:
 * she presses again), and the
 * engine's own authorization refusals keep their shape and {@code missingAuthorizations} but say
 * in Vietnamese what they mean (was «The user with id … does not have …»).
 */
@Configuration(proxyBeanMethods = false)
class ValidationErrorResponses {

	/** The engine's REST API with Camunda's two engine-error mappers replaced by ours. */
	@Bean
	CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
		return new CamundaJerseyResourceConfig() {
			@Override
			protected void registerCamundaRestResources() {
				registerClasses(CamundaRestResources.getResourceClasses());
				Set<Class<?>> configuration = new HashSet<>(CamundaRestResources.getConfigurationClasses());
				configuration.remove(RestExceptionHandler.class);
				configuration.remove(ProcessEngineExceptionHandler.class);
				configuration.remove(org.camunda.bpm.engine.rest.exception.ExceptionHandler.class);
				registerClasses(configuration);
				register(RestErrors.class);
				register(EngineErrors.class);
				register(OtherErrors.class);
				register(JacksonFeature.class);
			}
		};
	}

	/** The validation failure in an exception's causes, if any. */
	static FormValidationException find(Throwable error) {
		return cause(error, FormValidationException.class);
	}

	private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
		for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static Response sentence(Response.Status status, String type, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", message);
		body.put("code", 0);
		return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

	/** Camunda's answer to the failure, or ours where Camunda's would be English or a 500. */
	private static Response other(Throwable exception, Supplier<Response> camundas) {
		TaskGone gone = cause(exception, TaskGone.class);
		if (gone != null) {
			return sentence(Response.Status.NOT_FOUND, "TaskGone", gone.getMessage());
		}
		// two people changed the same instance at the same moment: nothing of hers was written
		if (cause(exception, OptimisticLockingException.class) != null) {
			return sentence(Response.Status.CONFLICT, "OptimisticLockingException",
					Messages.get("identity.guard.concurrent-change"));
		}
		// the engine's own check names the user; the guard's refusals are Vietnamese already
		Response answer = camundas.get();
		if (exception instanceof AuthorizationException refusal && refusal.getUserId() != null
				&& answer.getEntity() instanceof ExceptionDto dto) {
			dto.setMessage(Messages.get("identity.guard.refused"));
		}
		return answer;
	}

	static Map<String, Object> body(FormValidationException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "FormValidationException");
		body.put("message", ex.getMessage());
		body.put("field", ex.getField());
		body.put("code", 0);
		return body;
	}

	private static Response badRequest(FormValidationException ex) {
		return Response.status(Response.Status.BAD_REQUEST).entity(body(ex)).type(MediaType.APPLICATION_JSON_TYPE).build();
	}

	/**
	 * 503 with the Vietnamese problem details while the database is unreachable (see
	 * {@link DatabaseUnavailable}), with {@code message} for Tasklist.
	 */
	private static Response databaseUnavailable() {
		return Response.status(DatabaseUnavailable.STATUS)
			.header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
			.entity(Problems.body(DatabaseUnavailable.problem(), true))
			.type(Problems.CONTENT_TYPE)
			.build();
	}

	/** Replaces Camunda's {@link RestExceptionHandler}. */
	public static class RestErrors extends RestExceptionHandler {

		@Override
		public Response toResponse(RestException exception) {
			FormValidationException validation = find(exception);
			if (validation != null) {
				return badRequest(validation);
			}
			return DatabaseUnavailable.causedBy(exception) ? databaseUnavailable()
					: other(exception, () -> super.toResponse(exception));
		}

	}

	/** Replaces Camunda's {@link ProcessEngineExceptionHandler}. */
	public static class EngineErrors extends ProcessEngineExceptionHandler {

		@Override
		public Response toResponse(ProcessEngineException exception) {
			FormValidationException validation = find(exception);
			if (validation != null) {
				return badRequest(validation);
			}
			return DatabaseUnavailable.causedBy(exception) ? databaseUnavailable()
					: other(exception, () -> super.toResponse(exception));
		}

	}

	/** Replaces Camunda's {@link org.camunda.bpm.engine.rest.exception.ExceptionHandler} (every other error, e.g. no connection for a transaction). */
	public static class OtherErrors extends org.camunda.bpm.engine.rest.exception.ExceptionHandler {

		@Override
		public Response toResponse(Throwable exception) {
			return DatabaseUnavailable.causedBy(exception) ? databaseUnavailable() : super.toResponse(exception);
		}

	}

}
