package vn.thidua.rollout.chapter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationDirectory.ChapterRef;
import vn.thidua.notification.Notifier;
import vn.thidua.notification.Recipients;
import vn.thidua.rollout.RolloutProperties;
import vn.thidua.rollout.RolloutRepository;
import vn.thidua.rollout.RolloutRepository.Programme;
import vn.thidua.rollout.RolloutRepository.Proposal;
import vn.thidua.rollout.RolloutRepository.Rollout;
import vn.thidua.rollout.RolloutRepository.WorkItem;
import vn.thidua.web.Messages;

/**
 * ChapterRollout on plain values, one chapter's year: its progress in
 * {@code thidua_rollout_chapter}, its registered work items, its reports, rating and proposed
 * exemplary people, and what the board is told.
 */
@Service
class ChapterRolloutService {

	static final String TEMPLATE_REGISTRATION_LATE = "rollout-registration-late";

	static final String TEMPLATE_EXEMPLARY_PROPOSED = "rollout-exemplary-proposed";

	private static final Logger LOG = LoggerFactory.getLogger(ChapterRolloutService.class);

	private final OrganisationDirectory directory;

	private final RolloutRepository repository;

	private final RolloutProperties properties;

	private final Notifier notifier;

	private final Clock clock;

	ChapterRolloutService(OrganisationDirectory directory, RolloutRepository repository, RolloutProperties properties,
			Notifier notifier, Clock clock) {
		this.directory = directory;
		this.repository = repository;
		this.properties = properties;
		this.notifier = notifier;
		this.clock = clock;
	}

	/**
	 * The chapter's names, its row, the Party cell's topic and the timer dates; whether it reports to
	 * a Party cell (a ward's chapter) or not (a ward in the city's rollout: no Party cell group, no topic).
	 */
	record Started(long chapterId, String chapterName, String partyCellGroup, String subject, String reportTopic,
			LocalDateTime registrationEndsAt, LocalDateTime midYearOpensAt, LocalDateTime yearEndOpensAt,
			boolean partyCellReport) {
	}

	/** Who the chapter is and what its programme says, for the mails to the board and the chapter. */
	record Chapter(Long rolloutId, long chapterId, String chapterGroup, String chapterName, String boardGroup,
			String subject, Integer year, LocalDate registrationDeadline) {
	}

	/**
	 * StartEvent_ChapterRolloutStarted: the chapter's names and Party cell from the organisation, its
	 * progress row, and the timer dates from the programme's record (not from variables). In the
	 * city's rollout the "chapter" is a ward, named by its chair group ({@code <ward>-chair}).
	 */
	Started start(String processInstanceId, String chapterGroup, long rolloutId) {
		Rollout rollout = repository.findRollout(rolloutId)
			.orElseThrow(() -> new IllegalStateException("No rollout " + rolloutId));
		Unit unit = unit(rollout, chapterGroup);
		long chapterId = repository.findChapterId(rolloutId, chapterGroup)
			.orElseGet(() -> repository.insertChapter(rolloutId, chapterGroup, unit.name(), unit.partyCellGroup(), now()));
		repository.attachChapterProcess(chapterId, processInstanceId, now());
		Programme programme = rollout.programme();
		String year = String.valueOf(programme.year());
		boolean partyCellReport = unit.partyCellGroup() != null;
		return new Started(chapterId, unit.name(), unit.partyCellGroup(),
				Messages.get("rollout.chapter.subject", year, unit.name()),
				partyCellReport ? Messages.get("rollout.chapter.report-topic", year) : null,
				programme.registrationDeadline().plusDays(1).atStartOfDay(), programme.midYearReportDate().atStartOfDay(),
				programme.yearEndReportDate().atStartOfDay(), partyCellReport);
	}

	/** What one ChapterRollout is for: a ward's chapter (with its Party cell), or a ward in the city's rollout. */
	private record Unit(String name, String partyCellGroup) {
	}

