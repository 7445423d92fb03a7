package vn.thidua.operations;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.thidua.web.Problems;

/**
 * During a database outage every request to {@code /api}, {@code /engine-rest} and the web apps'
 * own API gets 503 with {@link DatabaseUnavailable#problem}: this filter runs before the HTTP Basic
 * authentication (which itself reads the database) and turns an error that reaches it with an
 * unreachable database among its causes into that answer. Errors the engine REST API maps itself
 * are turned into the same answer by its exception mappers
 * ({@code vn.thidua.forms.ValidationErrorResponses}).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseOutageConfig {

	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
				new DatabaseOutageFilter());
		registration.setName("thidua-database-outage");
		registration.addUrlPatterns("/engine-rest/*", "/api/*", "/camunda/api/*");
		// before thidua-rest-authentication (order 1)
		registration.setOrder(0);
		return registration;
	}

	static final class DatabaseOutageFilter extends OncePerRequestFilter {

		private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			try {
				chain.doFilter(request, response);
			}
			catch (ServletException | IOException | RuntimeException ex) {
				if (!DatabaseUnavailable.causedBy(ex) || response.isCommitted()) {
					throw ex;
				}
				LOG.warn("Database unavailable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
						rootMessage(ex));
				response.resetBuffer();
				response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
				ProblemDetail problem = DatabaseUnavailable.problem();
				problem.setInstance(URI.create(request.getRequestURI()));
				Problems.write(request, response, problem);
			}
		}

		private static String rootMessage(Throwable error) {
			Throwable cause = error;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			return cause.getClass().getSimpleName() + ": " + cause.getMessage();
		}

	}

}
