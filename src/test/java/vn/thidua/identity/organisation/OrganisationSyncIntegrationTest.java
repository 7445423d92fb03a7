package vn.thidua.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;

@IntegrationTest
class OrganisationSyncIntegrationTest {

	@Autowired
	OrganisationSync sync;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	OrganisationProperties properties;

	@Autowired
	IdentityProperties identity;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	IdentityEnginePlugin identityEngine;

	@Autowired
	TasklistFilters filters;

	@LocalServerPort
	int port;

	@Test
	void shouldMatchTheOrganisationFile() {
		for (var person : directory.people()) {
			User user = identityService.createUserQuery().userId(person.id()).singleResult();
			assertThat(user).as(person.id()).isNotNull();
			assertThat(user.getEmail()).isEqualTo(person.id() + "@example.org");
			assertThat(user.getFirstName() + " " + user.getLastName()).isEqualTo(person.fullName());
		}
		assertThat(members("bode-ch01")).containsExactly("head1");
		assertThat(members("bode-ch01-cell")).containsExactly("cell1");
		assertThat(members("bode-board")).containsExactlyInAnyOrder("board1", "board2");
		assertThat(members("bode-council")).containsExactlyInAnyOrder("council1", "council2", "council3", "council4",
				"council5");
		assertThat(members("bode-chair")).containsExactly("chair");
		assertThat(members("bode")).hasSize(20);
		assertThat(members("camunda-admin")).containsExactly("admin");
		// Bồ Đề 16, the city 4 (unit, chair, board, council: no chapters), Long Biên 10, Phúc Lợi 8
		assertThat(identityService.createGroupQuery().groupType(GroupIds.MANAGED_TYPE).count()).isEqualTo(38);
		assertThat(members("hanoi-council")).containsExactlyInAnyOrder("citycouncil1", "citycouncil2", "citycouncil3",
				"citycouncil4", "citycouncil5");
		assertThat(members("hanoi-chair")).containsExactly("citychair");
		assertThat(members("hanoi-board")).containsExactlyInAnyOrder("cityboard1", "cityboard2");
		assertThat(members("hanoi")).hasSize(8);
		assertThat(members("longbien-ch02")).containsExactly("lbhead2");
		// the city's officials open their council's sessions; they start no ward's process
		assertThat(authorizationService.isUserAuthorized("citycouncil1", List.of("hanoi", "hanoi-council"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "CouncilSession"))
			.isTrue();
		assertThat(authorizationService.isUserAuthorized("cityboard1", List.of("hanoi", "hanoi-board"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "CommendationNomination"))
			.isFalse();
		// and roll the city's programme out to the wards (PlanRollout one level up)
		assertThat(authorizationService.isUserAuthorized("cityboard1", List.of("hanoi", "hanoi-board"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "PlanRollout"))
			.isTrue();
		assertThat(authorizationService.isUserAuthorized("citycouncil2", List.of("hanoi", "hanoi-council"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "PlanRollout"))
			.isFalse();

		assertThat(authorizationService.isUserAuthorized("head1", List.of("bode", "bode-ch01"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "CommendationNomination"))
			.isTrue();
		assertThat(authorizationService.isUserAuthorized("head1", List.of("bode", "bode-ch01"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "PlanRollout"))
			.isFalse();
		assertThat(authorizationService.isUserAuthorized("board1", List.of("bode", "bode-board"),
				Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "PlanRollout"))
			.isTrue();
		assertThat(authorizationService.isUserAuthorized("head1", List.of("bode", "bode-ch01"), Permissions.ACCESS,
				Resources.APPLICATION, "cockpit"))
			.isFalse();
		assertThat(authorizationService.isUserAuthorized("admin", List.of("camunda-admin"), Permissions.ACCESS,
				Resources.APPLICATION, "cockpit"))
			.isTrue();
	}

	@Test
	void shouldChangeNothingWhenRunTwice() {
		assertThat(sync.synchronise().none()).isTrue();
		assertThat(sync.synchronise().none()).isTrue();
	}

	@Test
	void shouldRemoveAPersonAndChapterDroppedFromTheFileAndRestoreThemWhenAddedBack() {
		Http http = new Http(port);
		assertThat(http.get("head6", "/engine-rest/task?maxResults=1").status()).isEqualTo(200);
		Organisation full = directory.organisation();
		Ward bode = full.wards().get(0);
		Ward withoutChapter6 = new Ward(bode.code(), bode.name(), bode.chair(), bode.board(), bode.council(),
				bode.chapters().subList(0, 5));
		List<Ward> wards = new java.util.ArrayList<>(full.wards());
		wards.set(0, withoutChapter6);
		Organisation smaller = new Organisation(full.city(), wards,
				full.people().stream().filter(p -> !p.id().equals("head6") && !p.id().equals("cell6")).toList());
		OrganisationSync smallerSync = new OrganisationSync(new OrganisationDirectory(smaller), properties, identity,
				identityService, authorizationService, identityEngine, filters);
		try {
			OrganisationSync.Changes changes = smallerSync.synchronise();

			assertThat(changes.removed()).isEqualTo(4);
			assertThat(identityService.createUserQuery().userId("head6").count()).isZero();
			assertThat(identityService.createGroupQuery().groupId("bode-ch06").count()).isZero();
			assertThat(http.get("head6", "/engine-rest/task?maxResults=1").status()).isEqualTo(401);
			assertThat(authorizationService.createAuthorizationQuery().userIdIn("head6").count()).isZero();
			assertThat(smallerSync.synchronise().none()).isTrue();
		}
		finally {
			sync.synchronise();
		}
		assertThat(http.get("head6", "/engine-rest/task?maxResults=1").status()).isEqualTo(200);
		assertThat(members("bode-ch06")).containsExactly("head6");
	}

	private List<String> members(String group) {
		return identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
	}

}
