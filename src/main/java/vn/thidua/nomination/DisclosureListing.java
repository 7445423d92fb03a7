package vn.thidua.nomination;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.Award;
import vn.thidua.calendar.WorkingDays;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.security.ApplicationAccess;
import vn.thidua.web.Messages;

/**
 * What is under public disclosure now: the CommendationNomination instances waiting at
 * Gateway_Disclosure (their subscription to Message_NominationObjection), with the end of the window
 * (the due date of TimerEvent_DisclosureEnded, in Vietnam's time). Read from the engine as the application: the public
 * page has no login, and what it shows is what the law asks to publish (name, chapter, award, a
 * summary of the achievement, the end of the window), nothing else.
 */
@Service
class DisclosureListing {

	static final int SUMMARY_MAX = 400;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final IdentityService identityService;

	private final NominationRepository nominations;

	private final OrganisationDirectory directory;

	private final AwardCatalogue catalogue;

	DisclosureListing(RuntimeService runtimeService, ManagementService managementService,
			IdentityService identityService, NominationRepository nominations, OrganisationDirectory directory,
			AwardCatalogue catalogue) {
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.identityService = identityService;
		this.nominations = nominations;
		this.directory = directory;
		this.catalogue = catalogue;
	}

	/** A disclosed nomination as the public page shows it. */
	record Disclosed(String processInstanceId, String wardCode, String wardName, String chapterName,
			String nomineeType, String nomineeName, String awardName, int periodYear, String achievementSummary,
			LocalDateTime windowEnds) {

		/** Whether the window closes at the end of its last day (a window in working days): the page then shows the day only. */
		public boolean endsWithTheDay() {
			return windowEnds.toLocalTime().equals(LocalTime.of(23, 59, 59));
		}

		public String nomineeTypeLabel() {
			return Messages.get("COLLECTIVE".equals(nomineeType) ? "nomination.nominee.collective" : "nomination.nominee.individual");
		}

	}

	/** Every nomination under disclosure now, of every ward, the window closing first at the top. */
	List<Disclosed> current() {
		return ApplicationAccess.read(identityService, this::read);
	}

	/** Whether this nomination is under disclosure now. */
	boolean disclosed(String processInstanceId) {
		return current().stream().anyMatch(d -> d.processInstanceId().equals(processInstanceId));
	}

	private List<Disclosed> read() {
		Set<String> waiting = runtimeService.createEventSubscriptionQuery()
			.eventType("message")
			.eventName(NominationVariables.MESSAGE_OBJECTION)
			.list()
			.stream()
			.map(EventSubscription::getProcessInstanceId)
			.collect(Collectors.toSet());
		if (waiting.isEmpty()) {
			return List.of();
		}
		Map<String, Date> ends = new HashMap<>();
		for (Job job : managementService.createJobQuery()
			.timers()
			.activityId(NominationVariables.DISCLOSURE_TIMER)
			.list()) {
			ends.put(job.getProcessInstanceId(), job.getDuedate());
		}
		Map<String, String> reports = new HashMap<>();
		for (VariableInstance v : runtimeService.createVariableInstanceQuery()
			.processInstanceIdIn(waiting.toArray(String[]::new))
			.variableName(NominationVariables.ACHIEVEMENT_REPORT.name())
			.list()) {
			if (v.getValue() != null && v.getProcessInstanceId() != null) {
				reports.put(v.getProcessInstanceId(), v.getValue().toString());
			}
		}
		LocalDateTime now = LocalDateTime.now(WorkingDays.VIETNAM);
		List<Disclosed> out = new ArrayList<>();
		for (NominationRepository.Summary n : nominations.summaries(waiting)) {
			Date end = ends.get(n.processInstanceId());
			LocalDateTime windowEnds = end == null ? null
					: LocalDateTime.ofInstant(end.toInstant(), WorkingDays.VIETNAM);
			if (windowEnds == null || !windowEnds.isAfter(now)) {
				continue; // the window has ended (its timer is due): no longer published
			}
			String wardName = directory.ward(n.wardCode()).map(w -> w.name()).orElse(n.wardCode());
			String chapterName = directory.chapterByGroup(n.chapterGroup())
				.map(c -> c.chapter().name())
				.orElse(n.chapterGroup());
			String awardName = catalogue.find(n.awardCode()).map(Award::name).orElse(n.awardCode());
			out.add(new Disclosed(n.processInstanceId(), n.wardCode(), wardName, chapterName, n.nomineeType(),
					n.nomineeName(), awardName, n.periodYear(), summary(reports.get(n.processInstanceId())),
					windowEnds));
		}
		out.sort(Comparator.comparing(Disclosed::windowEnds).thenComparing(Disclosed::nomineeName));
		return out;
	}

	static String summary(String report) {
		if (report == null) {
			return "";
		}
		String oneLine = report.strip().replaceAll("\\s+", " ");
		if (oneLine.length() <= SUMMARY_MAX) {
			return oneLine;
		}
		int cut = oneLine.lastIndexOf(' ', SUMMARY_MAX);
		return oneLine.substring(0, cut > SUMMARY_MAX / 2 ? cut : SUMMARY_MAX) + "…";
	}

}
