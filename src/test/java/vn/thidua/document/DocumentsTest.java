package vn.thidua.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.image.BufferedImage;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.thidua.document.Documents.Awardee;

/**
 * The documents as PDF, without Spring or a database: the exact Vietnamese words (PDFBox text
 * extraction), a real embedded glyph for every character, the layout as page images in
 * {@code target/documents/}, the certificate's QR code read back with ZXing, and a PAdES signature
 * verified with PDFBox and Bouncy Castle against a certificate the test makes itself.
 */
class DocumentsTest {

	private static final Documents DOCUMENTS = new Documents(new DocumentTemplates(), new HtmlToPdf());

	private static final String URL = "http://localhost:8080/xac-minh/AbCdEfGhIjKlMnOpQrStUv";

	@Test
	void shouldLayOutTheDecisionAsDecree30Asks() {
		byte[] pdf = DOCUMENTS.decision(DocumentSamples.decision(List.of(DocumentSamples.tam())));
		PdfChecks.writeAll(pdf, "decision");

		String text = PdfChecks.text(pdf);
		assertThat(PdfChecks.pages(pdf)).isEqualTo(1);
		assertThat(text).contains("HỘI LHPN THÀNH PHỐ HÀ NỘI", "HỘI LHPN PHƯỜNG BỒ ĐỀ", "Số: 12/QĐ-HLHPN",
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
				"Bồ Đề, ngày 05 tháng 12 năm 2026", "QUYẾT ĐỊNH Về việc khen thưởng năm 2026",
				"CHỦ TỊCH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BỒ ĐỀ",
				"Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;", "QUYẾT ĐỊNH:",
				"Điều 1. Tặng Giấy khen cho bà Nguyễn Thị Thanh Tâm, Chi hội Tổ dân phố số 1, đã có thành tích xuất sắc trong công tác Hội và phong trào phụ nữ năm 2026.",
				"Điều 2. Quyết định có hiệu lực kể từ ngày ký.", "Điều 3. Văn phòng Hội,", "Nơi nhận:",
				"- Hội LHPN thành phố Hà Nội (để báo cáo);", "CHỦ TỊCH", "Phạm Thị Hòa", "Bản điện tử chưa ký số");
		assertThat(text).doesNotContain("DANH SÁCH");
		// line by line: the issuing body at the left of the national name, the number at the left of the date
		assertThat(text).contains("HỘI LHPN THÀNH PHỐ HÀ NỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
				"Số: 12/QĐ-HLHPN Bồ Đề, ngày 05 tháng 12 năm 2026");
		assertThat(text.indexOf("Nơi nhận:")).isGreaterThan(text.indexOf("Điều 3."));
		PdfChecks.assertEveryGlyphEmbedded(pdf);
	}

	@Test
	void shouldAnnexTheListWhenTheDecisionCoversSeveralAwardees() {
		Awardee second = new Awardee("", "Chi hội Tổ dân phố số 4", null, "Giấy khen của Chủ tịch Hội LHPN phường");
		Awardee third = new Awardee("Bà", "Lê Thị Hương Giang", "Chi hội Tổ dân phố số 6",
				"Giấy khen của Chủ tịch Hội LHPN phường");
		byte[] pdf = DOCUMENTS.decision(DocumentSamples.decision(List.of(DocumentSamples.tam(), second, third)));
		PdfChecks.writeAll(pdf, "decision-annex");

		assertThat(PdfChecks.pages(pdf)).isEqualTo(2);
		assertThat(PdfChecks.pageText(pdf, 1)).contains(
				"Điều 1. Tặng Giấy khen của Chủ tịch Hội LHPN phường cho 3 cá nhân, tập thể có tên trong danh sách kèm theo");
		assertThat(PdfChecks.pageText(pdf, 2)).contains("DANH SÁCH CÁ NHÂN, TẬP THỂ ĐƯỢC KHEN THƯỞNG",
				"(Kèm theo Quyết định số 12/QĐ-HLHPN ngày 05 tháng 12 năm 2026",
				"STT Họ và tên / Tập thể Chi hội Hình thức khen thưởng", "1 Bà Nguyễn Thị Thanh Tâm Chi hội Tổ dân phố",
				"2 Chi hội Tổ dân phố số 4", "3 Bà Lê Thị Hương Giang Chi hội Tổ dân phố", "số 1", "số 6");
		PdfChecks.assertEveryGlyphEmbedded(pdf);
	}

