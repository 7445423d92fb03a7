package vn.thidua.pages;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.OrganisationDirectory;

/**
 * One login for Tasklist and the pages: a person logged into the Camunda web apps is logged into
 * the pages. The web apps keep their login in the HTTP session under {@code authenticatedUser}
 * (an {@link Authentications}, see Camunda's {@code AuthenticationUtil}); this filter reads the
 * login of engine {@code default} there (only when the person may use Tasklist) and puts a
 * {@link PageUser} on the request. It never sets the engine's authentication: the pages decide
 * access with their own rules and read the engine as the application.
 *
 * <p>A page that needs a login, asked for without one, sends the browser to Tasklist's login page
 * with the page as {@code quay-lai}; {@code assets/thidua/return-to-page.js} brings it back after
 * the login. Logging out of Tasklist removes the login from the same session, so the pages see
 * it at once; {@code POST /dang-xuat} ends the whole session, Tasklist's login with it.
 */
class PageAuthenticationFilter extends OncePerRequestFilter {

	static final String SESSION_KEY = "authenticatedUser";

	static final String ENGINE = "default";

	static final String TASKLIST = "/camunda/app/tasklist/default/";

	/** Paths anyone may open: the public disclosure. */
	static final List<String> PUBLIC = List.of("/cong-khai");

	private final OrganisationDirectory directory;

	PageAuthenticationFilter(OrganisationDirectory directory) {
		this.directory = directory;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PageHeaders.apply(response);
		Optional<PageUser> user = user(request);
		user.ifPresent(u -> request.setAttribute(PageUser.ATTRIBUTE, u));
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (user.isEmpty() && !isPublic(path)) {
			if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
				response.sendRedirect(request.getContextPath() + loginUrl(path, request.getQueryString()));
			}
			else {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean isPublic(String path) {
		return PUBLIC.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
	}

	/** Tasklist's login page, which sends the browser back to {@code path} once logged in. */
	static String loginUrl(String path, String query) {
		String back = query == null ? path : path + "?" + query;
		return TASKLIST + "?quay-lai=" + URLEncoder.encode(back, StandardCharsets.UTF_8) + "#/login";
	}

	private Optional<PageUser> user(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return Optional.empty();
		}
		Object stored;
		try {
			stored = session.getAttribute(SESSION_KEY);
		}
		catch (IllegalStateException invalidated) {
			return Optional.empty();
		}
		if (!(stored instanceof Authentications authentications)) {
			return Optional.empty();
		}
		Authentication authentication = authentications.getAuthenticationForProcessEngine(ENGINE);
		if (!(authentication instanceof UserAuthentication login) || login.getIdentityId() == null
				|| !login.isAuthorizedForApp("tasklist")) {
			return Optional.empty();
		}
		String id = login.getIdentityId();
		String name = directory.person(id).map(PageAuthenticationFilter::fullName).orElse(id);
		return Optional.of(new PageUser(id, name, login.getGroupIds()));
	}

	private static String fullName(Person p) {
		String name = ((p.firstName() == null ? "" : p.firstName()) + " " + (p.lastName() == null ? "" : p.lastName()))
			.strip();
		return name.isEmpty() ? p.id() : name;
	}

}
