package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.BOARD_APPROVE;
import static vn.thidua.nomination.NominationVariables.BOARD_DECISION;
import static vn.thidua.nomination.NominationVariables.BOARD_REASON;
import static vn.thidua.nomination.NominationVariables.BOARD_REJECT;
import static vn.thidua.nomination.NominationVariables.BOARD_RETURN;
import static vn.thidua.nomination.NominationVariables.CHAPTER_CODE;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.calendar.WorkingDays;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;
import vn.thidua.nomination.NominationChecks.Problem;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.web.Messages;

/**
 * The rules of the CommendationNomination process up to the council vote, free of the engine
 * ({@link NominationProcess} reads and writes the variables): the start (who nominates for which
 * chapter), the checks, the board's decision and its mails, the public disclosure and objections.
 */
@Service
class NominationService {

	private static final Logger LOG = LoggerFactory.getLogger(NominationService.class);

	/** The subject is shown in Tasklist's lists and mail subjects: one line. */
	static final int SUBJECT_MAX = 200;

	private final OrganisationDirectory directory;

	private final AwardCatalogue catalogue;

	private final NominationChecks checks;

	private final NominationRepository nominations;

	private final Notifier notifier;

	private final NominationSettings settings;

	private final DisclosureDigest digest;

	private final Clock clock;

	NominationService(OrganisationDirectory directory, AwardCatalogue catalogue, NominationChecks checks,
			NominationRepository nominations, Notifier notifier, NominationSettings settings, DisclosureDigest digest,
			Clock clock) {
		this.directory = directory;
		this.catalogue = catalogue;
		this.checks = checks;
		this.nominations = nominations;
		this.notifier = notifier;
		this.settings = settings;
		this.digest = digest;
		this.clock = clock;
	}

	/** The award as the process shows it, and the instance's one-line subject. */
	record AwardFacts(String name, String issuer, boolean withinWardAuthority, String subject) {
	}

	/** Where a started nomination belongs: its ward's groups and its chapter. */
	record Started(String wardCode, String chapterCode, String chapterGroup, String chapterName, String wardGroup,
			String boardGroup, String councilGroup, String chairGroup, AwardFacts award) {
	}

	/** The checks after a revision: the problem that returns it to the chapter, or the award when it passed. */
	record Checked(String problem, AwardFacts award) {
	}

	/**
	 * StartEvent_NominationSubmitted: the ward and chapter from the starter and the checks; a broken
	 * rule refuses the start (nothing is created).
	 */
	Started start(String processInstanceId, String initiator, String chapterCode, NominationData data) {
		if (initiator == null) {
			throw new FormValidationException(null, Messages.get("nomination.start.no-login"));
		}
		ChapterRef chapter = chapterOf(initiator, chapterCode);
		Ward ward = chapter.ward();
		Optional<Problem> problem = checks.check(data, processInstanceId, ward.code(), chapter.groupId(), initiator);
		if (problem.isPresent()) {
			throw new FormValidationException(problem.get().field(), problem.get().message());
		}
		try {
			nominations.save(NominationChecks.nomination(data, processInstanceId, ward.code(), chapter.groupId(),
					initiator));
		}
		catch (DuplicateKeyException ex) {
			throw new FormValidationException(NominationVariables.NOMINEE_NAME.name(),
					Messages.get("nomination.start.just-nominated", data.nomineeName().trim()));
		}
		LOG.info("Nomination {} started by {} for chapter {}", processInstanceId, initiator, chapter.groupId());
		return new Started(ward.code(), chapter.chapter().code(), chapter.groupId(), chapter.chapter().name(),
				GroupIds.ward(ward.code()), GroupIds.board(ward.code()), GroupIds.council(ward.code()),
				GroupIds.chair(ward.code()), award(data));
	}

	/** The start form's defaults for {@code login} (never trusted back: the start listener decides again). */
	record StartFormDefaults(boolean namesChapter, int periodYear) {
	}

