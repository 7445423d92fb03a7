package vn.thidua.standin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.standin.StandInRepository.Act;
import vn.thidua.standin.StandInRepository.Link;
import vn.thidua.standin.StandInRepository.Named;
import vn.thidua.standin.StandInRules.Period;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * Stand-ins (issue 19): naming and cancelling periods, which of them are in force, the person's mails
 * a stand-in also gets, and what a stand-in did. Engine-free: the candidate links on tasks are
 * {@link StandInEnginePlugin}'s, which this service calls with plain values.
 */
@Service
public class StandInService {

	/** Task definition keys a stand-in never gets: the council's ballots (the old and the new process). */
	static final String EXCLUDED_TASK_KEYS = "${thidua.standin.excluded-task-keys:Task_CouncilVote,Task_CastBallot}";

	private static final Logger LOG = LoggerFactory.getLogger(StandInService.class);

	private final StandInRepository repository;

	private final OrganisationDirectory directory;

	private final StandInEnginePlugin engine;

	private final Clock clock;

	private final Set<String> excludedTaskKeys;

	StandInService(StandInRepository repository, OrganisationDirectory directory, StandInEnginePlugin engine, Clock clock,
			@Value(EXCLUDED_TASK_KEYS) String excludedTaskKeys) {
		this.repository = repository;
		this.directory = directory;
		this.engine = engine;
		this.clock = clock;
		this.excludedTaskKeys = keys(excludedTaskKeys);
	}

