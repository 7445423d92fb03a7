package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import java.util.Base64;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.junit.jupiter.api.Test;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.dossier.DossierFixtures;
import vn.thidua.identity.organisation.TasklistFilters;
import vn.thidua.support.EngineDiagnostics;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.SeasonOverRest;
import vn.thidua.pages.NominationDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import java.util.ArrayList;

/**
 * Scenario 1 of issue 6: a nomination from the chapter's start form to the award register, every
 * step done by its person in Tasklist (head1, board1, the council, the chair); only the disclosure
 * period's timer is run through the engine. With issue 18's season: council1 opens the council's
 * session, votes on three candidates in one ballot (a row left empty is refused), council2 votes on a
 * phone, and the chair signs one decision for two of the three while the third waits. With issue 15's dossier: head1 uploads
 * the required PDFs in the «Hồ sơ» tab and cannot send while one is missing, board1 reads and
 * downloads them (the same bytes), head1 replaces one after the return (the first version stays),
 * council1 reads them, head2 gets 404 from the API.
 */
@IntegrationTest
class NominationBrowserTest extends BrowserScenario {

	@Autowired
	ApplicationContext context;

	static final String NOMINEE = "Nguyễn Thị Hồng Nhung";

	static final String SECOND = "Đào Thị Mai Anh";

	static final String THIRD = "Lò Thị Thu Hà";

	static final String RETURN_REASON = "Báo cáo thành tích chưa nêu số hộ được giúp đỡ; đề nghị bổ sung số liệu cụ thể.";

	static final String REPORT_FILE = "Báo cáo thành tích – Nguyễn Thị Hồng Nhung.pdf";

	static final String MINUTES_FILE = "Biên bản họp bình xét chi hội số 1.pdf";

	static final byte[] REPORT_PDF = DossierFixtures.pdf("Báo cáo thành tích, bản đầu");

	static final byte[] MINUTES_PDF = DossierFixtures.pdf("Biên bản họp bình xét");

	static final byte[] REVISED_PDF = DossierFixtures.pdf("Báo cáo thành tích, bản bổ sung số liệu");

	static final String REVISED_REPORT = "Vận động 25 hội viên tham gia tổ tiết kiệm; giúp 12 hộ phụ nữ nghèo vay vốn "
			+ "không lãi, 3 hộ đã thoát nghèo trong năm.";

