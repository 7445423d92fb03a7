package vn.thidua.nomination;

import static vn.thidua.nomination.NominationVariables.ACHIEVEMENT_REPORT;
import static vn.thidua.nomination.NominationVariables.AWARD_CODE;
import static vn.thidua.nomination.NominationVariables.CHAPTER_CODE;
import static vn.thidua.nomination.NominationVariables.NOMINEE_NAME;
import static vn.thidua.nomination.NominationVariables.NOMINEE_TYPE;
import static vn.thidua.nomination.NominationVariables.NO_DISCIPLINE_DECLARED;
import static vn.thidua.nomination.NominationVariables.PERIOD_YEAR;
import static vn.thidua.nomination.NominationVariables.REVIEW_MEETING_AGREED;
import static vn.thidua.nomination.NominationVariables.REVIEW_MEETING_DATE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.forms.FormValidationException;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.rollout.RolloutRepository;
import vn.thidua.rollout.RolloutRepository.ProposalRow;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * The exemplary people the chapters proposed in their year-end reports (Task_YearEndReport of
 * ChapterRollout, {@code thidua_rollout_proposal}) as suggested nominations for the board and the
 * chair of their ward: each one can become one CommendationNomination, started by the board member
 * (the initiator, who then completes the dossier in Task_CompleteDossier), and only one. The
 * proposal has a name and a reason: the nomination is for an individual of the proposal's chapter
 * and year, the reason becomes the achievement; the award, the chapter's review meeting and the
 * declaration come from the board member.
 */
@Service
class ProposalNominations {

	static final String INDIVIDUAL = "INDIVIDUAL";

	/** The award a suggested nomination starts with when the board member names none. */
	static final String DEFAULT_AWARD = "GK_HOI_PHUONG";

	private final RolloutRepository rollouts;

	private final NominationRepository nominations;

	private final OrganisationDirectory directory;

	private final AwardCatalogue catalogue;

	private final NominationProcess process;

	ProposalNominations(RolloutRepository rollouts, NominationRepository nominations, OrganisationDirectory directory,
			AwardCatalogue catalogue, NominationProcess process) {
		this.rollouts = rollouts;
		this.nominations = nominations;
		this.directory = directory;
		this.catalogue = catalogue;
		this.process = process;
	}

	/** A proposal as the page shows it, with the nomination started for it (its status), if any. */
	record Suggested(ProposalRow proposal, String nominationStatus, String nominationAward, String wardName) {

		public boolean taken() {
			return proposal.nominationProcessInstanceId() != null;
		}

	}

	/** What the board member gives when she starts the nomination. */
	record StartRequest(String awardCode, String reviewMeetingDate, boolean reviewMeetingAgreed,
			boolean noDisciplineDeclared) {
	}

	/** The wards whose board or chair the person is; empty: she sees no proposals. */
	List<Ward> ledWards(String login) {
		return directory.wards().stream().filter(w -> leads(w, login)).toList();
	}

	/** The proposals of the wards the person leads; refused (403) for anyone else. */
	List<Suggested> suggested(String login) {
		List<Ward> wards = ledWards(login);
		if (wards.isEmpty()) {
			throw Refusal.forbidden(Messages.get("nomination.proposals.forbidden"));
		}
		Map<String, String> wardNames = new LinkedHashMap<>();
		wards.forEach(w -> wardNames.put(w.code(), w.name()));
		return rollouts.proposalsOfWards(wardNames.keySet())
			.stream()
			.map(p -> {
				Optional<NominationRepository.Nomination> n = p.nominationProcessInstanceId() == null ? Optional.empty()
						: nominations.nomination(p.nominationProcessInstanceId());
				String status = p.nominationProcessInstanceId() == null ? null
						: nominations.find(p.nominationProcessInstanceId())
							.map(r -> NominationHistory.statusLabel(r.status()))
							.orElse(null);
				String award = n.flatMap(x -> catalogue.find(x.awardCode())).map(Award::name).orElse(null);
				return new Suggested(p, status, award, wardNames.get(p.wardCode()));
			})
			.toList();
	}

	/** The awards a suggested nomination may ask for: those for an individual. */
	List<Award> awards() {
		return catalogue.all().stream().filter(a -> a.nomineeTypes().contains(INDIVIDUAL)).toList();
	}

	/**
	 * Starts the nomination of a proposal as {@code login}: 403 unless she is of the board or the chair
	 * of the proposal's ward, 404 for an unknown proposal, 409 when a nomination was started for it
	 * already (also when two arrive at once: the second's start is rolled back), 400 with the field
	 * when the nomination's checks refuse it (nothing is written then).
	 *
	 * @return the process instance id of the nomination
	 */
	@Transactional
	String start(String login, List<String> groups, long proposalId, StartRequest request) {
		ProposalRow p = rollouts.proposal(proposalId)
			.orElseThrow(() -> Refusal.notFound(Messages.get("nomination.proposals.unknown")));
		Ward ward = directory.ward(p.wardCode()).filter(w -> leads(w, login))
			.orElseThrow(() -> Refusal.forbidden(Messages.get("nomination.proposals.forbidden")));
		if (p.nominationProcessInstanceId() != null) {
			throw Refusal.conflict(Messages.get("nomination.proposals.taken", p.fullName()));
		}
		String chapterCode = directory.chapterByGroup(p.chapterGroup())
			.filter(c -> c.ward().code().equals(ward.code()))
			.map(c -> c.chapter().code())
			.orElseThrow(() -> Refusal.notFound(Messages.get("nomination.proposals.unknown")));
		Map<String, Object> values = new LinkedHashMap<>();
		values.put(NOMINEE_TYPE.name(), INDIVIDUAL);
		values.put(NOMINEE_NAME.name(), p.fullName());
		values.put(CHAPTER_CODE.name(), chapterCode);
		values.put(PERIOD_YEAR.name(), (long) p.year());
		values.put(AWARD_CODE.name(), request.awardCode() == null || request.awardCode().isBlank() ? DEFAULT_AWARD
				: request.awardCode().strip());
		values.put(ACHIEVEMENT_REPORT.name(), p.achievement() != null && !p.achievement().isBlank() ? p.achievement()
				: Messages.get("nomination.proposals.achievement-default", p.chapterName(), String.valueOf(p.year())));
		values.put(REVIEW_MEETING_DATE.name(), request.reviewMeetingDate());
		values.put(REVIEW_MEETING_AGREED.name(), request.reviewMeetingAgreed());
		values.put(NO_DISCIPLINE_DECLARED.name(), request.noDisciplineDeclared());
		String pid;
		try {
			pid = process.startAs(login, groups, values);
		}
		catch (RuntimeException ex) {
			FormValidationException refusal = validation(ex);
			if (refusal == null) {
				throw ex;
			}
			throw Refusal.badRequest(refusal.getField(), refusal.getMessage());
		}
		if (!rollouts.takeProposal(proposalId, pid)) {
			throw Refusal.conflict(Messages.get("nomination.proposals.taken", p.fullName()));
		}
		return pid;
	}

	/** The review meeting date the page suggests: the day the chapter sent its year-end report. */
	static String suggestedMeetingDate(ProposalRow p) {
		return p.reportedAt() == null ? "" : p.reportedAt().toLocalDate().toString();
	}

	private static boolean leads(Ward w, String login) {
		return login != null && (login.equals(w.chair()) || w.board().contains(login));
	}

	private static FormValidationException validation(Throwable ex) {
		for (Throwable c = ex; c != null; c = c.getCause()) {
			if (c instanceof FormValidationException f) {
				return f;
			}
		}
		return null;
	}

}
