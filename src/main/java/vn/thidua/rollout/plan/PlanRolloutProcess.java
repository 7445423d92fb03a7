package vn.thidua.rollout.plan;

import static vn.thidua.process.ProcessVariables.BOARD_GROUP;
import static vn.thidua.process.ProcessVariables.CHAIR_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_NAME;
import static vn.thidua.process.ProcessVariables.INITIATOR;
import static vn.thidua.process.ProcessVariables.SUBJECT;
import static vn.thidua.process.ProcessVariables.WARD_CODE;
import static vn.thidua.rollout.ProgrammeVariables.CAMPAIGNS;
import static vn.thidua.rollout.ProgrammeVariables.CONFERENCE_DEADLINE;
import static vn.thidua.rollout.ProgrammeVariables.EMULATION_PLAN;
import static vn.thidua.rollout.ProgrammeVariables.FOCUS_POINTS;
import static vn.thidua.rollout.ProgrammeVariables.IMPLEMENTATION_PLAN;
import static vn.thidua.rollout.ProgrammeVariables.MID_YEAR_REPORT_DATE;
import static vn.thidua.rollout.ProgrammeVariables.PROGRAMME_YEAR;
import static vn.thidua.rollout.ProgrammeVariables.REGISTRATION_DEADLINE;
import static vn.thidua.rollout.ProgrammeVariables.ROLLOUT_ID;
import static vn.thidua.rollout.ProgrammeVariables.THEME;
import static vn.thidua.rollout.ProgrammeVariables.YEAR_END_REPORT_DATE;
import static vn.thidua.rollout.plan.PlanRolloutVariables.CHAPTER_RATINGS;
import static vn.thidua.rollout.plan.PlanRolloutVariables.COMMENT_COUNT;
import static vn.thidua.rollout.plan.PlanRolloutVariables.CONCLUSION;
import static vn.thidua.rollout.plan.PlanRolloutVariables.CONFERENCE_COMMENTS;
import static vn.thidua.rollout.plan.PlanRolloutVariables.CONFERENCE_ENDS_AT;
import static vn.thidua.rollout.plan.PlanRolloutVariables.CONFERENCE_PARTICIPANTS;
import static vn.thidua.rollout.plan.PlanRolloutVariables.PROGRAMME_COMMENT;
import static vn.thidua.rollout.plan.PlanRolloutVariables.PROGRAMME_DECISION;
import static vn.thidua.rollout.plan.PlanRolloutVariables.RATINGS_CONFIRMED;
import static vn.thidua.rollout.plan.PlanRolloutVariables.RATINGS_NOTE;
import static vn.thidua.rollout.plan.PlanRolloutVariables.RETURN_REASON;
import static vn.thidua.rollout.plan.PlanRolloutVariables.ROLLOUT_CHAPTER_GROUPS;

import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.thidua.identity.security.Actor;
import vn.thidua.process.EarlierNames;
import vn.thidua.rollout.plan.ProgrammeRules.ProgrammeForm;

/**
 * {@code bpmn/PlanRollout.bpmn}: the listeners and delegates its elements name. The only code of the
 * package that touches the engine: it reads the variables, calls {@link PlanRolloutService} with
 * plain values and writes the results back. What CallActivity_ChapterRollout passes on is the
 * callee's ({@code ChapterRolloutVariables.CALL_INPUTS}).
 */
@Configuration(proxyBeanMethods = false)
class PlanRolloutProcess {

	/** StartEvent_ProgrammeDrafted: the starter's ward, its groups and the programme's record. */
	@Bean
	ExecutionListener planRolloutStart(PlanRolloutService service) {
		return execution -> {
			PlanRolloutService.Drafted drafted = service.start(execution.getProcessInstanceId(),
					INITIATOR.get(execution), programme(execution));
			WARD_CODE.set(execution, drafted.wardCode());
			CHAPTER_NAME.set(execution, drafted.wardName());
			SUBJECT.set(execution, drafted.subject());
			CHAIR_GROUP.set(execution, drafted.chairGroup());
			BOARD_GROUP.set(execution, drafted.boardGroup());
			ROLLOUT_ID.set(execution, drafted.rolloutId());
		};
	}

	/** Completion of Task_ChairApproveProgramme: approve, or return with a reason. */
	@Bean
	TaskListener planRolloutApproval(PlanRolloutService service, Actor actor) {
		return task -> service.approvalDecided(ROLLOUT_ID.get(task), PROGRAMME_DECISION.get(task),
				RETURN_REASON.get(task), actor.idOr(task.getAssignee()));
	}

