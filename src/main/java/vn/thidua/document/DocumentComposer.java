package vn.thidua.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;

import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardEntry.AwardAct;
import vn.thidua.document.DocumentProperties.Issuer;
import vn.thidua.document.DocumentProperties.WardDocuments;
import vn.thidua.document.Documents.Awardee;
import vn.thidua.document.Documents.Certificate;
import vn.thidua.document.Documents.Decision;
import vn.thidua.document.Documents.Letterhead;
import vn.thidua.document.Documents.Member;
import vn.thidua.document.Documents.Minutes;
import vn.thidua.document.Documents.RequestLetter;
import vn.thidua.document.Documents.Revocation;
import vn.thidua.document.Documents.Signature;
import vn.thidua.nomination.CouncilRecords.NominationSummary;
import vn.thidua.nomination.CouncilRecords.Round;
import vn.thidua.identity.organisation.Organisation.Person;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * The words of each document, from the award register, the council's rounds, the organisation file
 * and the ward's {@code thidua.documents} settings: plain rules on plain records, no database.
 */
final class DocumentComposer {

	static final String UNSIGNED = Messages.get("document.mark.unsigned");

	private static final String INDIVIDUAL = "INDIVIDUAL";

	private final DocumentProperties properties;

	private final OrganisationDirectory directory;

	DocumentComposer(DocumentProperties properties, OrganisationDirectory directory) {
		this.properties = properties;
		this.directory = directory;
	}

	/** Thrown when a ward's documents are not configured: nothing is issued rather than a wrong text (409). */
	static final class NotConfigured extends Refusal {

		private static final long serialVersionUID = 1L;

		NotConfigured(String detail) {
			super(HttpStatus.CONFLICT, null, detail);
		}

	}

	WardDocuments ward(String wardCode) {
		WardDocuments ward = properties.wards().get(wardCode);
		if (ward == null || ward.place() == null) {
			throw new NotConfigured(Messages.get("document.not-configured.ward", wardCode));
		}
		return ward;
	}

	Issuer issuer(String wardCode, String awardIssuer) {
		return ward(wardCode).issuer(awardIssuer)
			.orElseThrow(() -> new NotConfigured(Messages.get("document.not-configured.issuer", awardIssuer, wardCode)));
	}

	/** The decision that put these awards (one decision number of one ward) into the register. */
	Decision decision(List<AwardEntry> entries, String awardIssuer, String electronicMark) {
		AwardEntry first = entries.get(0);
		WardDocuments ward = ward(first.wardCode());
		Issuer issuer = issuer(first.wardCode(), awardIssuer);
		List<Awardee> awardees = entries.stream().map(e -> awardee(ward, e)).toList();
		String achievement = lowerFirst(achievementLine(ward, first.periodYear()));
		String article1;
		if (entries.size() == 1) {
			Awardee a = awardees.get(0);
			article1 = Messages.get("document.decision.article1.one", sentence(verb(first.awardCode())),
					first.awardName(), a.inText() + (a.chapterName() == null ? "" : ", " + a.chapterName()), achievement);
		}
		else {
			Set<String> awards = new LinkedHashSet<>(entries.stream().map(AwardEntry::awardName).toList());
			String count = String.valueOf(entries.size());
			article1 = awards.size() == 1
					? Messages.get("document.decision.article1.list", sentence(verb(first.awardCode())),
							first.awardName(), count, achievement)
					: Messages.get("document.decision.article1.awards", count, achievement);
		}
		String annex = entries.size() == 1 ? null
				: Messages.get("document.decision.annex", first.decisionNumber(),
						VietnameseDates.longDate(first.decisionDate()));
		return new Decision(
				new Letterhead(issuer.parentBody(), issuer.body(), first.decisionNumber(),
						VietnameseDates.placeAndDate(ward.place(), first.decisionDate())),
				Messages.get("document.decision.subject", String.valueOf(first.periodYear())), issuer.authority(), issuer.legalBases(), article1,
				awardees, issuer.closingArticles(),
				new Signature(issuer.signerTitle(), signerName(issuer, first.signedBy()), issuer.recipients()), annex,
				electronicMark);
	}

