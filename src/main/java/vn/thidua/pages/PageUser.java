package vn.thidua.pages;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The person logged into the Camunda web apps, as the pages see them: read from the web apps'
 * session by {@link PageAuthenticationFilter}, never from a parameter.
 *
 * @param id the login
 * @param name the name shown in the header
 * @param groups the Camunda groups of the login, as the web apps' session holds them
 */
public record PageUser(String id, String name, List<String> groups) {

	static final String ATTRIBUTE = PageUser.class.getName();

	public PageUser {
		groups = groups == null ? List.of() : List.copyOf(groups);
	}

	public boolean inGroup(String groupId) {
		return groups.contains(groupId);
	}

	/** The logged-in person of this request, or null for a visitor without a login. */
	public static PageUser of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof PageUser user ? user : null;
	}

}
