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
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("thidua-rest-authentication");
		registration.addUrlPatterns("/engine-rest/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.setOrder(1);
		return registration;
	}

	/** {@code /api}: HTTP Basic, or the web apps' session with its CSRF token (Tasklist plugins). */
	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> apiAuthenticationFilter() {
		FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new ProcessEngineAuthenticationFilter());
		registration.setName("thidua-api-authentication");
		registration.addUrlPatterns("/api/*");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				SessionOrBasicAuthenticationProvider.class.getName());
		registration.setOrder(1);
		return registration;
	}

}
