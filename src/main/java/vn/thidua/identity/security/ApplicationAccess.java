package vn.thidua.identity.security;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;

/**
 * Marks engine calls that the application itself makes on a person's behalf, after it has decided
 * access on its own domain rules (for example an objection correlated from a public page, or a
 * document recorded on a nomination). The engine guard lets such calls through: they do not come
 * from a submission, so they are not held to the caller's task form. Everything else a logged-in
 * person causes in the engine goes through the guard.
 */
public final class ApplicationAccess {

	private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);

	private ApplicationAccess() {
	}

	public static <T> T call(Supplier<T> work) {
		boolean outer = ACTIVE.get();
		ACTIVE.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			ACTIVE.set(outer);
		}
	}

	public static void run(Runnable work) {
		call(() -> {
			work.run();
			return null;
		});
	}

	/**
	 * Reads engine state as the application, without the caller's authorizations: for pages and
	 * endpoints that have decided with their own rule what the person may see (people have no READ on
	 * process instances on purpose: it would expose the council's task-local ballots).
	 */
	public static <T> T read(IdentityService identityService, Supplier<T> reading) {
		var caller = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return call(reading);
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
		}
	}

	/** Whether the current thread is inside {@link #call} or {@link #run}. */
	public static boolean active() {
		return ACTIVE.get();
	}

}
