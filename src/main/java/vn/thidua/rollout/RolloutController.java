package vn.thidua.rollout;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.security.Actor;
import vn.thidua.rollout.RolloutProgressService.Progress;
import vn.thidua.rollout.RolloutProgressService.RolloutSummary;
import vn.thidua.rollout.RolloutRepository.Rollout;
import vn.thidua.web.CsvExport;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * {@code /api/rollouts}: the board's and the chair's view of a rollout's progress, as JSON or CSV
 * ({@code Accept: text/csv} or {@code ?format=csv}, {@link CsvExport#wanted}). Only the board and the chair of the rollout's
 * ward (and administrators) may read it; everyone else, chapter heads included, gets 403.
 */
@RestController
@RequestMapping("/api/rollouts")
class RolloutController {

	private final RolloutProgressService progress;

	private final OrganisationDirectory directory;

	private final Actor actor;

	RolloutController(RolloutProgressService progress, OrganisationDirectory directory, Actor actor) {
		this.progress = progress;
		this.directory = directory;
		this.actor = actor;
	}

	/** The rollouts of the units (wards, the city) whose board or chair the caller is, newest first. */
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	List<RolloutSummary> list() {
		List<String> wards = directory.units()
			.stream()
			.map(w -> w.code())
			.filter(this::mayRead)
			.toList();
		return progress.list(wards);
	}

	/** The progress as JSON, or as CSV for {@code ?format=csv} or {@code Accept: text/csv}. */
	@GetMapping("/{id}/progress")
	ResponseEntity<?> progress(@PathVariable long id, @RequestParam(required = false) String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		Progress p = progress.progress(readable(id));
		return CsvExport.wanted(format, accept) ? csv(p)
				: ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(p);
	}

	private Rollout readable(long id) {
		Rollout rollout = progress.rollout(id)
			.orElseThrow(() -> Refusal.notFound(Messages.get("rollout.api.not-found", String.valueOf(id))));
		if (!mayRead(rollout.wardCode())) {
			throw Refusal.forbidden(Messages.get("rollout.api.forbidden"));
		}
		return rollout;
	}

	private boolean mayRead(String wardCode) {
		return actor.inGroup(GroupIds.board(wardCode)) || actor.inGroup(GroupIds.chair(wardCode))
				|| actor.inGroup(GroupIds.ADMINS);
	}

	private static ResponseEntity<byte[]> csv(Progress p) {
		List<List<Object>> rows = p.chapters()
			.stream()
			.map(c -> Arrays.<Object>asList(c.chapterGroup(), c.chapterName(), c.stateLabel(),
					c.overdue().stream().map(o -> o.label()).collect(Collectors.joining("; ")),
					c.acknowledged() ? Messages.get("rollout.csv.acknowledged.yes") : Messages.get("rollout.csv.acknowledged.no"), c.workItems().size(),
					c.workItems()
						.stream()
						.map(w -> Messages.get("rollout.csv.work-item", w.name(), w.target(), CsvExport.date(w.deadline())))
						.collect(Collectors.joining("; ")),
					c.selfRating(), c.confirmedRating(),
					c.proposals().stream().map(pr -> pr.fullName()).collect(Collectors.joining("; "))))
			.toList();
		return CsvExport.download("tien-do-trien-khai-" + p.year() + "-" + p.rolloutId() + ".csv",
				new String[] { Messages.get("rollout.csv.chapter-group"), Messages.get("rollout.csv.chapter"),
						Messages.get("rollout.csv.state"), Messages.get("rollout.csv.overdue"),
						Messages.get("rollout.csv.acknowledged"), Messages.get("rollout.csv.work-item-count"),
						Messages.get("rollout.csv.work-items"), Messages.get("rollout.csv.self-rating"),
						Messages.get("rollout.csv.confirmed-rating"), Messages.get("rollout.csv.proposals") },
				rows);
	}

}
