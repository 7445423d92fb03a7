package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.AWARD_CODE;
import static vn.thidua.nomination.NominationVariables.AWARD_ISSUER;
import static vn.thidua.nomination.NominationVariables.AWARD_NAME;
import static vn.thidua.nomination.NominationVariables.BOARD_DECISION;
import static vn.thidua.nomination.NominationVariables.BOARD_GROUP;
import static vn.thidua.nomination.NominationVariables.BOARD_REASON;
import static vn.thidua.nomination.NominationVariables.BOARD_REJECT;
import static vn.thidua.nomination.NominationVariables.BOARD_RETURN;
import static vn.thidua.nomination.NominationVariables.CHAIR_GROUP;
import static vn.thidua.nomination.NominationVariables.CHAPTER_CODE;
import static vn.thidua.nomination.NominationVariables.CHECKS_PASSED;
import static vn.thidua.nomination.NominationVariables.CHECKS_PROBLEM;
import static vn.thidua.nomination.NominationVariables.COUNCIL_GROUP;
import static vn.thidua.nomination.NominationVariables.OBJECTION_BY;
import static vn.thidua.nomination.NominationVariables.OBJECTION_COUNT;
import static vn.thidua.nomination.NominationVariables.OBJECTION_REASON;
import static vn.thidua.nomination.NominationVariables.WARD_GROUP;
import static vn.thidua.nomination.NominationVariables.WITHIN_WARD_AUTHORITY;
import static vn.thidua.process.ProcessVariables.CHAPTER_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_NAME;
import static vn.thidua.process.ProcessVariables.INITIATOR;
import static vn.thidua.process.ProcessVariables.SUBJECT;
import static vn.thidua.process.ProcessVariables.WARD_CODE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.nomination.NominationChecks.Problem;
import vn.thidua.notification.Recipients;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;
import vn.thidua.forms.FormValidationException;

/**
 * What the CommendationNomination process does at its steps, up to the council vote: the start
 * (who nominates for which chapter), the checks, the board's decision and its mails, the public
 * disclosure and objections.
 */
@Service
class NominationService {

	private static final Logger LOG = LoggerFactory.getLogger(NominationService.class);

	private final OrganisationDirectory directory;

	private final AwardCatalogue catalogue;

	private final NominationChecks checks;

	private final NominationRepository nominations;

	private final NominationMail mail;

	private final NominationSettings settings;

	private final IdentityService identityService;

	NominationService(OrganisationDirectory directory, AwardCatalogue catalogue, NominationChecks checks,
			NominationRepository nominations, NominationMail mail, NominationSettings settings,
			IdentityService identityService) {
		this.directory = directory;
		this.catalogue = catalogue;
		this.checks = checks;
		this.nominations = nominations;
		this.mail = mail;
		this.settings = settings;
		this.identityService = identityService;
	}

	/**
	 * StartEvent_NominationSubmitted: derives the ward and chapter from the starter, sets the common
	 * variables and checks the nomination; a broken rule refuses the start (nothing is created).
	 */
	void start(DelegateExecution execution) {
		String initiator = initiator(execution);
		ChapterRef chapter = chapterOf(initiator, NominationData.string(execution, CHAPTER_CODE));
		Ward ward = chapter.ward();
		execution.setVariable(INITIATOR.name(), initiator);
		execution.setVariable(WARD_CODE.name(), ward.code());
		execution.setVariable(CHAPTER_CODE, chapter.chapter().code());
		execution.setVariable(CHAPTER_GROUP.name(), chapter.groupId());
		execution.setVariable(CHAPTER_NAME.name(), chapter.chapter().name());
		execution.setVariable(WARD_GROUP, GroupIds.ward(ward.code()));
		execution.setVariable(BOARD_GROUP, GroupIds.board(ward.code()));
		execution.setVariable(COUNCIL_GROUP, GroupIds.council(ward.code()));
		execution.setVariable(CHAIR_GROUP, GroupIds.chair(ward.code()));
		execution.setVariable(OBJECTION_COUNT, 0);

		NominationData data = NominationData.of(execution);
		Optional<Problem> problem = checks.check(data, execution.getProcessInstanceId(), ward.code(),
				chapter.groupId(), initiator);
		if (problem.isPresent()) {
			throw new FormValidationException(problem.get().field(), problem.get().message());
		}
		try {
			nominations.save(NominationChecks.nomination(data, execution.getProcessInstanceId(), ward.code(),
					chapter.groupId(), initiator));
		}
		catch (DuplicateKeyException ex) {
			throw new FormValidationException(NominationVariables.NOMINEE_NAME,
					"\"" + data.nomineeName().trim() + "\" vừa được đề nghị cho cùng hình thức và năm thi đua.");
		}
		setAwardVariables(execution, data);
		LOG.info("Nomination {} started by {} for chapter {}", execution.getProcessInstanceId(), initiator,
				chapter.groupId());
	}

