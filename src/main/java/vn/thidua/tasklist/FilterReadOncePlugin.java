package vn.thidua.tasklist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A filter read once per HTTP request. Tasklist's page of a filter ({@code POST
 * /filter/{id}/list}, HAL) runs three engine commands: the REST resource reads the filter, then the
 * page and its count each read it again, and each read is a statement plus an authorization check
 * (READ on the filter): six of the page's statements, a quarter of its CPU (flight recording of the
 * benchmark, issue 22). Within one request the engine's filter manager now answers the second and
 * third read with the filter the first read returned, for the same user and groups, when the first
 * read ran its authorization check and passed it. A read without the check (authorization off in
 * that command, no authenticated user) is neither served from nor remembered in the request's reads,
 * so it cannot open a filter to a later checked read. Outside an HTTP request (jobs, start-up) nothing
 * changes. The next request checks again: revoking a filter takes effect at once.
 * {@code thidua.tasklist.filter-read-once=false} switches it off (the benchmark's "before").
 */
@Component
@ConditionalOnProperty(name = FilterReadOncePlugin.SWITCH, havingValue = "true", matchIfMissing = true)
public class FilterReadOncePlugin extends AbstractProcessEnginePlugin {

	static final String SWITCH = "thidua.tasklist.filter-read-once";

	/** The filters read in the current HTTP request, by filter and reader; null outside a request. */
	private static final ThreadLocal<Map<Read, FilterEntity>> READS = new ThreadLocal<>();

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = new ArrayList<>();
		if (configuration.getCustomSessionFactories() != null) {
			factories.addAll(configuration.getCustomSessionFactories());
		}
		factories.add(new ReadOnceFilterManagerFactory());
		configuration.setCustomSessionFactories(factories);
	}

	/** A read: the filter, and who read it (the check depends on the user and her groups only). */
	private record Read(String filterId, String userId, List<String> groupIds) {
	}

	/** The engine's filter manager (a session of each command), replaced by {@link ReadOnceFilterManager}. */
	static final class ReadOnceFilterManagerFactory implements SessionFactory {

		@Override
		public Class<?> getSessionType() {
			return FilterManager.class;
		}

		@Override
		public Session openSession() {
			return new ReadOnceFilterManager();
		}

	}

	static final class ReadOnceFilterManager extends FilterManager {

		@Override
		public FilterEntity findFilterById(String filterId) {
			Map<Read, FilterEntity> reads = READS.get();
			Authentication authentication = getCurrentAuthentication();
			if (reads == null || filterId == null || !isAuthorizationEnabled()
					|| !Context.getCommandContext().isAuthorizationCheckEnabled() || authentication == null
					|| authentication.getUserId() == null) {
				return super.findFilterById(filterId);
			}
			Read read = new Read(filterId, authentication.getUserId(),
					authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
			FilterEntity filter = reads.get(read);
			if (filter == null) {
				// throws when the READ is missing: nothing is remembered
				filter = super.findFilterById(filterId);
				if (filter != null) {
					reads.put(read, filter);
				}
			}
			return filter;
		}

	}

	/** Opens and closes the request's reads around every HTTP request. */
	@Component
	@ConditionalOnProperty(name = SWITCH, havingValue = "true", matchIfMissing = true)
	static class RequestReads extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (READS.get() != null) {
				chain.doFilter(request, response);
				return;
			}
			READS.set(new HashMap<>());
			try {
				chain.doFilter(request, response);
			}
			finally {
				READS.remove();
			}
		}

	}

}
