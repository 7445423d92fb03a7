package vn.thidua.dossier;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.Optional;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of a document, decided from its bytes with Apache Tika's magic (the file name is never
 * consulted): only PDF, DOCX, XLSX, ODT, JPEG and PNG are accepted. Tika core sees an Office Open
 * XML file as a ZIP package; which one it is (word or spreadsheet) is read from the names of its
 * parts while the bytes stream by ({@link OoxmlParts}).
 */
final class ContentTypes {

	static final String PDF = "application/pdf";

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final String ODT = "application/vnd.oasis.opendocument.text";

	static final String JPEG = "image/jpeg";

	static final String PNG = "image/png";

	/** Tika's type of an OOXML package before its parts are known. */
	static final String OOXML = "application/x-tika-ooxml";

	/** The types a dossier accepts. */
	static final Set<String> ACCEPTED = Set.of(PDF, DOCX, XLSX, ODT, JPEG, PNG);

	private static final MimeTypes TIKA = MimeTypes.getDefaultMimeTypes();

	private ContentTypes() {
	}

	/** Tika's type of the first bytes of a file (no name given). */
	static String detect(byte[] head, int length) {
		try {
			MediaType type = TIKA.detect(new ByteArrayInputStream(head, 0, length), new Metadata());
			return type.getBaseType().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Whether a detected type may be stored, or may become DOCX/XLSX once its parts are seen. */
	static boolean acceptable(String detected) {
		return ACCEPTED.contains(detected) || OOXML.equals(detected)
				|| DOCX.equals(detected) || XLSX.equals(detected);
	}

	/** Watches the bytes of a ZIP package for the part names that tell a Word file from a spreadsheet. */
	static final class OoxmlParts {

		private static final byte[] WORD = "word/document.xml".getBytes(StandardCharsets.US_ASCII);

		private static final byte[] SHEET = "xl/workbook.xml".getBytes(StandardCharsets.US_ASCII);

		private final byte[] tail = new byte[WORD.length];

		private int tailLength;

		private boolean word;

		private boolean sheet;

		void update(byte[] bytes, int length) {
			byte[] window = new byte[tailLength + length];
			System.arraycopy(tail, 0, window, 0, tailLength);
			System.arraycopy(bytes, 0, window, tailLength, length);
			word |= contains(window, WORD);
			sheet |= contains(window, SHEET);
			tailLength = Math.min(tail.length - 1, window.length);
			System.arraycopy(window, window.length - tailLength, tail, 0, tailLength);
		}

		/** DOCX or XLSX when exactly one of the two main parts was seen. */
		Optional<String> type() {
			if (word == sheet) {
				return Optional.empty();
			}
			return Optional.of(word ? DOCX : XLSX);
		}

		private static boolean contains(byte[] window, byte[] needle) {
			outer: for (int i = 0; i + needle.length <= window.length; i++) {
				for (int j = 0; j < needle.length; j++) {
					if (window[i + j] != needle[j]) {
						continue outer;
					}
				}
				return true;
			}
			return false;
		}

	}

}