	/** Completion of Task_BoardReviseProgramme: the revised programme is checked and recorded. */
	@Bean
	TaskListener planRolloutRevision(PlanRolloutService service) {
		return task -> {
			SUBJECT.set(task, service.revised(ROLLOUT_ID.get(task), programme(task)));
			task.getExecution().removeVariable(PROGRAMME_DECISION.name());
		};
	}

	/** Task_OpenConference: who comments, and until when. */
	@Bean
	JavaDelegate planRolloutOpenConference(PlanRolloutService service) {
		return execution -> {
			PlanRolloutService.Conference conference = service.openConference(ROLLOUT_ID.get(execution));
			CONFERENCE_PARTICIPANTS.set(execution, conference.participants());
			CONFERENCE_ENDS_AT.set(execution, conference.endsAt().toString());
		};
	}

	/** Completion of one Task_CommentProgramme: stores the participant's comment. */
	@Bean
	TaskListener planRolloutComment(PlanRolloutService service) {
		return task -> {
			service.commented(ROLLOUT_ID.get(task), task.getAssignee(), PROGRAMME_COMMENT.get(task));
			// one variable per instance: the next participant's form must not show this comment
			task.getExecution().removeVariable(PROGRAMME_COMMENT.name());
		};
	}

	/** Task_CollectComments: every comment, as text for the chair. */
	@Bean
	JavaDelegate planRolloutCollectComments(PlanRolloutService service) {
		return execution -> {
			PlanRolloutService.Comments comments = service.collectComments(ROLLOUT_ID.get(execution));
			CONFERENCE_COMMENTS.set(execution, comments.text());
			COMMENT_COUNT.set(execution, comments.count());
		};
	}

	/** Completion of Task_ChairConclude: records the chair's conclusion. */
	@Bean
	TaskListener planRolloutConclusion(PlanRolloutService service, Actor actor) {
		return task -> service.concluded(ROLLOUT_ID.get(task), CONCLUSION.get(task), actor.idOr(task.getAssignee()));
	}

	/** Task_PrepareRollout: the chapters CallActivity_ChapterRollout iterates over. */
	@Bean
	JavaDelegate planRolloutPrepareChapters(PlanRolloutService service) {
		return execution -> ROLLOUT_CHAPTER_GROUPS.set(execution, service.prepareChapters(ROLLOUT_ID.get(execution)));
	}

	/** Task_CollectRatings: the chapters' self-ratings for the board's table. */
	@Bean
	JavaDelegate planRolloutCollectRatings(PlanRolloutService service) {
		return execution -> CHAPTER_RATINGS.set(execution, service.collectRatings(ROLLOUT_ID.get(execution)));
	}

	/** Completion of Task_BoardConfirmRatings: the board confirms the ratings; the chapters are told. */
	@Bean
	TaskListener planRolloutRatingsConfirmation(PlanRolloutService service, Actor actor) {
		return task -> service.ratingsConfirmed(ROLLOUT_ID.get(task), RATINGS_CONFIRMED.get(task),
				RATINGS_NOTE.get(task), actor.idOr(task.getAssignee()));
	}

	/** The programme as the start form or Task_BoardReviseProgramme submitted it. */
	private static ProgrammeForm programme(VariableScope scope) {
		return new ProgrammeForm(PROGRAMME_YEAR.get(scope), THEME.get(scope), FOCUS_POINTS.get(scope),
				IMPLEMENTATION_PLAN.get(scope), EMULATION_PLAN.get(scope), CAMPAIGNS.get(scope),
				CONFERENCE_DEADLINE.get(scope), REGISTRATION_DEADLINE.get(scope), MID_YEAR_REPORT_DATE.get(scope),
				YEAR_END_REPORT_DATE.get(scope));
	}

	/** The bean names versions deployed before December 2026 call, kept for their running instances. */
	@Bean
	static BeanDefinitionRegistryPostProcessor planRolloutEarlierNames() {
		return EarlierNames.aliases(Map.ofEntries(
				Map.entry("programmeStartListener", "planRolloutStart"),
				Map.entry("programmeApprovalListener", "planRolloutApproval"),
				Map.entry("programmeRevisionListener", "planRolloutRevision"),
				Map.entry("conferenceOpeningDelegate", "planRolloutOpenConference"),
				Map.entry("programmeCommentListener", "planRolloutComment"),
				Map.entry("conferenceCommentsDelegate", "planRolloutCollectComments"),
				Map.entry("programmeConclusionListener", "planRolloutConclusion"),
				Map.entry("rolloutChaptersDelegate", "planRolloutPrepareChapters"),
				Map.entry("ratingsCollectDelegate", "planRolloutCollectRatings"),
				Map.entry("ratingsConfirmationListener", "planRolloutRatingsConfirmation")));
	}

}
