package vn.thidua.rollout;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import vn.thidua.forms.FormValidationException;

/** Reading submitted values: trimmed text, required values, dates; and the engine's clock. */
final class Texts {

	private Texts() {
	}

	static String text(Object value) {
		if (value == null) {
			return null;
		}
		String s = value.toString().strip();
		return s.isEmpty() ? null : s;
	}

	static String required(Object value, String field, String message) {
		String s = text(value);
		if (s == null) {
			throw new FormValidationException(field, message);
		}
		return s;
	}

	static LocalDate date(Object value, String field, String label) {
		String s = required(value, field, "Vui lòng nhập " + label + ".");
		try {
			// form-js dates are YYYY-MM-DD; accept a date-time and keep its date
			return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
		}
		catch (DateTimeParseException ex) {
			throw new FormValidationException(field, label.substring(0, 1).toUpperCase() + label.substring(1)
					+ " không phải là ngày hợp lệ (YYYY-MM-DD).");
		}
	}

	static Long number(Object value) {
		if (value instanceof Number n) {
			return n.longValue();
		}
		if (value instanceof String s && !s.isBlank()) {
			try {
				return Long.valueOf(s.strip());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	/** The engine's clock, so that tests that move it see consistent timestamps and overdue flags. */
	static LocalDateTime now() {
		return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
	}

	static LocalDate today() {
		return now().toLocalDate();
	}

	/** Who completed the task: the authenticated user, else its assignee. */
	static String actor(IdentityService identityService, DelegateTask task) {
		Authentication auth = identityService.getCurrentAuthentication();
		return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
	}

}
