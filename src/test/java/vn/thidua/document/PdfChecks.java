package vn.thidua.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/**
 * What the document tests read out of a PDF with PDFBox: its text in reading order (by position on
 * the page, so columns side by side come line by line; white space collapsed), whether
 * every character is drawn with a real glyph of the embedded Liberation Serif, page images written
 * to {@code target/documents/} for a reviewer, and the QR code of a page (ZXing).
 */
final class PdfChecks {

	static final Path OUTPUT = Path.of("target", "documents");

	private static final TrueTypeFont REGULAR = parse("LiberationSerif-Regular.ttf");

	private PdfChecks() {
	}

	private static TrueTypeFont parse(String file) {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(HtmlToPdf.fontBytes(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text of all pages, NFC, white space runs as one space. */
	static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			return collapse(stripper.getText(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String pageText(byte[] pdf, int page) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setSortByPosition(true);
			stripper.setStartPage(page);
			stripper.setEndPage(page);
			return collapse(stripper.getText(document));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int pages(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String collapse(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\s+", " ").trim();
	}

	/**
	 * Every character drawn in the PDF comes from an embedded subset of Liberation Serif and maps to
	 * a real glyph (not .notdef), and every character of the extracted text is in the font's own cmap.
	 * Returns how many characters were checked.
	 */
	static int assertEveryGlyphEmbedded(byte[] pdf) {
		List<String> problems = new ArrayList<>();
		int[] checked = { 0 };
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition text) {
					PDFont font = text.getFont();
					checked[0]++;
					if (!font.isEmbedded() || !font.getName().contains("LiberationSerif")) {
						problems.add("'" + text.getUnicode() + "' in font " + font.getName() + " (embedded: "
								+ font.isEmbedded() + ")");
					}
					else if (font instanceof PDType0Font type0) {
						for (int code : text.getCharacterCodes()) {
							try {
								if (type0.codeToGID(code) == 0) {
									problems.add("'" + text.getUnicode() + "' has no glyph in " + font.getName());
								}
							}
							catch (IOException ex) {
								problems.add(ex.getMessage());
							}
						}
					}
					String unicode = text.getUnicode();
					if (unicode != null) {
						unicode.codePoints()
							.filter(cp -> !Character.isWhitespace(cp))
							.filter(cp -> glyph(cp) == 0)
							.forEach(cp -> problems.add("U+" + Integer.toHexString(cp) + " not in Liberation Serif"));
					}
					super.processTextPosition(text);
				}
			};
			stripper.getText(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(problems).as("characters without an embedded glyph").isEmpty();
		assertThat(checked[0]).isPositive();
		return checked[0];
	}

	private static int glyph(int codePoint) {
		try {
			return REGULAR.getUnicodeCmapLookup().getGlyphId(codePoint);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Renders a page (1-based) and writes it to target/documents/&lt;name&gt;-&lt;page&gt;.png. */
	static BufferedImage image(byte[] pdf, int page, int dpi, String name) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page - 1, dpi, ImageType.RGB);
			Files.createDirectories(OUTPUT);
			ImageIO.write(image, "png", OUTPUT.resolve(name + "-" + page + ".png").toFile());
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void writeAll(byte[] pdf, String name) {
		for (int p = 1; p <= pages(pdf); p++) {
			image(pdf, p, 100, name);
		}
		try {
			Files.write(OUTPUT.resolve(name + ".pdf"), pdf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The content of the QR code on the image (ZXing). */
	static String decodeQr(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(w, h, pixels)));
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		try {
			Result result = new QRCodeReader().decode(bitmap, hints);
			return result.getText();
		}
		catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException ex) {
			throw new AssertionError("No QR code readable on the page", ex);
		}
	}

	static BufferedImage read(byte[] png) {
		try {
			return ImageIO.read(new ByteArrayInputStream(png));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
