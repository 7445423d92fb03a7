package vn.thidua.pages;

import java.time.format.DateTimeFormatter;

/** How the pages write dates: 05/03/2026, 14:30 05/03/2026. */
final class Dates {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private Dates() {
	}

}
