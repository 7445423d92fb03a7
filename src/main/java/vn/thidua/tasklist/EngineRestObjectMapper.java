package vn.thidua.tasklist;

import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * One Jackson {@link ObjectMapper} for the engine's REST API, configured as Camunda's
 * {@link JacksonConfigurator} configures it. Camunda's resolver builds a new mapper for every
 * request, so every request builds Jackson's deserializers again: a tenth of the server's time
 * on a Tasklist list (the filter's query in the body is read twice, for the page and the count,
 * into a DTO of a hundred properties). Registered in every Jersey application (the web apps'
 * {@code /camunda/api/engine}, which Tasklist calls, and {@code /engine-rest}) the way
 * {@code vn.thidua.forms.WebappEngineErrors} registers the error mappers, ahead of Camunda's
 * resolver by priority. A configured mapper is safe to share between threads (Jackson copies the
 * date format for each use).
 */
@ConstrainedTo(RuntimeType.SERVER)
@Priority(1)
public final class EngineRestObjectMapper implements ForcedAutoDiscoverable {

	private static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

	private static final AtomicLong RESOLUTIONS = new AtomicLong();

	@Override
	public void configure(FeatureContext context) {
		if (!context.getConfiguration().isRegistered(Resolver.class)) {
			context.register(Resolver.class, 1);
		}
	}

	/** How many times the REST API asked for the mapper and got the shared one (for the test). */
	static long resolutions() {
		return RESOLUTIONS.get();
	}

	/** The resolver the REST resources ask for their mapper. */
	@Produces({ MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON })
	@Priority(1)
	public static final class Resolver implements ContextResolver<ObjectMapper> {

		@Override
		public ObjectMapper getContext(Class<?> type) {
			RESOLUTIONS.incrementAndGet();
			return MAPPER;
		}

	}

}