	private String initiator(DelegateExecution execution) {
		Object initiator = execution.getVariable(INITIATOR.name());
		if (initiator == null) {
			Authentication auth = identityService.getCurrentAuthentication();
			initiator = auth == null ? null : auth.getUserId();
		}
		if (initiator == null) {
			throw new FormValidationException(null, "Không xác định được người đề nghị: cần đăng nhập.");
		}
		return initiator.toString();
	}

	/**
	 * A chapter head nominates for their own chapter (the chapter code may be left empty); the board
	 * and the chair name a chapter of their ward.
	 */
	ChapterRef chapterOf(String login, String chapterCode) {
		String code = chapterCode == null ? "" : chapterCode.trim();
		List<ChapterRef> headed = directory.chaptersHeadedBy(login);
		if (code.isEmpty()) {
			if (headed.size() == 1) {
				return headed.get(0);
			}
			throw new FormValidationException(CHAPTER_CODE, headed.isEmpty()
					? "Cần ghi mã chi hội được đề nghị (ví dụ ch01)."
					: "Chị phụ trách nhiều chi hội: cần ghi mã chi hội được đề nghị.");
		}
		Optional<ChapterRef> own = headed.stream().filter(c -> c.chapter().code().equals(code)).findFirst();
		if (own.isPresent()) {
			return own.get();
		}
		for (Ward ward : directory.wards()) {
			boolean leads = login.equals(ward.chair()) || ward.board().contains(login);
			if (leads) {
				Optional<ChapterRef> chapter = directory.chapterByGroup(GroupIds.chapter(ward.code(), code));
				if (chapter.isPresent()) {
					return chapter.get();
				}
			}
		}
		if (!headed.isEmpty()) {
			throw new FormValidationException(CHAPTER_CODE,
					"Chi hội trưởng chỉ đề nghị khen thưởng cho chi hội mình phụ trách.");
		}
		throw new FormValidationException(CHAPTER_CODE, "Không có chi hội mã \"" + shorten(code)
				+ "\" mà chị được đề nghị khen thưởng.");
	}

	/**
	 * Task_CheckNomination: the same rules again (after a revision the data may have changed); a
	 * failure sends the nomination back to the chapter with the reason in {@code checksProblem}.
	 */
	void checkAgain(DelegateExecution execution) {
		NominationData data = NominationData.of(execution);
		String pid = execution.getProcessInstanceId();
		String ward = (String) execution.getVariable(WARD_CODE.name());
		String chapter = (String) execution.getVariable(CHAPTER_GROUP.name());
		String initiator = (String) execution.getVariable(INITIATOR.name());
		Optional<Problem> problem = checks.check(data, pid, ward, chapter, initiator);
		execution.setVariable(CHECKS_PASSED, problem.isEmpty());
		execution.setVariable(CHECKS_PROBLEM, problem.map(Problem::message).orElse(null));
		if (problem.isEmpty()) {
			nominations.save(NominationChecks.nomination(data, pid, ward, chapter, initiator));
			setAwardVariables(execution, data);
		}
		else {
			LOG.info("Nomination {} failed the checks on {}: returned to the chapter", pid, problem.get().field());
		}
	}

	private void setAwardVariables(DelegateExecution execution, NominationData data) {
		Award award = catalogue.find(data.awardCode()).orElseThrow();
		execution.setVariable(AWARD_NAME, award.name());
		execution.setVariable(AWARD_ISSUER, award.issuer());
		execution.setVariable(WITHIN_WARD_AUTHORITY, award.withinWardAuthority());
		String subject = "Đề nghị khen thưởng: " + data.nomineeName().trim() + " – " + award.name() + " năm "
				+ data.periodYear();
		execution.setVariable(SUBJECT.name(), subject.length() > 200 ? subject.substring(0, 199) + "…" : subject);
	}

