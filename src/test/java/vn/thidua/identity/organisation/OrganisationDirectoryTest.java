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
	void shouldReadAFileLargerThanYamlsDefaultLimitAsFourTimesHanoiIs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		// given: the demo file grown past SnakeYAML's default 3,145,728 characters (a city of 504 wards is 3.2 million)
		String demoText = new String(new ClassPathResource("organisation/demo.yaml").getInputStream().readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		java.nio.file.Path big = dir.resolve("organisation.yaml");
		StringBuilder grown = new StringBuilder(demoText.strip()).append('\n');
		for (int i = 0; i < 40_000; i++) {
			grown.append("  - { id: member").append(i).append(", firstName: Nguyễn Thị Thanh, lastName: Hương, email: member")
				.append(i).append("@example.org }\n");
		}
		java.nio.file.Files.writeString(big, grown);
		assertThat(grown.codePoints().count()).isGreaterThan(3_145_728);

		// when
		OrganisationDirectory read = new OrganisationDirectory(new OrganisationProperties(
				new org.springframework.core.io.FileSystemResource(big), Map.of(), List.of(Role.MEMBER)));

		// then
		assertThat(read.ward("bode").orElseThrow().chapters()).hasSize(6);
		assertThat(read.person("member39999")).isPresent();
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
