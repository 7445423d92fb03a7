package vn.thidua.forms;

import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;

/**
 * The same error answers on the web apps' engine API ({@code /camunda/api/engine}, which Tasklist
 * calls) as on {@code /engine-rest}: the web apps' Jersey application lists Camunda's exception
 * mappers itself and cannot be configured, so ours are added to every Jersey application through
 * Jersey's auto-discovery ({@code META-INF/services}), ahead of Camunda's by priority. A refused
 * start or completion then reaches Tasklist as 400 with the Vietnamese sentence alone, not as 500
 * «Cannot submit task form …: …».
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(1)
public final class WebappEngineErrors implements ForcedAutoDiscoverable {

	@Override
	public void configure(FeatureContext context) {
		if (!context.getConfiguration().isRegistered(ValidationErrorResponses.RestErrors.class)) {
			context.register(ValidationErrorResponses.RestErrors.class, 1);
			context.register(ValidationErrorResponses.EngineErrors.class, 1);
			context.register(ValidationErrorResponses.OtherErrors.class, 1);
		}
	}

}
