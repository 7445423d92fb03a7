package vn.thidua.identity.organisation;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;

import vn.thidua.web.Messages;

/**
 * Makes Camunda's identity service match the organisation file: users, groups, memberships and the
 * authorizations of each role. Idempotent: a second run with the same file writes nothing; a person
 * or chapter removed from the file is removed here, and with it every access it had.
 */
@Component
public class OrganisationSync {

	private static final Logger LOG = LoggerFactory.getLogger(OrganisationSync.class);

	/** Resource types whose authorizations for managed users and groups this class owns. */
	private static final Set<Resource> OWNED_RESOURCES = Set.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION,
			Resources.PROCESS_INSTANCE, Resources.FILTER, Resources.USER, Resources.GROUP,
			Resources.DECISION_DEFINITION);

	private final OrganisationDirectory directory;

	private final OrganisationProperties properties;

	private final IdentityProperties identity;

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final ProcessEngineConfigurationImpl engineConfiguration;

	private final TasklistFilters filters;

	private final SecureRandom random = new SecureRandom();

	OrganisationSync(OrganisationDirectory directory, OrganisationProperties properties, IdentityProperties identity,
			IdentityService identityService, AuthorizationService authorizationService,
			ProcessEngineConfigurationImpl engineConfiguration, TasklistFilters filters) {
		this.directory = directory;
		this.properties = properties;
		this.identity = identity;
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.engineConfiguration = engineConfiguration;
		this.filters = filters;
	}

	/** Counts of what one run changed; all zero when the identity service already matched. */
	public record Changes(int users, int groups, int memberships, int authorizations, int removed) {

		public boolean none() {
			return users + groups + memberships + authorizations + removed == 0;
		}

	}

	public Changes synchronise() {
		Counter counter = new Counter();
		IdentityProperties.Admin admin = identity.effectiveAdmin();
		Map<String, GroupSpec> groups = desiredGroups();
		Map<String, Set<String>> memberships = desiredMemberships(groups.keySet());

		syncAdmin(admin, counter);
		// one query each for users, groups and memberships instead of one per person and group: a
		// restart of a city-sized installation (thousands of people) checks everything in seconds
		Map<String, User> users = new HashMap<>();
		identityService.createUserQuery().list().forEach(u -> users.put(u.getId(), u));
		Map<String, Group> existingGroups = new HashMap<>();
		identityService.createGroupQuery().list().forEach(g -> existingGroups.put(g.getId(), g));
		Map<String, Set<String>> currentMembers = currentMemberships();
		for (Person person : directory.people()) {
			syncUser(person, users.get(person.id()), counter);
		}
		for (GroupSpec spec : groups.values()) {
			syncGroup(spec, existingGroups.get(spec.id()), counter);
		}
		syncMemberships(memberships, currentMembers, counter);
		removeStale(groups.keySet(), admin.user(), currentMembers, counter);
		Map<String, Set<String>> filterIds = filters.synchronise();
		syncAuthorizations(desiredGrants(admin.user(), filterIds), counter);

		Changes changes = new Changes(counter.users, counter.groups, counter.memberships, counter.authorizations,
				counter.removed);
		LOG.info("Organisation synchronised: {} wards, {} people; changed users={}, groups={}, memberships={}, "
				+ "authorizations={}, removed={}", directory.wards().size(), directory.people().size(), changes.users(),
				changes.groups(), changes.memberships(), changes.authorizations(), changes.removed());
		return changes;
	}

	private record GroupSpec(String id, String name) {
	}

	private Map<String, GroupSpec> desiredGroups() {
		Map<String, GroupSpec> groups = new LinkedHashMap<>();
		for (Ward w : directory.wards()) {
			put(groups, GroupIds.ward(w.code()), w.name());
			put(groups, GroupIds.chair(w.code()), Messages.get("identity.group.chair", w.name()));
			put(groups, GroupIds.board(w.code()), Messages.get("identity.group.board", w.name()));
			put(groups, GroupIds.council(w.code()), w.council().name());
			for (Chapter c : w.chapters()) {
				put(groups, GroupIds.chapter(w.code(), c.code()), c.name());
				put(groups, GroupIds.partyCell(w.code(), c.code()), c.partyCell().name());
			}
		}
		return groups;
	}

	private static void put(Map<String, GroupSpec> groups, String id, String name) {
		groups.put(id, new GroupSpec(id, name));
	}

	private Map<String, Set<String>> desiredMemberships(Set<String> groupIds) {
		Map<String, Set<String>> members = new LinkedHashMap<>();
		groupIds.forEach(g -> members.put(g, new LinkedHashSet<>()));
		for (Ward w : directory.wards()) {
			members.get(GroupIds.ward(w.code())).addAll(directory.membersOf(w));
			members.get(GroupIds.chair(w.code())).add(w.chair());
			members.get(GroupIds.board(w.code())).addAll(w.board());
			members.get(GroupIds.council(w.code())).addAll(w.council().members());
			for (Chapter c : w.chapters()) {
				members.get(GroupIds.chapter(w.code(), c.code())).add(c.head());
				members.get(GroupIds.partyCell(w.code(), c.code())).add(c.partyCell().secretary());
			}
		}
		return members;
	}

	private void syncAdmin(IdentityProperties.Admin admin, Counter counter) {
		User user = identityService.createUserQuery().userId(admin.user()).singleResult();
		if (user == null) {
			user = identityService.newUser(admin.user());
			user.setFirstName(Messages.get("identity.admin.first-name"));
			user.setLastName(Messages.get("identity.admin.last-name"));
			user.setPassword(admin.password());
			saveUser(user, identity.demo().enabled());
			counter.users++;
		}
		if (identityService.createGroupQuery().groupId(GroupIds.ADMINS).singleResult() == null) {
			Group group = identityService.newGroup(GroupIds.ADMINS);
			group.setName(Messages.get("identity.group.admins"));
			group.setType("SYSTEM");
			identityService.saveGroup(group);
			counter.groups++;
		}
		if (identityService.createUserQuery().userId(admin.user()).memberOfGroup(GroupIds.ADMINS).count() == 0) {
			identityService.createMembership(admin.user(), GroupIds.ADMINS);
			counter.memberships++;
		}
		for (Resources resource : Resources.values()) {
			Authorization existing = authorizationService.createAuthorizationQuery()
				.groupIdIn(GroupIds.ADMINS)
				.resourceType(resource)
				.resourceId(Authorization.ANY)
				.singleResult();
			if (existing == null) {
				Authorization all = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				all.setGroupId(GroupIds.ADMINS);
				all.setResource(resource);
				all.setResourceId(Authorization.ANY);
				all.addPermission(Permissions.ALL);
				authorizationService.saveAuthorization(all);
				counter.authorizations++;
			}
		}
	}

	private void syncUser(Person person, User existing, Counter counter) {
		User user = existing;
		boolean created = user == null;
		if (created) {
			user = identityService.newUser(person.id());
			user.setPassword(identity.demo().enabled() ? IdentityProperties.DEMO_PASSWORD : randomPassword());
		}
		else if (Objects.equals(user.getFirstName(), person.firstName())
				&& Objects.equals(user.getLastName(), person.lastName())
				&& Objects.equals(user.getEmail(), person.email())) {
			return;
		}
		user.setFirstName(person.firstName());
		user.setLastName(person.lastName());
		user.setEmail(person.email());
		saveUser(user, identity.demo().enabled());
		counter.users++;
	}

	/** Demo passwords are shorter than the password policy allows: only demo mode skips it. */
	private void saveUser(User user, boolean skipPasswordPolicy) {
		engineConfiguration.getCommandExecutorTxRequired().execute(new SaveUserCmd(user, skipPasswordPolicy));
	}

	private String randomPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder sb = new StringBuilder("Aa1!");
		for (int i = 0; i < 28; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}

	private void syncGroup(GroupSpec spec, Group existing, Counter counter) {
		Group group = existing;
		if (group != null && Objects.equals(group.getName(), spec.name())
				&& GroupIds.MANAGED_TYPE.equals(group.getType())) {
			return;
		}
		if (group == null) {
			group = identityService.newGroup(spec.id());
		}
		group.setName(spec.name());
		group.setType(GroupIds.MANAGED_TYPE);
		identityService.saveGroup(group);
		counter.groups++;
	}

	/** Group id to the logins of its members, read in one statement (the identity service has no bulk query). */
	private Map<String, Set<String>> currentMemberships() {
		String table = engineConfiguration.getDatabaseTablePrefix() + "ACT_ID_MEMBERSHIP";
		return engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
			Map<String, Set<String>> members = new HashMap<>();
			Connection connection = commandContext.getDbSqlSession().getSqlSession().getConnection();
			try (PreparedStatement statement = connection.prepareStatement("SELECT USER_ID_, GROUP_ID_ FROM " + table);
					ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					members.computeIfAbsent(rows.getString(2), g -> new HashSet<>()).add(rows.getString(1));
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Cannot read the memberships: " + ex.getMessage(), ex);
			}
			return members;
		});
	}

	private void syncMemberships(Map<String, Set<String>> desired, Map<String, Set<String>> currentMembers,
			Counter counter) {
		for (Map.Entry<String, Set<String>> entry : desired.entrySet()) {
			Set<String> members = currentMembers.computeIfAbsent(entry.getKey(), g -> new HashSet<>());
			Set<String> current = new HashSet<>(members);
			for (String login : entry.getValue()) {
				if (!current.remove(login)) {
					identityService.createMembership(login, entry.getKey());
					members.add(login);
					counter.memberships++;
				}
			}
			for (String stale : current) {
				identityService.deleteMembership(stale, entry.getKey());
				members.remove(stale);
				counter.memberships++;
			}
		}
	}

	/** Deletes managed groups no longer in the file, and people no longer in it (with their access). */
	private void removeStale(Set<String> groupIds, String adminUser, Map<String, Set<String>> currentMembers,
			Counter counter) {
		Set<String> people = new HashSet<>();
		directory.people().forEach(p -> people.add(p.id()));
		people.add(adminUser);
		Set<String> deleted = new HashSet<>();
		for (Group group : identityService.createGroupQuery().groupType(GroupIds.MANAGED_TYPE).list()) {
			for (String member : currentMembers.getOrDefault(group.getId(), Set.of())) {
				if (!people.contains(member) && deleted.add(member)) {
					identityService.deleteUser(member);
					LOG.info("User {} removed: no longer in the organisation file", member);
					counter.removed++;
				}
			}
			if (!groupIds.contains(group.getId())) {
				identityService.deleteGroup(group.getId());
				LOG.info("Group {} removed: no longer in the organisation file", group.getId());
				counter.removed++;
			}
		}
	}

	/** One authorization: a user or group, a resource, and the exact permissions it should have. */
	record Grant(String userId, String groupId, Resource resource, String resourceId, Set<Permission> permissions) {

		String key() {
			return (userId != null ? "u:" + userId : "g:" + groupId) + "|" + resource.resourceType() + "|" + resourceId;
		}

	}

	List<Grant> desiredGrants(String adminUser, Map<String, Set<String>> filterIdsByRole) {
		List<Grant> grants = new ArrayList<>();
		for (Person person : directory.people()) {
			grants.add(new Grant(person.id(), null, Resources.USER, person.id(), Set.of(Permissions.READ)));
		}
		for (Ward w : directory.wards()) {
			Map<Role, List<String>> groupsByRole = groupsByRole(w);
			String wardGroup = GroupIds.ward(w.code());
			grants.add(new Grant(null, wardGroup, Resources.APPLICATION, "tasklist", Set.of(Permissions.ACCESS)));
			groupsByRole.values()
				.stream()
				.flatMap(List::stream)
				.distinct()
				.forEach(g -> grants.add(new Grant(null, g, Resources.GROUP, g, Set.of(Permissions.READ))));
			grants.add(new Grant(null, wardGroup, Resources.GROUP, wardGroup, Set.of(Permissions.READ)));

			Set<String> readerGroups = new LinkedHashSet<>();
			properties.processReaders().forEach(r -> readerGroups.addAll(groupsByRole.get(r)));
			// reading a model (diagram, forms) shows no instance data: readers see every process,
			// including those only ever called by another (ChapterRollout)
			Map<String, Set<Permission>> definitionPermissions = new LinkedHashMap<>();
			for (String group : readerGroups) {
				definitionPermissions.computeIfAbsent(group + "|" + Authorization.ANY, k -> new LinkedHashSet<>())
					.add(Permissions.READ);
			}
			properties.processStarters().forEach((key, roles) -> roles.forEach(role -> {
				for (String group : groupsByRole.get(role)) {
					Set<Permission> perms = definitionPermissions.computeIfAbsent(group + "|" + key,
							k -> new LinkedHashSet<>());
					perms.add(Permissions.READ);
					perms.add(Permissions.CREATE_INSTANCE);
					grants.add(new Grant(null, group, Resources.PROCESS_INSTANCE, Authorization.ANY,
							Set.of(Permissions.CREATE)));
				}
			}));
			definitionPermissions.forEach((groupAndKey, perms) -> {
				String[] parts = groupAndKey.split("\\|", 2);
				grants.add(new Grant(null, parts[0], Resources.PROCESS_DEFINITION, parts[1], perms));
			});
			// decision tables are evaluated by the processes; people only read them (Tasklist shows them)
			grants.add(new Grant(null, wardGroup, Resources.DECISION_DEFINITION, Authorization.ANY,
					Set.of(Permissions.READ)));
			filterIdsByRole.forEach((role, ids) -> ids.forEach(filterId -> {
				for (String group : groupsByRole.get(Role.valueOf(role))) {
					grants.add(new Grant(null, group, Resources.FILTER, filterId, Set.of(Permissions.READ)));
				}
			}));
		}
		return merge(grants);
	}

	private static List<Grant> merge(List<Grant> grants) {
		Map<String, Grant> merged = new LinkedHashMap<>();
		for (Grant g : grants) {
			merged.merge(g.key(), g, (a, b) -> {
				Set<Permission> perms = new LinkedHashSet<>(a.permissions());
				perms.addAll(b.permissions());
				return new Grant(a.userId(), a.groupId(), a.resource(), a.resourceId(), perms);
			});
		}
		return new ArrayList<>(merged.values());
	}

	private static Map<Role, List<String>> groupsByRole(Ward w) {
		Map<Role, List<String>> byRole = new LinkedHashMap<>();
		byRole.put(Role.MEMBER, List.of(GroupIds.ward(w.code())));
		byRole.put(Role.CHAIR, List.of(GroupIds.chair(w.code())));
		byRole.put(Role.BOARD, List.of(GroupIds.board(w.code())));
		byRole.put(Role.COUNCIL, List.of(GroupIds.council(w.code())));
		byRole.put(Role.CHAPTER_HEAD, w.chapters().stream().map(c -> GroupIds.chapter(w.code(), c.code())).toList());
		byRole.put(Role.CELL_SECRETARY,
				w.chapters().stream().map(c -> GroupIds.partyCell(w.code(), c.code())).toList());
		return byRole;
	}

	private void syncAuthorizations(List<Grant> desired, Counter counter) {
		Set<String> managedGroups = new HashSet<>();
		identityService.createGroupQuery().groupType(GroupIds.MANAGED_TYPE).list().forEach(g -> managedGroups.add(g.getId()));
		Set<String> managedUsers = new HashSet<>();
		directory.people().forEach(p -> managedUsers.add(p.id()));

		Map<String, Authorization> existing = new LinkedHashMap<>();
		// one query per owned resource type, not one per group and person
		for (Resource resource : OWNED_RESOURCES) {
			for (Authorization a : authorizationService.createAuthorizationQuery().resourceType(resource).list()) {
				if (a.getAuthorizationType() != Authorization.AUTH_TYPE_GRANT) {
					continue;
				}
				if (a.getGroupId() != null && managedGroups.contains(a.getGroupId())) {
					existing.put("g:" + a.getGroupId() + "|" + a.getResourceType() + "|" + a.getResourceId(), a);
				}
				else if (a.getUserId() != null && managedUsers.contains(a.getUserId())) {
					existing.put("u:" + a.getUserId() + "|" + a.getResourceType() + "|" + a.getResourceId(), a);
				}
			}
		}
		for (Grant grant : desired) {
			Authorization current = existing.remove(grant.key());
			Permission[] wanted = grant.permissions().toArray(Permission[]::new);
			if (current != null && samePermissions(current, grant)) {
				continue;
			}
			Authorization auth = current != null ? current
					: authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			if (current == null) {
				auth.setUserId(grant.userId());
				auth.setGroupId(grant.groupId());
				auth.setResource(grant.resource());
				auth.setResourceId(grant.resourceId());
			}
			auth.setPermissions(wanted);
			authorizationService.saveAuthorization(auth);
			counter.authorizations++;
		}
		for (Authorization stale : existing.values()) {
			authorizationService.deleteAuthorization(stale.getId());
			counter.authorizations++;
		}
	}

	private static boolean samePermissions(Authorization current, Grant grant) {
		Set<String> have = new HashSet<>();
		Arrays.stream(current.getPermissions(permissionsOf(grant.resource()))).forEach(p -> have.add(p.getName()));
		Set<String> want = new HashSet<>();
		grant.permissions().forEach(p -> want.add(p.getName()));
		return have.equals(want);
	}

	private static Permission[] permissionsOf(Resource resource) {
		List<Permission> all = new ArrayList<>();
		for (Permission p : Permissions.values()) {
			if (p != Permissions.ALL && p != Permissions.NONE && Arrays.asList(p.getTypes()).contains(resource)) {
				all.add(p);
			}
		}
		return all.toArray(Permission[]::new);
	}

	private static final class Counter {

		int users;

		int groups;

		int memberships;

		int authorizations;

		int removed;

	}

}
