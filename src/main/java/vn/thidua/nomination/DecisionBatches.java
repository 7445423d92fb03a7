package vn.thidua.nomination;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.nomination.DecisionBatchRepository.Batch;
import vn.thidua.nomination.DecisionBatchRepository.Item;
import vn.thidua.web.Messages;

/**
 * Decisions in batches (issue 18), free of the engine: every nomination the council approved waits
 * in the open batch of its ward and issuer; the chair ticks those one decision (or, above the ward,
 * one request letter) covers and signs it with one number; the others wait for the next. Serves
 * {@link AwardDecisionProcess}.
 */
@Service
class DecisionBatches {

	private static final Logger LOG = LoggerFactory.getLogger(DecisionBatches.class);

	/** The kind of a batch: a decision of the ward, or a request letter to the higher level. */
	static final String DECISION = "DECISION";

	static final String RECOMMENDATION = "RECOMMENDATION";

	private final DecisionBatchRepository batches;

	private final NominationRepository nominations;

	private final CouncilVoteRepository votes;

	private final AwardRecording recording;

	private final AwardCatalogue catalogue;

	private final OrganisationDirectory directory;

	private final Clock clock;

	DecisionBatches(DecisionBatchRepository batches, NominationRepository nominations, CouncilVoteRepository votes,
			AwardRecording recording, AwardCatalogue catalogue, OrganisationDirectory directory, Clock clock) {
		this.batches = batches;
		this.nominations = nominations;
		this.votes = votes;
		this.recording = recording;
		this.catalogue = catalogue;
		this.directory = directory;
		this.clock = clock;
	}

	/** What one signature decided: the number, the date and the nominations it covers. */
	record Signed(String number, String date, String signer, List<String> processInstanceIds) {
	}

	/**
	 * The open batch of the ward and issuer, locked until the transaction ends: the nominations
	 * joining a batch, its signatures and its close take turns on the batch's row instead of failing
	 * on each other's engine variables (and waiting for a job's retry).
	 */
	Optional<Batch> openBatch(String wardCode, String issuer) {
		return batches.lockOpenBatch(wardCode, issuer);
	}

	/**
	 * The batch of a ward and an issuer for the batch instance about to start, unless the ward has
	 * one open for the issuer (opened by another job or node at the same moment: it waits for that
	 * one's transaction, and nothing of this one is lost).
	 *
	 * @return the new batch's id, or empty when the nomination is to join the open batch
	 */
	OptionalLong claim(String wardCode, String issuer, String kind) {
		return batches.claim(wardCode, issuer, kind, LocalDateTime.now(clock));
	}

	/** StartEvent_BatchOpened: the claimed batch is the new instance's, with its first nomination. */
	void open(long batchId, String processInstanceId, String wardCode, String issuer, String firstNomination) {
		batches.attach(batchId, processInstanceId);
		batches.add(batchId, firstNomination, LocalDateTime.now(clock));
		LOG.info("Decision batch {} opened for ward {}, issuer {}", batchId, wardCode, issuer);
	}

	void add(long batchId, String nominationProcessInstanceId) {
		batches.add(batchId, nominationProcessInstanceId, LocalDateTime.now(clock));
	}

	/** The options of the chair's checklist: each nomination of the batch not yet signed. */
	List<Map<String, Object>> candidates(long batchId) {
		List<Map<String, Object>> options = new ArrayList<>();
		// the city's chair signs for every ward: each row names the ward beside the chapter
		boolean city = batches.batch(batchId).map(b -> directory.isCity(b.wardCode())).orElse(false);
		for (Item item : batches.items(batchId)) {
			if (item.signed()) {
				continue;
			}
			nominations.nomination(item.processInstanceId()).ifPresent(n -> {
				var tally = votes.lastTally(n.processInstanceId());
				Map<String, Object> option = new LinkedHashMap<>();
				option.put("label", Messages.get("decision.batch.option", n.nomineeName(),
						catalogue.find(n.awardCode()).map(Award::name).orElse(n.awardCode()),
						directory.chapterByGroup(n.chapterGroup())
							.map(c -> city ? c.chapter().name() + " – " + c.ward().name() : c.chapter().name())
							.orElse(n.chapterGroup()),
						String.valueOf(n.periodYear()), tally.map(t -> String.valueOf(t.agree())).orElse("0"),
						tally.map(t -> String.valueOf(t.members())).orElse("0")));
				option.put("value", n.processInstanceId());
				options.add(option);
			});
		}
		return options;
	}

	/**
	 * Task_SignDecision (complete): the ticked nominations (at least one, each waiting in this batch),
	 * a number new to the ward, a date not in the future; the items are signed.
	 */
	Signed sign(long batchId, List<String> chosen, String number, String date, String signer) {
		// after a nomination joining the batch meanwhile has committed: its row is counted as waiting
		Batch batch = batches.lock(batchId).orElseThrow();
		Set<String> waiting = new LinkedHashSet<>();
		batches.items(batchId).stream().filter(i -> !i.signed()).forEach(i -> waiting.add(i.processInstanceId()));
		if (chosen == null || chosen.isEmpty()) {
			throw new FormValidationException(AwardDecisionVariables.CHOSEN.name(),
					Messages.get("decision.batch.none-chosen"));
		}
		if (!waiting.containsAll(chosen)) {
			throw new FormValidationException(AwardDecisionVariables.CHOSEN.name(),
					Messages.get("decision.batch.not-waiting"));
		}
		String recorded = recording.validateDecision(batch.wardCode(), number, date);
		if (batches.numberUsed(batch.wardCode(), batch.kind(), recorded)) {
			throw new FormValidationException(NominationVariables.DECISION_NUMBER.name(),
					Messages.get("nomination.decision.number.used", recorded));
		}
		List<String> signed = List.copyOf(new LinkedHashSet<>(chosen));
		batches.sign(batchId, signed, recorded, LocalDate.parse(date), signer);
		LOG.info("Decision batch {}: {} signed for {} nominations", batchId, recorded, signed.size());
		return new Signed(recorded, date, signer, signed);
	}

	/** The ward's name, shown in the chair's task list. */
	String wardName(String wardCode) {
		return directory.unit(wardCode).map(w -> w.name()).orElse(wardCode);
	}

	/** Whether the batch's unit is the city (its items are the city's reviews of the wards' recommendations). */
	boolean isCity(String unitCode) {
		return directory.isCity(unitCode);
	}

	int remaining(long batchId) {
		return (int) batches.items(batchId).stream().filter(i -> !i.signed()).count();
	}

	/**
	 * Task_IssueDecision, once the signed nominations went on: how many of the batch still wait,
	 * counted with the batch locked, and the batch closed when none does (a nomination joining at
	 * that moment waits for the lock, finds the batch closed and opens the next).
	 */
	int closeIfSigned(long batchId) {
		batches.lock(batchId).orElseThrow();
		int remaining = remaining(batchId);
		if (remaining == 0) {
			batches.close(batchId, LocalDateTime.now(clock));
		}
		return remaining;
	}

}
