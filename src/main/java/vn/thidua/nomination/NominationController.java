package vn.thidua.nomination;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.security.Actor;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * The nomination's own API beside {@code /engine-rest}: {@code GET /api/nominations/start-form-defaults}
 * (the start form's defaults for the person asking), {@code POST /api/nominations/{id}/objections}
 * (anyone of the ward, during public disclosure) and {@code GET /api/nominations/{id}/votes} (the
 * council chair sees every ballot; the council, board, chair and the nominating chapter see the
 * tally of each closed round only).
 */
@RestController
@RequestMapping("/api/nominations")
class NominationController {

	private final ObjectionService objections;

	private final NominationRepository nominations;

	private final CouncilVoteRepository votes;

	private final OrganisationDirectory directory;

	private final Actor actor;

	private final CityReviewRepository cityReviews;

	private final NominationService service;

	NominationController(CityReviewRepository cityReviews, ObjectionService objections, NominationRepository nominations,
			CouncilVoteRepository votes, OrganisationDirectory directory, Actor actor, NominationService service) {
		this.service = service;
		this.objections = objections;
		this.nominations = nominations;
		this.votes = votes;
		this.cityReviews = cityReviews;
		this.directory = directory;
		this.actor = actor;
	}

	record ObjectionRequest(String reason) {
	}

	/**
	 * What Tasklist's start form of a nomination starts with ({@code assets/thidua/start-form-defaults.js}):
	 * whether «Mã chi hội» is shown to this person, and «Năm thi đua» this year. Only a convenience of
	 * the form: StartEvent_NominationSubmitted decides the chapter and the year from the login again.
	 */
	@GetMapping("/start-form-defaults")
	Map<String, Object> startFormDefaults() {
		NominationService.StartFormDefaults defaults = service.startFormDefaults(actor.id());
		return Map.of(NominationVariables.NAMES_CHAPTER, defaults.namesChapter(),
				NominationVariables.PERIOD_YEAR.name(), defaults.periodYear());
	}

	@PostMapping("/{processInstanceId}/objections")
	ResponseEntity<Map<String, String>> object(@PathVariable String processInstanceId,
			@RequestBody(required = false) ObjectionRequest request) {
		try {
			objections.lodge(processInstanceId, actor.id(), request == null ? null : request.reason());
		}
		catch (ObjectionService.Refused ex) {
			throw new Refusal(HttpStatus.valueOf(ex.status), ex.field, ex.getMessage());
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(Map.of("message", Messages.get("nomination.objection.lodged")));
	}

	@GetMapping("/{processInstanceId}/votes")
	ResponseEntity<?> votes(@PathVariable String processInstanceId) {
		Optional<NominationRepository.Row> nomination = nominations.find(processInstanceId);
		Optional<Ward> ward = nomination.flatMap(n -> directory.ward(n.wardCode()));
		if (nomination.isEmpty() || ward.isEmpty()) {
			throw Refusal.notFound(Messages.get("nomination.not-found"));
		}
		String wardCode = ward.get().code();
		// the city's officials read the tallies of the recommendations the city reviews (issue 19)
		Optional<Ward> city = directory.cityUnit()
			.filter(c -> !cityReviews.ofNomination(processInstanceId).isEmpty());
		boolean cityOfficial = city.map(c -> actor.inGroup(GroupIds.council(c.code()))
				|| actor.inGroup(GroupIds.board(c.code())) || actor.inGroup(GroupIds.chair(c.code()))).orElse(false);
		boolean councilChair = actor.id().equals(ward.get().council().chair());
		boolean cityCouncilChair = city.map(c -> actor.id().equals(c.council().chair())).orElse(false);
		boolean entitled = councilChair || actor.inGroup(GroupIds.council(wardCode))
				|| actor.inGroup(GroupIds.board(wardCode)) || actor.inGroup(GroupIds.chair(wardCode))
				|| actor.inGroup(nomination.get().chapterGroup()) || cityOfficial;
		if (!entitled) {
			throw Refusal.forbidden(Messages.get("nomination.votes.forbidden"));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("processInstanceId", processInstanceId);
		body.put("tallies", votes.tallies(processInstanceId));
		// each council's chair sees the ballots of her own council's sessions only
		if (councilChair) {
			body.put("votes", votes.votesOfUnit(processInstanceId, wardCode, true));
		}
		else if (cityCouncilChair) {
			body.put("votes", votes.votesOfUnit(processInstanceId, city.get().code(), false));
		}
		return ResponseEntity.ok(body);
	}

}
