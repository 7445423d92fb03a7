package vn.thidua.identity.organisation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationStore.Change;
import vn.thidua.identity.organisation.OrganisationStore.Stored;
import vn.thidua.process.ProcessVariables;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * Changes of the stored organisation, applied at once: the new version is stored with its audit in
 * one transaction (the stored row locked, so two changes run one after the other, also across nodes),
 * then this node serves it and re-runs {@link OrganisationSync} (users, groups, memberships,
 * authorizations); other nodes follow within seconds ({@link #follow}, polling the version). When a
 * chapter's head or a Party cell's secretary is replaced, the tasks the old one holds for that
 * chapter go to the new one; a person removed gives back every task she held.
 */
@Service
public class OrganisationChanges {

	private static final Logger LOG = LoggerFactory.getLogger(OrganisationChanges.class);

	/** Who the first import and the file are recorded as. */
	static final String SYSTEM = "he-thong";

	private final OrganisationStore store;

	private final OrganisationDirectory directory;

	private final OrganisationSync sync;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	private final IdentityService identityService;

	private final TransactionTemplate transaction;

	private final Clock clock;

	OrganisationChanges(OrganisationStore store, OrganisationDirectory directory, OrganisationSync sync,
			TaskService taskService, AuthorizationService authorizationService, IdentityService identityService,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.identityService = identityService;
		this.store = store;
		this.directory = directory;
		this.sync = sync;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** A change: the organisation after it and the parts it touched (for the audit). */
	public record Outcome(Organisation organisation, List<Change> changes) {
	}

	/** Computes a change from the current organisation; refuses (throws {@link Refusal}) a wrong one. */
	@FunctionalInterface
	public interface Edit {

		Outcome apply(Organisation current);

	}

	/**
	 * The stored organisation, the organisation file stored first when nothing is (the first start of
	 * an installation), served by this node. Called once at start-up, before the first sync.
	 */
	void loadOrImport() {
		Organisation file = directory.organisation();
		Stored stored = transaction.execute(status -> {
			Instant now = clock.instant();
			if (store.insertFirst(file, SYSTEM, now)) {
				store.audit(1, SYSTEM, now, new Change(null, Messages.get("orgadmin.audit.subject.organisation"),
						Messages.get("orgadmin.audit.first-import"), null, null));
				LOG.info("Organisation imported from the organisation file into the database (first start)");
			}
			return store.load().orElseThrow();
		});
		directory.replace(stored.organisation(), stored.version());
	}

	/** Another node's change reaches this one: serve the stored version and re-run the sync. */
	@Scheduled(fixedDelayString = "${thidua.organisation.poll-interval:PT3S}", initialDelayString = "PT5S")
	void follow() {
		if (directory.version() == 0) {
			return;
		}
		try {
			if (store.version() != directory.version()) {
				synchronized (this) {
					Optional<Stored> stored = store.load();
					if (stored.isPresent() && stored.get().version() != directory.version()) {
						directory.replace(stored.get().organisation(), stored.get().version());
						sync.synchronise();
						LOG.info("Organisation version {} taken over from the database", stored.get().version());
					}
				}
			}
		}
		catch (RuntimeException ex) {
			LOG.warn("Organisation version check failed ({}); next try in a few seconds", ex.getMessage());
		}
	}

	/**
	 * Applies a change made by {@code actor}: nothing is written when the edit refuses or the result is
	 * not a valid organisation (400 with the first problem).
	 * @return the organisation now served
	 */
	public synchronized Organisation apply(String actor, Edit edit) {
		Organisation[] before = new Organisation[1];
		Stored after = transaction.execute(status -> {
			Stored current = store.lock().orElseThrow();
			Outcome outcome = edit.apply(current.organisation());
			List<String> problems = OrganisationDirectory.problems(outcome.organisation());
			if (!problems.isEmpty()) {
				throw Refusal.badRequest(null, Messages.get("orgadmin.refused.invalid", problems.get(0)));
			}
			long version = current.version() + 1;
			Instant now = clock.instant();
			store.update(outcome.organisation(), version, actor, now);
			for (Change change : outcome.changes()) {
				store.audit(version, actor, now, change);
			}
			before[0] = current.organisation();
			return new Stored(outcome.organisation(), version);
		});
		directory.replace(after.organisation(), after.version());
		sync.synchronise();
		handOver(before[0], after.organisation());
		LOG.info("Organisation version {} stored by {}", after.version(), actor);
		return after.organisation();
	}

	/** The latest changes, newest first; of the given wards only unless null. */
	public List<OrganisationStore.AuditEntry> audit(List<String> wards, int limit) {
		return store.audit(wards, limit);
	}

	/**
	 * The chapter's tasks follow the chapter: those the old head (or secretary) holds for it go to
	 * the new one; a person no longer in the organisation gives back every task she held (they stay
	 * offered to their groups). The old holder's own grants on those tasks are taken away.
	 */
	void handOver(Organisation before, Organisation after) {
		for (Ward w : after.wards()) {
			Optional<Ward> old = before.wards().stream().filter(o -> o.code().equals(w.code())).findFirst();
			if (old.isEmpty()) {
				continue;
			}
			for (Chapter c : w.chapters()) {
				Optional<Chapter> was = old.get().chapters().stream().filter(o -> o.code().equals(c.code())).findFirst();
				if (was.isEmpty()) {
					continue;
				}
				if (!Objects.equals(was.get().head(), c.head())) {
					handOver(GroupIds.chapter(w.code(), c.code()), was.get().head(), c.head());
				}
				if (was.get().partyCell() != null && c.partyCell() != null
						&& !Objects.equals(was.get().partyCell().secretary(), c.partyCell().secretary())) {
					handOver(GroupIds.partyCell(w.code(), c.code()), was.get().partyCell().secretary(),
							c.partyCell().secretary());
				}
			}
		}
		Set<String> remaining = new HashSet<>();
		after.people().forEach(p -> remaining.add(p.id()));
		for (var person : before.people()) {
			if (!remaining.contains(person.id())) {
				for (Task task : taskService.createTaskQuery().taskAssignee(person.id()).list()) {
					taskService.setAssignee(task.getId(), null);
				}
				for (Authorization a : authorizationService.createAuthorizationQuery().userIdIn(person.id()).list()) {
					authorizationService.deleteAuthorization(a.getId());
				}
				// the sync removes only members of the organisation's groups; she may have held none
				if (identityService.createUserQuery().userId(person.id()).count() > 0) {
					identityService.deleteUser(person.id());
				}
				LOG.info("{} removed from the organisation: her tasks are given back to their groups", person.id());
			}
		}
	}

	private void handOver(String group, String from, String to) {
		List<String> moved = new ArrayList<>();
		for (Task task : taskService.createTaskQuery().taskAssignee(from).list()) {
			boolean offeredToGroup = taskService.getIdentityLinksForTask(task.getId())
				.stream()
				.map(IdentityLink::getGroupId)
				.anyMatch(group::equals);
			Object chapterGroup = offeredToGroup ? null
					: taskService.getVariable(task.getId(), ProcessVariables.CHAPTER_GROUP.name());
			if (offeredToGroup || group.equals(chapterGroup)) {
				taskService.setAssignee(task.getId(), to);
				for (Authorization a : authorizationService.createAuthorizationQuery()
					.userIdIn(from)
					.resourceType(Resources.TASK)
					.resourceId(task.getId())
					.list()) {
					authorizationService.deleteAuthorization(a.getId());
				}
				moved.add(task.getId());
			}
		}
		LOG.info("Group {}: {} task(s) handed from {} to {}", group, moved.size(), from, to);
	}

}
