package vn.thidua.identity.organisation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

import vn.thidua.identity.organisation.OrganisationSync.Counter;
import vn.thidua.identity.organisation.RoleGrants.Grant;

/**
 * Makes the engine's grants for managed users and groups equal the {@link RoleGrants}: missing
 * ones are created, changed ones rewritten, stale ones deleted; the administrators' group holds
 * every permission on every resource.
 */
final class AuthorizationSync {

	/** Resource types whose authorizations for managed users and groups this class owns. */
	private static final Set<Resource> OWNED_RESOURCES = Set.of(Resources.APPLICATION, Resources.PROCESS_DEFINITION,
			Resources.PROCESS_INSTANCE, Resources.FILTER, Resources.USER, Resources.GROUP,
			Resources.DECISION_DEFINITION);

	private final OrganisationDirectory directory;

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	AuthorizationSync(OrganisationDirectory directory, IdentityService identityService,
			AuthorizationService authorizationService) {
		this.directory = directory;
		this.identityService = identityService;
		this.authorizationService = authorizationService;
	}

	/** Every permission on every resource for the administrators' group. */
	void grantAdmins(Counter counter) {
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

	void synchronise(List<Grant> desired, Counter counter) {
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

}
