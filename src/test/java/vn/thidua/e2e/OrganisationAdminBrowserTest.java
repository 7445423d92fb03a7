package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationEdits;
import vn.thidua.identity.organisation.OrganisationWorkbook;
import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.support.Browser;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.NominationForms;

/**
 * Issue 19's browser test of organisation administration: the ward administrator replaces chapter
 * 1's head (head1 → a person she adds first, after a refused try with a wrong e-mail); the new head
 * sees chapter 1's open task in Tasklist at once and head1, still logged in, no longer sees it; an
 * Excel upload with one bad row imports nothing and lists the row. Screenshots at 1366 and 390 px.
 * The organisation is put back as it was after each test (a context closed for it would take the
 * process engine "default" away from the web apps of every other test context alive in this JVM).
 */
@IntegrationTest
class OrganisationAdminBrowserTest {

	@Autowired
	vn.thidua.identity.organisation.OrganisationChanges changes;

	private vn.thidua.identity.organisation.Organisation original;

	static final String TASK = "Hoàn thiện hồ sơ, gửi Ban Thường vụ";

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	OrganisationDirectory directory;

	Browser admin;

	Browser oldHead;

	@RegisterExtension
	final TestExecutionExceptionHandler screenshotOnFailure = Browser.screenshotOnFailure(() -> admin);

	@BeforeEach
	void openBrowsers() {
		original = directory.organisation();
		admin = Browser.open("http://localhost:" + port);
		oldHead = Browser.open("http://localhost:" + port);
	}

	@AfterEach
	void closeBrowsers() {
		admin.close();
		oldHead.close();
		changes.apply("admin", current -> new vn.thidua.identity.organisation.OrganisationChanges.Outcome(original, java.util.List.of()));
	}

