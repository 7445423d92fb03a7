package vn.thidua.document;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.document.IssuedDocuments.Issued;
import vn.thidua.nomination.CouncilRecords;
import vn.thidua.nomination.CouncilRecords.NominationSummary;
import vn.thidua.nomination.CouncilRecords.Round;
import vn.thidua.identity.organisation.OrganisationDirectory;

import vn.thidua.web.Messages;

/**
 * Issues the documents of the award register: each is rendered the first time it is asked for,
 * signed when a signing certificate is configured, stored once with its SHA-256 and from then on
 * served from storage unchanged. A certificate gets an unguessable verification code, printed as
 * its QR code; {@link #verify} answers the public verification page.
 */
@Service
class DocumentService {

	private static final Logger LOG = LoggerFactory.getLogger(DocumentService.class);

	static final String DECISION = "DECISION";

	static final String CERTIFICATE = "CERTIFICATE";

	static final String MINUTES = "VOTE_MINUTES";

	static final String REQUEST_LETTER = "REQUEST_LETTER";

	static final String REVOCATION = "REVOCATION";

	/** 128 random bits, URL-safe Base64 without padding: 22 characters. */
	static final String CODE_PATTERN = "[A-Za-z0-9_-]{22}";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Documents documents;

	private final IssuedDocuments issued;

	private final AwardRegister register;

	private final AwardCatalogue catalogue;

	private final CouncilRecords council;

	private final DocumentComposer composer;

	private final PdfSigner signer;

	private final String baseUrl;

	DocumentService(Documents documents, IssuedDocuments issued, AwardRegister register, AwardCatalogue catalogue,
			CouncilRecords council, OrganisationDirectory directory, DocumentProperties properties,
			@Value("${thidua.base-url}") String baseUrl) {
		this.documents = documents;
		this.issued = issued;
		this.register = register;
		this.catalogue = catalogue;
		this.council = council;
		this.composer = new DocumentComposer(properties, directory);
		this.signer = properties.signing().configured() ? PdfSigner.fromKeystore(properties.signing()) : null;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		if (signer != null) {
			LOG.info("Decisions, certificates and request letters are signed (PAdES) as '{}'", signer.signerName());
		}
	}

	/** The decision that recorded this award (shared by every award of the same decision number). */
	Issued decision(AwardEntry entry) {
		String key = DECISION + ":" + entry.wardCode() + ":" + entry.decisionNumber().toUpperCase();
		return issue(key, () -> {
			List<AwardEntry> same = new ArrayList<>(register.list(Set.of(entry.wardCode()), Set.of(),
					entry.periodYear(), null)
				.stream()
				.filter(e -> AwardEntry.DECIDED.equals(e.status())
						&& entry.decisionNumber().equalsIgnoreCase(e.decisionNumber()))
				.toList());
			if (same.stream().noneMatch(e -> e.id() == entry.id())) {
				same.add(entry);
			}
			byte[] pdf = documents.decision(composer.decision(same, issuerOf(entry), mark(true)));
			return new Draft(DECISION, entry.wardCode(), entry.id(), entry.processInstanceId(), null, null,
					"quyet-dinh-" + slug(entry.decisionNumber()) + ".pdf",
					sign(pdf, Messages.get("document.sign.decision", entry.decisionNumber()), entry.wardCode()));
		});
	}

	Issued certificate(AwardEntry entry) {
		return issue(CERTIFICATE + ":award:" + entry.id(), () -> {
			String code = newCode();
			byte[] pdf = documents
				.certificate(composer.certificate(entry, issuerOf(entry), verificationUrl(code), mark(true)));
			return new Draft(CERTIFICATE, entry.wardCode(), entry.id(), entry.processInstanceId(), null, code,
					"giay-khen-" + entry.id() + ".pdf",
					sign(pdf, Messages.get("document.sign.certificate", entry.decisionNumber()), entry.wardCode()));
		});
	}

	Issued requestLetter(AwardEntry entry) {
		return issue(REQUEST_LETTER + ":award:" + entry.id(), () -> {
			byte[] pdf = documents
				.requestLetter(composer.requestLetter(entry, council.rounds(entry.processInstanceId()), mark(true)));
			return new Draft(REQUEST_LETTER, entry.wardCode(), entry.id(), entry.processInstanceId(), null, null,
					"to-trinh-" + entry.id() + ".pdf",
					sign(pdf, Messages.get("document.sign.request-letter", entry.awardName()), entry.wardCode()));
		});
	}

