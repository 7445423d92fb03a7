package vn.thidua.standin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few minutes on every node: offers the open tasks of the people away to their stand-ins when a
 * period begins, and takes the offers back when it ends ({@link StandInService#sweep}, safe on
 * several nodes at once). A task created during a period is offered at once by {@link StandInEnginePlugin}.
 */
@Component
class StandInSweep {

	private static final Logger LOG = LoggerFactory.getLogger(StandInSweep.class);

	private final StandInService service;

	StandInSweep(StandInService service) {
		this.service = service;
	}

	@Scheduled(fixedDelayString = "${thidua.standin.sweep-interval:PT10M}", initialDelayString = "PT30S")
	void sweep() {
		try {
			service.sweep();
		}
		catch (RuntimeException ex) {
			LOG.warn("Stand-in sweep failed, retried at the next run: {}", ex.toString());
		}
	}

}
