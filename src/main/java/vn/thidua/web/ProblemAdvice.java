package vn.thidua.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where an error of the application's controllers becomes an answer: problem details
 * ({@link Problems}) for {@link Refusal}, Spring MVC's own errors (missing or malformed parameters,
 * unreadable bodies, uploads too large, unknown paths), an engine error with a form validation
 * failure among its causes (400 with the field) and the engine's authorization errors (403). Any
 * other error is a fault and propagates (to the database outage filter's 503 or the error page).
 * The pages render the same decisions as HTML ({@code vn.thidua.pages.PageErrors}). Errors before
 * any of our controllers is chosen (an unknown path, a method the path does not take) go through
 * {@link ProblemErrorController}: the same problem details, or an HTML error page for a browser.
 * Not limited to our packages: an upload too large is refused while the request is parsed, before
 * any handler is chosen, and an advice limited to packages does not apply to a request without one
 * (Spring's default resolver would then answer 413 with an empty body). The web apps and the
 * engine's REST API are not Spring MVC, so this advice never sees their errors.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ProcessEngineException.class)
	ResponseEntity<Object> engineError(ProcessEngineException ex, WebRequest request) throws Exception {
		ProblemDetail problem = Problems.from(ex, UnaryOperator.identity());
		if (problem == null) {
			throw ex;
		}
		return answer(ex, problem, new HttpHeaders(), request);
	}

	/** The multipart parser's failures other than size, which happen before any controller runs. */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> brokenUpload(MultipartException ex, WebRequest request) throws Exception {
		return answer(ex, Problems.from(ex, UnaryOperator.identity()), new HttpHeaders(), request);
	}

	/**
	 * An unknown path (no static file, no controller): a browser gets the HTML error page of
	 * {@link ProblemErrorController} (the container's error dispatch), every other client the problem.
	 */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null && wantsHtml(servlet)) {
			try {
				servlet.getResponse().sendError(status.value());
				return null;
			}
			catch (IOException ex2) {
				throw new UncheckedIOException(ex2);
			}
		}
		return super.handleNoResourceFoundException(ex, headers, status, request);
	}

	/** A browser's page request: HTML accepted and preferred to JSON (browsers send text/html first). */
	private static boolean wantsHtml(ServletWebRequest request) {
		try {
			List<MediaType> accepted = MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT));
			MediaType.sortBySpecificityAndQuality(accepted);
			return !accepted.isEmpty() && MediaType.TEXT_HTML.isCompatibleWith(accepted.get(0))
					&& !accepted.get(0).isWildcardType();
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return false;
		}
	}

	/** Every answer of Spring's handler: the Vietnamese problem instead of Spring's English one. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = Problems.from(ex, UnaryOperator.identity());
		if (problem == null) {
			problem = Problems.of(statusCode, null, Problems.detail(statusCode.value()));
		}
		return answer(ex, problem, headers, request);
	}

	private ResponseEntity<Object> answer(Exception ex, ProblemDetail problem, HttpHeaders headers,
			WebRequest request) {
		HttpHeaders all = new HttpHeaders();
		all.putAll(headers);
		all.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return super.handleExceptionInternal(ex, problem, all, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

}
