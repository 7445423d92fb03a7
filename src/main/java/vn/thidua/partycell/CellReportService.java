package vn.thidua.partycell;

import static vn.thidua.partycell.PartyCellReportVariables.BOARD_GROUP;
import static vn.thidua.partycell.PartyCellReportVariables.CELL_REPORT;
import static vn.thidua.partycell.PartyCellReportVariables.CELL_REPORT_ID;
import static vn.thidua.partycell.PartyCellReportVariables.DECISION_AGREED;
import static vn.thidua.partycell.PartyCellReportVariables.DECISION_REVISE;
import static vn.thidua.partycell.PartyCellReportVariables.GUIDANCE;
import static vn.thidua.partycell.PartyCellReportVariables.GUIDANCE_DECISION;
import static vn.thidua.partycell.PartyCellReportVariables.GUIDANCE_REQUEST;
import static vn.thidua.partycell.PartyCellReportVariables.PARTY_CELL_GROUP;
import static vn.thidua.partycell.PartyCellReportVariables.REPORT_TOPIC;
import static vn.thidua.partycell.PartyCellReportVariables.REVISION_REASON;
import static vn.thidua.partycell.PartyCellReportVariables.ROLLOUT_CHAPTER_ID;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;
import vn.thidua.forms.FormValidationException;
import vn.thidua.process.ProcessVariables;

/**
 * The business rules of ChapterPartyCellReport: who may start it for which chapter, what each round
 * records in {@code thidua_cell_report}, and who is told of the Party cell's guidance.
 */
@Service
class CellReportService {

	static final String TEMPLATE_GUIDANCE_AGREED = "cell-guidance-agreed";

	private static final Logger LOG = LoggerFactory.getLogger(CellReportService.class);

	private final OrganisationDirectory directory;

	private final CellReportRepository repository;

	private final IdentityService identityService;

	private final Notifier notifier;

	CellReportService(OrganisationDirectory directory, CellReportRepository repository,
			IdentityService identityService, Notifier notifier) {
		this.directory = directory;
		this.repository = repository;
		this.identityService = identityService;
		this.notifier = notifier;
	}

	/**
	 * StartEvent_CellReportRequested. Started from Tasklist, the chapter is the starter's own (a head
	 * of several chapters names one, and it must be hers); called from ChapterRollout, the caller
	 * passes the chapter in.
	 */
	void start(DelegateExecution execution) {
		String initiator = (String) execution.getVariable(ProcessVariables.INITIATOR.name());
		String chapterGroup = (String) execution.getVariable(ProcessVariables.CHAPTER_GROUP.name());
		boolean called = execution.getSuperExecution() != null;
		if (!called) {
			List<ChapterRef> headed = initiator == null ? List.of() : directory.chaptersHeadedBy(initiator);
			if (headed.isEmpty()) {
				throw new FormValidationException(null, "Chỉ chi hội trưởng mới gửi báo cáo xin ý kiến chi bộ.");
			}
			if (chapterGroup == null || chapterGroup.isBlank()) {
				if (headed.size() > 1) {
					throw new FormValidationException(ProcessVariables.CHAPTER_GROUP.name(),
							"Anh/chị phụ trách nhiều chi hội: vui lòng chọn chi hội báo cáo.");
				}
				chapterGroup = headed.get(0).groupId();
			}
			else if (headed.stream().map(ChapterRef::groupId).noneMatch(chapterGroup::equals)) {
				throw new FormValidationException(ProcessVariables.CHAPTER_GROUP.name(),
						"Anh/chị không phải chi hội trưởng của chi hội này.");
			}
		}
		String group = chapterGroup;
		ChapterRef chapter = directory.chapterByGroup(group)
			.orElseThrow(() -> new FormValidationException(ProcessVariables.CHAPTER_GROUP.name(),
					"Không có chi hội '" + group + "' trong tệp tổ chức."));
		String topic = text(execution.getVariable(REPORT_TOPIC));
		if (topic == null) {
			throw new FormValidationException(REPORT_TOPIC, "Vui lòng nhập nội dung cần báo cáo.");
		}
		String wardCode = chapter.ward().code();
		execution.setVariable(ProcessVariables.WARD_CODE.name(), wardCode);
		execution.setVariable(ProcessVariables.CHAPTER_GROUP.name(), chapter.groupId());
		execution.setVariable(ProcessVariables.CHAPTER_NAME.name(), chapter.chapter().name());
		execution.setVariable(PARTY_CELL_GROUP, chapter.partyCellGroupId());
		execution.setVariable(BOARD_GROUP, GroupIds.board(wardCode));
		execution.setVariable(ProcessVariables.SUBJECT.name(), "Báo cáo chi bộ: " + topic + " – " + chapter.chapter().name());
		Long rolloutChapterId = number(execution.getVariable(ROLLOUT_CHAPTER_ID));
		long id = repository.insert(execution.getProcessInstanceId(), wardCode, chapter.groupId(),
				chapter.chapter().name(), chapter.partyCellGroupId(), rolloutChapterId, topic, now());
		execution.setVariable(CELL_REPORT_ID, id);
		LOG.info("Party cell report {} started for {} by {}", id, chapter.groupId(), initiator);
	}

