package vn.thidua.document;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.thidua.web.Messages;

/**
 * {@code thidua.documents}: who issues the ward's documents and in which words (issuing bodies,
 * signer titles, place, legal bases, recipients), per ward and per award issuer, so that a reform
 * such as the 2025 one is an edit of {@code application.yaml}, not of code. Also the optional
 * signing certificate and the verification page's rate limit.
 *
 * @param wards per ward code
 * @param certificates per award code: the verb and title printed on its certificate
 * @param signing the PKCS#12 keystore that signs documents (PAdES); empty: not signed
 * @param verificationRequestsPerMinute requests one address may make to {@code /xac-minh/…} per minute
 */
@ConfigurationProperties("thidua.documents")
record DocumentProperties(Map<String, WardDocuments> wards, Map<String, CertificateWording> certificates,
		Signing signing, @DefaultValue("30") int verificationRequestsPerMinute) {

	DocumentProperties {
		wards = wards == null ? Map.of() : Map.copyOf(wards);
		certificates = certificates == null ? Map.of() : Map.copyOf(certificates);
		signing = signing == null ? new Signing(null, null, null) : signing;
	}

	/**
	 * The documents of one ward.
	 *
	 * @param place the place name in «Bồ Đề, ngày 05 tháng 12 năm 2026»
	 * @param individualTitle how a person is named in a decision and on a certificate («Bà»)
	 * @param achievementLine the achievement in one line; {@code {year}} is replaced by the period
	 * @param issuers per award issuer (WARD_UNION_CHAIR, WARD_COMMITTEE_CHAIRMAN, ...)
	 * @param council the header and signer of the council's vote minutes
	 * @param requestLetter the request letter (tờ trình) for a recommendation above the ward
	 */
	record WardDocuments(String place, String individualTitle, String achievementLine,
			Map<String, Issuer> issuers, Council council, RequestLetter requestLetter) {

		WardDocuments {
			individualTitle = individualTitle == null ? Messages.get("document.individual-title.default")
					: individualTitle;
			issuers = issuers == null ? Map.of() : Map.copyOf(issuers);
		}

		/** The issuer of an award, or of the ward union chair when the award's issuer has no entry. */
		Optional<Issuer> issuer(String awardIssuer) {
			Issuer found = issuers.get(awardIssuer);
			return Optional.ofNullable(found != null ? found : issuers.get("WARD_UNION_CHAIR"));
		}

	}

	/**
	 * An authority that signs decisions, laid out as Decree 30/2020/NĐ-CP asks.
	 *
	 * @param parentBody the governing body, first line at the top left (may be empty)
	 * @param body the issuing body, second line at the top left, bold
	 * @param authority the line under the subject, e.g. «CHỦ TỊCH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BỒ ĐỀ»
	 * @param signerTitle e.g. «CHỦ TỊCH»
	 * @param signerName the signer's name; empty: the person who signed in the application
	 * @param legalBases «Căn cứ …;» lines, in order
	 * @param closingArticles the articles after Điều 1 (without «Điều n.»), in order
	 * @param recipients the «Nơi nhận» lines
	 */
	record Issuer(String parentBody, String body, String authority, String signerTitle, String signerName,
			List<String> legalBases, List<String> closingArticles, List<String> recipients) {

		Issuer {
			legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
			closingArticles = closingArticles == null ? List.of() : List.copyOf(closingArticles);
			recipients = recipients == null ? List.of() : List.copyOf(recipients);
		}

	}

	/** The council's minutes: header lines and the title of the person who signs them. */
	record Council(String parentBody, String body, String signerTitle) {

		Council {
			signerTitle = signerTitle == null ? Messages.get("document.minutes.signer") : signerTitle;
		}

	}

	/**
	 * The request letter to a higher level.
	 *
	 * @param issuer which entry of {@code issuers} sends it
	 * @param symbol the symbol after the number, e.g. «TTr-HLHPN» in «Số: 7/TTr-HLHPN»
	 * @param legalBases «Căn cứ …;» lines
	 * @param recipients the «Nơi nhận» lines
	 */
	record RequestLetter(@DefaultValue("WARD_UNION_CHAIR") String issuer, String symbol, List<String> legalBases,
			List<String> recipients) {

		RequestLetter {
			legalBases = legalBases == null ? List.of() : List.copyOf(legalBases);
			recipients = recipients == null ? List.of() : List.copyOf(recipients);
		}

	}

	/** What a certificate says above the awardee: «TẶNG» / «GIẤY KHEN». */
	record CertificateWording(String verb, String title) {

		CertificateWording {
			verb = verb == null ? Messages.get("document.certificate.verb") : verb;
		}

	}

	/**
	 * A PKCS#12 keystore with the organisation's signing key. All three empty: documents are not
	 * signed and carry «Bản điện tử chưa ký số».
	 */
	record Signing(String keystore, String password, String alias) {

		boolean configured() {
			return keystore != null && !keystore.isBlank();
		}

	}

}
