package vn.thidua.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The error body of the application for answers written outside a controller (servlet filters):
 * RFC 9457 problem details ({@code type}, {@code title}, {@code status}, {@code detail}, and
 * {@code field} where a field is at fault) with {@code message} beside {@code detail}, which is what
 * Tasklist shows.
 */
public final class Problems {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Problems() {
	}

	public static Map<String, Object> body(int status, String field, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		HttpStatus known = HttpStatus.resolve(status);
		body.put("title", known == null ? String.valueOf(status) : known.getReasonPhrase());
		body.put("status", status);
		body.put("detail", detail);
		body.put("message", detail);
		if (field != null) {
			body.put("field", field);
		}
		return body;
	}

	public static void write(HttpServletResponse response, int status, String field, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/problem+json;charset=UTF-8");
		JSON.writeValue(response.getOutputStream(), body(status, field, detail));
	}

}
