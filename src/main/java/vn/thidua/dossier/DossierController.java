package vn.thidua.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import vn.thidua.award.AwardCatalogue.DossierKind;
import vn.thidua.nomination.NominationLookup;
import vn.thidua.nomination.NominationLookup.Facts;
import vn.thidua.identity.security.Actor;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * The nomination dossier's API (HTTP Basic, or the Tasklist session for the «Hồ sơ» tab):
 * <ul>
 * <li>{@code GET /api/nominations/{processInstanceId}/documents}: every version of every document;</li>
 * <li>{@code POST /api/nominations/{processInstanceId}/documents} (multipart {@code kind}, {@code file}):
 * a new document, or the next version of its kind;</li>
 * <li>{@code GET /api/nominations/{processInstanceId}/documents/{documentId}}: the bytes, with the
 * original file name (RFC 6266/5987); {@code ?inline=true} for the PDF and image viewer;</li>
 * <li>{@code GET /api/nominations/{processInstanceId}/dossier}: kinds, documents, what is missing and
 * what the caller may add, for the tab.</li>
 * </ul>
 * Someone who may not read the dossier gets 404, as if there were no such nomination.
 */
@RestController
class DossierController {

	private static final Logger LOG = LoggerFactory.getLogger(DossierController.class);

	private final NominationLookup nominations;

	private final DossierService dossier;

	private final DossierAccess access;

	private final DossierProperties properties;

	private final Actor actor;

	DossierController(NominationLookup nominations, DossierService dossier, DossierAccess access,
			DossierProperties properties, Actor actor) {
		this.nominations = nominations;
		this.dossier = dossier;
		this.access = access;
		this.properties = properties;
		this.actor = actor;
	}

	@GetMapping("/api/nominations/{processInstanceId}/documents")
	List<Document> list(@PathVariable String processInstanceId) {
		return dossier.list(readable(processInstanceId));
	}

	@GetMapping("/api/nominations/{processInstanceId}/dossier")
	Map<String, Object> overview(@PathVariable String processInstanceId) {
		Facts nomination = readable(processInstanceId);
		String user = actor.id();
		List<String> groups = actor.groups();
		List<Map<String, Object>> kinds = dossier.kinds(nomination).stream().map(k -> {
			Map<String, Object> kind = new LinkedHashMap<>();
			kind.put("code", k.code());
			kind.put("label", k.label());
			kind.put("required", k.required());
			kind.put("board", k.board());
			kind.put("mayAdd", access.mayAdd(nomination, k, user, groups));
			return kind;
		}).toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("processInstanceId", processInstanceId);
		body.put("awardCode", nomination.awardCode());
		body.put("kinds", kinds);
		body.put("documents", dossier.list(nomination));
		body.put("missing", dossier.missing(processInstanceId, nomination.awardCode(), nomination.nomineeType())
			.stream()
			.map(DossierKind::code)
			.toList());
		body.put("maxFileSize", properties.maxFileSize().toBytes());
		body.put("maxDossierSize", properties.maxDossierSize().toBytes());
		return body;
	}

	@PostMapping("/api/nominations/{processInstanceId}/documents")
	ResponseEntity<Document> add(@PathVariable String processInstanceId,
			@RequestParam(name = "kind", required = false) String kind,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		Facts nomination = readable(processInstanceId);
		DossierKind dossierKind = dossier.requiredKind(nomination, kind);
		if (!access.mayAdd(nomination, dossierKind, actor.id(), actor.groups())) {
			throw new Refusal(HttpStatus.FORBIDDEN, "kind", dossierKind.board()
					? Messages.get("dossier.add.board-only", dossierKind.label())
					: Messages.get("dossier.add.step-holder-only"));
		}
		if (file == null) {
			throw Refusal.badRequest(DossierService.FILE, Messages.get("dossier.file.missing"));
		}
		try (InputStream in = file.getInputStream()) {
			Document added = dossier.add(nomination, kind, file.getOriginalFilename(), file.getSize(), in,
					actor.id());
			return ResponseEntity.status(HttpStatus.CREATED).body(added);
		}
		catch (IOException ex) {
			throw Refusal.badRequest(DossierService.FILE, Messages.get("dossier.upload.interrupted"));
		}
	}

	@GetMapping("/api/nominations/{processInstanceId}/documents/{documentId}")
	void download(@PathVariable String processInstanceId, @PathVariable String documentId,
			@RequestParam(required = false, defaultValue = "false") boolean inline, HttpServletResponse response)
			throws IOException {
		Facts nomination = readable(processInstanceId);
		long id;
		try {
			id = Long.parseLong(documentId);
		}
		catch (NumberFormatException ex) {
			throw Refusal.notFound(Messages.get("dossier.document.not-found"));
		}
		DossierService.Opened opened = dossier.open(nomination, id)
			.orElseThrow(() -> Refusal.notFound(Messages.get("dossier.document.not-found")));
		Document d = opened.document();
		boolean viewable = inline && (d.mediaType().equals(ContentTypes.PDF) || d.mediaType().startsWith("image/"));
		response.setContentType(d.mediaType());
		response.setContentLengthLong(d.size());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(viewable, d.fileName()));
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setHeader("X-Document-SHA256", d.sha256());
		try (InputStream in = opened.content()) {
			OutputStream out = response.getOutputStream();
			in.transferTo(out);
		}
		catch (IOException ex) {
			// a corrupt document: the client sees a truncated body (Content-Length was promised)
			LOG.error("Document {} of nomination {} could not be sent whole: {}", id, processInstanceId, ex.getMessage());
			throw ex;
		}
	}

	/** {@code attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded} (RFC 6266, RFC 5987). */
	static String contentDisposition(boolean inline, String fileName) {
		String ascii = Normalizer.normalize(fileName.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^\\x20-\\x7e]|[\"\\\\%;]", "_");
		String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
		return (inline ? "inline" : "attachment") + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}

	/** The nomination if it exists and the caller may read its dossier; 404 otherwise. */
	private Facts readable(String processInstanceId) {
		Optional<Facts> nomination = nominations.find(processInstanceId);
		if (nomination.isEmpty() || !access.mayRead(nomination.get(), actor.id(), actor.groups())) {
			throw Refusal.notFound(Messages.get("dossier.not-found"));
		}
		return nomination.get();
	}

}
