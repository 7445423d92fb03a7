package vn.thidua.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import vn.thidua.web.Messages;

/**
 * HTML (XHTML from the Thymeleaf templates) to PDF through openhtmltopdf on PDFBox, with Liberation
 * Serif embedded (a subset per document): metric-compatible with Times New Roman, which Decree
 * 30/2020/NĐ-CP asks of administrative documents, and complete for Vietnamese. Nothing outside the
 * document is ever loaded (only {@code data:} images, i.e. the QR code).
 */
@Component
class HtmlToPdf {

	static final String FONT_FAMILY = "Liberation Serif";

	/** A font file of the family, held in memory: read once, not per document. */
	record Face(String resource, int weight, FontStyle style, byte[] bytes) {
	}

	private final List<Face> faces;

	HtmlToPdf() {
		this.faces = List.of(face("LiberationSerif-Regular.ttf", 400, FontStyle.NORMAL),
				face("LiberationSerif-Bold.ttf", 700, FontStyle.NORMAL),
				face("LiberationSerif-Italic.ttf", 400, FontStyle.ITALIC),
				face("LiberationSerif-BoldItalic.ttf", 700, FontStyle.ITALIC));
	}

	/** The bytes of the regular face, for checks that every character of a text has a glyph. */
	static byte[] fontBytes(String file) {
		try (InputStream in = HtmlToPdf.class.getResourceAsStream("/fonts/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Font /fonts/" + file + " is missing from the application");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Face face(String file, int weight, FontStyle style) {
		return new Face(file, weight, style, fontBytes(file));
	}

	byte[] render(String xhtml) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		for (Face f : faces) {
			builder.useFont(() -> new ByteArrayInputStream(f.bytes()), FONT_FAMILY, f.weight(), f.style(), true);
		}
		builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
				ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		builder.withProducer(Messages.get("app.name"));
		builder.withHtmlContent(xhtml, null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
