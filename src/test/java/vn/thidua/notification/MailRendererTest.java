package vn.thidua.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Templates, header clean-up and back-off, without Spring. */
class MailRendererTest {

	private final MailRenderer renderer = new MailRenderer();

	@Test
	void shouldRenderVietnameseAssignmentWithEscapedValues() {
		Map<String, Object> model = new HashMap<>();
		model.put("recipientName", "Nguyễn Thị Ánh");
		model.put("taskName", "Xem xét đề nghị");
		model.put("subject", "A <b>đậm</b>\r\nBcc: x@evil.test");
		model.put("chapterName", "Chi hội Tổ dân phố số 1");
		model.put("dueDate", "05/12/2026");
		model.put("tasklistUrl", "http://localhost:8080/camunda/app/tasklist/default/#/?task=42");

		MailRenderer.RenderedMail mail = renderer.render("assignment", model);

		assertThat(mail.subject())
			.isEqualTo("[Thi đua] Việc cần làm: Xem xét đề nghị – A <b>đậm</b> Bcc: x@evil.test");
		assertThat(mail.html()).contains("A &lt;b&gt;đậm&lt;/b&gt;", "Hạn hoàn thành", "05/12/2026",
				"href=\"http://localhost:8080/camunda/app/tasklist/default/#/?task=42\"");
		assertThat(mail.text()).contains("Kính gửi đồng chí Nguyễn Thị Ánh,", "- Hạn hoàn thành: 05/12/2026");
	}

	@Test
	void shouldRenderTheDisclosureDigestWithEveryNominationEscaped() {
		Map<String, Object> model = new HashMap<>();
		model.put("recipientName", "Nguyễn Thị Ánh");
		model.put("wardCode", "bode");
		model.put("wardName", "Hội LHPN phường Bồ Đề");
		model.put("digestDate", "01/12/2026");
		model.put("count", "2");
		model.put("baseUrl", "http://localhost:8080");
		model.put("entries", List.of(
				Map.of("nomineeName", "Trần Thị <i>Mơ</i>", "awardName", "Giấy khen", "periodYear", 2026, "chapterName",
						"Chi hội Tổ dân phố số 1", "disclosureEnds", "15/12/2026"),
				Map.of("nomineeName", "Lê Thị Na", "awardName", "Lao động tiên tiến", "periodYear", 2026, "chapterName",
						"Chi hội Tổ dân phố số 2", "disclosureEnds", "16/12/2026")));

		MailRenderer.RenderedMail mail = renderer.render("disclosure-digest", model);

		assertThat(mail.subject())
			.isEqualTo("[Thi đua] Công khai 2 đề nghị khen thưởng – Hội LHPN phường Bồ Đề, ngày 01/12/2026");
		assertThat(mail.html()).contains("Kính gửi đồng chí", "Trần Thị &lt;i&gt;Mơ&lt;/i&gt;", "Lê Thị Na", "16/12/2026",
				"href=\"http://localhost:8080/cong-khai?phuong=bode\"");
		assertThat(mail.text()).contains("Kính gửi đồng chí Nguyễn Thị Ánh,",
				"- Trần Thị <i>Mơ</i> – Giấy khen năm 2026, Chi hội Tổ dân phố số 1; công khai đến hết ngày 15/12/2026",
				"- Lê Thị Na – Lao động tiên tiến năm 2026, Chi hội Tổ dân phố số 2; công khai đến hết ngày 16/12/2026",
				"http://localhost:8080/cong-khai?phuong=bode");
	}

	@Test
	void shouldLeaveOutMissingValues() {
		MailRenderer.RenderedMail mail = renderer.render("assignment",
				Map.of("recipientName", "Ánh", "taskName", "Phê duyệt", "tasklistUrl", "http://x/"));
		assertThat(mail.subject()).isEqualTo("[Thi đua] Việc cần làm: Phê duyệt");
		assertThat(mail.text()).doesNotContain("Chi hội:", "Hạn hoàn thành:", "null");
	}

	@Test
	void shouldRefuseTemplateNamesThatArePaths() {
		assertThatThrownBy(() -> renderer.render("../application", Map.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldPutHeaderValuesOnOneLine() {
		assertThat(MailRenderer.oneLine("a\r\nb\u2028c\td")).isEqualTo("a b c d");
		assertThat(MailRenderer.oneLine(null)).isEmpty();
	}

	@Test
	void shouldDoubleTheBackoffUpToTheMaximum() {
		NotificationProperties properties = new NotificationProperties(Duration.ofSeconds(5), 100, 6,
				Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofMinutes(5), "", Duration.ofDays(180));
		assertThat(properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(properties.backoffAfter(4)).isEqualTo(Duration.ofSeconds(240));
		assertThat(properties.backoffAfter(5)).isEqualTo(Duration.ofMinutes(5));
		assertThat(properties.backoffAfter(50)).isEqualTo(Duration.ofMinutes(5));
	}

}
