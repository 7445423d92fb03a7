package vn.thidua.document;

import java.time.LocalDate;
import java.time.LocalDateTime;

import vn.thidua.web.Messages;

/**
 * Dates as Vietnamese administrative documents write them (Decree 30/2020/NĐ-CP, Annex I): a day
 * below 10 and the months 1 and 2 with a leading zero, e.g. «ngày 05 tháng 12 năm 2026»,
 * «ngày 15 tháng 02 năm 2026», «ngày 20 tháng 7 năm 2026».
 */
final class VietnameseDates {

	private VietnameseDates() {
	}

	/** «ngày 05 tháng 12 năm 2026». */
	static String longDate(LocalDate date) {
		int day = date.getDayOfMonth();
		int month = date.getMonthValue();
		return Messages.get("document.date.long", day < 10 ? "0" + day : String.valueOf(day),
				month < 3 ? "0" + month : String.valueOf(month), String.valueOf(date.getYear()));
	}

	/** «Bồ Đề, ngày 05 tháng 12 năm 2026». */
	static String placeAndDate(String place, LocalDate date) {
		return place + ", " + longDate(date);
	}

	/** "05/12/2026". */
	static String shortDate(LocalDate date) {
		return String.format("%02d/%02d/%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
	}

	/** «14 giờ 30 phút, ngày 05 tháng 12 năm 2026». */
	static String timeAndDate(LocalDateTime at) {
		return Messages.get("document.date.time", String.format("%02d", at.getHour()),
				String.format("%02d", at.getMinute()), longDate(at.toLocalDate()));
	}

}
