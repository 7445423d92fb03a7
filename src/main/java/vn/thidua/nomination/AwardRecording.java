package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.AWARD_ID;
import static vn.thidua.nomination.NominationVariables.BOARD_GROUP;
import static vn.thidua.nomination.NominationVariables.COUNCIL_GROUP;
import static vn.thidua.nomination.NominationVariables.DECIDING_AUTHORITY;
import static vn.thidua.nomination.NominationVariables.DECISION_DATE;
import static vn.thidua.nomination.NominationVariables.DECISION_NUMBER;
import static vn.thidua.nomination.NominationVariables.DECISION_SIGNED_BY;
import static vn.thidua.process.ProcessVariables.CHAPTER_GROUP;
import static vn.thidua.process.ProcessVariables.CHAPTER_NAME;
import static vn.thidua.process.ProcessVariables.INITIATOR;
import static vn.thidua.process.ProcessVariables.WARD_CODE;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.nomination.CouncilVoteRepository.Tally;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.AwardRegister.NewAward;
import vn.thidua.notification.Recipients;
import vn.thidua.forms.FormValidationException;

/**
 * The end of an approved nomination: the chair's decision (Task_SignDecision) and the register
 * row with its mail (Task_RecordAward), or the recommendation to the higher level
 * (Task_RecordRecommendation).
 */
@Service
class AwardRecording {

	static final int DECISION_NUMBER_MAX = 64;

	private final AwardRegister register;

	private final AwardCatalogue catalogue;

	private final NominationRepository nominations;

	private final NominationMail mail;

	private final IdentityService identityService;

	private final CouncilVoteRepository votes;

	AwardRecording(AwardRegister register, AwardCatalogue catalogue, NominationRepository nominations,
			CouncilVoteRepository votes, NominationMail mail, IdentityService identityService) {
		this.register = register;
		this.votes = votes;
		this.catalogue = catalogue;
		this.nominations = nominations;
		this.mail = mail;
		this.identityService = identityService;
	}

	/** Task_SignDecision (complete): a decision number new to the ward and a date not in the future. */
	void validateDecision(DelegateTask task) {
		Object number = task.getVariable(DECISION_NUMBER);
		if (number == null || number.toString().isBlank()) {
			throw new FormValidationException(DECISION_NUMBER, "Cần ghi số quyết định khen thưởng.");
		}
		String n = number.toString().trim();
		if (n.length() > DECISION_NUMBER_MAX) {
			throw new FormValidationException(DECISION_NUMBER, "Số quyết định dài quá " + DECISION_NUMBER_MAX + " ký tự.");
		}
		if (register.decisionNumberUsed((String) task.getVariable(WARD_CODE.name()), n)) {
			throw new FormValidationException(DECISION_NUMBER, "Số quyết định \"" + n + "\" đã có trong sổ khen thưởng.");
		}
		Object date = task.getVariable(DECISION_DATE);
		try {
			if (date == null || LocalDate.parse(date.toString()).isAfter(LocalDate.now())) {
				throw new FormValidationException(DECISION_DATE, "Ngày quyết định phải có và không ở tương lai.");
			}
		}
		catch (DateTimeParseException ex) {
			throw new FormValidationException(DECISION_DATE, "Ngày quyết định phải có dạng NNNN-TT-NN.");
		}
		Authentication auth = identityService.getCurrentAuthentication();
		String signer = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
		task.setVariable(DECISION_SIGNED_BY, signer);
		task.setVariable(DECISION_NUMBER, n);
	}

	/** Task_RecordAward: the decision enters the register; everyone concerned is told. */
	void recordDecision(DelegateExecution execution) {
		record(execution, AwardEntry.DECIDED, (String) execution.getVariable(DECISION_NUMBER),
				LocalDate.parse(execution.getVariable(DECISION_DATE).toString()),
				(String) execution.getVariable(DECISION_SIGNED_BY));
		nominations.finish(execution.getProcessInstanceId(), NominationRepository.AWARDED);
		Map<String, Object> model = NominationService.model(execution);
		model.put("decisionNumber", execution.getVariable(DECISION_NUMBER));
		model.put("decisionDate", execution.getVariable(DECISION_DATE));
		// the mail links to the decision and the certificate (vn.thidua.document), never attaches them
		model.put("awardId", execution.getVariable(AWARD_ID));
		mail.send("decision-signed", everyone(execution), model);
	}

	/** Task_RecordRecommendation: the recommendation to the higher level enters the register. */
	void recordRecommendation(DelegateExecution execution) {
		record(execution, AwardEntry.RECOMMENDED, null, null, null);
		nominations.finish(execution.getProcessInstanceId(), NominationRepository.RECOMMENDED);
		Map<String, Object> model = NominationService.model(execution);
		model.put("decidingAuthority", execution.getVariable(DECIDING_AUTHORITY));
		model.put("awardId", execution.getVariable(AWARD_ID));
		mail.send("recommendation-sent", everyone(execution), model);
	}

	/**
	 * The register row: the nominee, chapter, award and year as the nomination was last checked and
	 * reviewed (our table, not the process variables), and the tally counted from the ballots of the
	 * round that decided it; nothing of it comes from a submission.
	 */
	private void record(DelegateExecution execution, String status, String number, LocalDate date, String signer) {
		String pid = execution.getProcessInstanceId();
		var nomination = nominations.nomination(pid)
			.orElseThrow(() -> new IllegalStateException("No nomination row for " + pid));
		Award award = catalogue.find(nomination.awardCode()).orElseThrow();
		Tally tally = votes.lastTally(pid).orElseThrow(() -> new IllegalStateException("No council tally for " + pid));
		long id = register.record(new NewAward(pid, nomination.wardCode(), nomination.chapterGroup(),
				(String) execution.getVariable(CHAPTER_NAME.name()), nomination.nomineeType(), nomination.nomineeName().trim(),
				award, nomination.periodYear(), status, number, date, signer, tally.agree(), tally.disagree(),
				tally.abstain()));
		execution.setVariable(AWARD_ID, id);
	}

	private static Recipients everyone(DelegateExecution execution) {
		return new Recipients(Set.of((String) execution.getVariable(INITIATOR.name())),
				Set.of((String) execution.getVariable(CHAPTER_GROUP.name()), (String) execution.getVariable(BOARD_GROUP),
						(String) execution.getVariable(COUNCIL_GROUP)));
	}

}
