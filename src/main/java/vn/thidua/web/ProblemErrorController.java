package vn.thidua.web;

import java.util.Map;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /error}, where the container sends what no controller answered ({@code sendError}, an
 * error escaping a filter, a fault): the same problem details as {@link ProblemAdvice} for a
 * client that does not ask for HTML, Spring Boot's error page for a browser.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController extends BasicErrorController {

	ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties server, ObjectProvider<ErrorViewResolver> views) {
		super(errorAttributes, server.getError(), views.orderedStream().toList());
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.NO_CONTENT) {
			return new ResponseEntity<>(status);
		}
		ProblemDetail problem = null;
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error) {
			problem = Problems.from(error, UnaryOperator.identity());
		}
		if (problem == null || problem.getStatus() != status.value()) {
			problem = Problems.of(status, null, Problems.detail(status.value()));
		}
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		boolean engineApi = path instanceof String p && Problems.engineApi(p.substring(request.getContextPath().length()));
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.body(problem, engineApi));
	}

}
