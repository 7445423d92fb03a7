package vn.thidua.identity.organisation;

import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.thidua.process.EveryUserTaskPlugin;

/**
 * Keeps «Việc của tôi» ({@link TasklistFilters#MY_TASKS}) answerable from the identity links: a task
 * given to one person and to no group (a council member's ballot, a participant's comment on the
 * programme, such a task handed over to a chapter's new head) gets that person as a candidate user
 * too, when it is created and whenever it is assigned to someone who is not yet one. The filter then
 * reads "offered to me or my groups, and mine or nobody's", which PostgreSQL answers from the
 * indexes of the user's and her groups' identity links; "assigned to me, or offered to me and not
 * taken" spans the task and its links with an OR and made it read every open task of the city on
 * each request (its time grew with the city, 2.5–3.3× from one to four times Hanoi).
 *
 * <p>The candidacy gives nothing the assignment had not given: Camunda grants a candidate user the
 * same rights on the task as its assignee. Tasks created before this class get it at the engine's
 * start.
 */
@Component
public class AssigneeCandidatePlugin extends EveryUserTaskPlugin {

	private static final Logger LOG = LoggerFactory.getLogger(AssigneeCandidatePlugin.class);

	static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);

	AssigneeCandidatePlugin(@Value(EXCLUDED_PROCESS_KEYS) String excludedProcessKeys) {
		super(excludedProcessKeys, EVENTS, AssigneeCandidatePlugin::offerToAssignee);
	}

	/** The assignee of a task offered to no group becomes one of its candidate users, once. */
	static void offerToAssignee(DelegateTask task) {
		String assignee = task.getAssignee();
		if (assignee == null) {
			return;
		}
		for (IdentityLink link : task.getCandidates()) {
			if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
				continue;
			}
			if (link.getGroupId() != null || assignee.equals(link.getUserId())) {
				return;
			}
		}
		task.addCandidateUser(assignee);
	}

	/**
	 * The tasks of an earlier version (assigned, with no candidate at all) get their assignee as
	 * candidate: without it they would leave their holder's «Việc của tôi». One query at each start,
	 * empty once done. Not found by it: an earlier task given to one person that already had another
	 * candidate (a stand-in offered it before this version); its assignee finds it again when it is
	 * next assigned. Finding those would read the identity links of every assigned task at each start.
	 */
	@Override
	public void postProcessEngineBuild(ProcessEngine engine) {
		TaskService tasks = engine.getTaskService();
		// includeAssignedTasks: without it "without candidates" means unassigned ones too
		List<Task> earlier = tasks.createTaskQuery()
			.taskAssigned()
			.withoutCandidateGroups()
			.withoutCandidateUsers()
			.includeAssignedTasks()
			.list();
		for (Task task : earlier) {
			tasks.addCandidateUser(task.getId(), task.getAssignee());
		}
		if (!earlier.isEmpty()) {
			LOG.info("{} assigned task(s) of an earlier version offered to their assignee as candidate", earlier.size());
		}
	}

}
