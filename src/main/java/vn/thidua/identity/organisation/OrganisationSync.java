package vn.thidua.identity.organisation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.thidua.identity.organisation.IdentityAccounts.GroupSpec;
import vn.thidua.identity.organisation.Organisation.Person;

/**
 * Makes Camunda's identity service match the organisation file: users, groups and memberships
 * ({@link IdentityAccounts}), the Tasklist filters ({@link TasklistFilters}) and the authorizations
 * of each role ({@link RoleGrants}, written by {@link AuthorizationSync}). Idempotent: a second run
 * with the same file writes nothing; a person or chapter removed from the file is removed here, and
 * with it every access it had.
 */
@Component
public class OrganisationSync {

	private static final Logger LOG = LoggerFactory.getLogger(OrganisationSync.class);

	private final OrganisationDirectory directory;

	private final IdentityProperties identity;

	private final IdentityService identityService;

	private final TasklistFilters filters;

	private final IdentityAccounts accounts;

	private final IdentityEnginePlugin engine;

	private final RoleGrants grants;

	private final AuthorizationSync authorizations;

	OrganisationSync(OrganisationDirectory directory, OrganisationProperties properties, IdentityProperties identity,
			IdentityService identityService, AuthorizationService authorizationService,
			IdentityEnginePlugin engine, TasklistFilters filters) {
		this.directory = directory;
		this.identity = identity;
		this.identityService = identityService;
		this.filters = filters;
		this.accounts = new IdentityAccounts(directory, identity, identityService, engine);
		this.engine = engine;
		this.grants = new RoleGrants(directory, properties);
		this.authorizations = new AuthorizationSync(directory, identityService, authorizationService);
	}

	/** Counts of what one run changed; all zero when the identity service already matched. */
	public record Changes(int users, int groups, int memberships, int authorizations, int removed) {

		public boolean none() {
			return users + groups + memberships + authorizations + removed == 0;
		}

	}

	public synchronized Changes synchronise() {
		Counter counter = new Counter();
		IdentityProperties.Admin admin = identity.effectiveAdmin();
		Map<String, GroupSpec> groups = accounts.desiredGroups();
		Map<String, Set<String>> memberships = accounts.desiredMemberships(groups.keySet());

		accounts.syncAdmin(admin, counter);
		authorizations.grantAdmins(counter);
		// one query each for users, groups and memberships instead of one per person and group: a
		// restart of a city-sized installation (thousands of people) checks everything in seconds
		Map<String, User> users = new HashMap<>();
		identityService.createUserQuery().list().forEach(u -> users.put(u.getId(), u));
		Map<String, Group> existingGroups = new HashMap<>();
		identityService.createGroupQuery().list().forEach(g -> existingGroups.put(g.getId(), g));
		Map<String, Set<String>> currentMembers = engine.memberships();
		for (Person person : directory.people()) {
			accounts.syncUser(person, users.get(person.id()), counter);
		}
		for (GroupSpec spec : groups.values()) {
			accounts.syncGroup(spec, existingGroups.get(spec.id()), counter);
		}
		accounts.syncMemberships(memberships, currentMembers, counter);
		accounts.removeStale(groups.keySet(), admin.user(), currentMembers, counter);
		Map<String, Set<String>> filterIds = filters.synchronise();
		authorizations.synchronise(grants.desired(filterIds), counter);

		Changes changes = new Changes(counter.users, counter.groups, counter.memberships, counter.authorizations,
				counter.removed);
		LOG.info("Organisation synchronised: {} wards, {} people; changed users={}, groups={}, memberships={}, "
				+ "authorizations={}, removed={}", directory.wards().size(), directory.people().size(), changes.users(),
				changes.groups(), changes.memberships(), changes.authorizations(), changes.removed());
		return changes;
	}

	/** What one run changed, counted by the parts as they write. */
	static final class Counter {

		int users;

		int groups;

		int memberships;

		int authorizations;

		int removed;

	}

}