	@Test
	void shouldTakeANominationFromTheChapterToTheAwardRegister() {
		int year = LocalDate.now().getYear();

		// head1 starts the nomination from "Bắt đầu quy trình"
		browser.login("head1", "demo");
		browser.openStartForm("Đề nghị khen thưởng");
		RenderedForms.assertRendered(browser, "nomination-start", "nomination-01-head1-start-form");
		// the chapter comes from her login, the year is this year's: she types neither
		assertThat(browser.visibleText()).doesNotContain("Mã chi hội");
		assertThat(browser.value("Năm thi đua")).isEqualTo(String.valueOf(year));
		browser.choose("Đối tượng được đề nghị", "Cá nhân")
			.type("Họ tên cá nhân / tên tập thể được đề nghị", NOMINEE)
			.select("Hình thức khen thưởng đề nghị", "Giấy khen của Chủ tịch Hội LHPN phường")
			.type("Báo cáo thành tích", "Vận động hội viên tham gia tổ tiết kiệm, giúp đỡ hộ phụ nữ nghèo.")
			.date("Ngày họp bình xét của chi hội", LocalDate.now().minusDays(7))
			.tick("Cuộc họp bình xét của chi hội đã đồng ý đề nghị (có biên bản bình xét)")
			.tick("Tôi cam đoan người/tập thể được đề nghị không bị kỷ luật, không đang bị điều tra, khiếu nại, tố cáo");
		browser.fullScreenshot("nomination-02-head1-start-form-filled");
		browser.startProcess();
		browser.screenshot("nomination-03-head1-started");
		ProcessInstance nomination = await().atMost(SLOW)
			.until(() -> runtimeService.createProcessInstanceQuery()
				.processDefinitionKey("CommendationNomination")
				.variableValueEquals("nomineeName", NOMINEE)
				.singleResult(), p -> p != null);
		String pid = nomination.getId();
		awaitTask(pid, "Task_CompleteDossier");

		// head1 completes the dossier in the «Hồ sơ» tab: the task refuses to go while a kind is missing
		as("head1", TasklistFilters.MY_TASKS);
		browser.openTask("Hoàn thiện hồ sơ, gửi Ban Thường vụ", NOMINEE);
		RenderedForms.assertRendered(browser, "nomination-complete-dossier", "nomination-03a-head1-complete-dossier");
		dossierTab();
		assertThat(browser.visibleText()).contains("Còn thiếu tài liệu bắt buộc", "Báo cáo thành tích (Mẫu 05)");
		upload("BAO_CAO_THANH_TICH", REPORT_FILE, REPORT_PDF);
		browser.fullScreenshot("nomination-03b-head1-dossier-one-uploaded");
		formTab();
		browser.clickComplete();
		browser.waitForText("Hồ sơ còn thiếu «Biên bản họp bình xét của chi hội»");
		browser.screenshot("nomination-03c-head1-send-refused");
		// close Tasklist's error notification before going on
		browser.visible(By.cssSelector(".notifications .close, .alert .close")).forEach(browser::click);
		browser.waiting().until(d -> !browser.visibleText().contains("Có lỗi khi gửi biểu mẫu"));
		dossierTab();
		upload("BIEN_BAN_BINH_XET", MINUTES_FILE, MINUTES_PDF);
		browser.waitForText("Đã có đủ các tài liệu bắt buộc.");
		browser.fullScreenshot("nomination-03d-head1-dossier-complete");
		narrow("nomination-03e-head1-dossier-390px");
		formTab();
		browser.completeTask();
		awaitTask(pid, "Task_BoardReview");

		// board1 returns it with a reason
		as("board1", TasklistFilters.BOARD_TASKS);
		browser.openTask("Ban Thường vụ xét đề nghị", NOMINEE).claimIfOffered();
		RenderedForms.assertRendered(browser, "nomination-board-review", "nomination-04-board1-review");
		assertThat(browser.value("Họ tên cá nhân / tên tập thể")).isEqualTo(NOMINEE);
		// board1 reads the dossier, views the report inline and downloads both: the same bytes
		dossierTab();
		assertThat(documentNames()).containsExactlyInAnyOrder(REPORT_FILE, MINUTES_FILE);
		assertThat(download(REPORT_FILE)).isEqualTo(REPORT_PDF);
		assertThat(download(MINUTES_FILE)).isEqualTo(MINUTES_PDF);
		assertThat(new Select(browser.waitFor(By.id("thidua-dossier-kind"))).getOptions())
			.as("board1 adds only the board's minutes, never the chapter's documents")
			.extracting(o -> o.getAttribute("value"))
			.containsExactly("BIEN_BAN_BTV");
		browser.click(browser.waitFor(By.cssSelector(".dossier-view")));
		browser.waitFor(By.cssSelector(".dossier-viewer iframe"));
		browser.fullScreenshot("nomination-04a-board1-dossier");
		formTab();
		browser.choose("Ý kiến của Ban Thường vụ", "Trả lại để chi hội bổ sung, sửa")
			.type("Lý do (bắt buộc khi trả lại hoặc không đồng ý)", RETURN_REASON);
		browser.fullScreenshot("nomination-05-board1-return-filled");
		browser.completeTask();
		awaitTask(pid, "Task_ReviseNomination");

		// head1 reads the reason, revises and resubmits
		as("head1", TasklistFilters.CHAPTER_TASKS);
		browser.openTask("Chi hội bổ sung, sửa hồ sơ", NOMINEE).claimIfOffered();
		RenderedForms.assertRendered(browser, "nomination-revise", "nomination-06-head1-revise");
		assertThat(browser.value("Lý do Ban Thường vụ trả lại")).isEqualTo(RETURN_REASON);
		assertThat(browser.value("Họ tên cá nhân / tên tập thể được đề nghị")).isEqualTo(NOMINEE);
		// the return comes back to the same documents; head1 replaces the report, the first version stays
		dossierTab();
		upload("BAO_CAO_THANH_TICH", REPORT_FILE, REVISED_PDF);
		assertThat(browser.visible(By.cssSelector(".dossier-doc.old"))).hasSize(1);
		assertThat(browser.visibleText()).contains("Bản 1 (bản cũ)", "Bản 2");
		browser.fullScreenshot("nomination-06a-head1-report-replaced");
		narrow("nomination-06b-head1-report-replaced-390px");
		formTab();
		browser.type("Báo cáo thành tích", REVISED_REPORT);
		browser.fullScreenshot("nomination-07-head1-revised");
		browser.completeTask();
		awaitTask(pid, "Task_BoardReview");

		// board1 approves: the shortlist is published
		as("board1", TasklistFilters.BOARD_TASKS);
		browser.openTask("Ban Thường vụ xét đề nghị", NOMINEE).claimIfOffered();
		RenderedForms.assertRendered(browser, "nomination-board-review", "nomination-08-board1-review-again");
		assertThat(browser.value("Báo cáo thành tích")).isEqualTo(REVISED_REPORT);
		browser.choose("Ý kiến của Ban Thường vụ", "Đồng ý, đưa ra công khai");
		browser.completeTask();

		// the disclosure period ends (run through the engine); two more candidates of the year wait for
		// the council with it (started and approved over the REST API, as Tasklist would)
		fireTimer(pid, "TimerEvent_DisclosureEnded");
		NominationDriver driver = new NominationDriver(port, taskService, managementService, context);
		String second = driver.start("head2", SECOND, "GK_HOI_PHUONG", year, "Tổ chức 4 buổi truyền thông phòng chống bạo lực gia đình.");
		driver.boardApproves(second);
		driver.endDisclosure(second);
		String third = driver.start("head3", THIRD, "GK_HOI_PHUONG", year, "Duy trì câu lạc bộ dân vũ 40 hội viên.");
		driver.boardApproves(third);
		driver.endDisclosure(third);
		SeasonOverRest season = new SeasonOverRest(new Http(port), context.getBean(ProcessEngine.class));
		season.awaitCouncil(pid, second, third);

		// council1, who chairs the council, opens the session from «Bắt đầu quy trình»
		as("council1", TasklistFilters.MY_TASKS);
		browser.openStartForm("Phiên họp Hội đồng Thi đua – Khen thưởng");
		RenderedForms.assertRendered(browser, "council-session-start", "nomination-09-council1-open-session");
		browser.startProcess();
		String session = await().atMost(SLOW)
			.until(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey("CouncilSession").singleResult(),
					p -> p != null)
			.getId();

		// council1 votes on the three candidates in one ballot; a row left without a choice is refused
		as("council1", TasklistFilters.MY_TASKS);
		browser.openTask("Phiếu bầu của thành viên Hội đồng", NOMINEE);
		RenderedForms.assertRendered(browser, "council-ballot", "nomination-10-council1-ballot");
		List<String> candidates = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			candidates.add(browser.value("Đề nghị", i));
		}
		assertThat(String.join("\n", candidates)).contains(NOMINEE, SECOND, THIRD);
		browser.choose("Ý kiến của tôi", 0, "Tán thành").choose("Ý kiến của tôi", 1, "Tán thành");
		browser.clickComplete();
		browser.waitForText("bắt buộc");
		browser.fullScreenshot("nomination-11-council1-ballot-incomplete");
		assertThat(taskService.createTaskQuery().processInstanceId(session).taskAssignee("council1").count()).isOne();
		browser.choose("Ý kiến của tôi", 2, "Tán thành")
			.type("Ý kiến kèm phiếu (không bắt buộc)", 0, "Thành tích rõ ràng, tiêu biểu của chi hội.");
		browser.fullScreenshot("nomination-12-council1-ballot-filled");
		browser.completeTask();
		// council2 votes on her phone
		as("council2", TasklistFilters.MY_TASKS);
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		browser.driver().navigate().refresh();
		browser.openTask("Phiếu bầu của thành viên Hội đồng", NOMINEE);
		for (int i = 0; i < 3; i++) {
			browser.choose("Ý kiến của tôi", i, "Tán thành");
		}
		browser.fullScreenshot("nomination-13-council2-ballot-390");
		browser.completeTask();
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		// the other three members vote as Tasklist sends it
		for (String member : List.of("council3", "council4", "council5")) {
			Http.Reply voted = season.vote(session, member, n -> "agree");
			assertThat(voted.status()).as(voted.body()).isEqualTo(204);
		}
		season.awaitClosed(session);
		// the council still reads the dossier through the API
		assertThat(new Http(port).get("council1", "/api/nominations/" + pid + "/documents").status()).isEqualTo(200);

