package vn.thidua.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request the application refuses (400, 403, 404, 409, …) with a Vietnamese sentence, and the field
 * at fault where there is one. Thrown by controllers and pages; {@link ProblemAdvice} answers it as
 * problem details, the pages show it on their error page.
 */
public class Refusal extends ErrorResponseException {

	private static final long serialVersionUID = 1L;

	public Refusal(HttpStatus status, String field, String detail) {
		super(status, Problems.of(status, field, detail), null);
	}

	public static Refusal badRequest(String field, String detail) {
		return new Refusal(HttpStatus.BAD_REQUEST, field, detail);
	}

	public static Refusal forbidden(String detail) {
		return new Refusal(HttpStatus.FORBIDDEN, null, detail);
	}

	public static Refusal notFound(String detail) {
		return new Refusal(HttpStatus.NOT_FOUND, null, detail);
	}

	public static Refusal conflict(String detail) {
		return new Refusal(HttpStatus.CONFLICT, null, detail);
	}

	/** The Vietnamese sentence (the problem's detail). */
	@Override
	public String getMessage() {
		return getBody().getDetail();
	}

}
