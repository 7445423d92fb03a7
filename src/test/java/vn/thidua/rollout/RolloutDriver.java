package vn.thidua.rollout;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

import vn.thidua.forms.FormValidationException;
import vn.thidua.partycell.PartyCellReportVariables;
import vn.thidua.rollout.chapter.ChapterRolloutVariables;
import vn.thidua.rollout.plan.PlanRolloutVariables;

/**
 * Drives PlanRollout and ChapterRollout in process tests (job executor off) the way the people would:
 * one method per step, so each test reads as the story it checks.
 */
public class RolloutDriver {

	/** One work item, due on 30 November of next year's programme. */
	public static final String WORK_ITEMS_JSON = workItemsJson(ProgrammeDates.nextYear());

	public static String workItemsJson(ProgrammeDates dates) {
		return """
				[{"name":"Mô hình tiết kiệm vì phụ nữ nghèo","target":"20 hội viên tham gia",
				  "successMeasure":"Quỹ đạt 20 triệu đồng","deadline":"%s"}]""".formatted(dates.workItemDeadline());
	}

	private final ProcessEngine engine;

	public RolloutDriver(ProcessEngine engine) {
		this.engine = engine;
	}

	/** Next year's programme submitted today (see {@link ProgrammeDates}). */
	public static VariableMap programme() {
		return programme(ProgrammeDates.nextYear());
	}

	public static VariableMap programme(ProgrammeDates dates) {
		int year = dates.year();
		return Variables.createVariables()
			.putValue("programmeYear", year)
			.putValue("theme", "Năm chỉnh trang đô thị, chăm lo đời sống người dân")
			.putValue("focusPoints", "Thực hiện Nghị quyết Đại hội\nĐổi mới phương thức hoạt động\nGiám sát bình đẳng giới")
			.putValue("implementationPlan", "Kế hoạch thực hiện nhiệm vụ công tác năm " + year)
			.putValue("emulationPlan", "Kế hoạch phát động phong trào thi đua năm " + year)
			.putValue("campaigns", "Mừng Đảng – Mừng Xuân " + year)
			.putValue("conferenceDeadline", dates.conferenceDeadline().toString())
			.putValue("registrationDeadline", dates.registrationDeadline().toString())
			.putValue("midYearReportDate", dates.midYearReportDate().toString())
			.putValue("yearEndReportDate", dates.yearEndReportDate().toString());
	}

