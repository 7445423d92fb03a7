package vn.thidua.rollout;

import static vn.thidua.rollout.ChapterRolloutVariables.*;
import static vn.thidua.rollout.Texts.now;
import static vn.thidua.rollout.Texts.required;
import static vn.thidua.rollout.Texts.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;
import vn.thidua.rollout.RolloutRepository.Proposal;
import vn.thidua.rollout.RolloutRepository.Rollout;
import vn.thidua.rollout.RolloutRepository.WorkItem;
import vn.thidua.forms.FormValidationException;
import vn.thidua.process.ProcessVariables;

/**
 * The business rules of ChapterRollout, one chapter's year: its progress in
 * {@code thidua_rollout_chapter}, its registered work items, its reports, rating and proposed
 * exemplary people.
 */
@Service
class ChapterRolloutService {

	static final String TEMPLATE_REGISTRATION_LATE = "rollout-registration-late";

	static final String TEMPLATE_EXEMPLARY_PROPOSED = "rollout-exemplary-proposed";

	private static final Logger LOG = LoggerFactory.getLogger(ChapterRolloutService.class);

	private final OrganisationDirectory directory;

	private final RolloutRepository repository;

	private final RolloutProperties properties;

	private final IdentityService identityService;

	private final Notifier notifier;

	ChapterRolloutService(OrganisationDirectory directory, RolloutRepository repository, RolloutProperties properties,
			IdentityService identityService, Notifier notifier) {
		this.directory = directory;
		this.repository = repository;
		this.properties = properties;
		this.identityService = identityService;
		this.notifier = notifier;
	}

	/**
	 * StartEvent_ChapterRolloutStarted: the chapter's names and Party cell from the organisation, its
	 * progress row, and the timer dates from the programme's record (not from variables).
	 */
	void start(DelegateExecution execution) {
		String chapterGroup = (String) execution.getVariable(ProcessVariables.CHAPTER_GROUP.name());
		ChapterRef chapter = directory.chapterByGroup(chapterGroup)
			.orElseThrow(() -> new IllegalStateException("Chapter " + chapterGroup + " is not in the organisation file"));
		long rolloutId = Texts.number(execution.getVariable(PlanRolloutVariables.ROLLOUT_ID));
		Rollout rollout = repository.findRollout(rolloutId)
			.orElseThrow(() -> new IllegalStateException("No rollout " + rolloutId));
		long chapterId = repository.findChapterId(rolloutId, chapterGroup)
			.orElseGet(() -> repository.insertChapter(rolloutId, chapterGroup, chapter.chapter().name(),
					chapter.partyCellGroupId(), now()));
		repository.attachChapterProcess(chapterId, execution.getProcessInstanceId(), now());
		String programme = "chương trình công tác năm " + rollout.programme().year();
		execution.setVariable(ProcessVariables.CHAPTER_NAME.name(), chapter.chapter().name());
		execution.setVariable(ProcessVariables.SUBJECT.name(),
				"Triển khai " + programme + " – " + chapter.chapter().name());
		execution.setVariable(PARTY_CELL_GROUP, chapter.partyCellGroupId());
		execution.setVariable(ROLLOUT_CHAPTER_ID, chapterId);
		execution.setVariable(REPORT_TOPIC, "Triển khai " + programme);
		execution.setVariable(REGISTRATION_ENDS_AT,
				rollout.programme().registrationDeadline().plusDays(1).atStartOfDay().toString());
		execution.setVariable(MID_YEAR_OPENS_AT, rollout.programme().midYearReportDate().atStartOfDay().toString());
		execution.setVariable(YEAR_END_OPENS_AT, rollout.programme().yearEndReportDate().atStartOfDay().toString());
	}

	/** End of CallActivity_PartyCellReport: the Party cell has given its guidance. */
	void guidanceReceived(DelegateExecution execution) {
		repository.guidanceReceived(chapterId(execution), now());
	}

	/** Task_RegisterWorkItems completed: at least one complete work item. */
	void workItemsRegistered(DelegateTask task) {
		List<Map<String, Object>> submitted = JsonVariables.items(task.getVariable(WORK_ITEMS), WORK_ITEMS);
		List<WorkItem> items = new ArrayList<>();
		long chapterId = chapterId(task.getExecution());
		for (Map<String, Object> item : submitted) {
			int n = items.size() + 1;
			String name = text(item.get(ITEM_NAME));
			String target = text(item.get(ITEM_TARGET));
			String measure = text(item.get(ITEM_SUCCESS_MEASURE));
			String deadline = text(item.get(ITEM_DEADLINE));
			if (name == null && target == null && measure == null && deadline == null) {
				continue;
			}
			String where = "Phần việc thứ " + n + ": ";
			if (name == null || target == null || measure == null || deadline == null) {
				throw new FormValidationException(WORK_ITEMS,
						where + "vui lòng nhập đủ tên, chỉ tiêu, thước đo kết quả và thời hạn.");
			}
			if (name.length() > 200 || target.length() > 2000 || measure.length() > 2000) {
				throw new FormValidationException(WORK_ITEMS, where + "nội dung quá dài.");
			}
			LocalDate due = Texts.date(deadline, WORK_ITEMS, "thời hạn của phần việc thứ " + n);
			items.add(new WorkItem(chapterId, n, name, target, measure, due));
		}
		if (items.isEmpty()) {
			throw new FormValidationException(WORK_ITEMS, "Vui lòng đăng ký ít nhất một mô hình, phần việc.");
		}
		repository.registered(chapterId, items, Texts.actor(identityService, task), now());
		task.getExecution().removeVariable(WORK_ITEMS_DECISION);
	}