	/**
	 * Whether {@code login} must name the chapter on the start form (the board, the chair, a person
	 * heading no chapter or several), or {@link #chapterOf} takes the one she heads; and this year
	 * in Vietnam, the default of «Năm thi đua».
	 */
	StartFormDefaults startFormDefaults(String login) {
		boolean leads = directory.wards().stream().anyMatch(w -> login.equals(w.chair()) || w.board().contains(login));
		return new StartFormDefaults(leads || directory.chaptersHeadedBy(login).size() != 1,
				java.time.LocalDate.now(clock).getYear());
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
			throw new FormValidationException(CHAPTER_CODE.name(), headed.isEmpty()
					? Messages.get("nomination.chapter.required")
					: Messages.get("nomination.chapter.required-several"));
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
			throw new FormValidationException(CHAPTER_CODE.name(), Messages.get("nomination.chapter.own-only"));
		}
		throw new FormValidationException(CHAPTER_CODE.name(), Messages.get("nomination.chapter.unknown", shorten(code)));
	}

	/**
	 * Task_CheckNomination: the same rules again (after a revision the data may have changed); a
	 * failure sends the nomination back to the chapter with the reason.
	 */
	Checked checkAgain(String processInstanceId, String ward, String chapter, String initiator, NominationData data) {
		Optional<Problem> problem = checks.check(data, processInstanceId, ward, chapter, initiator);
		if (problem.isPresent()) {
			LOG.info("Nomination {} failed the checks on {}: returned to the chapter", processInstanceId,
					problem.get().field());
			return new Checked(problem.get().message(), null);
		}
		nominations.save(NominationChecks.nomination(data, processInstanceId, ward, chapter, initiator));
		return new Checked(null, award(data));
	}

	private AwardFacts award(NominationData data) {
		Award award = catalogue.find(data.awardCode()).orElseThrow();
		String subject = Messages.get("nomination.subject", data.nomineeName().trim(), award.name(),
				String.valueOf(data.periodYear()));
		return new AwardFacts(award.name(), award.issuer(), award.withinWardAuthority(),
				subject.length() > SUBJECT_MAX ? subject.substring(0, SUBJECT_MAX - 1) + "…" : subject);
	}

	/** Task_BoardReview (complete): one of the three decisions; a return or rejection needs a reason. */
	static void validateBoardReview(String decision, String reason) {
		if (!Set.of(BOARD_APPROVE, BOARD_RETURN, BOARD_REJECT).contains(decision)) {
			throw new FormValidationException(BOARD_DECISION.name(), Messages.get("nomination.board.decision.required"));
		}
		if (!BOARD_APPROVE.equals(decision) && reason == null) {
			throw new FormValidationException(BOARD_REASON.name(), BOARD_RETURN.equals(decision)
					? Messages.get("nomination.board.return.reason-required")
					: Messages.get("nomination.board.reject.reason-required"));
		}
	}

	/** Task_NotifyReturned: the chapter is told what to change. */
	void notifyReturned(NominationCase nomination) {
		notifier.send("nomination-returned", nominator(nomination), model(nomination));
	}

	/** Task_NotifyRejected: the nominator and the chapter are told; the achievement is free again. */
	void notifyRejected(NominationCase nomination) {
		nominations.finish(nomination.processInstanceId(), NominationRepository.REJECTED);
		notifier.send("nomination-rejected", nominator(nomination), model(nomination));
	}

	/**
	 * Task_PublishShortlist: the nominator is told at once that the nomination is disclosed until the
	 * window's end; the ward learns of it in its daily digest ({@link DisclosureDigest}).
	 */
	void publishShortlist(NominationCase nomination) {
		Instant now = clock.instant();
		Instant ends = settings.disclosureEnd(now);
		Map<String, Object> model = model(nomination);
		model.put("disclosurePeriod", settings.disclosureInWords());
		model.put("disclosureEnds", DAY.format(ends.atZone(WorkingDays.VIETNAM)));
		notifier.send("nomination-approved", Recipients.users(Set.of(nomination.initiator())), model);
		digest.record(new DisclosureDigest.Entry(nomination.processInstanceId(), nomination.wardCode(),
				nomination.nomineeName(), nomination.awardName(), nomination.chapterName(),
				nomination.periodYear() == null ? 0 : nomination.periodYear(), now, ends));
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	/**
	 * Task_RecordObjection: the objection goes to the board with the nomination, which leaves the
	 * disclosure (and the ward's next digest, if not listed yet).
	 */
	void recordObjection(NominationCase nomination, String boardGroup, String objectionReason) {
		Map<String, Object> model = model(nomination);
		model.put("objectionReason", objectionReason);
		notifier.send("objection-lodged", Recipients.groups(List.of(boardGroup)), model);
		digest.withdraw(nomination.processInstanceId(), clock.instant());
	}

	/** Task_NotifyCouncilRejected: the council did not agree; the nominator, chapter and board are told. */
	void notifyCouncilRejected(NominationCase nomination, String boardGroup) {
		nominations.finish(nomination.processInstanceId(), NominationRepository.REJECTED);
		notifier.send("nomination-council-rejected",
				new Recipients(Set.of(nomination.initiator()), Set.of(nomination.chapterGroup(), boardGroup)),
				model(nomination));
	}

	/** The process ended: a nomination still marked running (cancelled instance) frees its key. */
	void end(String processInstanceId) {
		nominations.find(processInstanceId)
			.filter(r -> NominationRepository.ACTIVE.equals(r.status()))
			.ifPresent(r -> nominations.finish(r.processInstanceId(), NominationRepository.CLOSED));
	}

	private static Recipients nominator(NominationCase nomination) {
		return new Recipients(Set.of(nomination.initiator()), Set.of(nomination.chapterGroup()));
	}

	/** The values every nomination mail shows. */
	static Map<String, Object> model(NominationCase nomination) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("processInstanceId", nomination.processInstanceId());
		model.put("subject", nomination.subject());
		model.put("nomineeName", nomination.nomineeName());
		model.put("awardName", nomination.awardName());
		model.put("awardCode", nomination.awardCode());
		model.put("periodYear", nomination.periodYear());
		model.put("chapterName", nomination.chapterName());
		model.put("reason", nomination.boardReason() == null ? "" : nomination.boardReason());
		return model;
	}

	private static String shorten(String s) {
		return s.length() > 40 ? s.substring(0, 40) + "…" : s;
	}

}