	@Test
	void shouldReplaceChapterOnesHeadSoThatHerTasksFollowTheChapterAndRefuseAWorkbookWithOneBadRow()
			throws IOException {
		// given: head1 nominated someone and sees her dossier task in Tasklist
		Http http = new Http(port);
		Http.Reply started = http.post("head1", "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				NominationForms.form(NominationForms.nomination("Lê Thị Theo Chi Hội", "GK_HOI_PHUONG")));
		assertThat(started.status()).as(started.body()).isEqualTo(200);
		String pid = started.json().get("id").asText();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> taskService.createTaskQuery().processInstanceId(pid).taskAssignee("head1").count() == 1);
		oldHead.login("head1", "demo");
		oldHead.openFilter(TasklistFilters.MY_TASKS);
		await().atMost(Duration.ofSeconds(60)).until(() -> oldHead.taskListText().contains(TASK));
		assertThat(sessionTasks(oldHead, pid)).isEqualTo("200 1");

		// when: the ward administrator adds the new head (a wrong e-mail refused first) ...
		admin.login("wardadmin", "demo");
		admin.go("/to-chuc");
		admin.waitForText("Chi hội Tổ dân phố số 1");
		shots("orgadmin-overview");
		admin.go("/to-chuc/nguoi/moi");
		type("tenDangNhap", "head1moi");
		type("hoDem", "Trịnh Thị");
		type("tenGoi", "Nhàn");
		type("email", "head1moi@example");
		submit();
		assertThat(admin.waitFor(By.id("loi-email")).getText()).contains("Thư điện tử không đúng dạng");
		assertThat(directory.person("head1moi")).isEmpty();
		shots("orgadmin-person-refused");
		type("email", "head1moi@example.org");
		submit();
		admin.waitForText("Thêm người Trịnh Thị Nhàn (head1moi).");

		// ... and makes her chapter 1's head
		admin.go("/to-chuc/bode/chi-hoi/ch01");
		new Select(admin.waitFor(By.id("chiHoiTruong"))).selectByValue("head1moi");
		shots("orgadmin-chapter-head");
		submit();
		admin.waitForText("Thay Chi hội trưởng Chi hội Tổ dân phố số 1: head1 → head1moi.");
		assertThat(admin.driver().findElement(By.id("chi-hoi-bode-ch01")).getText()).contains("head1moi");

		// then: head1, still logged in (her session's groups were cached by the web apps), no longer
		// reaches the task: she holds no role any more, so Tasklist shows her nothing
		assertThat(sessionTasks(oldHead, pid)).isIn("200 0", "401 0", "403 0");
		oldHead.driver().navigate().refresh();
		// Tasklist is no longer hers: the refusal page (403), the web apps' start page or the login; no task
		oldHead.waiting(Duration.ofSeconds(90))
			.withMessage(() -> "the old head's page; it shows: " + oldHead.driver().getCurrentUrl() + " "
					+ oldHead.fullScreenshot("orgadmin-old-head-waiting") + " " + oldHead.visibleText())
			.until(d -> !oldHead.visible(By.cssSelector("[cam-widget-header], form[name=signinForm], .td-error")).isEmpty());
		assertThat(oldHead.visibleText()).doesNotContain(TASK);
		oldHead.fullScreenshot("orgadmin-old-head-after");
		assertThat(http.get("head1", "/engine-rest/task?maxResults=10&processInstanceId=" + pid).json()).isEmpty();
		oldHead.switchUser("head1moi", "demo");
		oldHead.openFilter(TasklistFilters.MY_TASKS);
		await().atMost(Duration.ofSeconds(30)).until(() -> oldHead.taskListText().contains(TASK));
		oldHead.fullScreenshot("orgadmin-new-head-tasks");

		// when: a workbook with one bad row (an unknown chapter head) is uploaded
		long version = directory.version();
		byte[] exported = OrganisationWorkbook.export(directory.organisation(),
				OrganisationEdits.wardsManagedBy(directory.organisation(), "wardadmin"));
		Path file = Files.createTempFile("to-chuc-", ".xlsx");
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(exported));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet chapters = wb.getSheet("Chi hội");
			chapters.getRow(1).getCell(2).setCellValue("Chi hội số 1 (tên mới)");
			chapters.getRow(4).getCell(3).setCellValue("nguoila");
			Row extra = wb.getSheet("Người").createRow(wb.getSheet("Người").getLastRowNum() + 1);
			extra.createCell(0).setCellValue("head9");
			extra.createCell(1).setCellValue("Tô Thị");
			extra.createCell(2).setCellValue("Chín");
			extra.createCell(3).setCellValue("head9@example.org");
			wb.write(out);
			Files.write(file, out.toByteArray());
		}
		admin.go("/to-chuc");
		admin.waitFor(By.id("tep-nhap")).sendKeys(file.toAbsolutePath().toString());
		admin.driver().findElement(By.xpath("//button[normalize-space()='Nhập tệp']")).click();

		// then: the row is listed, nothing is imported
		admin.waitForText("Tệp có 1 dòng sai: chưa nhập gì.");
		String errors = admin.waitFor(By.id("dong-sai")).getText();
		assertThat(errors).contains("Chi hội").contains("5").contains("nguoila");
		shots("orgadmin-import-refused");
		assertThat(directory.version()).isEqualTo(version);
		assertThat(directory.person("head9")).isEmpty();
		assertThat(directory.ward("bode").orElseThrow().chapters().get(0).name()).isEqualTo("Chi hội Tổ dân phố số 1");

		// and the audit lists the head replaced
		admin.go("/to-chuc/nhat-ky");
		admin.waitForText("head1 → head1moi");
		shots("orgadmin-audit");
		Files.deleteIfExists(file);
		runtimeService.deleteProcessInstance(pid, "Kết thúc kiểm thử");
	}

	/** What Tasklist's own API answers this browser's session for the instance's tasks: status and count. */
	private static String sessionTasks(Browser browser, String pid) {
		return String.valueOf(browser.script("return fetch('/camunda/api/engine/engine/default/task?maxResults=10"
				+ "&processInstanceId=" + pid + "', {headers: {Accept: 'application/json'}, credentials: 'same-origin'})"
				+ ".then(r => r.text().then(t => r.status + ' ' + (r.ok ? JSON.parse(t).length : 0)))"));
	}

	private void type(String id, String value) {
		var field = admin.waitFor(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	private void submit() {
		admin.driver().findElement(By.cssSelector("form.td-org-form button[type=submit]")).click();
	}

	/** The page at 1366 px and at 390 px (a phone). */
	private void shots(String name) {
		admin.fullScreenshot(name + "-1366");
		admin.driver().manage().window().setSize(new Dimension(390, 844));
		admin.fullScreenshot(name + "-390");
		admin.driver().manage().window().setSize(new Dimension(1366, 900));
	}

}
