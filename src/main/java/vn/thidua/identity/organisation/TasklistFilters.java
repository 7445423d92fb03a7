package vn.thidua.identity.organisation;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

import vn.thidua.web.Messages;

/**
 * The Tasklist filters every role starts with. Filters are shared by all wards: a task query is
 * checked against the user's authorizations, so «Chờ Ban Thường vụ» lists only the board tasks of
 * the user's own ward. Board and council tasks are recognised by their BPMN id prefix
 * ({@code Task_Board…}, {@code Task_Council…}), a naming rule every process follows, and the council
 * session's ballots by their id ({@code Task_CastBallot}).
 */
@Component
public class TasklistFilters {

	/** The filters' names, which are also how a filter is found again on the next start. */
	public static final String MY_TASKS = Messages.get("identity.filter.mine");

	public static final String CHAPTER_TASKS = Messages.get("identity.filter.chapter");

	public static final String BOARD_TASKS = Messages.get("identity.filter.board");

	public static final String COUNCIL_TASKS = Messages.get("identity.filter.council");

	private final FilterService filterService;

	private final TaskService taskService;

	TasklistFilters(FilterService filterService, TaskService taskService) {
		this.filterService = filterService;
		this.taskService = taskService;
	}

	private record Spec(String name, String description, int priority, String color, TaskQuery query,
			List<Role> visibleTo) {
	}

	private List<Spec> specs() {
		return List.of(
				// what the person must do now: offered to her or her groups, and hers or nobody's yet. A task
				// given to one person alone has her as candidate too (AssigneeCandidatePlugin), so both
				// conditions are on the identity links' and the task's own columns: "assigned to her OR
				// offered to her" would span the task and its links and read every open task of the city
				new Spec(MY_TASKS, Messages.get("identity.filter.mine.description"), -10, "#c2185b",
						offeredToTheUserOrHerGroups()
							.or()
							.taskAssigneeExpression("${currentUser()}")
							.taskUnassigned()
							.endOr(),
						List.of(Role.MEMBER)),
				new Spec(CHAPTER_TASKS, Messages.get("identity.filter.chapter.description"), 0, "#1976d2",
						taskService.createTaskQuery()
							.taskCandidateGroupInExpression("${currentUserGroups()}")
							.includeAssignedTasks(),
						List.of(Role.MEMBER)),
				new Spec(BOARD_TASKS, Messages.get("identity.filter.board.description"), 10, "#388e3c",
						// the user's groups first: the key alone would read every ward's board tasks
						taskService.createTaskQuery()
							.taskCandidateGroupInExpression("${currentUserGroups()}")
							.includeAssignedTasks()
							.taskDefinitionKeyLike("Task_Board%"),
						List.of(Role.BOARD, Role.CHAIR)),
				new Spec(COUNCIL_TASKS, Messages.get("identity.filter.council.description"), 20, "#f57c00",
						// the session's ballots (each its member's alone) and the council's tasks of earlier
						// versions, from the user's identity links first: the keys alone would read every
						// ward's (and matched no ballot: the season's ballots are not Task_Council…)
						offeredToTheUserOrHerGroups()
							.or()
							.taskDefinitionKey("Task_CastBallot")
							.taskDefinitionKeyLike("Task_Council%")
							.endOr(),
						List.of(Role.COUNCIL, Role.CHAIR)));
	}

	/**
	 * Tasks whose candidates include the user or one of her groups, taken ones included: a query
	 * PostgreSQL starts from the identity links' user and group indexes (a task given to one person
	 * alone has her as candidate: {@link AssigneeCandidatePlugin}).
	 */
	private TaskQuery offeredToTheUserOrHerGroups() {
		return taskService.createTaskQuery()
			.or()
			.taskCandidateUserExpression("${currentUser()}")
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.includeAssignedTasks()
			.endOr();
	}

	/**
	 * Creates the filters that do not exist yet and brings the query of existing ones up to date (a
	 * filter's query is written on every start; its owner's other settings are kept).
	 * @return role name to the ids of the filters that role may read
	 */
	public Map<String, Set<String>> synchronise() {
		Map<String, Set<String>> byRole = new LinkedHashMap<>();
		for (Spec spec : specs()) {
			List<Filter> existing = filterService.createFilterQuery().filterName(spec.name()).orderByFilterId().asc().list();
			Filter filter = existing.isEmpty() ? null : existing.get(0);
			// two nodes starting together on an empty database may both have created it: keep one
			existing.stream().skip(1).forEach(duplicate -> filterService.deleteFilter(duplicate.getId()));
			if (filter == null) {
				filter = filterService.newTaskFilter(spec.name());
				filter.setOwner(null);
				Map<String, Object> properties = new LinkedHashMap<>();
				properties.put("description", spec.description());
				properties.put("priority", spec.priority());
				properties.put("color", spec.color());
				properties.put("refresh", true);
				properties.put("showUndefinedVariable", false);
				properties.put("variables",
						List.of(Map.of("name", "chapterName", "label", Messages.get("identity.filter.column.chapter")),
								Map.of("name", "subject", "label", Messages.get("identity.filter.column.subject"))));
				filter.setProperties(properties);
			}
			// the query and the description follow the code on every start (a changed rule reaches every installation)
			Map<String, Object> current = new LinkedHashMap<>(filter.getProperties());
			current.put("description", spec.description());
			filter.setProperties(current);
			filter.setQuery(spec.query());
			filterService.saveFilter(filter);
			String id = filter.getId();
			spec.visibleTo().forEach(role -> byRole.computeIfAbsent(role.name(), r -> new LinkedHashSet<>()).add(id));
		}
		return byRole;
	}

}
