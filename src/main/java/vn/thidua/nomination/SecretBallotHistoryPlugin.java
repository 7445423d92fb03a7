package vn.thidua.nomination;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Secret ballot: Camunda's history (variable instances, variable updates, submitted form fields)
 * never records the {@code vote} and {@code voteComment} of a CommendationNomination instance (versions
 * before the council session) nor the {@code ballot} of a CouncilSession instance, so
 * not even an administrator with READ_HISTORY reads one member's vote through
 * {@code /history/variable-instance} or {@code /history/detail}. The vote table is the only record.
 */
@Component
class SecretBallotHistoryPlugin extends AbstractProcessEnginePlugin {

	static final Set<String> SECRET = Set.of(NominationVariables.VOTE.name(), NominationVariables.VOTE_COMMENT.name());

	/** The council session's ballot sheet, filled in on each member's task. */
	static final Set<String> SECRET_IN_SESSION = Set.of(CouncilSessionVariables.BALLOT.name());

	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setHistoryEventHandler(new Filter(configuration.getHistoryEventHandler()));
	}

	static boolean secret(HistoryEvent event) {
		Set<String> secret = NominationVariables.PROCESS_KEY.equals(event.getProcessDefinitionKey()) ? SECRET
				: CouncilSessionVariables.PROCESS_KEY.equals(event.getProcessDefinitionKey()) ? SECRET_IN_SESSION
				: Set.of();
		if (event instanceof HistoricVariableUpdateEventEntity update) {
			return secret.contains(update.getVariableName());
		}
		if (event instanceof HistoricFormPropertyEventEntity form) {
			return secret.contains(form.getPropertyId());
		}
		return false;
	}

	/** Passes every history event on to the engine's handler except the ballots. */
	static final class Filter implements HistoryEventHandler {

		private final HistoryEventHandler delegate;

		Filter(HistoryEventHandler delegate) {
			this.delegate = delegate;
		}

		@Override
		public void handleEvent(HistoryEvent event) {
			if (!secret(event)) {
				delegate.handleEvent(event);
			}
		}

		@Override
		public void handleEvents(List<HistoryEvent> events) {
			List<HistoryEvent> kept = events.stream().filter(e -> !secret(e)).toList();
			if (!kept.isEmpty()) {
				delegate.handleEvents(kept);
			}
		}

	}

}
