package vn.thidua.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationChanges.Outcome;
import vn.thidua.web.Problems;
import vn.thidua.web.Refusal;

/** The administrators' rules and the workbook on the demo organisation, without the engine. */
class OrganisationEditsTest {

	private final Organisation demo = new OrganisationDirectory(
			new OrganisationProperties(new ClassPathResource("organisation/demo.yaml"), Map.of(), List.of(Role.MEMBER)))
		.organisation();

	@Test
	void shouldLetTheWardAdministratorManageHerWardAndTheCityAdministratorEveryWard() {
		assertThat(OrganisationEdits.wardsManagedBy(demo, "wardadmin")).extracting(Ward::code).containsExactly("bode");
		assertThat(OrganisationEdits.wardsManagedBy(demo, "cityadmin")).extracting(Ward::code).containsExactly("bode", "longbien", "phucloi");
		assertThat(OrganisationEdits.managesCity(demo, "wardadmin")).isFalse();
		assertThat(OrganisationEdits.administers(demo, "board1")).isFalse();
		assertThat(OrganisationEdits.administers(demo, "chair")).isFalse();
		assertRefused(() -> OrganisationEdits.saveChapter(demo, "chair", "bode", "ch01", null, "Chi hội 1", "head2",
				"Chi bộ 1", "cell1"), 403, null);
		assertRefused(() -> OrganisationEdits.saveWard(demo, "wardadmin", "bode", null, "Phường", null, null), 403, null);
	}

	@Test
	void shouldReplaceAChapterHeadAndNameTheFieldOfAWrongValue() {
		Outcome outcome = OrganisationEdits.saveChapter(demo, "wardadmin", "bode", "ch01", "bo-qua", "Chi hội 1",
				"head2", "Chi bộ 1", "cell1");
		Ward bode = outcome.organisation().wards().get(0);
		assertThat(bode.chapters().get(0).head()).isEqualTo("head2");
		assertThat(bode.chapters().get(0).code()).as("an existing chapter keeps its code").isEqualTo("ch01");
		assertThat(OrganisationDirectory.problems(outcome.organisation())).isEmpty();
		assertThat(outcome.changes()).singleElement().satisfies(c -> assertThat(c.summary()).contains("head1 → head2"));

		assertRefused(() -> OrganisationEdits.saveChapter(demo, "wardadmin", "bode", "ch01", null, " ", "head2",
				"Chi bộ 1", "cell1"), 400, OrganisationEdits.FIELD_NAME);
		assertRefused(() -> OrganisationEdits.saveChapter(demo, "wardadmin", "bode", null, "ch01", "Chi hội mới",
				"head2", "Chi bộ", "cell1"), 400, OrganisationEdits.FIELD_CODE);
		assertRefused(() -> OrganisationEdits.saveChapter(demo, "wardadmin", "bode", null, "Ch 7", "Chi hội mới",
				"head2", "Chi bộ", "cell1"), 400, OrganisationEdits.FIELD_CODE);
		assertRefused(() -> OrganisationEdits.saveChapter(demo, "wardadmin", "bode", "ch01", null, "Chi hội 1", "head1",
				"Chi bộ 1", "ai-do"), 400, OrganisationEdits.FIELD_SECRETARY);
		assertRefused(() -> OrganisationEdits.addPerson(demo, "wardadmin", "HEAD1", "Ai", "Đó", "a@example.org"), 400,
				OrganisationEdits.FIELD_LOGIN);
		assertRefused(() -> OrganisationEdits.addPerson(demo, "wardadmin", "moi", "Ai", "Đó", "a@example"), 400,
				OrganisationEdits.FIELD_EMAIL);
		assertRefused(() -> OrganisationEdits.removePerson(demo, "wardadmin", "head1"), 400,
				OrganisationEdits.FIELD_LOGIN);
		assertRefused(() -> OrganisationEdits.saveLeadership(demo, "wardadmin", "bode", "chair", List.of("board1"),
				"council1", List.of("council2")), 400, OrganisationEdits.FIELD_COUNCIL_CHAIR);
	}

	@Test
	void shouldLetTheCityAdministratorAddAWardWithItsChair() {
		Outcome added = OrganisationEdits.saveWard(demo, "cityadmin", null, "ngocthuy", "Hội LHPN phường Ngọc Thụy",
				"board2", "board2");
		assertThat(OrganisationDirectory.problems(added.organisation())).isEmpty();
		assertThat(OrganisationEdits.wardsManagedBy(added.organisation(), "board2")).extracting(Ward::code)
			.containsExactly("ngocthuy");
	}

	@Test
	void shouldReadItsOwnExportBackAsNoChangeAndRefuseAWrongHeader() throws IOException {
		byte[] exported = OrganisationWorkbook.export(demo, OrganisationEdits.wardsManagedBy(demo, "wardadmin"));

		OrganisationWorkbook.Import same = OrganisationWorkbook.read(exported, demo, "wardadmin");
		assertThat(same.errors()).isEmpty();
		assertThat(same.outcome().organisation()).isEqualTo(demo);
		assertThat(same.outcome().changes()).isEmpty();

		byte[] wrongHeader;
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			wb.getSheet("Hội đồng").getRow(0).getCell(2).setCellValue("Chức vụ");
			wb.getSheet("Ban Thường vụ").getRow(3).getCell(2).setCellValue("Phó Chủ tịch");
			wb.write(out);
			wrongHeader = out.toByteArray();
		}
		assertThat(OrganisationWorkbook.read(wrongHeader, demo, "wardadmin").errors())
			.extracting(e -> e.sheet() + " " + e.row())
			.containsExactlyInAnyOrder("Hội đồng 1", "Ban Thường vụ 4");
		assertThat(OrganisationWorkbook.read(new byte[] { 1, 2, 3 }, demo, "wardadmin").errors()).hasSize(1);
	}

	private static void assertRefused(Runnable edit, int status, String field) {
		assertThatThrownBy(edit::run).isInstanceOfSatisfying(Refusal.class, r -> {
			assertThat(r.getStatusCode().value()).isEqualTo(status);
			if (field != null) {
				assertThat(r.getBody().getProperties()).containsEntry(Problems.FIELD, field);
			}
		});
	}

}
