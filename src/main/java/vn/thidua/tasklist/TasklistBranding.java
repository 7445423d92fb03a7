package vn.thidua.tasklist;

import java.util.List;

import vn.thidua.identity.organisation.Organisation;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.web.Messages;

/**
 * What the Camunda web apps show as product and organisation name: «Thi đua» and the ward union
 * of the organisation file (or the city union when the file holds several wards).
 *
 * @param appName the product name users know
 * @param organisationName the union whose work the application drives
 */
record TasklistBranding(String appName, String organisationName) {

	static final String APP_NAME = Messages.get("app.name");

	static TasklistBranding of(Organisation organisation) {
		List<Ward> wards = organisation.wards();
		String name;
		if (wards.size() == 1) {
			name = wards.get(0).name();
		}
		else {
			name = organisation.city() == null ? null : organisation.city().name();
		}
		return new TasklistBranding(APP_NAME, name == null ? "" : name.strip());
	}

}
