package vn.thidua.partycell;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.process.ProcessVariables;
import vn.thidua.web.Messages;

/**
 * ChapterPartyCellReport on plain values: who may start it for which chapter, what each round
 * records in {@code thidua_cell_report}, and who is told of the Party cell's guidance.
 */
@Service
class CellReportService {

	static final String TEMPLATE_GUIDANCE_AGREED = "cell-guidance-agreed";

	private static final Logger LOG = LoggerFactory.getLogger(CellReportService.class);

	private final OrganisationDirectory directory;

	private final CellReportRepository repository;

	private final Notifier notifier;

	private final Clock clock;

	CellReportService(OrganisationDirectory directory, CellReportRepository repository, Notifier notifier,
			Clock clock) {
		this.directory = directory;
		this.repository = repository;
		this.notifier = notifier;
		this.clock = clock;
	}

	/**
	 * @param called whether a process called this one (it passes the chapter in) rather than a
	 *        chapter head starting it from Tasklist
	 */
	record Request(String processInstanceId, String initiator, String chapterGroup, boolean called, String topic,
			Long rolloutChapterId) {
	}

	/** The report's record and the names its instance shows. */
	record Started(long reportId, String wardCode, String chapterGroup, String chapterName, String partyCellGroup,
			String boardGroup, String subject) {
	}

	/** What the board and the chapter are told when the Party cell agrees. */
	record Outcome(String processInstanceId, String chapterGroup, String chapterName, String boardGroup,
			String subject, String topic, String guidance) {
	}

	/**
	 * StartEvent_CellReportRequested. Started from Tasklist, the chapter is the starter's own (a head
	 * of several chapters names one, and it must be hers); called from ChapterRollout, the caller
	 * passes the chapter in.
	 */
	Started start(Request request) {
		String group = request.called() ? request.chapterGroup()
				: CellReportRules.chapterOfHead(
						request.initiator() == null ? List.of() : directory.chaptersHeadedBy(request.initiator()),
						request.chapterGroup());
		ChapterRef chapter = directory.chapterByGroup(group)
			.orElseThrow(() -> new FormValidationException(ProcessVariables.CHAPTER_GROUP.name(),
					Messages.get("partycell.start.unknown-chapter", group)));
		if (request.topic() == null) {
			throw new FormValidationException(PartyCellReportVariables.REPORT_TOPIC.name(),
					Messages.get("partycell.topic.required"));
		}
		String wardCode = chapter.ward().code();
		String name = chapter.chapter().name();
		long id = repository.insert(request.processInstanceId(), wardCode, chapter.groupId(), name,
				chapter.partyCellGroupId(), request.rolloutChapterId(), request.topic(), now());
		LOG.info("Party cell report {} started for {} by {}", id, chapter.groupId(), request.initiator());
		return new Started(id, wardCode, chapter.groupId(), name, chapter.partyCellGroupId(), GroupIds.board(wardCode),
				Messages.get("partycell.subject", request.topic(), name));
	}

	/** Task_WriteCellReport completed: one more round goes to the Party cell. */
	void reportWritten(long reportId, String report, String request, String writtenBy) {
		CellReportRules.checkReport(report, request);
		repository.recordReport(reportId, report, request, writtenBy, now());
	}

	/** Task_GiveGuidance completed: guidance with directions, or a revision with its reason. */
	void guidanceGiven(long reportId, String decision, String guidance, String reason, String answeredBy) {
		CellReportRules.Answer answer = CellReportRules.answer(decision, guidance, reason);
		repository.recordAnswer(reportId, answer.state(), answer.guidance(), answer.revisionReason(), answeredBy, now());
	}

	/** Task_InformBoard: tells the board and the chapter what the Party cell directed. */
	void informBoard(Outcome outcome) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("chapterName", outcome.chapterName());
		model.put("topic", outcome.topic());
		model.put("guidance", outcome.guidance());
		model.put("subject", outcome.subject());
		model.put("processInstanceId", outcome.processInstanceId());
		notifier.send(TEMPLATE_GUIDANCE_AGREED, Recipients.groups(Set.of(outcome.boardGroup(), outcome.chapterGroup())),
				model);
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock);
	}

}
