package vn.thidua.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardCatalogue.DossierKind;
import vn.thidua.nomination.NominationLookup.Facts;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * The documents of a nomination's dossier: adding a version (type read from the bytes, limits,
 * SHA-256), listing them by kind with every version, reading one back checked against its SHA-256,
 * and which required kinds are still missing. Access is decided before, by {@link DossierAccess}.
 */
@Service
class DossierService {

	private static final Logger LOG = LoggerFactory.getLogger(DossierService.class);

	static final int NAME_MAX = 255;

	/** The multipart field of the upload, named by refusals about the file. */
	static final String FILE = "file";

	private final DocumentRepository documents;

	private final DocumentStore store;

	private final AwardCatalogue catalogue;

	private final DossierProperties properties;

	private final TransactionTemplate transaction;

	DossierService(DocumentRepository documents, DocumentStore store, AwardCatalogue catalogue,
			DossierProperties properties, PlatformTransactionManager transactionManager) {
		this.documents = documents;
		this.store = store;
		this.catalogue = catalogue;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** The kinds of this nomination's dossier (its award, its nominee type). */
	List<DossierKind> kinds(Facts nomination) {
		return catalogue.dossierKinds(nomination.awardCode(), nomination.nomineeType());
	}

	Optional<DossierKind> kind(Facts nomination, String code) {
		return kinds(nomination).stream().filter(k -> k.code().equals(code)).findFirst();
	}

	/** Every version of every document, by kind (the dossier's order), newest version first. */
	List<Document> list(Facts nomination) {
		Map<String, DossierKind> kinds = kinds(nomination).stream()
			.collect(Collectors.toMap(DossierKind::code, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
		List<String> order = new ArrayList<>(kinds.keySet());
		Set<String> seen = new HashSet<>();
		List<Document> result = new ArrayList<>();
		for (Document d : documents.list(nomination.processInstanceId())) {
			DossierKind kind = kinds.get(d.kind());
			result.add(d.withCurrent(seen.add(d.kind()), kind == null ? d.kind() : kind.label()));
		}
		result.sort((a, b) -> {
			int ka = order.indexOf(a.kind());
			int kb = order.indexOf(b.kind());
			ka = ka < 0 ? Integer.MAX_VALUE : ka;
			kb = kb < 0 ? Integer.MAX_VALUE : kb;
			return ka != kb ? Integer.compare(ka, kb) : Integer.compare(b.version(), a.version());
		});
		return result;
	}

	/** The required kinds this dossier does not hold yet, for an award and nominee type. */
	List<DossierKind> missing(String processInstanceId, String awardCode, String nomineeType) {
		Set<String> present = new HashSet<>(documents.kindsPresent(processInstanceId));
		return catalogue.dossierKinds(awardCode, nomineeType)
			.stream()
			.filter(k -> k.required() && !present.contains(k.code()))
			.toList();
	}

	/**
	 * Stores a new document (the next version of its kind) in one transaction, or nothing.
	 *
	 * @param declaredSize the size of the upload as received (on disk, from the multipart parser), or -1
	 */
	Document add(Facts nomination, String kindCode, String rawFileName, long declaredSize, InputStream content,
			String user) {
		DossierKind kind = requiredKind(nomination, kindCode);
		String fileName = checkFileName(rawFileName);
		long maxFile = properties.maxFileSize().toBytes();
		if (declaredSize > maxFile) {
			throw tooLarge(fileName);
		}
		if (declaredSize == 0) {
			throw empty(fileName);
		}
		return transaction.execute(status -> {
			long room = properties.maxDossierSize().toBytes() - documents.totalSize(nomination.processInstanceId());
			if (declaredSize > room) {
				throw dossierFull();
			}
			Document stored = copy(nomination, kind, fileName, content, Math.min(maxFile, room), user);
			LOG.info("Document {} v{} ({} bytes, {}) added to nomination {} by {}", stored.kind(), stored.version(),
					stored.size(), stored.mediaType(), stored.processInstanceId(), user);
			return stored;
		});
	}

	private Document copy(Facts nomination, DossierKind kind, String fileName, InputStream content, long limit,
			String user) {
		int chunkSize = (int) properties.chunkSize().toBytes();
		byte[] buffer = new byte[chunkSize];
		MessageDigest digest = sha256();
		ContentTypes.OoxmlParts parts = new ContentTypes.OoxmlParts();
		DocumentStore.ContentWriter writer = null;
		String mediaType = null;
		long size = 0;
		try {
			int n;
			while ((n = readFully(content, buffer)) > 0) {
				size += n;
				if (size > limit) {
					throw size > properties.maxFileSize().toBytes() ? tooLarge(fileName) : dossierFull();
				}
				if (mediaType == null) {
					mediaType = ContentTypes.detect(buffer, n);
					if (!ContentTypes.acceptable(mediaType)) {
						throw Refusal.badRequest(FILE, Messages.get("dossier.upload.unknown-type", fileName));
					}
					writer = store.create();
				}
				digest.update(buffer, 0, n);
				parts.update(buffer, n);
				writer.write(buffer, n);
				if (n < buffer.length) {
					break;
				}
			}
		}
		catch (IOException ex) {
			throw Refusal.badRequest(FILE, Messages.get("dossier.upload.interrupted-file", fileName));
		}
		if (size == 0) {
			throw empty(fileName);
		}
		if (ContentTypes.OOXML.equals(mediaType) || ContentTypes.DOCX.equals(mediaType)
				|| ContentTypes.XLSX.equals(mediaType)) {
			mediaType = parts.type()
				.orElseThrow(() -> Refusal.badRequest(FILE, Messages.get("dossier.upload.other-office", fileName)));
		}
		String key = writer.finish();
		Document document = new Document(0, nomination.processInstanceId(), kind.code(), kind.label(),
				documents.nextVersion(nomination.processInstanceId(), kind.code()), true, fileName, mediaType, size,
				HexFormat.of().formatHex(digest.digest()), user, LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
		long id = documents.insert(document, key);
		return new Document(id, document.processInstanceId(), document.kind(), document.kindLabel(), document.version(),
				true, document.fileName(), document.mediaType(), document.size(), document.sha256(), document.addedBy(),
				document.addedAt());
	}

	/** Fills the buffer unless the stream ends first; the number of bytes read. */
	private static int readFully(InputStream in, byte[] buffer) throws IOException {
		int filled = 0;
		while (filled < buffer.length) {
			int n = in.read(buffer, filled, buffer.length - filled);
			if (n < 0) {
				break;
			}
			filled += n;
		}
		return filled;
	}

	/** A document and its bytes, checked against its SHA-256 while they stream. */
	record Opened(Document document, InputStream content) {
	}

	Optional<Opened> open(Facts nomination, long id) {
		return documents.find(nomination.processInstanceId(), id).map(stored -> {
			try {
				InputStream in = store.open(stored.storageKey());
				return new Opened(stored.document(), new VerifyingInputStream(in, stored.document().sha256(),
						stored.document().size(), (int) properties.chunkSize().toBytes()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/**
	 * The file name as sent, in Unicode NFC, refused when it is empty, too long, names a path or
	 * holds control or formatting characters (a right-to-left override can disguise an extension).
	 */
	static String checkFileName(String raw) {
		if (raw == null || raw.isBlank()) {
			throw Refusal.badRequest(FILE, Messages.get("dossier.file-name.missing"));
		}
		String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
		if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")) {
			throw Refusal.badRequest(FILE, Messages.get("dossier.file-name.path"));
		}
		boolean control = name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
				|| Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
				|| Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
		if (control) {
			throw Refusal.badRequest(FILE, Messages.get("dossier.file-name.control"));
		}
		if (name.strip().length() != name.length() || name.length() > NAME_MAX) {
			throw Refusal.badRequest(FILE, Messages.get("dossier.file-name.length", String.valueOf(NAME_MAX)));
		}
		return name;
	}

	/** The kind of the nomination's dossier named by the request, or 400 naming {@code kind}. */
	DossierKind requiredKind(Facts nomination, String kindCode) {
		return kind(nomination, kindCode).orElseThrow(() -> Refusal.badRequest("kind",
				kindCode == null || kindCode.isBlank() ? Messages.get("dossier.kind.missing")
						: Messages.get("dossier.kind.unknown", kindCode)));
	}

	private Refusal tooLarge(String fileName) {
		return new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, FILE,
				Messages.get("dossier.upload.file-too-large", fileName, megabytes(properties.maxFileSize().toBytes())));
	}

	private Refusal dossierFull() {
		return new Refusal(HttpStatus.PAYLOAD_TOO_LARGE, FILE,
				Messages.get("dossier.upload.dossier-full", megabytes(properties.maxDossierSize().toBytes())));
	}

	private static Refusal empty(String fileName) {
		return Refusal.badRequest(FILE, Messages.get("dossier.upload.empty", fileName));
	}

	static String megabytes(long bytes) {
		long mb = 1024 * 1024;
		return bytes >= mb && bytes % mb == 0 ? (bytes / mb) + " MB" : (bytes / 1024) + " KB";
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
