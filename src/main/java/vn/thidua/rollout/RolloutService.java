package vn.thidua.rollout;

import static vn.thidua.rollout.PlanRolloutVariables.*;
import static vn.thidua.rollout.Texts.now;
import static vn.thidua.rollout.Texts.required;
import static vn.thidua.rollout.Texts.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.rollout.RolloutRepository.ChapterRow;
import vn.thidua.rollout.RolloutRepository.Comment;
import vn.thidua.rollout.RolloutRepository.Programme;
import vn.thidua.rollout.RolloutRepository.Rollout;
import vn.thidua.forms.FormValidationException;
import vn.thidua.process.ProcessVariables;

/**
 * The business rules of PlanRollout: who drafts the programme for which ward, the rules across its
 * dates, the chair's decision, the conference's participants and comments, the chapters the
 * programme goes to, and the board's confirmation of the ratings.
 */
@Service
class RolloutService {

	static final String TEMPLATE_RATINGS_CONFIRMED = "rollout-ratings-confirmed";

	private static final Logger LOG = LoggerFactory.getLogger(RolloutService.class);

	private final OrganisationDirectory directory;

	private final RolloutRepository repository;

	private final IdentityService identityService;

	private final Notifier notifier;

	RolloutService(OrganisationDirectory directory, RolloutRepository repository, IdentityService identityService,
			Notifier notifier) {
		this.directory = directory;
		this.repository = repository;
		this.identityService = identityService;
		this.notifier = notifier;
	}

	/** StartEvent_ProgrammeDrafted: the starter's ward, the groups, and the programme's record. */
	void start(DelegateExecution execution) {
		String initiator = (String) execution.getVariable(ProcessVariables.INITIATOR.name());
		Ward ward = (initiator == null ? List.<Ward>of() : directory.wardsOf(initiator)).stream()
			.filter(w -> initiator.equals(w.chair()) || w.board().contains(initiator))
			.findFirst()
			.orElseThrow(() -> new FormValidationException(null,
					"Chỉ Ban Thường vụ hoặc Chủ tịch Hội mới lập chương trình công tác năm."));
		Programme programme = programme(execution);
		execution.setVariable(ProcessVariables.WARD_CODE.name(), ward.code());
		execution.setVariable(ProcessVariables.CHAPTER_NAME.name(), ward.name());
		execution.setVariable(ProcessVariables.SUBJECT.name(), subject(programme));
		execution.setVariable(CHAIR_GROUP, GroupIds.chair(ward.code()));
		execution.setVariable(BOARD_GROUP, GroupIds.board(ward.code()));
		long id = repository.insertRollout(execution.getProcessInstanceId(), ward.code(), programme, initiator, now());
		execution.setVariable(ROLLOUT_ID, id);
		LOG.info("Programme {} for {} drafted by {} (rollout {})", programme.year(), ward.code(), initiator, id);
	}

	/** Task_ChairApproveProgramme completed: approve, or return with a reason. */
	void approvalDecided(DelegateTask task) {
		String decision = text(task.getVariable(PROGRAMME_DECISION));
		long id = rolloutId(task.getExecution());
		if (DECISION_APPROVE.equals(decision)) {
			repository.recordApproval(id, Texts.actor(identityService, task), now());
		}
		else if (DECISION_RETURN.equals(decision)) {
			String reason = required(task.getVariable(RETURN_REASON), RETURN_REASON, "Vui lòng nhập lý do trả lại");
			repository.recordReturn(id, reason, now());
		}
		else {
			throw new FormValidationException(PROGRAMME_DECISION, "Vui lòng chọn: duyệt hoặc trả lại chương trình.");
		}
	}

	/** Task_BoardReviseProgramme completed: the revised programme goes back to the chair. */
	void revised(DelegateTask task) {
		Programme programme = programme(task);
		repository.updateProgramme(rolloutId(task.getExecution()), programme, now());
		task.setVariable(ProcessVariables.SUBJECT.name(), subject(programme));
		task.getExecution().removeVariable(PROGRAMME_DECISION);
	}

