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

	static final String UNSIGNED = "Bản điện tử chưa ký số";

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
			article1 = sentence(verb(first.awardCode())) + " " + first.awardName() + " cho " + a.inText()
					+ (a.chapterName() == null ? "" : ", " + a.chapterName()) + ", " + achievement + ".";
		}
		else {
			Set<String> awards = new LinkedHashSet<>(entries.stream().map(AwardEntry::awardName).toList());
			article1 = (awards.size() == 1
					? sentence(verb(first.awardCode())) + " " + first.awardName() + " cho "
					: "Khen thưởng ")
					+ entries.size() + " cá nhân, tập thể có tên trong danh sách kèm theo, " + achievement + ".";
		}
		String annex = entries.size() == 1 ? null
				: "(Kèm theo Quyết định số " + first.decisionNumber() + " "
						+ VietnameseDates.longDate(first.decisionDate()) + ")";
		return new Decision(
				new Letterhead(issuer.parentBody(), issuer.body(), first.decisionNumber(),
						VietnameseDates.placeAndDate(ward.place(), first.decisionDate())),
				"Về việc khen thưởng năm " + first.periodYear(), issuer.authority(), issuer.legalBases(), article1,
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
				"Quyết định số " + entry.decisionNumber() + " ngày " + VietnameseDates.shortDate(entry.decisionDate()),
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
					login.equals(ward.council().chair()) ? "Chủ tịch Hội đồng" : "Ủy viên",
					round.voters().contains(login)))
			.toList();
		int m = round.members();
		int voted = round.agree() + round.disagree();
		String quorumRule = round.quorumRatio() == null ? "Tỷ lệ tối thiểu thành viên bỏ phiếu: không được ghi lại cho vòng này."
				: "Đủ số lượng khi ít nhất " + percent(round.quorumRatio()) + " tổng số thành viên bỏ phiếu (ít nhất "
						+ quorumNeeded(round.quorumRatio(), m) + "/" + m + " thành viên).";
		String approvalRule = round.approvalRatio() == null
				? "Tỷ lệ phiếu tán thành để thông qua: không được ghi lại cho vòng này."
				: "Được thông qua khi số phiếu tán thành vượt " + percent(round.approvalRatio())
						+ " tổng số thành viên (ít nhất " + approvalNeeded(round.approvalRatio(), m) + "/" + m
						+ " phiếu).";
		String result;
		if (!round.quorumReached()) {
			result = "Không đủ số lượng thành viên bỏ phiếu (" + voted + "/" + m + "); Hội đồng bỏ phiếu lại.";
		}
		else if (round.approved()) {
			result = "Đủ số lượng; được thông qua với " + round.agree() + "/" + m + " phiếu tán thành.";
		}
		else {
			result = "Đủ số lượng; không được thông qua (" + round.agree() + "/" + m + " phiếu tán thành).";
		}
		DocumentProperties.Council council = settings.council();
		return new Minutes(
				new Letterhead(council == null ? null : council.parentBody(),
						council == null ? ward.council().name() : council.body(), null,
						VietnameseDates.placeAndDate(settings.place(), round.closedAt().toLocalDate())),
				round.round(), VietnameseDates.timeAndDate(round.closedAt()),
				"Đề nghị khen thưởng " + awardName + " cho " + awardee.inText() + ", " + chapterName + ", năm "
						+ nomination.periodYear() + ".",
				members, m, voted, round.agree(), round.disagree(), round.abstain(), quorumRule, approvalRule, result,
				council == null ? "CHỦ TỊCH HỘI ĐỒNG" : council.signerTitle(), name(ward.council().chair()), UNSIGNED);
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
		dossier.add("Báo cáo thành tích của " + awardee.inText() + ";");
		dossier.add("Biên bản họp bình xét của " + entry.chapterName() + ";");
		rounds.stream()
			.filter(Round::approved)
			.reduce((a, b) -> b)
			.ifPresent(r -> dossier.add("Biên bản kiểm phiếu của " + ward.council().name() + ", vòng " + r.round()
					+ ", " + VietnameseDates.longDate(r.closedAt().toLocalDate()) + " (" + r.agree() + "/" + r.members()
					+ " phiếu tán thành)."));
		return new RequestLetter(
				new Letterhead(issuer.parentBody(), issuer.body(), entry.id() + "/" + letter.symbol(),
						VietnameseDates.placeAndDate(settings.place(), date)),
				"Về việc đề nghị tặng " + entry.awardName(), entry.issuerName(), letter.legalBases(),
				ward.name() + " kính đề nghị " + entry.issuerName() + " xem xét, tặng " + entry.awardName() + " cho:",
				List.of(awardee), achievementLine(settings, entry.periodYear()), dossier,
				"Kính đề nghị " + entry.issuerName() + " xem xét, quyết định./.",
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
				"Về việc thu hồi " + entry.awardName(), issuer.authority(), issuer.legalBases(),
				"Thu hồi " + entry.awardName() + " đã tặng " + awardee.inText()
						+ (awardee.chapterName() == null ? "" : ", " + awardee.chapterName()) + ", tại Quyết định số "
						+ entry.decisionNumber() + " " + VietnameseDates.longDate(entry.decisionDate()) + ".",
				"Lý do: " + act.note(), issuer.closingArticles(),
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
		return wording == null || wording.verb() == null ? "TẶNG" : wording.verb();
	}

	private static String achievementLine(WardDocuments ward, int year) {
		String line = ward.achievementLine() == null ? "Đã có thành tích xuất sắc năm {year}" : ward.achievementLine();
		return line.replace("{year}", String.valueOf(year));
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

	/** "TẶNG" → "Tặng", "CÔNG NHẬN DANH HIỆU" → "Công nhận danh hiệu". */
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