		// the chair signs one decision for two of the three; the third waits for a later decision. The
		// three join the batch each in its own job, in any order: her task lists all three first
		season.signingTask(pid);
		season.signingTask(second);
		season.signingTask(third);
		as("chair", TasklistFilters.MY_TASKS);
		browser.openTask("Chủ tịch ký quyết định (tờ trình) khen thưởng", NOMINEE).claimIfOffered();
		RenderedForms.assertRendered(browser, "sign-decisions", "nomination-14-chair-sign");
		browser.tickOption("Các đề nghị văn bản này bao gồm", NOMINEE)
			.tickOption("Các đề nghị văn bản này bao gồm", SECOND)
			.type("Số văn bản", "27/QĐ-HLHPN")
			.date("Ngày ký", LocalDate.now().minusDays(1))
			// both still ticked once the form has redrawn after the other fields
			.tickOption("Các đề nghị văn bản này bao gồm", NOMINEE)
			.tickOption("Các đề nghị văn bản này bao gồm", SECOND);
		browser.fullScreenshot("nomination-15-chair-sign-filled");
		browser.completeTask();
		browser.screenshot("nomination-16-chair-signed");
		Task later = season.signingTask(third);
		assertThat(taskService.getVariableLocal(later.getId(), "decisionCandidates").toString())
			.as("the next signature lists only the nomination the chair did not tick")
			.contains(THIRD)
			.doesNotContain(NOMINEE, SECOND);

