package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.DECISION_DATE;
import static vn.thidua.nomination.NominationVariables.DECISION_NUMBER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.AwardRegister.NewAward;
import vn.thidua.forms.FormValidationException;
import vn.thidua.nomination.CouncilVoteRepository.Tally;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.web.Messages;

/**
 * The end of an approved nomination, free of the engine: the chair's decision
 * (Task_SignDecision) and the register row with its mail (Task_RecordAward), or the
 * recommendation to the higher level (Task_RecordRecommendation).
 */
@Service
class AwardRecording {

	/** The longest decision number ({@code forms/sign-decision.form}, field decisionNumber). */
	static final int DECISION_NUMBER_MAX = 64;

	/** Dates as people read them in mails. */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final AwardRegister register;

	private final AwardCatalogue catalogue;

	private final NominationRepository nominations;

	private final Notifier notifier;

	private final CouncilVoteRepository votes;

	private final Clock clock;

	AwardRecording(AwardRegister register, AwardCatalogue catalogue, NominationRepository nominations,
			CouncilVoteRepository votes, Notifier notifier, Clock clock) {
		this.register = register;
		this.votes = votes;
		this.catalogue = catalogue;
		this.nominations = nominations;
		this.notifier = notifier;
		this.clock = clock;
	}

	/**
	 * Task_SignDecision (complete): a decision number new to the ward and a date not in the future.
	 *
	 * @return the decision number as it is recorded (trimmed)
	 */
	String validateDecision(String wardCode, String number, String date) {
		if (number == null) {
			throw new FormValidationException(DECISION_NUMBER.name(), Messages.get("nomination.decision.number.required"));
		}
		if (number.length() > DECISION_NUMBER_MAX) {
			throw new FormValidationException(DECISION_NUMBER.name(),
					Messages.get("nomination.decision.number.too-long", DECISION_NUMBER_MAX));
		}
		if (register.decisionNumberUsed(wardCode, number)) {
			throw new FormValidationException(DECISION_NUMBER.name(),
					Messages.get("nomination.decision.number.used", number));
		}
		try {
			if (date == null || LocalDate.parse(date).isAfter(LocalDate.now(clock))) {
				throw new FormValidationException(DECISION_DATE.name(), Messages.get("nomination.decision.date.future"));
			}
		}
		catch (DateTimeParseException ex) {
			throw new FormValidationException(DECISION_DATE.name(), Messages.get("nomination.decision.date.invalid"));
		}
		return number;
	}

	/**
	 * Task_RecordAward: the decision enters the register; everyone concerned is told.
	 *
	 * @param groups the chapter, board and council to tell
	 * @return the register row's id
	 */
	long recordDecision(NominationCase nomination, List<String> groups, String number, String date, String signer) {
		LocalDate decided = LocalDate.parse(date);
		long id = record(nomination, AwardEntry.DECIDED, number, decided, signer);
		nominations.finish(nomination.processInstanceId(), NominationRepository.AWARDED);
		Map<String, Object> model = NominationService.model(nomination);
		model.put("decisionNumber", number);
		model.put("decisionDate", DAY.format(decided));
		// the mail links to the decision and the certificate (vn.thidua.document), never attaches them
		model.put("awardId", id);
		notifier.send("decision-signed", everyone(nomination, groups), model);
		return id;
	}

	/** Task_RecordRecommendation: the recommendation to the higher level enters the register. */
	long recordRecommendation(NominationCase nomination, List<String> groups, String decidingAuthority) {
		long id = record(nomination, AwardEntry.RECOMMENDED, null, null, null);
		nominations.finish(nomination.processInstanceId(), NominationRepository.RECOMMENDED);
		Map<String, Object> model = NominationService.model(nomination);
		model.put("decidingAuthority", decidingAuthority);
		model.put("awardId", id);
		notifier.send("recommendation-sent", everyone(nomination, groups), model);
		return id;
	}

	/**
	 * The register row: the nominee, chapter, award and year as the nomination was last checked and
	 * reviewed (our table, not the process variables), and the tally counted from the ballots of the
	 * round that decided it; nothing of it comes from a submission.
	 */
	private long record(NominationCase c, String status, String number, LocalDate date, String signer) {
		String pid = c.processInstanceId();
		var nomination = nominations.nomination(pid)
			.orElseThrow(() -> new IllegalStateException("No nomination row for " + pid));
		Award award = catalogue.find(nomination.awardCode()).orElseThrow();
		Tally tally = votes.lastTally(pid).orElseThrow(() -> new IllegalStateException("No council tally for " + pid));
		return register.record(new NewAward(pid, nomination.wardCode(), nomination.chapterGroup(), c.chapterName(),
				nomination.nomineeType(), nomination.nomineeName().trim(), award, nomination.periodYear(), status,
				number, date, signer, tally.agree(), tally.disagree(), tally.abstain()));
	}

	private static Recipients everyone(NominationCase nomination, List<String> groups) {
		return new Recipients(Set.of(nomination.initiator()), Set.copyOf(groups));
	}

}
