package vn.thidua.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * A PAdES baseline signature (ETSI.CAdES.detached, with the ESS signing-certificate-v2 attribute
 * and no CMS signing time, as PAdES asks) made with PDFBox and Bouncy Castle from a PKCS#12
 * keystore. The signature is invisible; the document's own text says it is signed.
 */
final class PdfSigner {

	private final PrivateKey key;

	private final X509Certificate[] chain;

	private final String signerName;

	private PdfSigner(PrivateKey key, X509Certificate[] chain) {
		this.key = key;
		this.chain = chain;
		this.signerName = commonName(chain[0]);
	}

	/** Reads the keystore; a wrong path, password or alias stops the application at start-up. */
	static PdfSigner fromKeystore(DocumentProperties.Signing signing) {
		String location = signing.keystore().trim();
		Resource resource = new DefaultResourceLoader()
			.getResource(location.startsWith("classpath:") || location.startsWith("file:") ? location : "file:" + location);
		char[] password = signing.password() == null ? new char[0] : signing.password().toCharArray();
		try (InputStream in = resource.getInputStream()) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(in, password);
			String alias = signing.alias();
			if (alias == null || alias.isBlank()) {
				alias = Collections.list(store.aliases())
					.stream()
					.filter(a -> isKey(store, a))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("No private key in " + location));
			}
			if (!store.isKeyEntry(alias)) {
				throw new IllegalStateException("No private key '" + alias + "' in " + location);
			}
			PrivateKey key = (PrivateKey) store.getKey(alias, password);
			Certificate[] certificates = store.getCertificateChain(alias);
			X509Certificate[] chain = Arrays.stream(certificates)
				.map(X509Certificate.class::cast)
				.toArray(X509Certificate[]::new);
			chain[0].checkValidity();
			return new PdfSigner(key, chain);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use the signing keystore " + location + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean isKey(KeyStore store, String alias) {
		try {
			return store.isKeyEntry(alias);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** The signer as the certificate names it (CN), printed on signed documents. */
	String signerName() {
		return signerName;
	}

	/** The PDF with a signature appended as an incremental update. */
	byte[] sign(byte[] pdf, String reason, String location) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(signerName);
			signature.setReason(reason);
			signature.setLocation(location);
			signature.setSignDate(Calendar.getInstance(TimeZone.getTimeZone("Asia/Ho_Chi_Minh")));
			try (SignatureOptions options = new SignatureOptions()) {
				options.setPreferredSignatureSize(SignatureOptions.DEFAULT_SIGNATURE_SIZE * 2);
				document.addSignature(signature, content -> cms(content.readAllBytes()), options);
				ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 32 * 1024);
				document.saveIncremental(out);
				return out.toByteArray();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] cms(byte[] content) throws IOException {
		try {
			X509CertificateHolder holder = new JcaX509CertificateHolder(chain[0]);
			byte[] certHash = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
			ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash,
					new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber()));
			ASN1EncodableVector attributes = new ASN1EncodableVector();
			attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
					new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { certId }))));
			CMSAttributeTableGenerator signedAttributes = new DefaultSignedAttributeTableGenerator(
					new AttributeTable(attributes)) {
				@Override
				@SuppressWarnings({ "rawtypes", "unchecked" })
				protected Hashtable createStandardAttributeTable(Map parameters) {
					Hashtable table = super.createStandardAttributeTable(parameters);
					// PAdES: the signing time is the dictionary's M entry, not a CMS attribute
					table.remove(CMSAttributes.signingTime);
					return table;
				}
			};
			String algorithm = "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
			ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(key);
			SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(
					new JcaDigestCalculatorProviderBuilder().build())
				.setSignedAttributeGenerator(signedAttributes)
				.build(contentSigner, chain[0]);
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(signerInfo);
			generator.addCertificates(new JcaCertStore(List.of(chain)));
			CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), false);
			return signed.getEncoded();
		}
		catch (GeneralSecurityException | OperatorCreationException | CMSException ex) {
			throw new IOException("PAdES signature failed: " + ex.getMessage(), ex);
		}
	}

	private static String commonName(X509Certificate certificate) {
		X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
		RDN[] cn = name.getRDNs(BCStyle.CN);
		return cn.length == 0 ? name.toString() : IETFUtils.valueToString(cn[0].getFirst().getValue());
	}

}
