package vn.thidua.pages;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The pages' protection against cross-site form posts: a random token per session, put into every
 * form as {@code _csrf} by the layout and compared in constant time on each POST. (The web apps'
 * own CSRF filter guards only {@code /camunda/**}.)
 */
public final class PageCsrf {

	public static final String PARAMETER = "_csrf";

	static final String SESSION_KEY = PageCsrf.class.getName();

	private static final SecureRandom RANDOM = new SecureRandom();

	private PageCsrf() {
	}

	/** The session's token, created with the session when there is none. */
	public static String token(HttpServletRequest request) {
		HttpSession session = request.getSession(true);
		Object token = session.getAttribute(SESSION_KEY);
		if (token instanceof String s) {
			return s;
		}
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		session.setAttribute(SESSION_KEY, created);
		return created;
	}

	/** Whether the request carries the token of its session. */
	public static boolean valid(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		String submitted = request.getParameter(PARAMETER);
		if (session == null || submitted == null) {
			return false;
		}
		Object expected = session.getAttribute(SESSION_KEY);
		return expected instanceof String s && MessageDigest.isEqual(s.getBytes(StandardCharsets.UTF_8),
				submitted.getBytes(StandardCharsets.UTF_8));
	}

}