	/** Task_OpenConference: every chapter head and board member of the ward comments until the deadline. */
	void openConference(DelegateExecution execution) {
		Rollout rollout = rollout(execution);
		Ward ward = ward(rollout.wardCode());
		Set<String> participants = new LinkedHashSet<>();
		ward.chapters().forEach(c -> participants.add(c.head()));
		participants.addAll(ward.board());
		execution.setVariable(CONFERENCE_PARTICIPANTS, JsonVariables.stringList(participants));
		execution.setVariable(CONFERENCE_ENDS_AT,
				rollout.programme().conferenceDeadline().plusDays(1).atStartOfDay().toString());
		LOG.info("Conference on rollout {}: {} participants until {}", rollout.id(), participants.size(),
				rollout.programme().conferenceDeadline());
	}

	/** Task_CommentProgramme completed by one participant. */
	void commented(DelegateTask task) {
		String comment = required(task.getVariable(PROGRAMME_COMMENT), PROGRAMME_COMMENT, "Vui lòng nhập ý kiến góp ý.");
		String author = task.getAssignee();
		String name = directory.person(author).map(p -> p.fullName()).orElse(author);
		repository.insertComment(rolloutId(task.getExecution()), author, name, comment, now());
		// one variable per instance: the next participant's form must not show this comment
		task.getExecution().removeVariable(PROGRAMME_COMMENT);
	}

	/** Task_CollectComments: every comment, as text for the chair's form. */
	void collectComments(DelegateExecution execution) {
		List<Comment> comments = repository.comments(rolloutId(execution));
		StringBuilder text = new StringBuilder();
		int n = 0;
		for (Comment c : comments) {
			text.append(++n).append(". ").append(c.authorName()).append(" (").append(c.author()).append("): ")
				.append(c.text()).append("\n\n");
		}
		execution.setVariable(CONFERENCE_COMMENTS,
				comments.isEmpty() ? "(Không có ý kiến góp ý nào trước hạn.)" : text.toString().strip());
		execution.setVariable(COMMENT_COUNT, comments.size());
	}

	/** Task_ChairConclude completed. */
	void concluded(DelegateTask task) {
		String conclusion = required(task.getVariable(CONCLUSION), CONCLUSION, "Vui lòng nhập kết luận hội nghị.");
		repository.recordConclusion(rolloutId(task.getExecution()), conclusion, Texts.actor(identityService, task),
				now());
	}

	/**
	 * Task_PrepareRollout: the ward's chapters as the organisation file lists them now, so a chapter
	 * added to the file takes part in the next rollout.
	 */
	void prepareChapters(DelegateExecution execution) {
		Rollout rollout = rollout(execution);
		Ward ward = ward(rollout.wardCode());
		List<String> groups = new ArrayList<>();
		for (Chapter c : ward.chapters()) {
			String group = GroupIds.chapter(ward.code(), c.code());
			if (repository.findChapterId(rollout.id(), group).isEmpty()) {
				repository.insertChapter(rollout.id(), group, c.name(), GroupIds.partyCell(ward.code(), c.code()), now());
			}
			groups.add(group);
		}
		execution.setVariable(ROLLOUT_CHAPTER_GROUPS, JsonVariables.stringList(groups));
		LOG.info("Rollout {} goes to {} chapters", rollout.id(), groups.size());
	}