	Certificate certificate(AwardEntry entry, String awardIssuer, String verificationUrl, String electronicMark) {
		WardDocuments ward = ward(entry.wardCode());
		Issuer issuer = issuer(entry.wardCode(), awardIssuer);
		DocumentProperties.CertificateWording wording = properties.certificates().get(entry.awardCode());
		String title = wording != null && wording.title() != null ? wording.title()
				: entry.awardName().toUpperCase(DocumentTemplates.VIETNAMESE);
		return new Certificate(issuer.authority(), verb(entry.awardCode()), title, awardee(ward, entry),
				achievementLine(ward, entry.periodYear()),
				Messages.get("document.certificate.decision", entry.decisionNumber(),
						VietnameseDates.shortDate(entry.decisionDate())),
				VietnameseDates.placeAndDate(ward.place(), entry.decisionDate()), issuer.signerTitle(),
				signerName(issuer, entry.signedBy()), verificationUrl, electronicMark);
	}

	Minutes minutes(NominationSummary nomination, String awardName, Round round) {
		WardDocuments settings = ward(nomination.wardCode());
		Ward ward = directory.ward(nomination.wardCode()).orElseThrow();
		String chapterName = directory.chapterByGroup(nomination.chapterGroup())
			.map(c -> c.chapter().name())
			.orElse(nomination.chapterGroup());
		Awardee awardee = new Awardee(INDIVIDUAL.equals(nomination.nomineeType()) ? settings.individualTitle() : "",
				nomination.nomineeName(), chapterName, awardName);
		List<String> logins = new ArrayList<>(ward.council().members());
		round.voters().stream().filter(v -> !logins.contains(v)).forEach(logins::add);
		List<Member> members = logins.stream()
			.map(login -> new Member(name(login),
					login.equals(ward.council().chair()) ? Messages.get("document.minutes.chair")
							: Messages.get("document.minutes.member"),
					round.voters().contains(login)))
			.toList();
		int m = round.members();
		int voted = round.agree() + round.disagree();
		String of = String.valueOf(m);
		String quorumRule = round.quorumRatio() == null ? Messages.get("document.minutes.quorum.unrecorded")
				: Messages.get("document.minutes.quorum", percent(round.quorumRatio()),
						String.valueOf(quorumNeeded(round.quorumRatio(), m)), of);
		String approvalRule = round.approvalRatio() == null ? Messages.get("document.minutes.approval.unrecorded")
				: Messages.get("document.minutes.approval", percent(round.approvalRatio()),
						String.valueOf(approvalNeeded(round.approvalRatio(), m)), of);
		String result;
		if (!round.quorumReached()) {
			result = Messages.get("document.minutes.result.no-quorum", String.valueOf(voted), of);
		}
		else if (round.approved()) {
			result = Messages.get("document.minutes.result.approved", String.valueOf(round.agree()), of);
		}
		else {
			result = Messages.get("document.minutes.result.rejected", String.valueOf(round.agree()), of);
		}
		DocumentProperties.Council council = settings.council();
		return new Minutes(
				new Letterhead(council == null ? null : council.parentBody(),
						council == null ? ward.council().name() : council.body(), null,
						VietnameseDates.placeAndDate(settings.place(), round.closedAt().toLocalDate())),
				round.round(), VietnameseDates.timeAndDate(round.closedAt()),
				Messages.get("document.minutes.subject", awardName, awardee.inText(), chapterName,
						String.valueOf(nomination.periodYear())),
				members, m, voted, round.agree(), round.disagree(), round.abstain(), quorumRule, approvalRule, result,
				council == null ? Messages.get("document.minutes.signer") : council.signerTitle(), name(ward.council().chair()), UNSIGNED);
	}

	/** The request letter of a recommendation (status RECOMMENDED); its number is the register row's id. */
	RequestLetter requestLetter(AwardEntry entry, List<Round> rounds, String electronicMark) {
		WardDocuments settings = ward(entry.wardCode());
		DocumentProperties.RequestLetter letter = settings.requestLetter();
		if (letter == null || letter.symbol() == null) {
			throw new NotConfigured(Messages.get("document.not-configured.request-letter", entry.wardCode()));
		}
		Issuer issuer = issuer(entry.wardCode(), letter.issuer());
		Ward ward = directory.ward(entry.wardCode()).orElseThrow();
		Awardee awardee = awardee(settings, entry);
		LocalDate date = entry.recordedAt().toLocalDate();
		List<String> dossier = new ArrayList<>();
		dossier.add(Messages.get("document.request-letter.report", awardee.inText()));
		dossier.add(Messages.get("document.request-letter.chapter-minutes", entry.chapterName()));
		rounds.stream()
			.filter(Round::approved)
			.reduce((a, b) -> b)
			.ifPresent(r -> dossier.add(Messages.get("document.request-letter.council-minutes", ward.council().name(),
					String.valueOf(r.round()), VietnameseDates.longDate(r.closedAt().toLocalDate()),
					String.valueOf(r.agree()), String.valueOf(r.members()))));
		return new RequestLetter(
				new Letterhead(issuer.parentBody(), issuer.body(), entry.id() + "/" + letter.symbol(),
						VietnameseDates.placeAndDate(settings.place(), date)),
				Messages.get("document.request-letter.subject", entry.awardName()), entry.issuerName(),
				letter.legalBases(),
				Messages.get("document.request-letter.request", ward.name(), entry.issuerName(), entry.awardName()),
				List.of(awardee), achievementLine(settings, entry.periodYear()), dossier,
				Messages.get("document.request-letter.closing", entry.issuerName()),
				new Signature(issuer.signerTitle(), signerName(issuer, ward.chair()), letter.recipients()),
				electronicMark);
	}