	/** Task_BoardReview (complete): a return or rejection needs a reason. */
	void validateBoardReview(DelegateTask task) {
		Object decision = task.getVariable(BOARD_DECISION);
		if (!Set.of(NominationVariables.BOARD_APPROVE, BOARD_RETURN, BOARD_REJECT).contains(decision)) {
			throw new FormValidationException(BOARD_DECISION,
					"Cần chọn ý kiến của Ban Thường vụ: đồng ý, trả lại hoặc không đồng ý.");
		}
		Object reason = task.getVariable(BOARD_REASON);
		boolean blank = reason == null || reason.toString().isBlank();
		if (!NominationVariables.BOARD_APPROVE.equals(decision) && blank) {
			throw new FormValidationException(BOARD_REASON, BOARD_RETURN.equals(decision)
					? "Cần ghi lý do trả lại hồ sơ để chi hội bổ sung."
					: "Cần ghi lý do không đồng ý đề nghị.");
		}
	}

	/** Task_NotifyReturned: the chapter is told what to change. */
	void notifyReturned(DelegateExecution execution) {
		mail.send("nomination-returned", nominator(execution), model(execution));
	}

	/** Task_NotifyRejected: the nominator and the chapter are told; the achievement is free again. */
	void notifyRejected(DelegateExecution execution) {
		nominations.finish(execution.getProcessInstanceId(), NominationRepository.REJECTED);
		mail.send("nomination-rejected", nominator(execution), model(execution));
	}

	/** Task_PublishShortlist: the ward is told that the nomination is disclosed and may object. */
	void publishShortlist(DelegateExecution execution) {
		execution.removeVariable(OBJECTION_REASON);
		execution.removeVariable(OBJECTION_BY);
		Map<String, Object> model = model(execution);
		model.put("disclosurePeriod", settings.getDisclosurePeriod());
		model.put("disclosureDays", days(settings.getDisclosurePeriod()));
		mail.send("nomination-approved", new Recipients(Set.of(initiator(execution)),
				Set.of((String) execution.getVariable(WARD_GROUP))), model);
	}

	/** Task_RecordObjection: the objection goes to the board with the nomination. */
	void recordObjection(DelegateExecution execution) {
		Object count = execution.getVariable(OBJECTION_COUNT);
		execution.setVariable(OBJECTION_COUNT, (count instanceof Number n ? n.intValue() : 0) + 1);
		execution.removeVariable(BOARD_DECISION);
		execution.removeVariable(BOARD_REASON);
		Map<String, Object> model = model(execution);
		model.put("objectionReason", execution.getVariable(OBJECTION_REASON));
		mail.send("objection-lodged", Recipients.groups(List.of((String) execution.getVariable(BOARD_GROUP))), model);
	}

	/** Task_NotifyCouncilRejected: the council did not agree; the nominator, chapter and board are told. */
	void notifyCouncilRejected(DelegateExecution execution) {
		nominations.finish(execution.getProcessInstanceId(), NominationRepository.REJECTED);
		Map<String, Object> model = model(execution);
		mail.send("nomination-council-rejected", new Recipients(Set.of(initiator(execution)),
				Set.of((String) execution.getVariable(CHAPTER_GROUP.name()), (String) execution.getVariable(BOARD_GROUP))),
				model);
	}

	/** The process ended: a nomination still marked running (cancelled instance) frees its key. */
	void end(DelegateExecution execution) {
		nominations.find(execution.getProcessInstanceId())
			.filter(r -> NominationRepository.ACTIVE.equals(r.status()))
			.ifPresent(r -> nominations.finish(r.processInstanceId(), NominationRepository.CLOSED));
	}

	Recipients nominator(DelegateExecution execution) {
		return new Recipients(Set.of(initiator(execution)), Set.of((String) execution.getVariable(CHAPTER_GROUP.name())));
	}

	/** The values every nomination mail shows. */
	static Map<String, Object> model(DelegateExecution execution) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("processInstanceId", execution.getProcessInstanceId());
		model.put("subject", execution.getVariable(SUBJECT.name()));
		model.put("nomineeName", execution.getVariable(NominationVariables.NOMINEE_NAME));
		model.put("awardName", execution.getVariable(AWARD_NAME));
		model.put("awardCode", execution.getVariable(AWARD_CODE));
		model.put("periodYear", execution.getVariable(NominationVariables.PERIOD_YEAR));
		model.put("chapterName", execution.getVariable(CHAPTER_NAME.name()));
		Object reason = execution.getVariable(BOARD_REASON);
		model.put("reason", reason == null ? "" : reason);
		return model;
	}

	private static String days(String isoPeriod) {
		return isoPeriod.matches("P\\d+D") ? isoPeriod.substring(1, isoPeriod.length() - 1) : isoPeriod;
	}

	private static String shorten(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}

}
