package vn.thidua.document;

import java.util.List;

import vn.thidua.document.Documents.Awardee;
import vn.thidua.document.Documents.Certificate;
import vn.thidua.document.Documents.Decision;
import vn.thidua.document.Documents.Letterhead;
import vn.thidua.document.Documents.Member;
import vn.thidua.document.Documents.Minutes;
import vn.thidua.document.Documents.RequestLetter;
import vn.thidua.document.Documents.Revocation;
import vn.thidua.document.Documents.Signature;

/** Documents with the demo ward's words, as the tests render them without a database. */
final class DocumentSamples {

	static final String UNSIGNED = "Bản điện tử chưa ký số";

	static final List<String> BASES = List.of("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
			"Căn cứ Điều lệ Hội Liên hiệp Phụ nữ Việt Nam;",
			"Xét đề nghị của Hội đồng Thi đua – Khen thưởng Hội LHPN phường Bồ Đề.");

	static final List<String> RECIPIENTS = List.of("- Như Điều 3;", "- Hội LHPN thành phố Hà Nội (để báo cáo);",
			"- Lưu: VT.");

	private DocumentSamples() {
	}

	static Letterhead head(String number) {
		return new Letterhead("HỘI LHPN THÀNH PHỐ HÀ NỘI", "HỘI LHPN PHƯỜNG BỒ ĐỀ", number,
				"Bồ Đề, ngày 05 tháng 12 năm 2026");
	}

	static Awardee tam() {
		return new Awardee("Bà", "Nguyễn Thị Thanh Tâm", "Chi hội Tổ dân phố số 1",
				"Giấy khen của Chủ tịch Hội LHPN phường");
	}

	static Decision decision(List<Awardee> awardees) {
		boolean several = awardees.size() > 1;
		String article1 = several
				? "Tặng Giấy khen của Chủ tịch Hội LHPN phường cho " + awardees.size()
						+ " cá nhân, tập thể có tên trong danh sách kèm theo, đã có thành tích xuất sắc trong công tác Hội và phong trào phụ nữ năm 2026."
				: "Tặng Giấy khen cho " + awardees.get(0).inText() + ", " + awardees.get(0).chapterName()
						+ ", đã có thành tích xuất sắc trong công tác Hội và phong trào phụ nữ năm 2026.";
		return new Decision(head("12/QĐ-HLHPN"), "Về việc khen thưởng năm 2026",
				"CHỦ TỊCH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BỒ ĐỀ", BASES, article1, awardees,
				List.of("Quyết định có hiệu lực kể từ ngày ký.",
						"Văn phòng Hội, các chi hội và các cá nhân, tập thể có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."),
				new Signature("CHỦ TỊCH", "Phạm Thị Hòa", RECIPIENTS),
				several ? "(Kèm theo Quyết định số 12/QĐ-HLHPN ngày 05 tháng 12 năm 2026 của Chủ tịch Hội LHPN phường Bồ Đề)"
						: null,
				UNSIGNED);
	}

	static Certificate certificate(String url) {
		return new Certificate("CHỦ TỊCH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BỒ ĐỀ", "TẶNG", "GIẤY KHEN", tam(),
				"Đã có thành tích xuất sắc trong công tác Hội và phong trào phụ nữ năm 2026",
				"Quyết định số 12/QĐ-HLHPN ngày 05/12/2026", "Bồ Đề, ngày 05 tháng 12 năm 2026", "CHỦ TỊCH",
				"Phạm Thị Hòa", url, UNSIGNED);
	}

	static Minutes minutes() {
		return new Minutes(
				new Letterhead("HỘI LHPN PHƯỜNG BỒ ĐỀ", "HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG", null,
						"Bồ Đề, ngày 05 tháng 12 năm 2026"),
				1, "14 giờ 30 phút, ngày 05 tháng 12 năm 2026",
				"Đề nghị tặng Giấy khen của Chủ tịch Hội LHPN phường cho bà Nguyễn Thị Thanh Tâm, Chi hội Tổ dân phố số 1, năm 2026.",
				List.of(new Member("Cao Thị Loan", "Chủ tịch Hội đồng", true), new Member("Mạc Thị Minh", "Ủy viên", true),
						new Member("Tạ Thị Nga", "Ủy viên", true), new Member("Kiều Thị Oanh", "Ủy viên", true),
						new Member("Lương Thị Phúc", "Ủy viên", false)),
				5, 4, 3, 1, 1,
				"Đủ số lượng khi ít nhất 66,67 % tổng số thành viên bỏ phiếu (ít nhất 4/5 thành viên).",
				"Được thông qua khi số phiếu tán thành vượt 50 % tổng số thành viên (ít nhất 3/5 phiếu).",
				"Đủ số lượng; được thông qua với 3/5 phiếu tán thành.", "CHỦ TỊCH HỘI ĐỒNG", "Cao Thị Loan", UNSIGNED);
	}

	static RequestLetter requestLetter() {
		Awardee a = new Awardee("Bà", "Trần Thị Ngọc Ánh", "Chi hội Tổ dân phố số 2", "Bằng khen của Hội LHPN thành phố");
		return new RequestLetter(head("7/TTr-HLHPN"), "Về việc đề nghị tặng Bằng khen của Hội LHPN thành phố",
				"Hội LHPN thành phố", BASES,
				"Hội LHPN phường Bồ Đề kính đề nghị Hội LHPN thành phố xem xét, tặng Bằng khen của Hội LHPN thành phố cho:",
				List.of(a), "Đã có thành tích xuất sắc trong công tác Hội và phong trào phụ nữ năm 2026",
				List.of("Báo cáo thành tích của bà Trần Thị Ngọc Ánh;",
						"Biên bản họp bình xét của Chi hội Tổ dân phố số 2;",
						"Biên bản kiểm phiếu của Hội đồng Thi đua – Khen thưởng, vòng 1, ngày 05 tháng 12 năm 2026 (4/5 phiếu tán thành)."),
				"Kính đề nghị Hội LHPN thành phố xem xét, quyết định./.",
				new Signature("CHỦ TỊCH", "Phạm Thị Hòa", List.of("- Như trên;", "- Lưu: VT.")), UNSIGNED);
	}

	static Revocation revocation() {
		return new Revocation(head("20/QĐ-HLHPN"), "Về việc thu hồi Giấy khen",
				"CHỦ TỊCH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BỒ ĐỀ", BASES,
				"Thu hồi Giấy khen của Chủ tịch Hội LHPN phường đã tặng bà Nguyễn Thị Thanh Tâm, Chi hội Tổ dân phố số 1, tại Quyết định số 12/QĐ-HLHPN ngày 05 tháng 12 năm 2026.",
				"Lý do: thành tích được khen không đúng sự thật.",
				List.of("Quyết định có hiệu lực kể từ ngày ký."),
				new Signature("CHỦ TỊCH", "Phạm Thị Hòa", RECIPIENTS), UNSIGNED);
	}

}
