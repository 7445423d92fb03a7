package vn.thidua.identity.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationStore.AuditEntry;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.NominationForms;
import vn.thidua.web.Problems;
import vn.thidua.web.Refusal;

/**
 * Issue 19's organisation administration on PostgreSQL with the engine: the stored organisation, a
 * change applied at once (identity, tasks, audit), a wrong change or workbook writing nothing, and a
 * change stored by another node taken over within seconds.
 * The organisation is put back as it was after each test (a context closed for it would take the
 * process engine "default" away from the web apps of every other test context alive in this JVM).
 */
@IntegrationTest
class OrganisationAdminIntegrationTest {

	private Organisation original;

	@org.junit.jupiter.api.BeforeEach
	void remember() {
		original = directory.organisation();
	}

	@org.junit.jupiter.api.AfterEach
	void putBack() {
		// a test that stored a change as another node would: this node has taken it over first
		await().atMost(Duration.ofSeconds(30)).until(() -> store.version() == directory.version());
		changes.apply("admin", current -> new OrganisationChanges.Outcome(original, List.of()));
	}

	@Autowired
	OrganisationChanges changes;

	@Autowired
	OrganisationDirectory directory;

	@Autowired
	OrganisationStore store;

	@Autowired
	IdentityService identityService;

	@Autowired
	TaskService taskService;

	@LocalServerPort
	int port;

	@Test
	void shouldServeTheStoredOrganisationImportedFromTheFileOnFirstStart() {
		assertThat(store.version()).isPositive().isEqualTo(directory.version());
		assertThat(store.load().orElseThrow().organisation().wards().get(0).admin()).isEqualTo("wardadmin");
		List<AuditEntry> first = store.audit(null, 1000);
		assertThat(first).extracting(AuditEntry::changedBy).contains(OrganisationChanges.SYSTEM);
	}

	@Test
	void shouldHandTheChaptersOpenTasksToTheNewHeadAtOnceAndTakeTheGroupFromTheOldOne() {
		// given: head3 nominated someone; her dossier task is assigned to her
		Http http = new Http(port);
		Http.Reply started = http.post("head3", "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				NominationForms.form(NominationForms.nomination("Lê Thị Chuyển Giao", "GK_HOI_PHUONG")));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pid = started.json().get("id").asText();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> taskService.createTaskQuery().processInstanceId(pid).taskAssignee("head3").count() == 1);
		long before = store.version();

		// when: the ward administrator adds a new person and makes her the head of chapter 3
		changes.apply("wardadmin", current -> OrganisationEdits.addPerson(current, "wardadmin", "head3moi", "Trần Thị",
				"Mới", "head3moi@example.org"));
		changes.apply("wardadmin", current -> OrganisationEdits.saveChapter(current, "wardadmin", "bode", "ch03", null,
				"Chi hội Tổ dân phố số 3", "head3moi", "Chi bộ Tổ dân phố số 3", "cell3"));

		// then
		Task task = taskService.createTaskQuery().processInstanceId(pid).singleResult();
		assertThat(task.getAssignee()).isEqualTo("head3moi");
		assertThat(members("bode-ch03")).containsExactly("head3moi");
		assertThat(directory.chaptersHeadedBy("head3moi")).extracting(c -> c.chapter().code()).containsExactly("ch03");
		assertThat(directory.chaptersHeadedBy("head3")).isEmpty();
		assertThat(http.get("head3", "/engine-rest/task?maxResults=10&processInstanceId=" + pid).json()).isEmpty();
		assertThat(http.get("head3", "/engine-rest/task/" + task.getId()).status()).isIn(403, 404);
		assertThat(http.get("head3moi", "/engine-rest/task?maxResults=10&processInstanceId=" + pid).json()).hasSize(1);
		assertThat(store.version()).isEqualTo(before + 2).isEqualTo(directory.version());
		AuditEntry replaced = store.audit(List.of("bode"), 1).get(0);
		assertThat(replaced.changedBy()).isEqualTo("wardadmin");
		assertThat(replaced.summary()).contains("head3").contains("head3moi");
		assertThat(replaced.before()).contains("\"head\":\"head3\"");
		assertThat(replaced.after()).contains("\"head\":\"head3moi\"");
	}

	@Test
	void shouldRefuseAWrongChangeNamingTheFieldAndWriteNothing() {
		long version = store.version();
		int audited = store.audit(null, 10000).size();

		assertThatThrownBy(() -> changes.apply("wardadmin", current -> OrganisationEdits.saveChapter(current,
				"wardadmin", "bode", "ch02", null, "Chi hội 2", "khongcoai", "Chi bộ 2", "cell2")))
			.isInstanceOfSatisfying(Refusal.class, r -> {
				assertThat(r.getStatusCode().value()).isEqualTo(400);
				assertThat(r.getBody().getProperties()).containsEntry(Problems.FIELD, OrganisationEdits.FIELD_HEAD);
			});
		assertThatThrownBy(() -> changes.apply("board1", current -> OrganisationEdits.saveChapter(current, "board1",
				"bode", "ch02", null, "Chi hội 2", "board1", "Chi bộ 2", "cell2")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.getStatusCode().value()).isEqualTo(403));
		assertThatThrownBy(() -> changes.apply("wardadmin", current -> OrganisationEdits.saveWard(current, "wardadmin",
				"bode", null, "Phường khác", "board1", null)))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.getStatusCode().value()).isEqualTo(403));

