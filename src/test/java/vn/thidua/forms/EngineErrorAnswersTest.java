package vn.thidua.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

import jakarta.ws.rs.core.Response;

/**
 * The engine API's answers that Camunda would give as a 500 in English: the engine's optimistic
 * lock met (two people changing one instance at once) is 409 with a sentence, wherever the engine
 * or the REST resource wrapped it.
 */
class EngineErrorAnswersTest {

	@Test
	void shouldAnswerAChangeThatMetAnotherOneWithConflictAndASentence() {
		// given: the lock as the engine throws it, and as the task resource wraps it
		OptimisticLockingException lock = new OptimisticLockingException(
				"ENGINE-03005 Execution of 'UPDATE VariableInstanceEntity[1]' failed.");
		RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR, lock,
				"Cannot submit task form 1: " + lock.getMessage());

		// when
		Response direct = new ValidationErrorResponses.EngineErrors().toResponse(lock);
		Response viaResource = new ValidationErrorResponses.RestErrors().toResponse(wrapped);

		// then
		for (Response answer : new Response[] { direct, viaResource }) {
			assertThat(answer.getStatus()).isEqualTo(409);
			@SuppressWarnings("unchecked")
			Map<String, Object> body = (Map<String, Object>) answer.getEntity();
			assertThat(body.get("message").toString()).startsWith("Có người khác vừa thay đổi")
				.doesNotContain("ENGINE-", "Cannot");
		}
	}

	@Test
	void shouldLeaveOtherEngineErrorsAsCamundaAnswersThem() {
		Response other = new ValidationErrorResponses.EngineErrors().toResponse(new ProcessEngineException("x"));
		assertThat(other.getStatus()).isEqualTo(500);
	}

}