	public ProcessInstance startAs(String login, List<String> groups, VariableMap variables) {
		IdentityService identity = engine.getIdentityService();
		identity.setAuthentication(login, groups);
		try {
			return engine.getRuntimeService().startProcessInstanceByKey(PlanRolloutVariables.PROCESS_KEY, variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	public ProcessInstance startByBoard1() {
		return startAs("board1", List.of("bode", "bode-board"), programme());
	}

	/** The city's programme, drafted by the city's chair (the city's rollout to its wards). */
	public ProcessInstance startByCityChair() {
		return startAs("citychair", List.of("hanoi", "hanoi-chair"), programme());
	}

	public Task task(ProcessInstance pi, String taskKey) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(pi.getId())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	public List<Task> tasks(ProcessInstance pi, String taskKey) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(pi.getId())
			.taskDefinitionKey(taskKey)
			.orderByTaskAssignee()
			.asc()
			.list();
	}

	/**
	 * Completes the task and, in process tests (job executor off), runs the continuations it left:
	 * the multi-instance conference and chapter rollouts move on in their own jobs.
	 */
	public void complete(Task task, Map<String, Object> variables) {
		engine.getTaskService().complete(task.getId(), variables);
		runContinuations();
	}

	/** The asynchronous continuations waiting (no timers), when no job executor runs them. */
	public void runContinuations() {
		if (((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().isActive()) {
			return;
		}
		for (int round = 0; round < 20; round++) {
			List<Job> jobs = engine.getManagementService().createJobQuery().executable().messages().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
		}
	}

	public void approve(ProcessInstance pi) {
		complete(task(pi, PlanRolloutVariables.TASK_CHAIR_APPROVE), Map.of("programmeDecision", "approve"));
	}

	public void executeJob(ProcessInstance pi, String activityId) {
		Job job = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(pi.getId())
			.activityId(activityId)
			.singleResult();
		if (job == null) {
			throw new AssertionError("No job at " + activityId + " in " + pi.getId());
		}
		engine.getManagementService().executeJob(job.getId());
		runContinuations();
	}

	/** Approve, close the conference at its deadline without comments, conclude: chapters start. */
	public void rollOut(ProcessInstance pi) {
		approve(pi);
		executeJob(pi, PlanRolloutVariables.TIMER_CONFERENCE_DEADLINE);
		complete(task(pi, PlanRolloutVariables.TASK_CHAIR_CONCLUDE), Map.of("conclusion", "Thống nhất triển khai."));
	}

	/** The ChapterRollout instance of one chapter. */
	public ProcessInstance chapter(ProcessInstance plan, String chapterGroup) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ChapterRolloutVariables.PROCESS_KEY)
			.rootProcessInstanceId(plan.getId())
			.variableValueEquals("chapterGroup", chapterGroup)
			.singleResult();
	}

	public List<ProcessInstance> chapters(ProcessInstance plan) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(ChapterRolloutVariables.PROCESS_KEY)
			.rootProcessInstanceId(plan.getId())
			.list();
	}

	/** The ChapterPartyCellReport called by a chapter's rollout. */
	public ProcessInstance cellReport(ProcessInstance chapter) {
		return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(chapter.getId()).singleResult();
	}

	public void reportToCell(ProcessInstance chapter) {
		ProcessInstance report = cellReport(chapter);
		complete(task(report, PartyCellReportVariables.TASK_WRITE_REPORT),
				Map.of("cellReport", "Chi hội đã phổ biến chương trình.", "guidanceRequest", "Xin ý kiến chỉ đạo."));
		complete(task(report, PartyCellReportVariables.TASK_GIVE_GUIDANCE),
				Map.of("guidanceDecision", "agreed", "guidance", "Đồng ý, chú trọng hội viên trẻ."));
	}

	public void registerWorkItems(ProcessInstance chapter) {
		complete(task(chapter, ChapterRolloutVariables.TASK_REGISTER_WORK_ITEMS), Variables.createVariables()
			.putValueTyped("workItems", SpinValues.jsonValue(WORK_ITEMS_JSON).create()));
	}

	public void acknowledge(ProcessInstance chapter) {
		complete(task(chapter, ChapterRolloutVariables.TASK_BOARD_ACKNOWLEDGE), Map.of("workItemsDecision", "acknowledge"));
	}

	public void midYear(ProcessInstance chapter) {
		executeJob(chapter, ChapterRolloutVariables.TIMER_MID_YEAR);
		complete(task(chapter, ChapterRolloutVariables.TASK_MID_YEAR_REPORT),
				Map.of("midYearReport", "Hoàn thành 60% chỉ tiêu."));
	}

	public void yearEnd(ProcessInstance chapter, String rating, String exemplaryPeopleJson) {
		executeJob(chapter, ChapterRolloutVariables.TIMER_YEAR_END);
		VariableMap variables = Variables.createVariables()
			.putValue("yearEndReport", "Hoàn thành các chỉ tiêu.")
			.putValue("selfRating", rating);
		if (exemplaryPeopleJson != null) {
			variables.putValueTyped("exemplaryPeople", SpinValues.jsonValue(exemplaryPeopleJson).create());
		}
		complete(task(chapter, ChapterRolloutVariables.TASK_YEAR_END_REPORT), variables);
	}

	/** One chapter's whole year, with no proposal. */
	public void finishChapter(ProcessInstance chapter) {
		reportToCell(chapter);
		registerWorkItems(chapter);
		acknowledge(chapter);
		midYear(chapter);
		yearEnd(chapter, "Vững mạnh", null);
	}

	/** The validation error a step was refused with, however deep the engine wrapped it. */
	public static FormValidationException validation(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof FormValidationException fve) {
				return fve;
			}
		}
		throw new AssertionError("no FormValidationException in " + ex, ex);
	}

}
