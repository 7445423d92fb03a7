package vn.thidua.pages;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads engine state as the application, without the caller's authorizations: the pages' users have
 * no READ on process instances on purpose (it would expose the task-local ballots), so a page first
 * decides with its own rule what the person may see and then reads only that.
 */
public final class AsApplication {

	private AsApplication() {
	}

	public static <T> T read(IdentityService identityService, Supplier<T> reading) {
		Authentication caller = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return reading.get();
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
		}
	}

}
