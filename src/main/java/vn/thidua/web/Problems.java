package vn.thidua.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.beans.ConversionNotSupportedException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The application's one error shape, RFC 9457 problem details: {@code type}, {@code title},
 * {@code status}, {@code detail} (a Vietnamese sentence) and {@code field} where one field is at
 * fault, as {@code application/problem+json}. Holds the decisions (which status and which sentence
 * for which error), used by {@link ProblemAdvice} for controllers, by the pages' HTML error page,
 * and by the servlet filters through {@link #write}.
 *
 * <p>The engine's REST API ({@code /engine-rest}, the web apps' {@code /camunda/api/engine}) keeps
 * Camunda's own error shape ({@code type}, {@code message}), because Tasklist parses it; when one of
 * our filters answers there, the problem body also carries {@code message} for Tasklist to show.
 */
public final class Problems {

	public static final String CONTENT_TYPE = "application/problem+json;charset=UTF-8";

	/** The property naming the field at fault. */
	public static final String FIELD = "field";

	private static final ObjectMapper JSON = new ObjectMapper();

	private Problems() {
	}

	/** A problem with the status's title, the Vietnamese detail and the field at fault (or null). */
	public static ProblemDetail of(HttpStatusCode status, String field, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title(status.value()));
		if (field != null) {
			problem.setProperty(FIELD, field);
		}
		return problem;
	}

	public static ProblemDetail of(int status, String field, String detail) {
		return of(HttpStatusCode.valueOf(status), field, detail);
	}

	/**
	 * The problem an error stands for, or null when it is none of the known kinds (a fault: it
	 * propagates, to the database outage filter or to the error page). {@code label} names a request
	 * parameter as people read it (the pages' {@code nam} is «Năm»).
	 */
	public static ProblemDetail from(Throwable error, UnaryOperator<String> label) {
		// a value that does not convert (not a converter missing, ConversionNotSupportedException: a fault)
		String mismatched = error instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: error instanceof TypeMismatchException mismatch && !(error instanceof ConversionNotSupportedException)
						? mismatch.getPropertyName() : null;
		if (mismatched != null) {
			return of(HttpStatus.BAD_REQUEST, mismatched,
					Messages.get("problem.parameter.invalid", label.apply(mismatched)));
		}
		if (error instanceof MissingServletRequestParameterException missing) {
			return of(HttpStatus.BAD_REQUEST, missing.getParameterName(),
					Messages.get("problem.parameter.missing", label.apply(missing.getParameterName())));
		}
		if (error instanceof MissingServletRequestPartException missing) {
			return of(HttpStatus.BAD_REQUEST, missing.getRequestPartName(),
					Messages.get("problem.parameter.missing", label.apply(missing.getRequestPartName())));
		}
		if (error instanceof MaxUploadSizeExceededException) {
			return of(HttpStatus.PAYLOAD_TOO_LARGE, "file", Messages.get("problem.upload.too-large"));
		}
		if (error instanceof MultipartException) {
			return of(HttpStatus.BAD_REQUEST, "file", Messages.get("problem.upload.broken"));
		}
		if (error instanceof HttpMessageNotReadableException) {
			return of(HttpStatus.BAD_REQUEST, null, Messages.get("problem.body.unreadable"));
		}
		if (error instanceof AuthorizationException) {
			return of(HttpStatus.FORBIDDEN, null, Messages.get("problem.forbidden"));
		}
		if (error instanceof ResponseStatusException status && status.getReason() != null) {
			return of(status.getStatusCode(), null, status.getReason());
		}
		if (error instanceof ErrorResponse response) {
			// Spring's own errors carry English details: ours say it in Vietnamese by status
			boolean spring = error.getClass().getName().startsWith("org.springframework.");
			ProblemDetail body = response.getBody();
			if (spring || body.getDetail() == null) {
				return of(response.getStatusCode(), null, detail(response.getStatusCode().value()));
			}
			return body;
		}
		// an engine error wrapping one of ours (a form validation failure in a task listener)
		for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause() == cause ? null
				: cause.getCause()) {
			if (cause instanceof ErrorResponse && !cause.getClass().getName().startsWith("org.springframework.")) {
				return from(cause, label);
			}
		}
		return null;
	}

	/** The body as a map, for writers without Spring's problem-details support (filters, Jersey). */
	public static Map<String, Object> body(ProblemDetail problem, boolean engineApi) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", problem.getType().toString());
		body.put("title", problem.getTitle());
		body.put("status", problem.getStatus());
		body.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			body.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			body.putAll(problem.getProperties());
		}
		if (engineApi) {
			body.put("message", problem.getDetail());
		}
		return body;
	}

	/** Writes the problem as the answer of a servlet filter. */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		write(response, problem, engineApi(request));
	}

	public static void write(HttpServletResponse response, ProblemDetail problem, boolean engineApi)
			throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(CONTENT_TYPE);
		JSON.writeValue(response.getOutputStream(), body(problem, engineApi));
	}

	/** Whether the request goes to the engine's REST API, whose clients (Tasklist) read Camunda's {@code message}. */
	public static boolean engineApi(HttpServletRequest request) {
		return engineApi(request.getRequestURI().substring(request.getContextPath().length()));
	}

	static boolean engineApi(String path) {
		return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
	}

	static String title(int status) {
		return switch (status) {
			case 400 -> Messages.get("problem.title.400");
			case 401 -> Messages.get("problem.title.401");
			case 403 -> Messages.get("problem.title.403");
			case 404 -> Messages.get("problem.title.404");
			case 405 -> Messages.get("problem.title.405");
			case 406 -> Messages.get("problem.title.406");
			case 409 -> Messages.get("problem.title.409");
			case 413 -> Messages.get("problem.title.413");
			case 415 -> Messages.get("problem.title.415");
			case 429 -> Messages.get("problem.title.429");
			case 503 -> Messages.get("problem.title.503");
			default -> status < 500 ? Messages.get("problem.title.400") : Messages.get("problem.title.500");
		};
	}

	/** The sentence for an error known only by its status. */
	public static String detail(int status) {
		return switch (status) {
			case 401 -> Messages.get("problem.detail.401");
			case 403 -> Messages.get("problem.forbidden");
			case 404 -> Messages.get("problem.detail.404");
			case 405 -> Messages.get("problem.detail.405");
			case 406 -> Messages.get("problem.detail.406");
			case 413 -> Messages.get("problem.detail.413");
			case 415 -> Messages.get("problem.detail.415");
			default -> status < 500 ? Messages.get("problem.detail.400") : Messages.get("problem.detail.500");
		};
	}

}
