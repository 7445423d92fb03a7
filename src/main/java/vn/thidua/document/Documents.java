package vn.thidua.document;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Renders the four documents of a commendation from plain records: the decision (with its annexed
 * list when it covers several awardees), the certificate of one awardee with the QR code of its
 * verification page, the minutes of one council round and the request letter to a higher level;
 * and the decision revoking an award. Every text is NFC-normalised first, so a name typed with
 * combining accents is printed with the font's precomposed Vietnamese letters.
 */
@Component
class Documents {

	private static final Typeset TYPESET = new Typeset();

	private final DocumentTemplates templates;

	private final HtmlToPdf pdf;

	Documents(DocumentTemplates templates, HtmlToPdf pdf) {
		this.templates = templates;
		this.pdf = pdf;
	}

	/** The top of an administrative document: issuing body and number at the left, date at the right. */
	record Letterhead(String parentBody, String body, String number, String placeAndDate) {
	}

	/** How a document ends: recipients at the left, signer at the right. */
	record Signature(String title, String name, List<String> recipients) {
	}

	/** One awardee as a decision and a certificate name them. */
	record Awardee(String title, String name, String chapterName, String awardName) {

		/** «bà Nguyễn Thị Ánh» in running text, «Chi hội Tổ dân phố số 1» for a collective. */
		public String inText() {
			return title == null || title.isBlank() ? name : title.toLowerCase(DocumentTemplates.VIETNAMESE) + " " + name;
		}

		/** «Bà Nguyễn Thị Ánh» on a line of its own. */
		public String onLine() {
			return title == null || title.isBlank() ? name : title + " " + name;
		}

	}

	/** A decision; {@code annexReference} is set (and the list annexed) when it covers several awardees. */
	record Decision(Letterhead head, String subject, String authority, List<String> legalBases, String article1,
			List<Awardee> awardees, List<String> closingArticles, Signature signature, String annexReference,
			String electronicMark) {
	}

	record Certificate(String authority, String verb, String title, Awardee awardee, String achievementLine,
			String decisionLine, String placeAndDate, String signerTitle, String signerName, String verificationUrl,
			String electronicMark) {
	}

	/** One council member in the minutes: whether they cast a ballot in this round (not how). */
	record Member(String name, String role, boolean voted) {
	}

	record Minutes(Letterhead head, int round, String closedAt, String subject, List<Member> members, int total,
			int voted, int agree, int disagree, int notVoted, String quorumRule, String approvalRule, String result,
			String signerTitle, String signerName, String electronicMark) {
	}

	record RequestLetter(Letterhead head, String subject, String addressee, List<String> legalBases, String body,
			List<Awardee> awardees, String achievementLine, List<String> dossier, String closing, Signature signature,
			String electronicMark) {
	}

	record Revocation(Letterhead head, String subject, String authority, List<String> legalBases, String article1,
			String reason, List<String> closingArticles, Signature signature, String electronicMark) {
	}

	byte[] decision(Decision d) {
		return render("decision", d);
	}

	byte[] certificate(Certificate c) {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("qr", QrCode.dataUri(c.verificationUrl()));
		return render("certificate", c, extra);
	}

	byte[] minutes(Minutes m) {
		return render("vote-minutes", m);
	}

	byte[] requestLetter(RequestLetter r) {
		return render("request-letter", r);
	}

	byte[] revocation(Revocation r) {
		return render("revocation", r);
	}

	/** The XHTML a template makes of a document, before it becomes a PDF (for tests and previews). */
	String html(String template, Record document) {
		return html(template, document, Map.of());
	}

	private String html(String template, Record document, Map<String, Object> extra) {
		Map<String, Object> model = new LinkedHashMap<>(extra);
		model.put("d", document);
		model.put("t", TYPESET);
		return nfc(templates.render(template, model));
	}

	private byte[] render(String template, Record document) {
		return render(template, document, Map.of());
	}

	private byte[] render(String template, Record document, Map<String, Object> extra) {
		return pdf.render(html(template, document, extra));
	}

	static String nfc(String text) {
		return text == null ? null : Normalizer.normalize(text, Normalizer.Form.NFC);
	}

}
