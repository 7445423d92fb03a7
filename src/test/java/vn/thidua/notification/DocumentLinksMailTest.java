package vn.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The outcome mails link to the documents (vn.thidua.document); they never attach them. */
class DocumentLinksMailTest {

	private final MailRenderer renderer = new MailRenderer();

	private Map<String, Object> model() {
		Map<String, Object> model = new HashMap<>();
		model.put("recipientName", "Nguyễn Thị Ánh");
		model.put("decisionNumber", "12/QĐ-HLHPN");
		model.put("decisionDate", "2026-12-05");
		model.put("nomineeName", "Nguyễn Thị Thanh Tâm");
		model.put("awardName", "Giấy khen của Chủ tịch Hội LHPN phường");
		model.put("decidingAuthority", "Hội LHPN thành phố");
		model.put("baseUrl", "https://thidua.example.org");
		model.put("tasklistUrl", "https://thidua.example.org/camunda/app/tasklist/");
		model.put("awardId", 42L);
		return model;
	}

	@Test
	void shouldLinkTheDecisionAndCertificateInTheDecisionMail() {
		MailRenderer.RenderedMail mail = renderer.render("decision-signed", model());
		assertThat(mail.text()).contains(
				"Quyết định khen thưởng (PDF): https://thidua.example.org/api/awards/42/decision.pdf",
				"Giấy khen (PDF): https://thidua.example.org/api/awards/42/certificate.pdf");
		assertThat(mail.html()).contains("href=\"https://thidua.example.org/api/awards/42/decision.pdf\"",
				"href=\"https://thidua.example.org/api/awards/42/certificate.pdf\"");
	}

	@Test
	void shouldLinkTheRequestLetterInTheRecommendationMail() {
		MailRenderer.RenderedMail mail = renderer.render("recommendation-sent", model());
		assertThat(mail.text())
			.contains("Tờ trình gửi cấp trên (PDF): https://thidua.example.org/api/awards/42/request-letter.pdf");
		assertThat(mail.html()).contains("href=\"https://thidua.example.org/api/awards/42/request-letter.pdf\"");
	}

	@Test
	void shouldLeaveTheLinksOutWithoutAnAward() {
		Map<String, Object> model = model();
		model.remove("awardId");
		assertThat(renderer.render("decision-signed", model).text()).doesNotContain("/api/awards/", "null");
	}

}