	Issued revocation(AwardEntry entry) {
		return issue(REVOCATION + ":award:" + entry.id(), () -> {
			byte[] pdf = documents.revocation(composer.revocation(entry, issuerOf(entry), mark(true)));
			return new Draft(REVOCATION, entry.wardCode(), entry.id(), entry.processInstanceId(), null, null,
					"quyet-dinh-thu-hoi-" + slug(entry.revocation().decisionNumber()) + ".pdf",
					sign(pdf, Messages.get("document.sign.revocation", entry.revocation().decisionNumber()),
							entry.wardCode()));
		});
	}

	/** The minutes of a closed council round; not signed (the council chair signs on paper). */
	Issued minutes(NominationSummary nomination, Round round) {
		return issue(MINUTES + ":" + nomination.processInstanceId() + ":" + round.round(), () -> {
			String awardName = catalogue.find(nomination.awardCode()).map(Award::name).orElse(nomination.awardCode());
			byte[] pdf = documents.minutes(composer.minutes(nomination, awardName, round));
			return new Draft(MINUTES, nomination.wardCode(), null, nomination.processInstanceId(), round.round(), null,
					"bien-ban-kiem-phieu-vong-" + round.round() + ".pdf", pdf);
		});
	}

	/** What the public verification page shows of a certificate: nothing else about the person. */
	record Verification(String awardee, String awardName, String decisionNumber, String decisionDate, String issuer,
			boolean revoked, String revocationNumber, String revocationDate, String sha256) {
	}

	Optional<Verification> verify(String code) {
		if (code == null || !code.matches(CODE_PATTERN)) {
			return Optional.empty();
		}
		return issued.findByCode(code)
			.filter(d -> CERTIFICATE.equals(d.type()) && d.awardId() != null)
			.flatMap(d -> register.find(d.awardId()).map(e -> {
				var ward = composer.ward(e.wardCode());
				String awardee = "INDIVIDUAL".equals(e.nomineeType()) ? ward.individualTitle() + " " + e.nomineeName()
						: e.nomineeName();
				var issuer = composer.issuer(e.wardCode(), issuerOf(e));
				boolean revoked = e.revocation() != null;
				return new Verification(awardee, e.awardName(), e.decisionNumber(),
						VietnameseDates.shortDate(e.decisionDate()), issuer.authority(), revoked,
						revoked ? e.revocation().decisionNumber() : null,
						revoked && e.revocation().decisionDate() != null
								? VietnameseDates.shortDate(e.revocation().decisionDate()) : null,
						d.sha256());
			}));
	}

	String verificationUrl(String code) {
		return baseUrl + "/xac-minh/" + code;
	}

	private record Draft(String type, String wardCode, Long awardId, String processInstanceId, Integer round,
			String code, String fileName, byte[] content) {
	}

	private Issued issue(String key, Supplier<Draft> render) {
		Optional<Issued> existing = issued.find(key);
		if (existing.isPresent()) {
			return existing.get();
		}
		long started = System.nanoTime();
		Draft d = render.get();
		Issued stored = issued.insertOnce(new Issued(0, key, d.type(), d.wardCode(), d.awardId(), d.processInstanceId(),
				d.round(), d.code(), d.fileName(), d.content(), sha256(d.content()), signer != null && !MINUTES.equals(d.type()),
				LocalDateTime.now()));
		LOG.info("Issued {} ({} bytes, SHA-256 {}) in {} ms", key, stored.content().length, stored.sha256(),
				(System.nanoTime() - started) / 1_000_000);
		return stored;
	}

	private String issuerOf(AwardEntry entry) {
		return catalogue.find(entry.awardCode()).map(Award::issuer).orElse("WARD_UNION_CHAIR");
	}

	private String mark(boolean signable) {
		return signable && signer != null ? Messages.get("document.mark.signed", signer.signerName())
				: DocumentComposer.UNSIGNED;
	}

	private byte[] sign(byte[] pdf, String reason, String wardCode) {
		return signer == null ? pdf : signer.sign(pdf, reason, composer.ward(wardCode).place());
	}

	static String newCode() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** «12/QĐ-HLHPN» → «12-QD-HLHPN»: a file name any browser and mail client keeps. */
	static String slug(String text) {
		String ascii = Normalizer.normalize(text.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return ascii.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