	/** The decision revoking an award: a document of its own, the decision it revokes unchanged. */
	Revocation revocation(AwardEntry entry, String awardIssuer, String electronicMark) {
		AwardAct act = entry.revocation();
		WardDocuments ward = ward(entry.wardCode());
		Issuer issuer = issuer(entry.wardCode(), awardIssuer);
		Awardee awardee = awardee(ward, entry);
		return new Revocation(
				new Letterhead(issuer.parentBody(), issuer.body(), act.decisionNumber(),
						VietnameseDates.placeAndDate(ward.place(), act.decisionDate())),
				Messages.get("document.revocation.subject", entry.awardName()), issuer.authority(),
				issuer.legalBases(),
				Messages.get("document.revocation.article1", entry.awardName(),
						awardee.inText() + (awardee.chapterName() == null ? "" : ", " + awardee.chapterName()),
						entry.decisionNumber(), VietnameseDates.longDate(entry.decisionDate())),
				Messages.get("document.revocation.reason", act.note()), issuer.closingArticles(),
				new Signature(issuer.signerTitle(), signerName(issuer, act.recordedBy()), issuer.recipients()),
				electronicMark);
	}

	private Awardee awardee(WardDocuments ward, AwardEntry e) {
		boolean individual = INDIVIDUAL.equals(e.nomineeType());
		String chapter = !individual && e.nomineeName().equalsIgnoreCase(e.chapterName()) ? null : e.chapterName();
		return new Awardee(individual ? ward.individualTitle() : "", e.nomineeName(), chapter, e.awardName());
	}

	private String verb(String awardCode) {
		DocumentProperties.CertificateWording wording = properties.certificates().get(awardCode);
		return wording == null || wording.verb() == null ? Messages.get("document.certificate.verb") : wording.verb();
	}

	private static String achievementLine(WardDocuments ward, int year) {
		// a ward's own line says {year}; the default names the year itself
		return ward.achievementLine() == null ? Messages.get("document.achievement", String.valueOf(year))
				: ward.achievementLine().replace("{year}", String.valueOf(year));
	}

	private String signerName(Issuer issuer, String login) {
		if (issuer.signerName() != null && !issuer.signerName().isBlank()) {
			return issuer.signerName();
		}
		return name(login);
	}

	private String name(String login) {
		return login == null ? "" : directory.person(login).map(Person::fullName).orElse(login);
	}

	/** «TẶNG» → «Tặng», «CÔNG NHẬN DANH HIỆU» → «Công nhận danh hiệu». */
	static String sentence(String upper) {
		String lower = upper.toLowerCase(DocumentTemplates.VIETNAMESE);
		return lower.isEmpty() ? lower : lower.substring(0, 1).toUpperCase(DocumentTemplates.VIETNAMESE) + lower.substring(1);
	}

	private static String lowerFirst(String s) {
		return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(DocumentTemplates.VIETNAMESE) + s.substring(1);
	}

	/** 0.6667 → "66,67 %", 0.5 → "50 %" (Vietnamese decimal comma). */
	static String percent(double ratio) {
		BigDecimal p = BigDecimal.valueOf(ratio * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
		return p.toPlainString().replace('.', ',') + " %";
	}

	/** The fewest ballots that reach the quorum, by the rule of {@code CouncilVoting.tally}. */
	static int quorumNeeded(double quorum, int members) {
		return (int) Math.max(0, Math.ceil(quorum * members - 0.001 * members - 1e-9));
	}

	/** The fewest "agree" that exceed the approval ratio of all members. */
	static int approvalNeeded(double approval, int members) {
		return (int) Math.floor(approval * members + 1e-9) + 1;
	}

}