		assertThat(store.version()).isEqualTo(version);
		assertThat(store.audit(null, 10000)).hasSize(audited);
		assertThat(directory.ward("bode").orElseThrow().chapters().get(1).head()).isEqualTo("head2");
	}

	@Test
	void shouldTakeEveryAccessFromAPersonRemoved() {
		changes.apply("cityadmin", current -> OrganisationEdits.addPerson(current, "cityadmin", "tamthoi", "Phí Thị",
				"Tạm", "tamthoi@example.org"));
		Http http = new Http(port);
		assertThat(identityService.createUserQuery().userId("tamthoi").count()).isOne();

		changes.apply("cityadmin", current -> OrganisationEdits.removePerson(current, "cityadmin", "tamthoi"));

		assertThat(identityService.createUserQuery().userId("tamthoi").count()).isZero();
		assertThat(http.get("tamthoi", "/engine-rest/task?maxResults=1").status()).isEqualTo(401);
		// a person who still holds a role is refused: replace her first
		assertThatThrownBy(() -> changes.apply("wardadmin",
				current -> OrganisationEdits.removePerson(current, "wardadmin", "head5")))
			.isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.getStatusCode().value()).isEqualTo(400));
	}

	@Test
	void shouldImportAGoodWorkbookAndNothingOfAWorkbookWithOneBadRow() throws IOException {
		// given: the ward's workbook as exported, with a new person heading a new chapter 7
		byte[] exported = OrganisationWorkbook.export(directory.organisation(),
				OrganisationEdits.wardsManagedBy(directory.organisation(), "wardadmin"));
		byte[] good = edit(exported, wb -> {
			append(wb.getSheet("Người"), "head7", "Hồ Thị", "Bảy", "head7@example.org");
			append(wb.getSheet("Chi hội"), "bode", "ch07", "Chi hội Tổ dân phố số 7", "head7", "Chi bộ Tổ dân phố số 7",
					"cell1");
		});

		// when
		OrganisationWorkbook.Import read = OrganisationWorkbook.read(good, directory.organisation(), "wardadmin");
		assertThat(read.errors()).isEmpty();
		changes.apply("wardadmin", current -> OrganisationWorkbook.read(good, current, "wardadmin").outcome());

		// then
		Ward bode = directory.ward("bode").orElseThrow();
		assertThat(bode.chapters()).extracting(Chapter::code).contains("ch07");
		assertThat(members("bode-ch07")).containsExactly("head7");
		assertThat(store.audit(List.of("bode"), 1).get(0).summary()).contains("Excel");

		// given: a workbook with one bad row (an unknown head) among good changes
		long version = store.version();
		byte[] bad = edit(exported, wb -> {
			append(wb.getSheet("Người"), "head8", "Hồ Thị", "Tám", "head8@example.org");
			wb.getSheet("Chi hội").getRow(1).getCell(2).setCellValue("Tên mới của chi hội 1");
			wb.getSheet("Chi hội").getRow(2).getCell(3).setCellValue("khongcoai");
		});

		// when
		OrganisationWorkbook.Import refused = OrganisationWorkbook.read(bad, directory.organisation(), "wardadmin");

		// then: the row is named; nothing is imported
		assertThat(refused.outcome()).isNull();
		assertThat(refused.errors()).singleElement().satisfies(e -> {
			assertThat(e.sheet()).isEqualTo("Chi hội");
			assertThat(e.row()).isEqualTo(3);
			assertThat(e.reason()).contains("khongcoai");
		});
		assertThat(store.version()).isEqualTo(version);
		assertThat(directory.person("head8")).isEmpty();
		assertThat(directory.ward("bode").orElseThrow().chapters().get(0).name()).isEqualTo("Chi hội Tổ dân phố số 1");
		// a ward administrator's workbook may not name another ward
		byte[] foreign = edit(exported, wb -> wb.getSheet("Chi hội").getRow(1).getCell(0).setCellValue("phuongkhac"));
		assertThat(OrganisationWorkbook.read(foreign, directory.organisation(), "wardadmin").errors())
			.extracting(OrganisationWorkbook.RowError::row)
			.containsExactly(2);
	}

	@Test
	void shouldTakeOverAChangeStoredByAnotherNodeWithinSeconds() {
		// given: another node stored a new version (here: written straight into the shared table)
		Organisation current = store.load().orElseThrow().organisation();
		Ward bode = current.wards().get(0);
		List<Chapter> chapters = new java.util.ArrayList<>(bode.chapters());
		Chapter ch04 = chapters.get(3);
		chapters.set(3, new Chapter(ch04.code(), "Chi hội Tổ dân phố số 4 (đổi ở nút khác)", ch04.head(), ch04.partyCell()));
		Organisation changed = OrganisationEdits.replaceWard(current, bode, OrganisationEdits.withChapters(bode, chapters));
		long next = store.version() + 1;
		store.update(changed, next, "nutkhac", Instant.now());

		// then: this node serves it within seconds, the groups' names follow
		await().atMost(Duration.ofSeconds(30)).until(() -> directory.version() == next);
		assertThat(directory.ward("bode").orElseThrow().chapters().get(3).name()).endsWith("(đổi ở nút khác)");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> identityService.createGroupQuery().groupId("bode-ch04").singleResult().getName(),
					n -> n.endsWith("(đổi ở nút khác)"));
	}

	private interface WorkbookEdit {

		void apply(XSSFWorkbook workbook);

	}

	private static byte[] edit(byte[] file, WorkbookEdit edit) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			edit.apply(wb);
			wb.write(out);
			return out.toByteArray();
		}
	}

	private static void append(Sheet sheet, String... values) {
		Row row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
	}

	private List<String> members(String group) {
		return identityService.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toList();
	}

}
