package vn.thidua.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.thidua.identity.organisation.Organisation;
import vn.thidua.identity.organisation.Organisation.City;
import vn.thidua.identity.organisation.Organisation.Ward;

class TasklistBrandingTest {

	private static final City CITY = new City("hanoi", "Hội LHPN thành phố Hà Nội");

	@Test
	void shouldNameTheWardWhenTheFileHoldsOneWard() {
		Organisation organisation = new Organisation(CITY, List.of(ward("bode", "Hội LHPN phường Bồ Đề")), List.of());

		assertThat(TasklistBranding.of(organisation))
			.isEqualTo(new TasklistBranding("Thi đua", "Hội LHPN phường Bồ Đề"));
	}

	@Test
	void shouldNameTheCityWhenTheFileHoldsSeveralWards() {
		Organisation organisation = new Organisation(CITY,
				List.of(ward("bode", "Hội LHPN phường Bồ Đề"), ward("longbien", "Hội LHPN phường Long Biên")),
				List.of());

		assertThat(TasklistBranding.of(organisation).organisationName()).isEqualTo("Hội LHPN thành phố Hà Nội");
	}

	private static Ward ward(String code, String name) {
		return new Ward(code, name, null, List.of(), null, List.of());
	}

}
