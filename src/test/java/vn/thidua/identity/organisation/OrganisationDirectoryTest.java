package vn.thidua.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Council;
import vn.thidua.identity.organisation.Organisation.PartyCell;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;

class OrganisationDirectoryTest {

	private final OrganisationDirectory demo = new OrganisationDirectory(
			new OrganisationProperties(new ClassPathResource("organisation/demo.yaml"), Map.of(), List.of(Role.MEMBER)));

	@Test
	void shouldReadTheDemoWardWithSixChaptersAndTheirCells() {
		Ward ward = demo.ward("bode").orElseThrow();

		assertThat(ward.chapters()).hasSize(6);
		assertThat(ward.council().members()).containsExactly("council1", "council2", "council3", "council4",
				"council5");
		assertThat(demo.chaptersHeadedBy("head3")).singleElement()
			.satisfies(c -> assertThat(c.groupId()).isEqualTo("bode-ch03"));
		assertThat(demo.chaptersGuidedBy("cell3")).singleElement()
			.satisfies(c -> assertThat(c.partyCellGroupId()).isEqualTo("bode-ch03-cell"));
		assertThat(demo.membersOf(ward)).hasSize(20);
		assertThat(demo.person("head1").orElseThrow().fullName()).isEqualTo("Nguyễn Thị Ánh");
	}

	@Test
	void shouldRefuseAFileThatNamesSomebodyItDoesNotList() {
		Organisation broken = new Organisation(null,
				List.of(new Ward("bode", "Phường", "chair", List.of(), new Council("HĐ", "x", List.of("x")),
						List.of(new Chapter("ch01", "Chi hội 1", "nobody", new PartyCell("Chi bộ 1", "x"))))),
				List.of(new Person("chair", "A", "B", "chair@example.org"), new Person("x", "C", "D", "x@example.org")));

		assertThatThrownBy(() -> new OrganisationDirectory(broken)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("chi hội trưởng của bode/ch01")
			.hasMessageContaining("'nobody'");
	}

	@Test
	void shouldRefuseDuplicateLoginsAndBadAddresses() {
		Organisation broken = new Organisation(null, List.of(), List.of(new Person("a", "A", "B", "a@example.org"),
				new Person("a", "C", "D", "not-an-address")));

		assertThatThrownBy(() -> new OrganisationDirectory(broken)).hasMessageContaining("'a' bị lặp")
			.hasMessageContaining("e-mail của 'a'");
	}

}
