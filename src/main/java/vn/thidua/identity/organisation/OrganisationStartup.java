package vn.thidua.identity.organisation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Once the engine is up: loads the stored organisation (importing the organisation file on the
 * first start, {@link OrganisationChanges#loadOrImport}) and runs {@link OrganisationSync}. Two nodes starting together may race on the
 * same insert; the loser retries and then finds the work done.
 */
@Component
class OrganisationStartup {

	private static final Logger LOG = LoggerFactory.getLogger(OrganisationStartup.class);

	private final OrganisationSync sync;

	private final OrganisationChanges changes;

	OrganisationStartup(OrganisationSync sync, OrganisationChanges changes) {
		this.sync = sync;
		this.changes = changes;
	}

	@EventListener(ApplicationStartedEvent.class)
	void synchroniseOrganisation() {
		for (int attempt = 1;; attempt++) {
			try {
				changes.loadOrImport();
				sync.synchronise();
				return;
			}
			catch (RuntimeException ex) {
				if (attempt >= 3 || !(ex instanceof org.camunda.bpm.engine.ProcessEngineException
						|| ex instanceof DataAccessException)) {
					throw ex;
				}
				LOG.warn("Organisation sync attempt {} failed ({}); retrying", attempt, ex.getMessage());
			}
		}
	}

}
