package vn.thidua.rollout;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.web.CsvExport;
import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.rollout.RolloutProgressService.Progress;
import vn.thidua.rollout.RolloutProgressService.RolloutSummary;
import vn.thidua.rollout.RolloutRepository.Rollout;
import vn.thidua.identity.security.Actor;
import vn.thidua.web.Messages;

/**
 * {@code /api/rollouts}: the board's and the chair's view of a rollout's progress, as JSON or CSV
 * ({@code Accept: text/csv} or {@code ?format=csv}). Only the board and the chair of the rollout's
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

	/** The rollouts of the wards whose board or chair the caller is, newest first. */
	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	List<RolloutSummary> list() {
		List<String> wards = directory.wards()
			.stream()
			.map(w -> w.code())
			.filter(this::mayRead)
			.toList();
		return progress.list(wards);
	}

	@GetMapping(value = "/{id}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
	Progress progress(@PathVariable long id) {
		return progress.progress(readable(id));
	}

	@GetMapping(value = "/{id}/progress", produces = "text/csv")
	ResponseEntity<byte[]> progressCsvByAccept(@PathVariable long id) {
		return csv(progress.progress(readable(id)));
	}

	@GetMapping(value = "/{id}/progress", params = "format=csv")
	ResponseEntity<byte[]> progressCsvByParameter(@PathVariable long id) {
		return csv(progress.progress(readable(id)));
	}

	@ExceptionHandler(AccessDenied.class)
	ResponseEntity<Map<String, Object>> denied(AccessDenied ex) {
		return ResponseEntity.status(ex.status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("status", ex.status.value(), "message", ex.getMessage()));
	}

	private Rollout readable(long id) {
		Rollout rollout = progress.rollout(id)
			.orElseThrow(() -> new AccessDenied(HttpStatus.NOT_FOUND,
					Messages.get("rollout.api.not-found", String.valueOf(id))));
		if (!mayRead(rollout.wardCode())) {
			throw new AccessDenied(HttpStatus.FORBIDDEN, Messages.get("rollout.api.forbidden"));
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
			.map(c -> java.util.Arrays.<Object>asList(c.chapterGroup(), c.chapterName(), c.stateLabel(),
					c.overdue().stream().map(o -> o.label()).collect(Collectors.joining("; ")),
					c.acknowledged() ? Messages.get("rollout.csv.acknowledged.yes") : Messages.get("rollout.csv.acknowledged.no"), c.workItems().size(),
					c.workItems()
						.stream()
						.map(w -> Messages.get("rollout.csv.work-item", w.name(), w.target(), String.valueOf(w.deadline())))
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

	/** 403 or 404 with a Vietnamese message. */
	static final class AccessDenied extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final HttpStatus status;

		AccessDenied(HttpStatus status, String message) {
			super(message);
			this.status = status;
		}

	}

}
