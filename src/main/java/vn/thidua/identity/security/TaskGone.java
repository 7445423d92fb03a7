package vn.thidua.identity.security;

import org.camunda.bpm.engine.exception.NullValueException;

/**
 * A task that is no longer there when someone completes it: another person (or a second click)
 * completed it first, or the process moved on. The engine's REST API answers it 404 with the
 * Vietnamese sentence ({@code vn.thidua.forms.ValidationErrorResponses}), not Camunda's 500
 * «Cannot submit task form …».
 */
public class TaskGone extends NullValueException {

	private static final long serialVersionUID = 1L;

	TaskGone(String message) {
		super(message);
	}

}
