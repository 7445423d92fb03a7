package vn.thidua.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.CompositeHistoryEventHandler;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.thidua.support.IntegrationTest;

/**
 * The record-keeping settings are in force in the running engine: each process's history time to
 * live (README "Operations"), the removal-time based cleanup scheduled in the nightly window, and
 * the secret-ballot filter in front of the history (what it keeps out is shown end to end by
 * {@code NominationIntegrationTest}).
 */
@IntegrationTest
class HistoryCleanupIntegrationTest {

	/** Days of history kept after an instance ends, per process. */
	static final Map<String, Integer> TIME_TO_LIVE = Map.of("CommendationNomination", 7300, "PlanRollout", 3650,
			"ChapterRollout", 3650, "ChapterPartyCellReport", 1825);

	@Autowired
	ProcessEngine engine;

	@Autowired
	RepositoryService repository;

	@Autowired
	HistoryService history;

	@Test
	void shouldKeepEachProcessHistoryForItsTimeToLive() {
		List<ProcessDefinition> latest = repository.createProcessDefinitionQuery().latestVersion().list();
		assertThat(latest).extracting(ProcessDefinition::getKey).containsAll(TIME_TO_LIVE.keySet());
		for (ProcessDefinition definition : latest) {
			if (TIME_TO_LIVE.containsKey(definition.getKey())) {
				assertThat(definition.getHistoryTimeToLive()).as(definition.getKey())
					.isEqualTo(TIME_TO_LIVE.get(definition.getKey()));
			}
		}
	}

	@Test
	void shouldScheduleCleanupInTheNightlyWindow() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
		assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
		assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
		assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
		assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
		assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();

		List<Job> jobs = history.findHistoryCleanupJobs();
		assertThat(jobs).as("the engine schedules the cleanup job at start-up").isNotEmpty();
		for (Job job : jobs) {
			LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
			assertThat(due).as("cleanup job due %s", job.getDuedate())
				.isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
		}
	}

	@Test
	void shouldKeepBallotsOutOfHistory() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
		Object handler = configuration.getHistoryEventHandler();
		assertThat(handler).isNotInstanceOf(CompositeHistoryEventHandler.class);
		assertThat(handler.getClass().getName()).as("the history event handler in front of the history")
			.isEqualTo("vn.thidua.nomination.SecretBallotHistoryPlugin$Filter");
	}

}
