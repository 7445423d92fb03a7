package vn.thidua.forms;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

import vn.thidua.web.Problems;

/**
 * A value a user submitted breaks a rule: the start or completion is refused, nothing is written,
 * and the REST API answers 400 with {@link #getMessage()} (Vietnamese, naming the field); the
 * application's own endpoints answer its {@link #getBody() problem details}. A bad request of the
 * user's, not a fault: the engine logs it at debug level only.
 */
public class FormValidationException extends BadUserRequestException implements ErrorResponse {

	private static final long serialVersionUID = 1L;

	private final String field;

	public FormValidationException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The form field key (= process variable name) at fault, or null for a rule across fields. */
	public String getField() {
		return field;
	}

	@Override
	public HttpStatusCode getStatusCode() {
		return HttpStatus.BAD_REQUEST;
	}

	@Override
	public ProblemDetail getBody() {
		return Problems.of(HttpStatus.BAD_REQUEST, field, getMessage());
	}

}
