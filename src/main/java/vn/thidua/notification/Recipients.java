package vn.thidua.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who gets a notification: users by login and groups by id (every member). Addresses come only
 * from the identity service, never from user input.
 */
public record Recipients(Set<String> users, Set<String> groups) {

	public Recipients {
		users = users == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(users));
		groups = groups == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(groups));
	}

	public static Recipients users(Collection<String> users) {
		return new Recipients(Set.copyOf(users), Set.of());
	}

	public static Recipients groups(Collection<String> groups) {
		return new Recipients(Set.of(), Set.copyOf(groups));
	}

}
