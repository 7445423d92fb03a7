package vn.thidua.identity.organisation;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationSync.Counter;
import vn.thidua.web.Messages;

/**
 * The users, groups and memberships of the organisation file in Camunda's identity service, and
 * the administrator's account: created, updated, and removed when the file no longer names them.
 */
final class IdentityAccounts {

	private static final Logger LOG = LoggerFactory.getLogger(IdentityAccounts.class);

	private final OrganisationDirectory directory;

	private final IdentityProperties identity;

	private final IdentityService identityService;

	private final IdentityEnginePlugin engine;

	private final SecureRandom random = new SecureRandom();

	IdentityAccounts(OrganisationDirectory directory, IdentityProperties identity, IdentityService identityService,
			IdentityEnginePlugin engine) {
		this.directory = directory;
		this.identity = identity;
		this.identityService = identityService;
		this.engine = engine;
	}

	/** A managed group: its id and the name Tasklist shows. */
	record GroupSpec(String id, String name) {
	}

	Map<String, GroupSpec> desiredGroups() {
		Map<String, GroupSpec> groups = new LinkedHashMap<>();
		for (Ward w : directory.units()) {
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

	Map<String, Set<String>> desiredMemberships(Set<String> groupIds) {
		Map<String, Set<String>> members = new LinkedHashMap<>();
		groupIds.forEach(g -> members.put(g, new LinkedHashSet<>()));
		for (Ward w : directory.units()) {
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

	void syncAdmin(IdentityProperties.Admin admin, Counter counter) {
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
	}

	void syncUser(Person person, User existing, Counter counter) {
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
		engine.saveUser(user, skipPasswordPolicy);
	}

	private String randomPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		StringBuilder sb = new StringBuilder("Aa1!");
		for (int i = 0; i < 28; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}

	void syncGroup(GroupSpec spec, Group existing, Counter counter) {
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

	void syncMemberships(Map<String, Set<String>> desired, Map<String, Set<String>> currentMembers,
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
	void removeStale(Set<String> groupIds, String adminUser, Map<String, Set<String>> currentMembers,
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

}
