package vn.thidua.identity.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import vn.thidua.web.Messages;
import vn.thidua.web.Problems;

/**
 * For the application's {@code /api}: a request without an {@code Authorization} header is
 * authenticated by the Camunda web apps' login session (what a Tasklist plugin such as the «Hồ sơ»
 * tab sends); a request that changes something must then carry the session's CSRF token in
 * {@code X-XSRF-TOKEN}, as Tasklist's own calls do. Everything else is HTTP Basic, as before. A
 * request without a valid login gets 401 with the application's problem details.
 */
public class SessionOrBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

	@Override
	public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
		if (request.getHeader("Authorization") == null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
				Authentication user = authentications == null ? null
						: authentications.getAuthenticationForProcessEngine(engine.getName());
				if (user != null && user.getIdentityId() != null && csrfTokenMatches(request, session)) {
					return AuthenticationResult.successful(user.getIdentityId());
				}
			}
		}
		return super.extractAuthenticatedUser(request, engine);
	}

	/** The challenge, with the application's problem details (401) as the body. */
	@Override
	public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
		super.augmentResponseByAuthenticationChallenge(response, engine);
		try {
			Problems.write(response, Problems.of(HttpServletResponse.SC_UNAUTHORIZED, null,
					Messages.get("problem.detail.401")), false);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean csrfTokenMatches(HttpServletRequest request, HttpSession session) {
		if (CsrfConstants.CSRF_NON_MODIFYING_METHODS_PATTERN.matcher(request.getMethod()).matches()) {
			return true;
		}
		Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
		String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
		return expected instanceof String token && sent != null && MessageDigest
			.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
	}

}
