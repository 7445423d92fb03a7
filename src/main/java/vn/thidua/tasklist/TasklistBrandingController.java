package vn.thidua.tasklist;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.identity.organisation.OrganisationDirectory;

/**
 * Serves the product and organisation name to {@code assets/thidua/thidua-config.js}, which our
 * overrides of Tasklist's and Welcome's {@code scripts/config.js} import to put them into the
 * header, the login page and the page title. The JSON lies beside that script (it fetches
 * {@code branding.json} relative to itself); this mapping wins over the starter's static resource
 * handler. Public: the login page shows the name before anyone has logged in, and it is no secret.
 */
@RestController
class TasklistBrandingController {

	private final TasklistBranding branding;

	TasklistBrandingController(OrganisationDirectory directory) {
		this.branding = TasklistBranding.of(directory.organisation());
	}

	@GetMapping(path = "${camunda.bpm.webapp.application-path:/camunda}/assets/thidua/branding.json",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TasklistBranding> branding() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(10))).body(branding);
	}

}