		// then: head2 (another chapter) gets nothing from the dossier's API
		Http http = new Http(port);
		assertThat(http.get("head2", "/api/nominations/" + pid + "/documents").status()).isEqualTo(404);
		assertThat(http.get("head2", "/api/nominations/" + pid + "/dossier").status()).isEqualTo(404);
		assertThat(http.get("head1", "/api/nominations/" + pid + "/documents").status()).isEqualTo(200);

		// the award is in the register, and head1 got the outcome mail through SMTP
		new EngineDiagnostics(context.getBean(ProcessEngine.class), context.getBean(DataSource.class))
			.onTimeout(Map.of("NOMINEE", pid, "SECOND", second, "THIRD", third), () -> await().atMost(SLOW)
				.untilAsserted(() -> assertThat(http.get("chair", "/api/awards?year=" + year).body())
					.contains(NOMINEE, SECOND, "27/QĐ-HLHPN")));
		await().atMost(SLOW)
			.untilAsserted(() -> assertThat(subjectsTo("head1@example.org"))
				.anySatisfy(s -> assertThat(s).startsWith("[Thi đua]").contains("27/QĐ-HLHPN")));
	}


	/**
	 * Issue 19: a Bằng khen of the city union proposed by Bồ Đề reaches the city's board once the
	 * ward's chair signed the request letter; cityboard1 reads the ward's request in Tasklist and sends
	 * it to the city's council.
	 */
	@Test
	void shouldShowTheCityBoardTheWardsRecommendationInTasklist() {
		// given: the ward's awards of the two years before, as the city's diploma asks, and the ward's
		// chain done over the REST API as Tasklist would
		int year = LocalDate.now().getYear();
		String nominee = "Lã Thị Phương Thảo";
		AwardRegister register = context.getBean(AwardRegister.class);
		AwardCatalogue catalogue = context.getBean(AwardCatalogue.class);
		for (Object[] held : new Object[][] { { "GK_HOI_PHUONG", year - 2 }, { "LAO_DONG_TIEN_TIEN", year - 1 } }) {
			int heldYear = (Integer) held[1];
			register.record(new AwardRegister.NewAward("held-" + java.util.UUID.randomUUID(), "bode", "bode-ch01",
					"Chi hội Tổ dân phố số 1", "INDIVIDUAL", nominee, catalogue.find((String) held[0]).orElseThrow(),
					heldYear, AwardEntry.DECIDED, "H-" + System.nanoTime(), LocalDate.of(heldYear, 12, 20), "chair", 5, 0, 0));
		}
		NominationDriver driver = new NominationDriver(port, taskService, managementService, context);
		SeasonOverRest season = new SeasonOverRest(new Http(port), context.getBean(ProcessEngine.class));
		season.closeOpenSessions();
		String pid = driver.start("head1", nominee, "BK_HOI_THANH_PHO", year,
				"Ba năm liền vận động hội viên xây dựng mô hình nhà sạch, ngõ đẹp.");
		driver.boardApproves(pid);
		driver.endDisclosure(pid);
		season.awaitCouncil(pid);
		season.everyoneAgrees(season.openSession());
		String letter = "TTr-" + (System.nanoTime() % 100000) + "/HLHPN";
		Http.Reply signed = season.sign(letter, pid);
		assertThat(signed.status()).as(signed.body()).isEqualTo(204);
		await().atMost(SLOW)
			.until(() -> runtimeService.createProcessInstanceQuery()
				.processDefinitionKey("CityReview")
				.processInstanceBusinessKey(pid)
				.count() == 1);

		// when: cityboard1 opens it from «Chờ Ban Thường vụ» and approves
		as("cityboard1", TasklistFilters.BOARD_TASKS);
		browser.openTask("Ban Thường vụ thành phố xét đề nghị của phường", nominee).claimIfOffered();
		RenderedForms.assertRendered(browser, "city-board-review", "city-01-cityboard1-review");
		assertThat(browser.value("Phường đề nghị")).contains("Bồ Đề");
		assertThat(browser.value("Tờ trình của phường số")).isEqualTo(letter);
		// the same task on her phone
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		browser.driver().navigate().refresh();
		browser.openTask("Ban Thường vụ thành phố xét đề nghị của phường", nominee);
		RenderedForms.assertRendered(browser, "city-board-review", "city-02-cityboard1-review-390px");
		browser.choose("Ý kiến của Ban Thường vụ thành phố", "Đồng ý, trình Hội đồng Thi đua – Khen thưởng thành phố");
		browser.completeTask();
		browser.driver().manage().window().setSize(new Dimension(1366, 900));

		// then: the city's review waits for its council; the board's task is done
		await().atMost(SLOW)
			.until(() -> taskService.createTaskQuery()
				.processInstanceBusinessKey(pid)
				.processDefinitionKey("CityReview")
				.taskDefinitionKey("Task_BoardReviewRecommendation")
				.count() == 0);
		season.closeOpenSessions();
	}

	// ------------------------------------------------------------------ the «Hồ sơ» tab

	private void dossierTab() {
		browser.click(browser.waitFor(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Hồ sơ']")));
		browser.waitFor(By.cssSelector(".thidua-dossier h3"));
	}

	private void formTab() {
		By tab = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Biểu mẫu']");
		browser.waiting()
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until(d -> {
				browser.click(browser.waitFor(tab));
				try {
					new org.openqa.selenium.support.ui.WebDriverWait(d, java.time.Duration.ofSeconds(5))
						.until(x -> !browser.visible(By.cssSelector(".fjs-form")).isEmpty());
					return true;
				}
				catch (org.openqa.selenium.TimeoutException ex) {
					return false;
				}
			});
		browser.form();
	}

	/**
	 * Chooses the kind and the file, uploads, waits. The file is put into the file input as the
	 * browser's file picker would (a DataTransfer), so that its Vietnamese name does not depend on
	 * the test machine's file-name encoding.
	 */
	private void upload(String kind, String fileName, byte[] content) {
		new Select(browser.waitFor(By.id("thidua-dossier-kind"))).selectByValue(kind);
		browser.script("""
				const bytes = Uint8Array.from(atob(arguments[1]), c => c.charCodeAt(0));
				const transfer = new DataTransfer();
				transfer.items.add(new File([bytes], arguments[0], { type: 'application/pdf' }));
				const input = document.getElementById('thidua-dossier-file');
				input.files = transfer.files;
				input.dispatchEvent(new Event('change', { bubbles: true }));""", fileName,
				Base64.getEncoder().encodeToString(content));
		browser.click(browser.waitFor(By.id("thidua-dossier-upload")));
		browser.waitFor(By.cssSelector(".dossier-message.ok"));
		assertThat(browser.waitFor(By.cssSelector(".dossier-message.ok")).getText()).contains(fileName);
	}

	private List<String> documentNames() {
		return browser.visible(By.cssSelector(".dossier-doc .name")).stream().map(e -> e.getText()).toList();
	}

	/** The current version of the named document, fetched by the page with the user's Tasklist session. */
	private byte[] download(String fileName) {
		String href = browser.driver()
			.findElements(By.cssSelector(".dossier-doc:not(.old)"))
			.stream()
			.filter(e -> e.findElement(By.cssSelector(".name")).getText().equals(fileName))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no document " + fileName + " in " + documentNames()))
			.findElement(By.cssSelector("a.dossier-download"))
			.getAttribute("href");
		Object base64 = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
				  .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
				  .then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })
				  .catch(e => done('ERROR ' + e));""", href);
		assertThat((String) base64).doesNotStartWith("ERROR");
		return Base64.getDecoder().decode((String) base64);
	}

	/**
	 * A screenshot at a phone's width (390 px) with the task pane maximised (Tasklist's own button:
	 * at that width its three columns do not fit), then the window and the columns back as they were.
	 */
	private void narrow(String name) {
		Dimension size = browser.driver().manage().window().getSize();
		browser.click(browser.waitFor(By.cssSelector("button.maximize[data-region=task]")));
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		try {
			browser.fullScreenshot(name);
		}
		finally {
			browser.driver().manage().window().setSize(size);
			browser.visible(By.cssSelector("button.reset-regions")).forEach(browser::click);
			browser.waitFor(By.cssSelector(".tasks-list"));
		}
	}

}
