package vn.thidua.rollout.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Chapter;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.rollout.RolloutRepository;
import vn.thidua.rollout.RolloutRepository.ChapterRow;
import vn.thidua.rollout.RolloutRepository.Comment;
import vn.thidua.rollout.RolloutRepository.Programme;
import vn.thidua.rollout.RolloutRepository.Rollout;
import vn.thidua.rollout.plan.ProgrammeRules.Approval;
import vn.thidua.rollout.plan.ProgrammeRules.ProgrammeForm;
import vn.thidua.web.Messages;

/**
 * PlanRollout on plain values: the programme's record, the chair's decision, the conference, the
 * chapters the programme goes to, and the board's confirmation of the ratings.
 */
@Service
class PlanRolloutService {

	static final String TEMPLATE_RATINGS_CONFIRMED = "rollout-ratings-confirmed";

	private static final Logger LOG = LoggerFactory.getLogger(PlanRolloutService.class);

	private final OrganisationDirectory directory;

	private final RolloutRepository repository;

	private final Notifier notifier;

	private final Clock clock;

	PlanRolloutService(OrganisationDirectory directory, RolloutRepository repository, Notifier notifier, Clock clock) {
		this.directory = directory;
		this.repository = repository;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** The drafted programme's record and the ward's names and groups. */
	record Drafted(long rolloutId, String wardCode, String wardName, String subject, String chairGroup,
			String boardGroup) {
	}

	/** Who comments at the conference, and when it closes. */
	record Conference(List<String> participants, LocalDateTime endsAt) {
	}

	/** Every comment as one text, and how many. */
	record Comments(String text, int count) {
	}

	/** StartEvent_ProgrammeDrafted: the starter's ward, the groups, and the programme's record. */
	Drafted start(String processInstanceId, String initiator, ProgrammeForm form) {
		Ward ward = ProgrammeRules.draftingWard(initiator, initiator == null ? List.of() : unitsOf(initiator));
		Programme programme = ProgrammeRules.programme(form, LocalDate.now(clock));
		long id = repository.insertRollout(processInstanceId, ward.code(), programme, initiator, now());
		LOG.info("Programme {} for {} drafted by {} (rollout {})", programme.year(), ward.code(), initiator, id);
		return new Drafted(id, ward.code(), ward.name(), ProgrammeRules.subject(programme.year()),
				GroupIds.chair(ward.code()), GroupIds.board(ward.code()));
	}

	/** Task_ChairApproveProgramme completed: approve, or return with a reason. */
	void approvalDecided(long rolloutId, String decision, String returnReason, String decidedBy) {
		Approval approval = ProgrammeRules.approval(decision, returnReason);
		if (approval.approved()) {
			repository.recordApproval(rolloutId, decidedBy, now());
		}
		else {
			repository.recordReturn(rolloutId, approval.returnReason(), now());
		}
	}

	/**
	 * Task_BoardReviseProgramme completed: the revised programme goes back to the chair.
	 *
	 * @return the programme's new subject
	 */
	String revised(long rolloutId, ProgrammeForm form) {
		Programme programme = ProgrammeRules.programme(form, LocalDate.now(clock));
		repository.updateProgramme(rolloutId, programme, now());
		return ProgrammeRules.subject(programme.year());
	}

	/**
	 * Task_OpenConference: every chapter head and board member of the ward comments until the
	 * deadline; in the city's rollout, every ward's chair and the city's board.
	 */
	Conference openConference(long rolloutId) {
		Rollout rollout = rollout(rolloutId);
		Ward unit = ward(rollout.wardCode());
		Set<String> participants = directory.isCity(unit.code()) ? ProgrammeRules.cityParticipants(unit, directory.wards())
				: ProgrammeRules.participants(unit);
		LOG.info("Conference on rollout {}: {} participants until {}", rollout.id(), participants.size(),
				rollout.programme().conferenceDeadline());
		return new Conference(List.copyOf(participants),
				rollout.programme().conferenceDeadline().plusDays(1).atStartOfDay());
	}

	/** Task_CommentProgramme completed by one participant. */
	void commented(long rolloutId, String author, String comment) {
		String text = ProgrammeRules.comment(comment);
		String name = directory.person(author).map(p -> p.fullName()).orElse(author);
		repository.insertComment(rolloutId, author, name, text, now());
	}

	/** Task_CollectComments: every comment, as text for the chair's form. */
	Comments collectComments(long rolloutId) {
		List<Comment> comments = repository.comments(rolloutId);
		return new Comments(ProgrammeRules.commentsText(comments), comments.size());
	}

	/** Task_ChairConclude completed. */
	void concluded(long rolloutId, String conclusion, String concludedBy) {
		repository.recordConclusion(rolloutId, ProgrammeRules.conclusion(conclusion), concludedBy, now());
	}

	/**
	 * Task_PrepareRollout: the ward's chapters as the organisation lists them now, so a chapter added
	 * takes part in the next rollout. In the city's rollout the wards take the chapters' place: each
	 * ward's part goes to its chair group ({@code <ward>-chair}), with no Party cell.
	 *
	 * @return the chapter groups CallActivity_ChapterRollout iterates over
	 */
	List<String> prepareChapters(long rolloutId) {
		Rollout rollout = rollout(rolloutId);
		Ward ward = ward(rollout.wardCode());
		List<String> groups = new ArrayList<>();
		if (directory.isCity(ward.code())) {
			for (Ward w : directory.wards()) {
				groups.add(addChapter(rollout, GroupIds.chair(w.code()), w.name(), null));
			}
			LOG.info("City rollout {} goes to {} wards", rollout.id(), groups.size());
			return groups;
		}
		for (Chapter c : ward.chapters()) {
			groups.add(addChapter(rollout, GroupIds.chapter(ward.code(), c.code()), c.name(),
					GroupIds.partyCell(ward.code(), c.code())));
		}
		LOG.info("Rollout {} goes to {} chapters", rollout.id(), groups.size());
		return groups;
	}

	private String addChapter(Rollout rollout, String group, String name, String partyCellGroup) {
		if (repository.findChapterId(rollout.id(), group).isEmpty()) {
			repository.insertChapter(rollout.id(), group, name, partyCellGroup, now());
		}
		return group;
	}

	/** The units (wards, then the city) in which the login holds a role. */
	private List<Ward> unitsOf(String login) {
		return directory.units().stream().filter(u -> directory.membersOf(u).contains(login)).toList();
	}

	/** Task_CollectRatings: every chapter's self-rating, as the rows of the board's table. */
	List<Map<String, Object>> collectRatings(long rolloutId) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (ChapterRow c : repository.chapters(rolloutId)) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("chapterName", c.chapterName());
			row.put("selfRating", c.selfRating() == null ? "" : c.selfRating());
			row.put("registrationLate", c.registrationLate() ? Messages.get("rollout.plan.ratings.late") : "");
			rows.add(row);
		}
		return rows;
	}

	/** Task_BoardConfirmRatings completed: the ratings become the confirmed ones; chapters are told. */
	void ratingsConfirmed(long rolloutId, boolean confirmed, String note, String confirmedBy) {
		ProgrammeRules.checkConfirmed(confirmed);
		Rollout rollout = rollout(rolloutId);
		repository.recordRatingsConfirmed(rollout.id(), note, confirmedBy, now());
		Set<String> groups = new LinkedHashSet<>();
		repository.chapters(rollout.id()).forEach(c -> groups.add(c.chapterGroup()));
		groups.add(GroupIds.chair(rollout.wardCode()));
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("year", rollout.programme().year());
		model.put("subject", ProgrammeRules.subject(rollout.programme().year()));
		model.put("note", note == null ? "" : note);
		model.put("ratings", repository.chapters(rollout.id())
			.stream()
			.map(c -> c.chapterName() + ": "
					+ (c.selfRating() == null ? Messages.get("rollout.plan.ratings.unrated") : c.selfRating()))
			.toList());
		notifier.send(TEMPLATE_RATINGS_CONFIRMED, Recipients.groups(groups), model);
	}

	private Ward ward(String wardCode) {
		return directory.unit(wardCode)
			.orElseThrow(() -> new IllegalStateException("Unit " + wardCode + " is no longer in the organisation"));
	}

	private Rollout rollout(long id) {
		return repository.findRollout(id).orElseThrow(() -> new IllegalStateException("No rollout " + id));
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock);
	}

}
