package vn.thidua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import vn.thidua.rollout.ProgrammeDates;
import vn.thidua.support.Http;
import vn.thidua.support.IntegrationTest;
import vn.thidua.support.NominationForms;

/**
 * Issue 20, the nomination's start form as each person meets it, at 1366 and 390 px: a chapter head
 * sees no «Mã chi hội» (her chapter comes from her login), the board does; «Năm thi đua» starts at
 * this year; the awards offered are those given to the nominee type chosen; the review meeting's
 * checkbox, which the server requires, has its asterisk. The input data that shows «Mã chi hội» is
 * never taken from a submission.
 */
@IntegrationTest
class NominationStartFormBrowserTest extends BrowserScenario {

	static final String CHAPTER_CODE = "Mã chi hội (ví dụ ch01)";

	static final String AWARD = "Hình thức khen thưởng đề nghị";

	static final String MEETING_AGREED = "Cuộc họp bình xét của chi hội đã đồng ý đề nghị (có biên bản bình xét)";

	@ParameterizedTest(name = "{0} px")
	@ValueSource(ints = { 1366, 390 })
	void shouldOfferEachPersonTheStartFormThatFitsHer(int width) {
		String year = String.valueOf(ProgrammeDates.today().getYear());

		// head1: no chapter code, this year, the awards of the type chosen
		browser.login("head1", "demo");
		openStartForm(width);
		assertThat(shown(CHAPTER_CODE)).as("«Mã chi hội» shown to head1").isFalse();
		assertThat(browser.value("Năm thi đua")).isEqualTo(year);
		assertThat(browser.field(MEETING_AGREED).findElements(By.cssSelector(".fjs-asterix"))).as("asterisk").isNotEmpty();
		browser.choose("Đối tượng được đề nghị", "Cá nhân");
		List<String> forIndividual = browser.selectOptions(AWARD);
		assertThat(forIndividual).contains("Chiến sĩ thi đua cơ sở", "Lao động tiên tiến",
				"Giấy khen của Chủ tịch Hội LHPN phường").doesNotContain("Tập thể lao động tiên tiến");
		browser.screenshot("start-form-" + width + "-01-head1-individual");
		browser.choose("Đối tượng được đề nghị", "Tập thể");
		List<String> forCollective = browser.selectOptions(AWARD);
		assertThat(forCollective).contains("Tập thể lao động tiên tiến", "Giấy khen của Chủ tịch Hội LHPN phường")
			.doesNotContain("Chiến sĩ thi đua cơ sở", "Lao động tiên tiến");
		browser.fullScreenshot("start-form-" + width + "-02-head1-collective");

		// board1: names the chapter
		closeStartForm();
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.switchUser("board1", "demo");
		openStartForm(width);
		assertThat(shown(CHAPTER_CODE)).as("«Mã chi hội» shown to board1").isTrue();
		assertThat(browser.value("Năm thi đua")).isEqualTo(year);
		browser.fullScreenshot("start-form-" + width + "-03-board1");
	}

	@Test
	void shouldNeverTakeTheInputDataThatShowsTheChapterCodeFromASubmission() {
		Http http = new Http(port);
		int year = ProgrammeDates.today().getYear();
		var head1 = http.get("head1", "/api/nominations/start-form-defaults").json();
		assertThat(head1.path("thiduaNamesChapter").isBoolean()).isTrue();
		assertThat(head1.path("thiduaNamesChapter").asBoolean()).isFalse();
		assertThat(head1.path("periodYear").asInt()).isEqualTo(year);
		assertThat(http.get("board1", "/api/nominations/start-form-defaults").json().path("thiduaNamesChapter").asBoolean())
			.isTrue();

		// head1 sends it with her start, as if she were the board: refused, nothing started
		String nominee = "Phạm Thị Input Data";
		Map<String, Object> values = new java.util.LinkedHashMap<>(NominationForms.nomination(nominee, "GK_HOI_PHUONG"));
		values.put("thiduaNamesChapter", true);
		Http.Reply refused = http.post("head1", "/engine-rest/process-definition/key/CommendationNomination/submit-form",
				NominationForms.form(values));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("thiduaNamesChapter");
		assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("nomineeName", nominee).count()).isZero();
	}

	private void openStartForm(int width) {
		browser.driver().manage().window().setSize(new Dimension(width, width > 800 ? 900 : 844));
		// on a phone the header's links sit behind its menu button
		List<WebElement> menu = browser.visible(By.cssSelector("[cam-widget-header] button.navbar-toggle"));
		if (!menu.isEmpty() && browser.visible(By.partialLinkText("Bắt đầu quy trình")).isEmpty()) {
			menu.get(0).click();
		}
		browser.openStartForm("Đề nghị khen thưởng");
		browser.field("Đối tượng được đề nghị");
	}

	private void closeStartForm() {
		browser.visible(By.xpath("//div[contains(@class,'modal-dialog')]//button[normalize-space()='Đóng']"))
			.forEach(browser::click);
		// a choice was made: the dialog asks before it discards it
		browser.waiting().until(d -> !browser.visible(By.xpath("//button[normalize-space()='Bỏ thông tin']")).isEmpty()
				|| browser.visible(By.cssSelector(".modal-dialog")).isEmpty());
		browser.visible(By.xpath("//button[normalize-space()='Bỏ thông tin']")).forEach(browser::click);
		browser.waiting().until(d -> browser.visible(By.cssSelector(".modal-dialog")).isEmpty());
	}

	private boolean shown(String label) {
		return browser.fields(label).stream().anyMatch(WebElement::isDisplayed);
	}

}
