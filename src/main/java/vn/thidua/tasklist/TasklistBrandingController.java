package vn.thidua.tasklist;

import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.organisation.OrganisationDirectory;

/**
 * Serves the product and organisation name to the Camunda web apps' {@code scripts/config.js}
 * (our override in {@code META-INF/resources/webjars/camunda/app/*}), which puts them into the
 * header and the page title. Public: the login page shows them before anyone has logged in, and
 * the organisation name is no secret.
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
