package vn.thidua.identity.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The user of the current request as authenticated by {@link RestAuthenticationConfig}: the one
 * place our own endpoints ask who is calling and in which groups.
 */
@Component
public class CurrentUser {

	private final IdentityService identityService;

	CurrentUser(IdentityService identityService) {
		this.identityService = identityService;
	}

	public String id() {
		return authentication().getUserId();
	}

	public List<String> groups() {
		List<String> groups = authentication().getGroupIds();
		return groups == null ? List.of() : groups;
	}

	public boolean inGroup(String groupId) {
		return groups().contains(groupId);
	}

	private Authentication authentication() {
		Authentication authentication = identityService.getCurrentAuthentication();
		if (authentication == null || authentication.getUserId() == null) {
			throw new IllegalStateException("No authenticated user: /api is behind the authentication filter");
		}
		return authentication;
	}

}
