package vn.thidua.identity.security;

import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Who acts: the person of the current request (our endpoints, the engine's REST API, the web
 * apps) or of the engine command a process step runs in. The one place that asks; a process class
 * passes the answer on to its services as a plain login.
 */
@Component
public class Actor {

	private final IdentityService identityService;

	Actor(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** The login of the person acting, if someone is logged in. */
	public Optional<String> current() {
		var authentication = identityService.getCurrentAuthentication();
		return Optional.ofNullable(authentication == null ? null : authentication.getUserId());
	}

	/** The login of the person acting; for our own endpoints, which are behind the login. */
	public String id() {
		return current().orElseThrow(
				() -> new IllegalStateException("No authenticated user: /api is behind the authentication filter"));
	}

	/** The person acting, or the given login (a task's assignee when a step runs without a request). */
	public String idOr(String fallback) {
		return current().orElse(fallback);
	}

	public List<String> groups() {
		var authentication = identityService.getCurrentAuthentication();
		List<String> groups = authentication == null ? null : authentication.getGroupIds();
		return groups == null ? List.of() : groups;
	}

	public boolean inGroup(String groupId) {
		return groups().contains(groupId);
	}

}
