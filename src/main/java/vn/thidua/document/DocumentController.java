package vn.thidua.document;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.award.AwardAccess;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.document.IssuedDocuments.Issued;
import vn.thidua.nomination.CouncilRecords;
import vn.thidua.nomination.CouncilRecords.NominationSummary;

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
	ResponseEntity<Object> decision(@PathVariable long id) {
		return decided(id).map(e -> pdf(documents.decision(e))).orElseGet(() -> refusal(id, AwardEntry.DECIDED));
	}

	@GetMapping("/api/awards/{id}/certificate.pdf")
	ResponseEntity<Object> certificate(@PathVariable long id) {
		return decided(id).map(e -> pdf(documents.certificate(e))).orElseGet(() -> refusal(id, AwardEntry.DECIDED));
	}

	@GetMapping("/api/awards/{id}/request-letter.pdf")
	ResponseEntity<Object> requestLetter(@PathVariable long id) {
		return visible(id).filter(e -> AwardEntry.RECOMMENDED.equals(e.status()))
			.map(e -> pdf(documents.requestLetter(e)))
			.orElseGet(() -> refusal(id, AwardEntry.RECOMMENDED));
	}

	@GetMapping("/api/awards/{id}/revocation.pdf")
	ResponseEntity<Object> revocation(@PathVariable long id) {
		Optional<AwardEntry> entry = visible(id);
		if (entry.isPresent() && entry.get().revocation() == null) {
			return problem(HttpStatus.NOT_FOUND, "Khen thưởng này chưa bị thu hồi.");
		}
		return entry.map(e -> pdf(documents.revocation(e)))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Không có dòng sổ khen thưởng này."));
	}

	@GetMapping("/api/nominations/{processInstanceId}/vote-minutes/{round}.pdf")
	ResponseEntity<Object> minutes(@PathVariable String processInstanceId, @PathVariable int round) {
		Optional<NominationSummary> nomination = council.nomination(processInstanceId);
		if (nomination.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Không có đề nghị khen thưởng này.");
		}
		if (!council.mayReadTallies(nomination.get())) {
			return problem(HttpStatus.FORBIDDEN, "Chị không có quyền xem biên bản kiểm phiếu của đề nghị này.");
		}
		return council.round(processInstanceId, round)
			.map(r -> pdf(documents.minutes(nomination.get(), r)))
			.orElseGet(() -> problem(HttpStatus.NOT_FOUND, "Vòng bỏ phiếu " + round + " chưa kết thúc hoặc không có."));
	}

	@ExceptionHandler(DocumentComposer.NotConfigured.class)
	ResponseEntity<Object> notConfigured(DocumentComposer.NotConfigured ex) {
		return problem(HttpStatus.CONFLICT, ex.getMessage());
	}

	private Optional<AwardEntry> visible(long id) {
		return register.find(id).filter(access.scope()::sees);
	}

	private Optional<AwardEntry> decided(long id) {
		return visible(id).filter(e -> AwardEntry.DECIDED.equals(e.status()));
	}

	/** Not visible and not existing answer alike (404), so nobody learns which rows exist. */
	private ResponseEntity<Object> refusal(long id, String wanted) {
		Optional<AwardEntry> entry = visible(id);
		if (entry.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "Không có dòng sổ khen thưởng này.");
		}
		return AwardEntry.DECIDED.equals(wanted)
				? problem(HttpStatus.CONFLICT,
						"Khen thưởng này là đề nghị lên cấp trên: không có quyết định, giấy khen của phường; xem tờ trình.")
				: problem(HttpStatus.CONFLICT, "Khen thưởng này do phường quyết định: không có tờ trình lên cấp trên.");
	}

	static ResponseEntity<Object> pdf(Issued d) {
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

	private static ResponseEntity<Object> problem(HttpStatus status, String message) {
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(Map.of("message", message));
	}

}
