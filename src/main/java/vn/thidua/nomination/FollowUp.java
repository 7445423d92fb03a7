package vn.thidua.nomination;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.nomination.CouncilVoteRepository.Tally;
import vn.thidua.nomination.CouncilVoteRepository.VotedRound;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.security.ApplicationAccess;
import vn.thidua.web.Messages;

/**
 * What {@code /ho-so-cua-toi} shows: the nominations a person started or may follow (a chapter head
 * her chapters', the board and the chair their ward's), each with its open step, who holds it, its due
 * date, the board's reason, the disclosure window and the tallies of closed council rounds; and the
 * council rounds she voted in with their results. Access is decided here first; the engine is then
 * read as the application. No ballot is ever read: only the tallies of closed rounds.
 */
@Service
class FollowUp {

	static final int MAX_NOMINATIONS = 200;

	private final NominationRepository nominations;

	private final CouncilVoteRepository votes;

	private final AwardRegister register;

	private final AwardCatalogue catalogue;

	private final OrganisationDirectory directory;

	private final TaskService taskService;

	private final ManagementService managementService;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final RuntimeService runtimeService;

	FollowUp(NominationRepository nominations, CouncilVoteRepository votes, AwardRegister register,
			AwardCatalogue catalogue, OrganisationDirectory directory, TaskService taskService,
			ManagementService managementService, HistoryService historyService, IdentityService identityService,
			RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
		this.nominations = nominations;
		this.votes = votes;
		this.register = register;
		this.catalogue = catalogue;
		this.directory = directory;
		this.taskService = taskService;
		this.managementService = managementService;
		this.historyService = historyService;
		this.identityService = identityService;
	}

	/** An open step: its name, who holds it, its due date. */
	record Step(String name, String holder, LocalDateTime due) {
	}

	record Followed(String processInstanceId, String nomineeName, String chapterName, String awardName, int periodYear,
			String statusLabel, LocalDateTime createdAt, boolean mine, List<Step> steps, String boardReason,
			LocalDateTime disclosureEnds, List<Tally> tallies, String decision) {
	}

	record VotedIn(String processInstanceId, String nomineeName, String chapterName, String awardName, int periodYear,
			int round, Tally tally) {
	}

	/** The nominations {@code login} may follow, newest first. */
	List<Followed> followed(String login, List<String> groups) {
		Set<String> wards = new LinkedHashSet<>();
		for (Ward w : directory.wards()) {
			if (groups.contains(GroupIds.board(w.code())) || groups.contains(GroupIds.chair(w.code()))) {
				wards.add(w.code());
			}
		}
		Set<String> chapters = new LinkedHashSet<>();
		directory.chaptersHeadedBy(login)
			.stream()
			.filter(c -> groups.contains(c.groupId()))
			.forEach(c -> chapters.add(c.groupId()));
		List<NominationRepository.Summary> rows = nominations.summaries(wards, chapters, login);
		if (rows.size() > MAX_NOMINATIONS) {
			rows = rows.subList(0, MAX_NOMINATIONS);
		}
		List<NominationRepository.Summary> visible = rows;
		return ApplicationAccess.read(identityService, () -> describe(login, visible));
	}

