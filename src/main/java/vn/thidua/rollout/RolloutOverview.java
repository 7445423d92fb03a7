package vn.thidua.rollout;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.thidua.web.Messages;

/**
 * The rollout's progress for the statistics page: the latest programme of a ward, each chapter's
 * state and what it has missed, from {@link RolloutProgressService}. The caller checks that the
 * reader is the ward's board, chair or council.
 */
@Component
public class RolloutOverview {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final RolloutProgressService progress;

	RolloutOverview(RolloutProgressService progress) {
		this.progress = progress;
	}

	public record Programme(int year, String theme, LocalDate asOf, List<String> states, List<Chapter> chapters) {

		public long count(String stateLabel) {
			return chapters.stream().filter(c -> c.stateLabel().equals(stateLabel)).count();
		}

		public List<Chapter> overdue() {
			return chapters.stream().filter(c -> !c.overdue().isEmpty()).toList();
		}

	}

	public record Chapter(String chapterName, String stateLabel, List<String> overdue) {
	}

	/** The ward's most recent programme (highest year, then the newest), if any. */
	public Optional<Programme> latest(String wardCode) {
		return progress.list(List.of(wardCode))
			.stream()
			.max(Comparator.comparingInt(RolloutProgressService.RolloutSummary::year)
				.thenComparingLong(RolloutProgressService.RolloutSummary::id))
			.flatMap(s -> progress.rollout(s.id()))
			.map(progress::progress)
			.map(p -> new Programme(p.year(), p.theme(), p.asOf(),
					Arrays.stream(RolloutState.values()).map(RolloutState::label).toList(),
					p.chapters()
						.stream()
						.map(c -> new Chapter(c.chapterName(), c.stateLabel(),
								c.overdue()
									.stream()
									.map(o -> Messages.get("rollout.overview.overdue", o.label(), o.due().format(DAY)))
									.toList()))
						.toList()));
	}

}
