package vn.thidua.dossier;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import vn.thidua.award.AwardCatalogue.DossierKind;
import vn.thidua.nomination.NominationLookup;
import vn.thidua.nomination.NominationLookup.Facts;
import vn.thidua.identity.organisation.GroupIds;

/**
 * Who may read and add to a nomination's dossier, from the domain facts (the nomination's ward and
 * chapter in {@code thidua_nomination}, the caller's groups, the nomination's open step), never from
 * a URL pattern:
 * <ul>
 * <li>read: the board, the council and the chair of the nomination's ward, and the members of its
 * chapter's group;</li>
 * <li>add or replace a chapter's kind: the person who holds its open step of preparing or revising
 * ({@code Task_CompleteDossier}, {@code Task_ReviseNomination}), i.e. its assignee, or a candidate
 * while it is unassigned;</li>
 * <li>add a board kind (the board's minutes): a board member of the ward while the nomination runs.</li>
 * </ul>
 */
@Component
class DossierAccess {

	private final TaskService taskService;

	private final NominationLookup lookup;

	DossierAccess(TaskService taskService, NominationLookup lookup) {
		this.taskService = taskService;
		this.lookup = lookup;
	}

	/**
	 * The ward's board, council and chair and the nominating chapter; and the board, council and
	 * chair of the city reviewing the recommendation (issue 19), who read and never add.
	 */
	boolean mayRead(Facts nomination, String user, List<String> groups) {
		String ward = nomination.wardCode();
		if (groups.contains(GroupIds.board(ward)) || groups.contains(GroupIds.council(ward))
				|| groups.contains(GroupIds.chair(ward)) || groups.contains(nomination.chapterGroup())) {
			return true;
		}
		return lookup.reviewingCity(nomination.processInstanceId())
			.map(city -> groups.contains(GroupIds.board(city)) || groups.contains(GroupIds.council(city))
					|| groups.contains(GroupIds.chair(city)))
			.orElse(false);
	}

	boolean mayAdd(Facts nomination, DossierKind kind, String user, List<String> groups) {
		if (!nomination.active() || !mayRead(nomination, user, groups)) {
			return false;
		}
		if (kind.board()) {
			return groups.contains(GroupIds.board(nomination.wardCode()));
		}
		return holdsPreparingStep(nomination, user, groups);
	}

	/** Whether the user holds the nomination's open step of preparing or revising the dossier. */
	boolean holdsPreparingStep(Facts nomination, String user, List<String> groups) {
		String[] steps = NominationLookup.PREPARING_STEPS.toArray(String[]::new);
		long assigned = taskService.createTaskQuery()
			.processInstanceId(nomination.processInstanceId())
			.taskDefinitionKeyIn(steps)
			.active()
			.taskAssignee(user)
			.count();
		if (assigned > 0) {
			return true;
		}
		// a candidate (user, or through a group) of the unassigned step
		return taskService.createTaskQuery()
			.processInstanceId(nomination.processInstanceId())
			.taskDefinitionKeyIn(steps)
			.active()
			.taskCandidateUser(user)
			.count() > 0;
	}

}
