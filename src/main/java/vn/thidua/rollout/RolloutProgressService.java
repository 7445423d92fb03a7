package vn.thidua.rollout;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.rollout.RolloutRepository.ChapterRow;
import vn.thidua.rollout.RolloutRepository.Programme;
import vn.thidua.rollout.RolloutRepository.Proposal;
import vn.thidua.rollout.RolloutRepository.Rollout;
import vn.thidua.rollout.RolloutRepository.WorkItem;
import vn.thidua.web.Messages;

/**
 * What the board sees of a rollout: each chapter's state, what is overdue, its work items, rating and
 * proposed exemplary people. Read from the app's tables; overdue is computed against the
 * application's clock (the engine's) and the programme's dates.
 */
@Service
public class RolloutProgressService {

	private final RolloutRepository repository;

	private final RolloutProperties properties;

	private final OrganisationDirectory directory;

	private final Clock clock;

	RolloutProgressService(RolloutRepository repository, RolloutProperties properties, OrganisationDirectory directory,
			Clock clock) {
		this.repository = repository;
		this.properties = properties;
		this.directory = directory;
		this.clock = clock;
	}

	public record Progress(long rolloutId, String processInstanceId, String wardCode, int year, String theme, String state,
			LocalDate registrationDeadline, LocalDate midYearReportDate, LocalDate yearEndReportDate, LocalDate asOf,
			Map<String, Integer> summary, List<ChapterProgress> chapters) {
	}

	public record ChapterProgress(String chapterGroup, String chapterName, String partyCellGroup, RolloutState state,
			String stateLabel, boolean acknowledged, String changeRequest, List<Overdue> overdue,
			List<WorkItemView> workItems, String selfRating, String confirmedRating, List<ProposalView> proposals) {
	}

	/** A deadline the chapter has missed. */
	public record Overdue(String code, String label, LocalDate due) {
	}

	public record WorkItemView(String name, String target, String successMeasure, LocalDate deadline) {
	}

	/**
	 * A proposed exemplary person, with the start variables of a CommendationNomination for them
	 * (nominee, chapter code, year, achievement) so that a client can prefill the nomination.
	 */
	public record ProposalView(String fullName, String achievement, String nominationProcessInstanceId,
			Map<String, Object> nominationPrefill) {
	}

	public record RolloutSummary(long id, String processInstanceId, String wardCode, int year, String theme, String state) {
	}

	public Optional<Rollout> rollout(long id) {
		return repository.findRollout(id);
	}

	public List<RolloutSummary> list(List<String> wardCodes) {
		return repository.rolloutsOf(wardCodes)
			.stream()
			.map(r -> new RolloutSummary(r.id(), r.processInstanceId(), r.wardCode(), r.programme().year(),
					r.programme().theme(), r.state()))
			.toList();
	}

	public Progress progress(Rollout rollout) {
		LocalDate today = LocalDate.now(clock);
		Map<Long, List<WorkItem>> items = repository.workItems(rollout.id())
			.stream()
			.collect(Collectors.groupingBy(WorkItem::chapterId, LinkedHashMap::new, Collectors.toList()));
		Map<Long, List<Proposal>> proposals = repository.proposals(rollout.id())
			.stream()
			.collect(Collectors.groupingBy(Proposal::chapterId, LinkedHashMap::new, Collectors.toList()));
		List<ChapterProgress> chapters = new ArrayList<>();
		Map<RolloutState, Integer> byState = new EnumMap<>(RolloutState.class);
		int overdueCount = 0;
		for (ChapterRow c : repository.chapters(rollout.id())) {
			List<Overdue> overdue = overdue(rollout.programme(), c, today, properties.reportGrace());
			if (!overdue.isEmpty()) {
				overdueCount++;
			}
			byState.merge(c.state(), 1, Integer::sum);
			chapters.add(new ChapterProgress(c.chapterGroup(), c.chapterName(), c.partyCellGroup(), c.state(),
					c.state().label(), c.acknowledgedAt() != null, c.changeRequest(), overdue,
					items.getOrDefault(c.id(), List.of())
						.stream()
						.map(w -> new WorkItemView(w.name(), w.target(), w.successMeasure(), w.deadline()))
						.toList(),
					c.selfRating(), c.confirmedRating(),
					proposals.getOrDefault(c.id(), List.of())
						.stream()
						.map(p -> new ProposalView(p.fullName(), p.achievement(), p.nominationProcessInstanceId(),
								prefill(p, c, rollout.programme().year())))
						.toList()));
		}
		Map<String, Integer> summary = new LinkedHashMap<>();
		summary.put("chapters", chapters.size());
		for (RolloutState s : RolloutState.values()) {
			summary.put(s.name(), byState.getOrDefault(s, 0));
		}
		summary.put("overdue", overdueCount);
		var p = rollout.programme();
		return new Progress(rollout.id(), rollout.processInstanceId(), rollout.wardCode(), p.year(), p.theme(),
				rollout.state(), p.registrationDeadline(), p.midYearReportDate(), p.yearEndReportDate(), today, summary,
				chapters);
	}

	private Map<String, Object> prefill(Proposal p, ChapterRow c, int year) {
		Map<String, Object> prefill = new LinkedHashMap<>();
		prefill.put("nomineeName", p.fullName());
		directory.chapterByGroup(c.chapterGroup()).ifPresent(ref -> prefill.put("chapterCode", ref.chapter().code()));
		prefill.put("periodYear", year);
		if (p.achievement() != null) {
			prefill.put("achievementReport", p.achievement());
		}
		return prefill;
	}

	/**
	 * What a chapter has missed on a day: registration while it has not registered (or was marked
	 * late), a report not in {@code grace} after its date.
	 */
	static List<Overdue> overdue(Programme p, ChapterRow c, LocalDate today, Period grace) {
		List<Overdue> overdue = new ArrayList<>();
		if (c.state().before(RolloutState.REGISTERED)
				&& (c.registrationLate() || today.isAfter(p.registrationDeadline()))) {
			overdue.add(new Overdue("REGISTRATION", Messages.get("rollout.progress.overdue.registration"),
					p.registrationDeadline()));
		}
		LocalDate midYearDue = p.midYearReportDate().plus(grace);
		if (c.state().before(RolloutState.MID_YEAR_DONE) && today.isAfter(midYearDue)) {
			overdue.add(new Overdue("MID_YEAR_REPORT", Messages.get("rollout.progress.overdue.mid-year"), midYearDue));
		}
		LocalDate yearEndDue = p.yearEndReportDate().plus(grace);
		if (c.state().before(RolloutState.YEAR_END_DONE) && today.isAfter(yearEndDue)) {
			overdue.add(new Overdue("YEAR_END_REPORT", Messages.get("rollout.progress.overdue.year-end"), yearEndDue));
		}
		return overdue;
	}

}
