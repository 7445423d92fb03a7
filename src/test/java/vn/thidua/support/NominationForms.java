package vn.thidua.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** What Tasklist sends for a nomination's start form, for tests that drive the chain over REST. */
public final class NominationForms {

	private NominationForms() {
	}

	/** The start form's values for an individual of this year, with the review meeting and declaration. */
	public static Map<String, Object> nomination(String nominee, String award) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("nomineeType", "INDIVIDUAL");
		v.put("nomineeName", nominee);
		v.put("periodYear", LocalDate.now().getYear());
		v.put("awardCode", award);
		v.put("achievementReport", "Chủ nhiệm mô hình \"Phụ nữ tự tin khởi nghiệp\", giúp 12 hội viên vay vốn.");
		v.put("reviewMeetingDate", LocalDate.now().minusDays(5).toString());
		v.put("reviewMeetingAgreed", true);
		v.put("noDisciplineDeclared", true);
		return v;
	}

	/** {"variables": {name: {"value": v}}} as Tasklist sends it (numbers typed Long). */
	public static Map<String, Object> form(Map<String, Object> values) {
		Map<String, Object> variables = new LinkedHashMap<>();
		values.forEach((k, v) -> variables.put(k,
				v instanceof Integer ? Map.of("value", v, "type", "Long") : Map.of("value", v)));
		return Map.of("variables", variables);
	}

}
