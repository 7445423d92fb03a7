package vn.thidua.award;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.web.CsvExport;
import vn.thidua.award.AwardAccess.Scope;
import vn.thidua.award.AwardEntry.AwardAct;
import vn.thidua.web.Downloads;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;
import vn.thidua.web.Xlsx;

/**
 * The award register API: {@code GET /api/awards?year=&chapter=} as JSON, or as CSV with
 * {@code Accept: text/csv} or {@code format=csv}, or as XLSX with {@code format=xlsx}; {@code POST /api/awards/{id}/outcome} (board or
 * chair: the higher level's answer to a recommendation) and {@code POST /api/awards/{id}/revocations}
 * (chair: a revocation). Both are new acts; a register row itself is never changed.
 */
@RestController
@RequestMapping("/api/awards")
class AwardController {

	private static final Logger LOG = LoggerFactory.getLogger(AwardController.class);


	private static final int NOTE_MAX = 2000;

	private static final int NUMBER_MAX = 64;

	private final AwardRegister register;

	private final AwardAccess access;

	private final RecommendationOutcomes outcomes;

	AwardController(AwardRegister register, AwardAccess access, RecommendationOutcomes outcomes) {
		this.register = register;
		this.access = access;
		this.outcomes = outcomes;
	}

	@GetMapping
	ResponseEntity<?> list(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String chapter, @RequestParam(required = false) String format,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
		Scope scope = access.scope();
		if (scope.empty()) {
			throw Refusal.forbidden(Messages.get("award.register.forbidden"));
		}
		List<AwardEntry> rows = register.list(scope.wards(), scope.chapters(), year, chapter);
		if (scope.recommendations()) {
			// the city's officials: every ward's recommendations (and the rows of a ward they belong to besides)
			java.util.Map<Long, AwardEntry> byId = new java.util.LinkedHashMap<>();
			rows.forEach(r -> byId.put(r.id(), r));
			register.recommendations(year, chapter).forEach(r -> byId.putIfAbsent(r.id(), r));
			rows = byId.values().stream()
				.sorted(java.util.Comparator.comparingInt(AwardEntry::periodYear).thenComparingLong(AwardEntry::id))
				.toList();
		}
		String name = "so-khen-thuong" + (year == null ? "" : "-" + year);
		if ("xlsx".equalsIgnoreCase(format)) {
			return Downloads.attachment(Xlsx.MEDIA_TYPE, name + ".xlsx", AwardSheets.xlsx(rows));
		}
		if (CsvExport.wanted(format, accept)) {
			return AwardSheets.csv(name + ".csv", rows);
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
	}

	/** The answer of the higher level to a recommendation. */
	record OutcomeRequest(String outcome, String decisionNumber, String decisionDate, String note) {
	}

	@PostMapping("/{id}/outcome")
	ResponseEntity<?> outcome(@PathVariable long id, @RequestBody OutcomeRequest request) {
		AwardEntry entry = visible(id);
		if (!access.isBoardOrChair(entry.wardCode())) {
			throw Refusal.forbidden(Messages.get("award.outcome.forbidden"));
		}
		if (!AwardEntry.RECOMMENDED.equals(entry.status())) {
			throw Refusal.conflict(Messages.get("award.outcome.not-recommended"));
		}
		if (outcomes.answeredByReview(id)) {
			throw Refusal.conflict(Messages.get("award.outcome.city-review"));
		}
		if (request == null || !List.of("GRANTED", "NOT_GRANTED").contains(request.outcome())) {
			throw Refusal.badRequest("outcome", Messages.get("award.outcome.invalid"));
		}
		boolean granted = "GRANTED".equals(request.outcome());
		checkAct(request.decisionNumber(), request.decisionDate(), "note", request.note(), granted);
		if (!outcomes.record(id, request.outcome(), blankToNull(request.decisionNumber()),
				parse(request.decisionDate()), blankToNull(request.note()), access.userId())) {
			throw Refusal.conflict(Messages.get("award.outcome.recorded"));
		}
		LOG.info("Outcome {} of recommendation {} recorded by {}", request.outcome(), id, access.userId());
		return ResponseEntity.status(HttpStatus.CREATED).body(register.find(id).orElseThrow());
	}

	/** A revocation: a new decision of the chair, recorded beside the one it revokes. */
	record RevocationRequest(String decisionNumber, String decisionDate, String reason) {
	}

	@PostMapping("/{id}/revocations")
	ResponseEntity<?> revoke(@PathVariable long id, @RequestBody RevocationRequest request) {
		AwardEntry entry = visible(id);
		if (!access.isChair(entry.wardCode())) {
			throw Refusal.forbidden(Messages.get("award.revocation.forbidden"));
		}
		if (!AwardEntry.DECIDED.equals(entry.status())) {
			throw Refusal.conflict(Messages.get("award.revocation.not-decided"));
		}
		if (request == null || request.reason() == null || request.reason().isBlank()) {
			throw Refusal.badRequest("reason", Messages.get("award.revocation.reason-missing"));
		}
		checkAct(request.decisionNumber(), request.decisionDate(), "reason", request.reason(), true);
		AwardAct act = new AwardAct(AwardAct.REVOCATION, null, request.decisionNumber().trim(),
				parse(request.decisionDate()), request.reason().trim(), access.userId(), LocalDateTime.now());
		if (!register.recordAct(id, act)) {
			throw Refusal.conflict(Messages.get("award.revocation.recorded"));
		}
		LOG.info("Award {} revoked by {}", id, access.userId());
		return ResponseEntity.status(HttpStatus.CREATED).body(register.find(id).orElseThrow());
	}

	/** The register row if the caller sees it; 404 otherwise, so nobody learns which rows exist. */
	private AwardEntry visible(long id) {
		return register.find(id)
			.filter(access.scope()::sees)
			.orElseThrow(() -> Refusal.notFound(Messages.get("award.entry.not-found")));
	}

	/** The decision of an act (number, date) and its note; 400 naming the field at fault. */
	private static void checkAct(String number, String date, String noteField, String note, boolean decisionRequired) {
		if (decisionRequired && (number == null || number.isBlank())) {
			throw Refusal.badRequest("decisionNumber", Messages.get("award.act.number-missing"));
		}
		if (number != null && number.length() > NUMBER_MAX) {
			throw Refusal.badRequest("decisionNumber",
					Messages.get("award.act.number-too-long", String.valueOf(NUMBER_MAX)));
		}
		if (decisionRequired && (date == null || date.isBlank())) {
			throw Refusal.badRequest("decisionDate", Messages.get("award.act.date-missing"));
		}
		if (date != null && !date.isBlank()) {
			try {
				if (LocalDate.parse(date).isAfter(LocalDate.now())) {
					throw Refusal.badRequest("decisionDate", Messages.get("award.act.date-future"));
				}
			}
			catch (DateTimeParseException ex) {
				throw Refusal.badRequest("decisionDate", Messages.get("award.act.date-invalid"));
			}
		}
		if (note != null && note.length() > NOTE_MAX) {
			throw Refusal.badRequest(noteField, Messages.get("award.act.note-too-long", String.valueOf(NOTE_MAX)));
		}
	}

	private static LocalDate parse(String date) {
		return date == null || date.isBlank() ? null : LocalDate.parse(date);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
