package vn.thidua.identity.organisation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.thidua.web.Messages;

/**
 * {@code thidua.demo.*} and {@code thidua.admin.*}: demo mode gives every login the password
 * {@code demo}; outside it the administrator comes from {@code THIDUA_ADMIN_USER} and
 * {@code THIDUA_ADMIN_PASSWORD}, and other users get an unguessable password that an administrator
 * resets in Camunda Admin.
 */
@ConfigurationProperties("thidua")
public record IdentityProperties(@DefaultValue Demo demo, @DefaultValue Admin admin) {

	public static final String DEMO_PASSWORD = "demo";

	/** @param enabled demo logins with the password {@code demo} */
	public record Demo(@DefaultValue("false") boolean enabled) {
	}

	/** @param user administrator login; {@code admin} in demo mode */
	public record Admin(String user, String password) {
	}

	/** The administrator's login and password, or a start-up failure saying what is missing. */
	public Admin effectiveAdmin() {
		if (admin.user() != null && !admin.user().isBlank() && admin.password() != null
				&& !admin.password().isBlank()) {
			return admin;
		}
		if (demo.enabled()) {
			return new Admin("admin", DEMO_PASSWORD);
		}
		throw new IllegalStateException(Messages.get("identity.admin.missing"));
	}

}