	private List<Followed> describe(String login, List<NominationRepository.Summary> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		String[] pids = rows.stream().map(NominationRepository.Summary::processInstanceId).toArray(String[]::new);
		Map<String, List<Task>> tasks = new HashMap<>();
		for (Task t : taskService.createTaskQuery().processInstanceIdIn(pids).initializeFormKeys().list()) {
			tasks.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(t);
		}
		// a nomination waiting for the council's session or the chair's batch signature has no task of its own
		Set<String> pidSet = Set.of(pids);
		Map<String, Step> waiting = new HashMap<>();
		for (Map.Entry<String, String[]> wait : Map.of(NominationVariables.RECEIVE_AWAIT_COUNCIL,
				new String[] { "nomination.follow-up.awaiting-council", "nomination.follow-up.council" },
				NominationVariables.RECEIVE_AWAIT_DECISION,
				new String[] { "nomination.follow-up.awaiting-decision", "nomination.follow-up.chair" },
				NominationVariables.RECEIVE_AWAIT_REQUEST_LETTER,
				new String[] { "nomination.follow-up.awaiting-letter", "nomination.follow-up.chair" }).entrySet()) {
			runtimeService.createExecutionQuery()
				.processDefinitionKey(NominationVariables.PROCESS_KEY)
				.activityId(wait.getKey())
				.list()
				.stream()
				.filter(e -> pidSet.contains(e.getProcessInstanceId()))
				.forEach(e -> waiting.put(e.getProcessInstanceId(),
						new Step(Messages.get(wait.getValue()[0]), Messages.get(wait.getValue()[1]), null)));
		}
		Map<String, Date> disclosureEnds = new HashMap<>();
		for (Job job : managementService.createJobQuery().timers().activityId(NominationVariables.DISCLOSURE_TIMER).list()) {
			disclosureEnds.put(job.getProcessInstanceId(), job.getDuedate());
		}
		Map<String, String> reasons = new HashMap<>();
		for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(pids)
			.variableName(NominationVariables.BOARD_REASON.name())
			.list()) {
			if (v.getValue() != null && !v.getValue().toString().isBlank()) {
				reasons.put(v.getProcessInstanceId(), v.getValue().toString());
			}
		}
		Set<String> wardsOfRows = new LinkedHashSet<>();
		rows.forEach(n -> wardsOfRows.add(n.wardCode()));
		Map<String, String> decisions = new HashMap<>();
		register.list(wardsOfRows, Set.of(), null, null)
			.stream()
			.filter(a -> pidSet.contains(a.processInstanceId()))
			.forEach(a -> decisions.put(a.processInstanceId(), decision(a)));
		Map<String, String> groupNames = new HashMap<>();
		List<Followed> out = new ArrayList<>();
		for (NominationRepository.Summary n : rows) {
			String pid = n.processInstanceId();
			List<Step> steps = new ArrayList<>(steps(tasks.getOrDefault(pid, List.of()), groupNames));
			if (waiting.containsKey(pid)) {
				steps.add(waiting.get(pid));
			}
			String decision = decisions.get(pid);
			out.add(new Followed(pid, n.nomineeName(), chapterName(n.chapterGroup()), awardName(n.awardCode()),
					n.periodYear(), NominationHistory.statusLabel(n.status()), n.createdAt(), login.equals(n.nominatedBy()),
					steps, reasons.get(pid), time(disclosureEnds.get(pid)), votes.tallies(pid), decision));
		}
		return out;
	}

	private List<Step> steps(List<Task> tasks, Map<String, String> groupNames) {
		List<Step> steps = new ArrayList<>();
		List<Task> ballots = tasks.stream()
			.filter(t -> NominationVariables.TASK_COUNCIL_VOTE.equals(t.getTaskDefinitionKey()))
			.toList();
		for (Task t : tasks) {
			if (ballots.contains(t)) {
				continue;
			}
			steps.add(new Step(t.getName(), holder(t, groupNames), time(t.getDueDate())));
		}
		if (!ballots.isEmpty()) {
			// one line for the secret ballot: who still has to vote is not shown
			steps.add(new Step(ballots.get(0).getName(), Messages.get("nomination.follow-up.ballots-open",
					ballots.size()), time(ballots.get(0).getDueDate())));
		}
		return steps;
	}

	private String holder(Task t, Map<String, String> groupNames) {
		if (t.getAssignee() != null) {
			return personName(t.getAssignee());
		}
		List<String> names = new ArrayList<>();
		for (IdentityLink link : taskService.getIdentityLinksForTask(t.getId())) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getGroupId() != null) {
				names.add(groupNames.computeIfAbsent(link.getGroupId(), id -> Optional
					.ofNullable(identityService.createGroupQuery().groupId(id).singleResult())
					.map(Group::getName)
					.orElse(id)));
			}
			else if (link.getUserId() != null) {
				names.add(personName(link.getUserId()));
			}
		}
		return names.isEmpty() ? Messages.get("nomination.follow-up.nobody")
				: Messages.get("nomination.follow-up.not-taken", String.join(", ", names));
	}

	/** The closed rounds {@code login} voted in, with their tallies. */
	List<VotedIn> votedIn(String login) {
		List<VotedIn> out = new ArrayList<>();
		Map<String, NominationRepository.Summary> byPid = new LinkedHashMap<>();
		List<VotedRound> rounds = votes.roundsVotedBy(login);
		Set<String> pids = new LinkedHashSet<>();
		rounds.forEach(r -> pids.add(r.processInstanceId()));
		nominations.summaries(pids).forEach(s -> byPid.put(s.processInstanceId(), s));
		for (VotedRound r : rounds) {
			NominationRepository.Summary n = byPid.get(r.processInstanceId());
			Tally tally = votes.tallies(r.processInstanceId())
				.stream()
				.filter(t -> t.round() == r.round())
				.findFirst()
				.orElse(null);
			if (n == null) {
				continue;
			}
			out.add(new VotedIn(n.processInstanceId(), n.nomineeName(), chapterName(n.chapterGroup()),
					awardName(n.awardCode()), n.periodYear(), r.round(), tally));
		}
		return out;
	}

	private String personName(String login) {
		return directory.person(login).map(FollowUp::fullName).orElse(login);
	}

	static String fullName(Person p) {
		String name = ((p.firstName() == null ? "" : p.firstName()) + " " + (p.lastName() == null ? "" : p.lastName()))
			.strip();
		return name.isEmpty() ? p.id() : name;
	}

	private String chapterName(String group) {
		return directory.chapterByGroup(group).map(c -> c.chapter().name()).orElse(group);
	}

	private String awardName(String code) {
		return catalogue.find(code).map(Award::name).orElse(code);
	}

	private static String decision(AwardEntry a) {
		if (a.decisionNumber() == null) {
			return Messages.get("nomination.follow-up.recommended", a.issuerName());
		}
		return a.decisionDate() == null ? Messages.get("nomination.follow-up.decision", a.decisionNumber())
				: Messages.get("nomination.follow-up.decision-dated", a.decisionNumber(),
						a.decisionDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
	}

	private static LocalDateTime time(Date date) {
		return date == null ? null : LocalDateTime.ofInstant(date.toInstant(), ZoneId.systemDefault());
	}

}