	private Unit unit(Rollout rollout, String chapterGroup) {
		if (directory.isCity(rollout.wardCode())) {
			return directory.wards()
				.stream()
				.filter(w -> GroupIds.chair(w.code()).equals(chapterGroup))
				.findFirst()
				.map(w -> new Unit(w.name(), null))
				.orElseThrow(() -> new IllegalStateException("Ward of " + chapterGroup + " is not in the organisation"));
		}
		ChapterRef chapter = directory.chapterByGroup(chapterGroup)
			.orElseThrow(() -> new IllegalStateException("Chapter " + chapterGroup + " is not in the organisation file"));
		return new Unit(chapter.chapter().name(), chapter.partyCellGroupId());
	}

	/** End of CallActivity_PartyCellReport: the Party cell has given its guidance. */
	void guidanceReceived(long chapterId) {
		repository.guidanceReceived(chapterId, now());
	}

	/** Task_RegisterWorkItems completed: at least one complete work item. */
	void workItemsRegistered(long chapterId, List<Map<String, Object>> rows, String registeredBy) {
		List<WorkItem> items = ChapterRolloutRules.workItems(chapterId, rows);
		repository.registered(chapterId, items, registeredBy, now());
	}

	/** Task_BoardAcknowledgeWorkItems completed: acknowledged, or changes asked with a reason. */
	void workItemsAcknowledged(long chapterId, String decision, String changeRequest) {
		ChapterRolloutRules.Acknowledgement answer = ChapterRolloutRules.acknowledgement(decision, changeRequest);
		if (answer.acknowledged()) {
			repository.acknowledged(chapterId, now());
		}
		else {
			repository.changesRequested(chapterId, answer.changeRequest(), now());
		}
	}

	/**
	 * Task_MarkRegistrationLate: the registration deadline passed before the board acknowledged. A
	 * chapter that registered in time and waits for the board is not late; one that has not
	 * registered is marked late, and it and the board are told.
	 */
	void registrationLate(Chapter chapter) {
		if (!ChapterRolloutRules.lateAtDeadline(repository.chapterState(chapter.chapterId()).orElseThrow())) {
			LOG.info("Registration deadline passed; chapter {} registered in time and waits for the board",
					chapter.chapterGroup());
			return;
		}
		repository.registrationLate(chapter.chapterId(), now());
		notifier.send(TEMPLATE_REGISTRATION_LATE,
				Recipients.groups(Set.of(chapter.boardGroup(), chapter.chapterGroup())), model(chapter));
		LOG.info("Chapter {} is late registering work items", chapter.chapterGroup());
	}

	/** Task_MidYearReport completed. */
	void midYearReported(long chapterId, String report) {
		ChapterRolloutRules.checkMidYear(report);
		repository.midYearReported(chapterId, report, now());
	}

	/**
	 * Task_YearEndReport completed: report, self-rating on the configured scale, proposed people.
	 *
	 * @return how many people the chapter proposes
	 */
	int yearEndReported(long chapterId, String report, String rating, List<Map<String, Object>> people,
			String reportedBy) {
		ChapterRolloutRules.checkYearEnd(report, rating, properties.ratings());
		List<Proposal> proposals = ChapterRolloutRules.proposals(chapterId, people);
		repository.yearEndReported(chapterId, report, rating, proposals, reportedBy, now());
		return proposals.size();
	}

	/**
	 * Task_InformBoardOfProposals: the board learns whom the chapter proposes, to nominate them
	 * (CommendationNomination) with the chapter and the year; the proposals are in
	 * {@code thidua_rollout_proposal} and the progress.
	 */
	void proposalsMade(Chapter chapter) {
		Map<String, Object> model = model(chapter);
		model.put("people", repository.proposals(chapter.rolloutId())
			.stream()
			.filter(p -> p.chapterId() == chapter.chapterId())
			.map(p -> p.fullName() + (p.achievement() == null ? "" : ": " + p.achievement()))
			.toList());
		notifier.send(TEMPLATE_EXEMPLARY_PROPOSED, Recipients.groups(Set.of(chapter.boardGroup())), model);
	}

	private static Map<String, Object> model(Chapter chapter) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("chapterName", chapter.chapterName());
		model.put("subject", chapter.subject());
		model.put("year", chapter.year());
		model.put("registrationDeadline", Objects.toString(chapter.registrationDeadline(), null));
		return model;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock);
	}

}