	static Set<String> keys(String commaSeparated) {
		return Arrays.stream(commaSeparated.split(","))
			.map(String::trim)
			.filter(k -> !k.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	LocalDateTime localTime(Instant instant) {
		return LocalDateTime.ofInstant(instant, clock.getZone());
	}

	LocalDate today() {
		return StandInRules.today(clock);
	}

	/** Whether a task of this definition may reach a stand-in (a ballot never does). */
	boolean admits(String taskDefinitionKey) {
		return taskDefinitionKey == null || !excludedTaskKeys.contains(taskDefinitionKey);
	}

	/** The people the person may name (same body), in the organisation's order. */
	Set<String> allowedFor(String person) {
		return StandInRules.allowedFor(person, StandInRules.bodies(directory.organisation()));
	}

	/**
	 * Names a stand-in for the person: checks the rule (400 naming the field), records the period
	 * and, when it starts today, offers her the person's open tasks at once.
	 *
	 * @return the period's id
	 */
	@Transactional
	public long name(String person, String standIn, LocalDate from, LocalDate to) {
		LocalDate today = today();
		List<Period> existing = repository.periodsOfLocked(person);
		StandInRules.check(person, standIn, from, to, today, StandInRules.bodies(directory.organisation()), existing);
		Instant now = clock.instant();
		long id = repository.insert(person, standIn, from, to, person, now);
		Period period = new Period(id, person, standIn, from, to, false);
		if (period.activeOn(today)) {
			int linked = engine.linkOpenTasks(period);
			LOG.info("Stand-in {} for {} from {} to {}: {} open tasks offered", standIn, person, from, to, linked);
		}
		else {
			LOG.info("Stand-in {} for {} from {} to {} named", standIn, person, from, to);
		}
		return id;
	}

	/** Cancels one of the person's periods; the stand-in loses the person's tasks at once. */
	@Transactional
	public void cancel(String person, long id) {
		Optional<Period> period = repository.period(id).filter(p -> p.person().equals(person));
		if (period.isEmpty()) {
			throw Refusal.notFound(Messages.get("standin.refused.not-found"));
		}
		if (period.get().to().isBefore(today()) || !repository.cancel(id, person, person, clock.instant())) {
			throw Refusal.conflict(Messages.get("standin.refused.not-open"));
		}
		for (Link link : repository.linksOf(id)) {
			unlink(link);
		}
		LOG.info("Stand-in {} for {} cancelled by {}", period.get().standIn(), person, person);
	}

	/**
	 * Brings the links in line with today's periods: the person's open tasks offered to each stand-in
	 * in force, those of periods that ended or were cancelled taken away. Safe on several nodes: the
	 * periods in force are locked, and a link is taken away by the node that deleted its row.
	 */
	@Transactional
	public void sweep() {
		LocalDate today = today();
		int added = 0;
		for (Period period : repository.activeOnLocked(today)) {
			added += engine.linkOpenTasks(period);
		}
		int removed = 0;
		for (Link link : repository.staleLinks(today)) {
			if (unlink(link)) {
				removed++;
			}
		}
		if (added + removed > 0) {
			LOG.info("Stand-in sweep: {} links added, {} removed", added, removed);
		}
	}

	private boolean unlink(Link link) {
		if (!repository.deleteLink(link.standInId(), link.taskId())) {
			return false;
		}
		boolean stillOffered = repository.linksOfTask(link.taskId())
			.stream()
			.anyMatch(other -> other.standIn().equals(link.standIn()));
		if (!stillOffered) {
			engine.unlink(link.taskId(), link.standIn());
		}
		return true;
	}

	/** The periods in force today (for a task being created). */
	List<Period> activeToday() {
		return repository.activeOn(today());
	}

	/** Records that the stand-in now holds a link on the task; false when she had it. */
	boolean linked(long periodId, String taskId) {
		return repository.addLink(periodId, taskId, clock.instant());
	}

	/** The period through which this login holds the task for someone, if any. */
	Optional<Link> heldFor(String taskId, String login) {
		return repository.linksOfTask(taskId).stream().filter(l -> l.standIn().equals(login)).findFirst();
	}

	/** Records "X thay Y" for a task the stand-in completed; returns the sentence for the task's comments. */
	String recordAct(Link link, String taskId, String taskName, String taskKey, String processInstanceId) {
		repository.insertAct(new Act(link.standInId(), link.person(), link.standIn(), taskId, taskName, taskKey,
				processInstanceId, clock.instant()));
		return Messages.get("standin.history.comment", link.standIn(), link.person(), fullName(link.standIn()),
				fullName(link.person()));
	}

	/** A task ended (completed or deleted): its links go. */
	void taskEnded(String taskId) {
		repository.deleteLinksOfTask(taskId);
	}

	/**
	 * Who else gets a mail of a task sent to these people: their stand-ins in force today, unless the
	 * task is a ballot. The person away still gets her copy.
	 */
	public Set<String> standInsForMail(Collection<String> users, String taskDefinitionKey) {
		if (users.isEmpty() || !admits(taskDefinitionKey)) {
			return Set.of();
		}
		Set<String> standIns = new LinkedHashSet<>();
		for (Period p : activeToday()) {
			if (users.contains(p.person())) {
				standIns.add(p.standIn());
			}
		}
		standIns.removeAll(users);
		return standIns;
	}

	/** The periods the person named, newest first. */
	List<Named> namedBy(String person) {
		return repository.namedBy(person);
	}

	/** The periods in which the person stands in for someone, newest first. */
	List<Named> standingInFor(String person) {
		return repository.standingInFor(person);
	}

	/** What stand-ins did for the person, or she did as one, newest first. */
	List<Act> actsConcerning(String person) {
		return repository.actsConcerning(person, 50);
	}

	/** "X thay Y" on one process instance, oldest first: the instance's history of stand-ins. */
	public List<String> historyOf(String processInstanceId) {
		return repository.actsOfInstance(processInstanceId)
			.stream()
			.map(a -> Messages.get("standin.history.line", a.standIn(), a.person(),
					a.taskName() == null ? a.taskKey() : a.taskName()))
			.toList();
	}

	String fullName(String login) {
		return directory.person(login).map(p -> p.fullName().strip()).filter(n -> !n.isEmpty()).orElse(login);
	}

}
