package vn.thidua.identity.organisation;

import java.io.IOException;
import java.util.Date;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A change of the organisation reaches the people already logged in at their next request. The
 * Camunda web apps keep each login's groups in the HTTP session and read them again only every five
 * minutes ({@code camunda.bpm.webapp.auth.cache.time-to-live}): an old chapter head could act for her
 * chapter that long. This filter, ahead of the web apps' own, compares the organisation version the
 * session last saw with the one served; when they differ it reads the login's groups again and marks
 * the web apps' cache expired (so they re-check the apps too), and drops the login of a person no
 * longer in the organisation.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationSessions {

	static final String SESSION_KEY = OrganisationSessions.class.getName() + ".version";

	@Bean
	FilterRegistrationBean<Filter> organisationSessionFilter(OrganisationDirectory directory,
			IdentityService identityService) {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new Filter(directory, identityService));
		registration.setName("thidua-organisation-sessions");
		registration.addUrlPatterns("/*");
		registration.setOrder(1);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final OrganisationDirectory directory;

		private final IdentityService identityService;

		Filter(OrganisationDirectory directory, IdentityService identityService) {
			this.directory = directory;
			this.identityService = identityService;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			if (session != null) {
				try {
					refresh(session);
				}
				catch (IllegalStateException invalidated) {
					// the session ended meanwhile: nothing to refresh
				}
			}
			chain.doFilter(request, response);
		}

		private void refresh(HttpSession session) {
			long current = directory.version();
			if (session.getAttribute(SESSION_KEY) instanceof Long seen && seen == current) {
				return;
			}
			Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
			if (authentications != null) {
				for (UserAuthentication login : List.copyOf(authentications.getAuthentications())) {
					String id = login.getIdentityId();
					if (id == null || identityService.createUserQuery().userId(id).count() == 0) {
						authentications.removeByEngineName(login.getProcessEngineName());
						continue;
					}
					login.setGroupIds(identityService.createGroupQuery()
						.groupMember(id)
						.list()
						.stream()
						.map(Group::getId)
						.toList());
					login.setCacheValidationTime(new Date(0));
				}
				AuthenticationUtil.updateSession(session, authentications);
			}
			session.setAttribute(SESSION_KEY, current);
		}

	}

}