	/** Task_WriteCellReport completed: one more round goes to the Party cell. */
	void reportWritten(DelegateTask task) {
		String report = text(task.getVariable(CELL_REPORT));
		String request = text(task.getVariable(GUIDANCE_REQUEST));
		if (report == null) {
			throw new FormValidationException(CELL_REPORT, "Vui lòng nhập báo cáo của chi hội.");
		}
		if (request == null) {
			throw new FormValidationException(GUIDANCE_REQUEST, "Vui lòng nhập nội dung xin ý kiến chỉ đạo.");
		}
		repository.recordReport(reportId(task.getExecution()), report, request, actor(task), now());
		// the Party cell decides afresh on every round
		task.getExecution().removeVariable(GUIDANCE_DECISION);
	}

	/** Task_GiveGuidance completed: guidance with directions, or a revision with its reason. */
	void guidanceGiven(DelegateTask task) {
		String decision = text(task.getVariable(GUIDANCE_DECISION));
		String guidance = text(task.getVariable(GUIDANCE));
		String reason = text(task.getVariable(REVISION_REASON));
		long id = reportId(task.getExecution());
		if (DECISION_AGREED.equals(decision)) {
			if (guidance == null) {
				throw new FormValidationException(GUIDANCE, "Vui lòng nhập ý kiến chỉ đạo của chi bộ.");
			}
			repository.recordAnswer(id, CellReportRepository.STATE_GUIDANCE_AGREED, guidance, null, actor(task), now());
		}
		else if (DECISION_REVISE.equals(decision)) {
			if (reason == null) {
				throw new FormValidationException(REVISION_REASON, "Vui lòng nhập lý do yêu cầu chỉnh sửa.");
			}
			repository.recordAnswer(id, CellReportRepository.STATE_REVISION_REQUESTED, null, reason, actor(task),
					now());
		}
		else {
			throw new FormValidationException(GUIDANCE_DECISION, "Vui lòng chọn: đồng ý hoặc yêu cầu chỉnh sửa.");
		}
	}

	/** Task_InformBoard: tells the board and the chapter what the Party cell directed. */
	void informBoard(DelegateExecution execution) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("chapterName", execution.getVariable(ProcessVariables.CHAPTER_NAME.name()));
		model.put("topic", execution.getVariable(REPORT_TOPIC));
		model.put("guidance", execution.getVariable(GUIDANCE));
		model.put("subject", execution.getVariable(ProcessVariables.SUBJECT.name()));
		model.put("processInstanceId", execution.getProcessInstanceId());
		Recipients recipients = Recipients.groups(Set.of((String) execution.getVariable(BOARD_GROUP),
				(String) execution.getVariable(ProcessVariables.CHAPTER_GROUP.name())));
		notifier.send(TEMPLATE_GUIDANCE_AGREED, recipients, model);
	}

	private long reportId(DelegateExecution execution) {
		return number(execution.getVariable(CELL_REPORT_ID));
	}

	private String actor(DelegateTask task) {
		Authentication auth = identityService.getCurrentAuthentication();
		return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
	}

	static LocalDateTime now() {
		return LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZoneId.systemDefault());
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String s = value.toString().strip();
		return s.isEmpty() ? null : s;
	}

	private static Long number(Object value) {
		if (value instanceof Number n) {
			return n.longValue();
		}
		if (value instanceof String s && !s.isBlank()) {
			return Long.valueOf(s.strip());
		}
		return null;
	}

}
