package vn.thidua.identity.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against Camunda's identity service for the engine's REST API and the
 * application's own {@code /api}. The starter leaves {@code /engine-rest} open; this closes it. An
 * authenticated request runs with the user's identity and groups set on the engine, so every engine
 * call checks that user's authorizations, and our controllers read the same identity.
 */
@Configuration(proxyBeanMethods = false)
class RestAuthenticationConfig {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> restAuthenticationFilter() {
		return authentication("thidua-rest-authentication", "/engine-rest/*", HttpBasicAuthenticationProvider.class);
	}

	/** {@code /api}: HTTP Basic, or the web apps' session with its CSRF token (Tasklist plugins). */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthenticationFilter() {
		return authentication("thidua-api-authentication", "/api/*", SessionOrBasicAuthenticationProvider.class);
	}

	private static FilterRegistrationBean<ProcessEngineAuthenticationFilter> authentication(String name,
			String urlPattern, Class<? extends HttpBasicAuthenticationProvider> provider) {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName(name);
		registration.addUrlPatterns(urlPattern);
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				provider.getName());
		registration.setOrder(1);
		return registration;
	}

}