	/** Task_BoardAcknowledgeWorkItems completed: acknowledged, or changes asked with a reason. */
	void workItemsAcknowledged(DelegateTask task) {
		String decision = text(task.getVariable(WORK_ITEMS_DECISION));
		long chapterId = chapterId(task.getExecution());
		if (DECISION_ACKNOWLEDGE.equals(decision)) {
			repository.acknowledged(chapterId, now());
		}
		else if (DECISION_CHANGES.equals(decision)) {
			String request = required(task.getVariable(CHANGE_REQUEST), CHANGE_REQUEST,
					"Vui lòng nhập nội dung đề nghị chi hội sửa.");
			repository.changesRequested(chapterId, request, now());
		}
		else {
			throw new FormValidationException(WORK_ITEMS_DECISION, "Vui lòng chọn: ghi nhận hoặc đề nghị sửa.");
		}
	}

	/**
	 * Task_MarkRegistrationLate: the registration deadline passed before the board acknowledged. A
	 * chapter that registered in time and waits for the board is not late; one that has not
	 * registered is marked late, and it and the board are told.
	 */
	void registrationLate(DelegateExecution execution) {
		long chapterId = chapterId(execution);
		Object chapterGroup = execution.getVariable(ProcessVariables.CHAPTER_GROUP.name());
		if (!repository.chapterState(chapterId).orElseThrow().before(RolloutState.REGISTERED)) {
			LOG.info("Registration deadline passed; chapter {} registered in time and waits for the board", chapterGroup);
			return;
		}
		repository.registrationLate(chapterId, now());
		send(TEMPLATE_REGISTRATION_LATE, recipients(execution), model(execution));
		LOG.info("Chapter {} is late registering work items", chapterGroup);
	}

	/** Task_MidYearReport completed. */
	void midYearReported(DelegateTask task) {
		String report = required(task.getVariable(MID_YEAR_REPORT), MID_YEAR_REPORT,
				"Vui lòng nhập báo cáo sơ kết 6 tháng.");
		repository.midYearReported(chapterId(task.getExecution()), report, now());
	}

	/** Task_YearEndReport completed: report, self-rating on the configured scale, proposed people. */
	void yearEndReported(DelegateTask task) {
		String report = required(task.getVariable(YEAR_END_REPORT), YEAR_END_REPORT,
				"Vui lòng nhập báo cáo tổng kết năm.");
		String rating = required(task.getVariable(SELF_RATING), SELF_RATING, "Vui lòng chọn mức tự xếp loại.");
		if (!properties.ratings().contains(rating)) {
			throw new FormValidationException(SELF_RATING,
					"Mức tự xếp loại phải là một trong: " + String.join(", ", properties.ratings()) + ".");
		}
		long chapterId = chapterId(task.getExecution());
		List<Proposal> proposals = new ArrayList<>();
		for (Map<String, Object> person : JsonVariables.items(task.getVariable(EXEMPLARY_PEOPLE), EXEMPLARY_PEOPLE)) {
			String name = text(person.get(PERSON_FULL_NAME));
			String achievement = text(person.get(PERSON_ACHIEVEMENT));
			if (name == null && achievement == null) {
				continue;
			}
			if (name == null) {
				throw new FormValidationException(EXEMPLARY_PEOPLE, "Vui lòng nhập họ tên của gương điển hình.");
			}
			if (name.length() > 200 || (achievement != null && achievement.length() > 2000)) {
				throw new FormValidationException(EXEMPLARY_PEOPLE, "Họ tên hoặc thành tích quá dài.");
			}
			proposals.add(new Proposal(chapterId, name, achievement, null));
		}
		repository.yearEndReported(chapterId, report, rating, proposals, Texts.actor(identityService, task), now());
		task.setVariable(PROPOSAL_COUNT, proposals.size());
	}

	/**
	 * Task_InformBoardOfProposals: the board learns whom the chapter proposes, to nominate them
	 * (CommendationNomination) with the chapter and the year; the proposals are in
	 * {@code thidua_rollout_proposal} and the progress.
	 */
	void proposalsMade(DelegateExecution execution) {
		Map<String, Object> model = model(execution);
		long chapterId = chapterId(execution);
		long rolloutId = Texts.number(execution.getVariable(PlanRolloutVariables.ROLLOUT_ID));
		model.put("people", repository.proposals(rolloutId)
			.stream()
			.filter(p -> p.chapterId() == chapterId)
			.map(p -> p.fullName() + (p.achievement() == null ? "" : ": " + p.achievement()))
			.toList());
		send(TEMPLATE_EXEMPLARY_PROPOSED,
				Recipients.groups(Set.of((String) execution.getVariable(PlanRolloutVariables.BOARD_GROUP))), model);
	}

	private Map<String, Object> model(DelegateExecution execution) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("chapterName", execution.getVariable(ProcessVariables.CHAPTER_NAME.name()));
		model.put("subject", execution.getVariable(ProcessVariables.SUBJECT.name()));
		model.put("year", execution.getVariable(PlanRolloutVariables.PROGRAMME_YEAR));
		model.put("registrationDeadline", execution.getVariable(PlanRolloutVariables.REGISTRATION_DEADLINE));
		return model;
	}

	private static Recipients recipients(DelegateExecution execution) {
		return Recipients.groups(Set.of((String) execution.getVariable(PlanRolloutVariables.BOARD_GROUP),
				(String) execution.getVariable(ProcessVariables.CHAPTER_GROUP.name())));
	}

	private void send(String template, Recipients recipients, Map<String, Object> model) {
		notifier.send(template, recipients, model);
	}

	private static long chapterId(DelegateExecution execution) {
		return Texts.number(execution.getVariable(ROLLOUT_CHAPTER_ID));
	}

}