	/** Task_CollectRatings: every chapter's self-rating, for the board's table. */
	void collectRatings(DelegateExecution execution) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ChapterRow c : repository.chapters(rolloutId(execution))) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("chapterName", c.chapterName());
			row.put("selfRating", c.selfRating() == null ? "" : c.selfRating());
			row.put("registrationLate", c.registrationLate() ? "Chậm đăng ký" : "");
			rows.add(row);
		}
		execution.setVariable(CHAPTER_RATINGS, JsonVariables.json(rows));
	}

	/** Task_BoardConfirmRatings completed: the ratings become the confirmed ones; chapters are told. */
	void ratingsConfirmed(DelegateTask task) {
		if (!Boolean.TRUE.equals(task.getVariable(RATINGS_CONFIRMED))) {
			throw new FormValidationException(RATINGS_CONFIRMED, "Vui lòng đánh dấu xác nhận kết quả xếp loại.");
		}
		Rollout rollout = rollout(task.getExecution());
		String note = text(task.getVariable(RATINGS_NOTE));
		repository.recordRatingsConfirmed(rollout.id(), note, Texts.actor(identityService, task), now());
		Set<String> groups = new LinkedHashSet<>();
		repository.chapters(rollout.id()).forEach(c -> groups.add(c.chapterGroup()));
		groups.add(GroupIds.chair(rollout.wardCode()));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("year", rollout.programme().year());
		model.put("subject", subject(rollout.programme()));
		model.put("note", note == null ? "" : note);
		model.put("ratings", repository.chapters(rollout.id())
			.stream()
			.map(c -> c.chapterName() + ": " + (c.selfRating() == null ? "chưa xếp loại" : c.selfRating()))
			.toList());
		send(TEMPLATE_RATINGS_CONFIRMED, Recipients.groups(groups), model);
	}

	private void send(String template, Recipients recipients, Map<String, Object> model) {
		notifier.send(template, recipients, model);
	}

	/** The programme as submitted on the start form or in Task_BoardReviseProgramme, with its rules. */
	Programme programme(VariableScope scope) {
		Long year = Texts.number(scope.getVariable(PROGRAMME_YEAR));
		if (year == null || year < 2000 || year > 2100) {
			throw new FormValidationException(PROGRAMME_YEAR, "Vui lòng nhập năm của chương trình (2000–2100).");
		}
		String theme = required(scope.getVariable(THEME), THEME, "Vui lòng nhập chủ đề năm.");
		String focus = required(scope.getVariable(FOCUS_POINTS), FOCUS_POINTS,
				"Vui lòng nhập ít nhất một trọng tâm chỉ đạo.");
		String implementation = required(scope.getVariable(IMPLEMENTATION_PLAN), IMPLEMENTATION_PLAN,
				"Vui lòng nhập kế hoạch thực hiện nhiệm vụ.");
		String emulation = required(scope.getVariable(EMULATION_PLAN), EMULATION_PLAN,
				"Vui lòng nhập kế hoạch phát động phong trào thi đua.");
		String campaigns = text(scope.getVariable(CAMPAIGNS));
		LocalDate conference = Texts.date(scope.getVariable(CONFERENCE_DEADLINE), CONFERENCE_DEADLINE,
				"hạn góp ý chương trình");
		LocalDate registration = Texts.date(scope.getVariable(REGISTRATION_DEADLINE), REGISTRATION_DEADLINE,
				"hạn đăng ký mô hình, phần việc");
		LocalDate midYear = Texts.date(scope.getVariable(MID_YEAR_REPORT_DATE), MID_YEAR_REPORT_DATE,
				"ngày báo cáo sơ kết");
		LocalDate yearEnd = Texts.date(scope.getVariable(YEAR_END_REPORT_DATE), YEAR_END_REPORT_DATE,
				"ngày báo cáo tổng kết");
		if (registration.isBefore(conference)) {
			throw new FormValidationException(REGISTRATION_DEADLINE,
					"Hạn đăng ký phải sau hoặc bằng hạn góp ý chương trình.");
		}
		if (!midYear.isAfter(registration)) {
			throw new FormValidationException(MID_YEAR_REPORT_DATE, "Ngày báo cáo sơ kết phải sau hạn đăng ký.");
		}
		if (!yearEnd.isAfter(midYear)) {
			throw new FormValidationException(YEAR_END_REPORT_DATE, "Ngày báo cáo tổng kết phải sau ngày sơ kết.");
		}
		if (midYear.getYear() != year || yearEnd.getYear() != year) {
			throw new FormValidationException(YEAR_END_REPORT_DATE,
					"Ngày sơ kết và ngày tổng kết phải thuộc năm " + year + ".");
		}
		return new Programme(year.intValue(), theme, focus, implementation, emulation, campaigns, conference,
				registration, midYear, yearEnd);
	}

	static String subject(Programme programme) {
		return "Chương trình công tác năm " + programme.year();
	}

	private Ward ward(String wardCode) {
		return directory.ward(wardCode)
			.orElseThrow(() -> new IllegalStateException("Ward " + wardCode + " is no longer in the organisation file"));
	}

	private Rollout rollout(DelegateExecution execution) {
		long id = rolloutId(execution);
		return repository.findRollout(id).orElseThrow(() -> new IllegalStateException("No rollout " + id));
	}

	private static long rolloutId(DelegateExecution execution) {
		return Texts.number(execution.getVariable(ROLLOUT_ID));
	}

}
