package vn.thidua.document;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.award.AwardAccess;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.document.IssuedDocuments.Issued;
import vn.thidua.nomination.CouncilRecords;
import vn.thidua.nomination.CouncilRecords.NominationSummary;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * The documents of the register, with the register's access rules ({@link AwardAccess}: the board,
 * council and chair of the ward, the head of the awardee's chapter):
 * {@code GET /api/awards/{id}/decision.pdf}, {@code /certificate.pdf}, {@code /request-letter.pdf}
 * (a recommendation), {@code /revocation.pdf} (a revoked award), and
 * {@code GET /api/nominations/{id}/vote-minutes/{round}.pdf} for those who see the nomination's
 * tallies. A document is the stored one: the same bytes every time ({@code X-Document-SHA256}).
 */
@RestController
class DocumentController {

	static final String SHA_HEADER = "X-Document-SHA256";

	private final DocumentService documents;

	private final AwardRegister register;

	private final AwardAccess access;

	private final CouncilRecords council;

	DocumentController(DocumentService documents, AwardRegister register, AwardAccess access,
			CouncilRecords council) {
		this.documents = documents;
		this.register = register;
		this.access = access;
		this.council = council;
	}

	@GetMapping("/api/awards/{id}/decision.pdf")
	ResponseEntity<byte[]> decision(@PathVariable long id) {
		return pdf(documents.decision(decided(id)));
	}

	@GetMapping("/api/awards/{id}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable long id) {
		return pdf(documents.certificate(decided(id)));
	}

	@GetMapping("/api/awards/{id}/request-letter.pdf")
	ResponseEntity<byte[]> requestLetter(@PathVariable long id) {
		AwardEntry entry = visible(id);
		if (!AwardEntry.RECOMMENDED.equals(entry.status())) {
			throw Refusal.conflict(Messages.get("document.request-letter.decided-at-ward"));
		}
		return pdf(documents.requestLetter(entry));
	}

	@GetMapping("/api/awards/{id}/revocation.pdf")
	ResponseEntity<byte[]> revocation(@PathVariable long id) {
		AwardEntry entry = visible(id);
		if (entry.revocation() == null) {
			throw Refusal.notFound(Messages.get("document.revocation.none"));
		}
		return pdf(documents.revocation(entry));
	}

	@GetMapping("/api/nominations/{processInstanceId}/vote-minutes/{round}.pdf")
	ResponseEntity<byte[]> minutes(@PathVariable String processInstanceId, @PathVariable int round) {
		NominationSummary nomination = council.nomination(processInstanceId)
			.orElseThrow(() -> Refusal.notFound(Messages.get("document.nomination.not-found")));
		if (!council.mayReadTallies(nomination)) {
			throw Refusal.forbidden(Messages.get("document.minutes.forbidden"));
		}
		return council.round(processInstanceId, round)
			.map(r -> pdf(documents.minutes(nomination, r)))
			.orElseThrow(() -> Refusal.notFound(Messages.get("document.minutes.no-round", String.valueOf(round))));
	}

	/** The register row if the caller sees it: not visible and not existing answer alike (404), so nobody learns which rows exist. */
	private AwardEntry visible(long id) {
		return register.find(id)
			.filter(access.scope()::sees)
			.orElseThrow(() -> Refusal.notFound(Messages.get("award.entry.not-found")));
	}

	/** A row decided at the ward (it has a decision and a certificate); a recommendation is a 409. */
	private AwardEntry decided(long id) {
		AwardEntry entry = visible(id);
		if (!AwardEntry.DECIDED.equals(entry.status())) {
			throw Refusal.conflict(Messages.get("document.decision.recommended"));
		}
		return entry;
	}

	static ResponseEntity<byte[]> pdf(Issued d) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
			.header(SHA_HEADER, d.sha256())
			.eTag("\"" + d.sha256() + "\"")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
			.header("X-Content-Type-Options", "nosniff")
			.body(d.content());
	}

}