	@Test
	void shouldPrintTheCertificateOnOneLandscapePageWithAReadableQrCode() throws Exception {
		byte[] pdf = DOCUMENTS.certificate(DocumentSamples.certificate(URL));
		PdfChecks.writeAll(pdf, "certificate");

		assertThat(PdfChecks.pages(pdf)).isEqualTo(1);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDRectangle box = document.getPage(0).getMediaBox();
			assertThat(box.getWidth()).isCloseTo(PDRectangle.A4.getHeight(), org.assertj.core.data.Offset.offset(1f));
			assertThat(box.getHeight()).isCloseTo(PDRectangle.A4.getWidth(), org.assertj.core.data.Offset.offset(1f));
		}
		String text = PdfChecks.text(pdf);
		assertThat(text).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CHỦ TỊCH HỘI LIÊN HIỆP PHỤ NỮ PHƯỜNG BỒ ĐỀ",
				"TẶNG", "GIẤY KHEN", "Bà Nguyễn Thị Thanh Tâm", "Chi hội Tổ dân phố số 1",
				"Đã có thành tích xuất sắc trong công tác Hội và phong trào phụ nữ năm 2026",
				"Quyết định số 12/QĐ-HLHPN ngày 05/12/2026", "Bồ Đề, ngày 05 tháng 12 năm 2026", "Phạm Thị Hòa", URL,
				"Bản điện tử chưa ký số");
		PdfChecks.assertEveryGlyphEmbedded(pdf);

		BufferedImage page = PdfChecks.image(pdf, 1, 150, "certificate-qr");
		assertThat(PdfChecks.decodeQr(page)).isEqualTo(URL);
	}

	@Test
	void shouldWriteTheVoteMinutesWithCountsRuleAndResultButNoBallot() {
		byte[] pdf = DOCUMENTS.minutes(DocumentSamples.minutes());
		PdfChecks.writeAll(pdf, "vote-minutes");

		assertThat(PdfChecks.pages(pdf)).isEqualTo(1);
		// the council's name takes two lines at the top left
		assertThat(PdfChecks.text(pdf)).contains("HỘI ĐỒNG THI ĐUA – KHEN", "THƯỞNG", "BIÊN BẢN KIỂM PHIẾU",
				"Bỏ phiếu kín bình xét khen thưởng – vòng 1",
				"Vòng bỏ phiếu thứ 1 kết thúc lúc 14 giờ 30 phút, ngày 05 tháng 12 năm 2026.",
				"1 Cao Thị Loan Chủ tịch Hội đồng Đã bỏ phiếu", "5 Lương Thị Phúc Ủy viên Vắng, không bỏ phiếu",
				"Tổng số thành viên Hội đồng: 5", "Số thành viên đã bỏ phiếu: 4", "Số phiếu tán thành: 3",
				"Số phiếu không tán thành: 1", "Số thành viên không bỏ phiếu: 1",
				"Đủ số lượng khi ít nhất 66,67 % tổng số thành viên bỏ phiếu (ít nhất 4/5 thành viên).",
				"Đủ số lượng; được thông qua với 3/5 phiếu tán thành.", "CHỦ TỊCH HỘI ĐỒNG");
		PdfChecks.assertEveryGlyphEmbedded(pdf);
	}

	@Test
	void shouldWriteTheRequestLetterWithItsDossier() {
		byte[] pdf = DOCUMENTS.requestLetter(DocumentSamples.requestLetter());
		PdfChecks.writeAll(pdf, "request-letter");

		assertThat(PdfChecks.text(pdf)).contains("Số: 7/TTr-HLHPN", "TỜ TRÌNH",
				"Về việc đề nghị tặng Bằng khen của Hội LHPN thành phố", "Kính gửi: Hội LHPN thành phố",
				"1 Bà Trần Thị Ngọc Ánh Chi hội Tổ dân phố", "Hồ sơ kèm theo:", "1. Báo cáo thành tích của bà Trần Thị Ngọc Ánh;",
				"Biên bản kiểm phiếu của Hội đồng Thi đua – Khen thưởng, vòng 1, ngày 05 tháng 12 năm 2026 (4/5 phiếu tán thành).",
				"Kính đề nghị Hội LHPN thành phố xem xét, quyết định./.");
		PdfChecks.assertEveryGlyphEmbedded(pdf);
	}

	@Test
	void shouldWriteTheRevocationAsADecisionOfItsOwn() {
		byte[] pdf = DOCUMENTS.revocation(DocumentSamples.revocation());
		PdfChecks.writeAll(pdf, "revocation");

		assertThat(PdfChecks.text(pdf)).contains("Số: 20/QĐ-HLHPN", "Về việc thu hồi Giấy khen",
				"Điều 1. Thu hồi Giấy khen của Chủ tịch Hội LHPN phường đã tặng bà Nguyễn Thị Thanh Tâm",
				"tại Quyết định số 12/QĐ-HLHPN ngày 05 tháng 12 năm 2026.",
				"Lý do: thành tích được khen không đúng sự thật.");
		PdfChecks.assertEveryGlyphEmbedded(pdf);
	}

	@Test
	void shouldPrintNamesTypedWithCombiningAccentsAsPrecomposedLetters() {
		String decomposed = java.text.Normalizer.normalize("Nguyễn Thị Ánh Tuyết", java.text.Normalizer.Form.NFD);
		assertThat(decomposed).isNotEqualTo("Nguyễn Thị Ánh Tuyết");
		Awardee awardee = new Awardee("Bà", decomposed, "Chi hội Tổ dân phố số 3", "Giấy khen");
		byte[] pdf = DOCUMENTS.decision(DocumentSamples.decision(List.of(awardee)));
		assertThat(PdfChecks.text(pdf)).contains("bà Nguyễn Thị Ánh Tuyết, Chi hội Tổ dân phố số 3");
		PdfChecks.assertEveryGlyphEmbedded(pdf);
	}

	@Test
	void shouldEscapeMarkupInValues() {
		Awardee awardee = new Awardee("Bà", "<b>Ánh</b> & \"Hoa\" <img src=\"http://127.0.0.1:9/x.png\"/>",
				"Chi hội Tổ dân phố số 3", "Giấy khen");
		byte[] pdf = DOCUMENTS.decision(DocumentSamples.decision(List.of(awardee)));
		assertThat(PdfChecks.text(pdf)).contains("bà <b>Ánh</b> & \"Hoa\" <img src=", "127.0.0.1:9/x.png\"/>, Chi hội");
	}

	@Test
	void shouldWriteDatesAsDecree30Asks() {
		assertThat(VietnameseDates.placeAndDate("Bồ Đề", LocalDate.of(2026, 12, 5)))
			.isEqualTo("Bồ Đề, ngày 05 tháng 12 năm 2026");
		assertThat(VietnameseDates.longDate(LocalDate.of(2026, 2, 15))).isEqualTo("ngày 15 tháng 02 năm 2026");
		assertThat(VietnameseDates.longDate(LocalDate.of(2026, 7, 20))).isEqualTo("ngày 20 tháng 7 năm 2026");
		assertThat(VietnameseDates.timeAndDate(LocalDateTime.of(2026, 12, 5, 9, 5)))
			.isEqualTo("09 giờ 05 phút, ngày 05 tháng 12 năm 2026");
		assertThat(DocumentComposer.percent(0.6667)).isEqualTo("66,67 %");
		assertThat(DocumentComposer.percent(0.5)).isEqualTo("50 %");
		assertThat(DocumentComposer.percent(0.8)).isEqualTo("80 %");
		// the same thresholds as CouncilVoting.tally
		assertThat(DocumentComposer.quorumNeeded(0.6667, 5)).isEqualTo(4);
		assertThat(DocumentComposer.quorumNeeded(0.6667, 3)).isEqualTo(2);
		assertThat(DocumentComposer.approvalNeeded(0.5, 5)).isEqualTo(3);
		assertThat(DocumentComposer.approvalNeeded(0.5, 4)).isEqualTo(3);
		assertThat(DocumentComposer.approvalNeeded(0.8, 5)).isEqualTo(5);
		assertThat(DocumentService.slug("12/QĐ-HLHPN")).isEqualTo("12-QD-HLHPN");
	}

	@Test
	void shouldSignWithPadesThatVerifiesAgainstTheCertificate(@TempDir Path dir) throws Exception {
		// given: a signing certificate the test makes itself, in a PKCS#12 keystore
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair keys = generator.generateKeyPair();
		X500Name subject = new X500Name("CN=Hội LHPN phường Bồ Đề (thử nghiệm), O=Thi đua, C=VN");
		long now = System.currentTimeMillis();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now),
				new Date(now - 60_000), new Date(now + 86_400_000L), subject, keys.getPublic());
		builder.addExtension(Extension.keyUsage, true,
				new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("thidua", keys.getPrivate(), "bi-mat-2026".toCharArray(), new Certificate[] { certificate });
		Path keystore = dir.resolve("signing.p12");
		try (OutputStream out = Files.newOutputStream(keystore)) {
			store.store(out, "bi-mat-2026".toCharArray());
		}
		PdfSigner signer = PdfSigner
			.fromKeystore(new DocumentProperties.Signing(keystore.toString(), "bi-mat-2026", ""));
		assertThat(signer.signerName()).isEqualTo("Hội LHPN phường Bồ Đề (thử nghiệm)");

		// when
		Documents.Certificate c = DocumentSamples.certificate(URL);
		byte[] unsigned = DOCUMENTS.certificate(new Documents.Certificate(c.authority(), c.verb(), c.title(),
				c.awardee(), c.achievementLine(), c.decisionLine(), c.placeAndDate(), c.signerTitle(), c.signerName(),
				c.verificationUrl(), "Bản điện tử đã ký số: " + signer.signerName()));
		byte[] signed = signer.sign(unsigned, "Giấy khen theo Quyết định số 12/QĐ-HLHPN", "Bồ Đề");
		Files.write(PdfChecks.OUTPUT.resolve("certificate-signed.pdf"), signed);

		// then: one PAdES signature over the whole file except its own contents, valid for the certificate
		assertThat(PdfChecks.text(signed)).contains("Bản điện tử đã ký số: Hội LHPN phường Bồ Đề (thử nghiệm)",
				"Bà Nguyễn Thị Thanh Tâm");
		assertThat(verify(signed, certificate)).isTrue();
		try (PDDocument document = Loader.loadPDF(signed)) {
			PDSignature signature = document.getSignatureDictionaries().get(0);
			assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
			assertThat(signature.getFilter()).isEqualTo("Adobe.PPKLite");
			assertThat(signature.getLocation()).isEqualTo("Bồ Đề");
			int[] range = signature.getByteRange();
			assertThat(range[0]).isZero();
			assertThat(range[2] + range[3]).isEqualTo(signed.length);
			CMSSignedData cms = cms(signature, signed);
			SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
			assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
			assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).isNull();
		}

		// a changed byte inside the signed range breaks it
		byte[] tampered = signed.clone();
		int at = indexOf(tampered, "Nguy".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		int position = at >= 0 ? at : 200;
		tampered[position] ^= 0x01;
		assertThat(verifiesQuietly(tampered, certificate)).isFalse();
	}

	private static boolean verify(byte[] pdf, X509Certificate certificate) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignature> signatures = document.getSignatureDictionaries();
			assertThat(signatures).hasSize(1);
			PDSignature signature = signatures.get(0);
			CMSSignedData cms = cms(signature, pdf);
			SignerInformation info = cms.getSignerInfos().getSigners().iterator().next();
			@SuppressWarnings("unchecked")
			X509CertificateHolder embedded = (X509CertificateHolder) cms.getCertificates()
				.getMatches(info.getSID())
				.iterator()
				.next();
			assertThat(embedded.getEncoded()).isEqualTo(certificate.getEncoded());
			return info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
		}
	}

	/** The CMS of a signature; /Contents is zero-padded to its reserved size, so read one DER object. */
	private static CMSSignedData cms(PDSignature signature, byte[] pdf) throws Exception {
		try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(
				signature.getContents(pdf))) {
			return new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
					org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject()));
		}
	}

	private static boolean verifiesQuietly(byte[] pdf, X509Certificate certificate) {
		Throwable[] failure = new Throwable[1];
		boolean[] ok = new boolean[1];
		failure[0] = catchThrowable(() -> ok[0] = verify(pdf, certificate));
		return failure[0] == null && ok[0];
	}

	private static int indexOf(byte[] data, byte[] pattern) {
		outer: for (int i = 0; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
