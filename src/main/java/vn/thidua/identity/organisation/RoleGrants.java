package vn.thidua.identity.organisation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;

/**
 * The authorizations each role should have, computed from the organisation file and the process
 * settings alone (no engine call): who reads which process, who starts which, which filters a role
 * sees. {@link AuthorizationSync} makes the engine's authorizations match them.
 */
final class RoleGrants {

	private final OrganisationDirectory directory;

	private final OrganisationProperties properties;

	RoleGrants(OrganisationDirectory directory, OrganisationProperties properties) {
		this.directory = directory;
		this.properties = properties;
	}

	/** One authorization: a user or group, a resource, and the exact permissions it should have. */
	record Grant(String userId, String groupId, Resource resource, String resourceId, Set<Permission> permissions) {

		String key() {
			return (userId != null ? "u:" + userId : "g:" + groupId) + "|" + resource.resourceType() + "|" + resourceId;
		}

	}

	/** Every grant the file asks for, one per user or group and resource, permissions merged. */
	List<Grant> desired(Map<String, Set<String>> filterIdsByRole) {
		List<Grant> grants = new ArrayList<>();
		for (Person person : directory.people()) {
			grants.add(new Grant(person.id(), null, Resources.USER, person.id(), Set.of(Permissions.READ)));
		}
		// the administrators reach the organisation pages through the Tasklist login
		Set<String> admins = new LinkedHashSet<>();
		if (directory.organisation().city() != null && directory.organisation().city().admin() != null) {
			admins.add(directory.organisation().city().admin());
		}
		directory.wards().stream().map(Ward::admin).filter(java.util.Objects::nonNull).forEach(admins::add);
		for (String admin : admins) {
			grants.add(new Grant(admin, null, Resources.APPLICATION, "tasklist", Set.of(Permissions.ACCESS)));
		}
		for (Ward w : directory.units()) {
			Map<Role, List<String>> groupsByRole = groupsByRole(w);
			// the city's officials start only what the city does (its council's sessions), not a ward's processes
			Map<String, List<Role>> starters = directory.isCity(w.code()) ? properties.effectiveCityProcessStarters()
					: properties.processStarters();
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
			starters.forEach((key, roles) -> roles.forEach(role -> {
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

}
