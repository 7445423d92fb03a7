package vn.thidua.pages;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.identity.organisation.OrganisationDirectory;

/** Registers {@link PageAuthenticationFilter} on the pages' paths (and only there). */
@Configuration(proxyBeanMethods = false)
class PagesConfig {

	static final String[] PATHS = { "/cong-khai/*", "/so-khen-thuong/*", "/thong-ke/*", "/ho-so-cua-toi/*",
			"/nguoi-thay-the/*", "/de-xuat-khen-thuong/*", "/dang-xuat/*", "/to-chuc/*" };

	@Bean
	FilterRegistrationBean<PageAuthenticationFilter> pageAuthenticationFilter(OrganisationDirectory directory) {
		FilterRegistrationBean<PageAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new PageAuthenticationFilter(directory));
		registration.setName("thidua-page-authentication");
		registration.addUrlPatterns(PATHS);
		registration.setOrder(2);
		return registration;
	}

}
