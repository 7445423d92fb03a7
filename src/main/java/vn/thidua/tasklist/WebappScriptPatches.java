package vn.thidua.tasklist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves two of Camunda 7.24's web app scripts with a few exact text replacements, where the
 * bundled code keeps chapter heads from doing their work or speaks English to them:
 * <ul>
 * <li>{@code app/tasklist/camunda-tasklist-bootstrap.js}: Tasklist disables «Hoàn thành» while
 * form-js's error object has any key. form-js 1.8.7 clears the error of a field inside a dynamic
 * list by deleting one array element, which leaves the key ({@code {"Field_x": [null]}}), so after
 * one keystroke in a work-item row the task can never be completed. The replacement counts only
 * real messages.</li>
 * <li>{@code lib/deps.js} (form-js, shared by the apps): the validation messages and the few words
 * form-js draws itself ("Select", "Search", "Add new", "Expand all", "Collapse") and the month and day
 * names of its date picker (flatpickr's built-in English), in Vietnamese ({@value #FORM_JS_PATCHES}).
 * Date fields read and write dd/mm/yyyy, as Tasklist shows dates, instead of the browser
 * language's order (mm/dd/yyyy in an English browser).</li>
 * </ul>
 * Each replacement must match its script exactly once, or the application does not start: a Camunda
 * upgrade that changes these scripts is noticed by the build (WebappScriptPatchesTest) and the
 * browser tests, not by the users. The mappings win over the starter's static resource handler,
 * like {@link TasklistBrandingController}.
 */
@RestController
class WebappScriptPatches {

	static final String WEBJAR = "META-INF/resources/webjars/camunda/";

	static final PatchedScript TASKLIST = new PatchedScript("app/tasklist/camunda-tasklist-bootstrap.js",
			List.of(new Replacement("var t=!!Object.keys(e.errors).length;",
					"var t=function hasMessage(v){return Array.isArray(v)?v.some(hasMessage)"
							+ ":v!==null&&typeof v===\"object\"?Object.keys(v).some(function(k){return hasMessage(v[k])}):!!v}(e.errors);")));

	/**
	 * The form-js replacements live in {@value #FORM_JS_PATCHES}, each vendor text beside its
	 * Vietnamese replacement, unescaped: the words people read stay out of Java, and the exact
	 * texts are easier to compare with the vendor script there than as Java string literals.
	 */
	static final String FORM_JS_PATCHES = "tasklist/form-js-patches.txt";

	static final PatchedScript FORM_JS = new PatchedScript("lib/deps.js", Replacement.read(FORM_JS_PATCHES));

	private static final MediaType JAVASCRIPT = new MediaType("application", "javascript", StandardCharsets.UTF_8);

	private final Served tasklist;

	private final Served formJs;

	/** {@code compress}: also hold each script gzipped (once, at the highest level) for browsers that accept it. */
	WebappScriptPatches(@Value("${server.compression.enabled:false}") boolean compress) {
		this.tasklist = Served.of(TASKLIST, compress);
		this.formJs = Served.of(FORM_JS, compress);
	}

	@GetMapping("${camunda.bpm.webapp.application-path:/camunda}/app/tasklist/camunda-tasklist-bootstrap.js")
	ResponseEntity<byte[]> tasklist(WebRequest request) {
		return tasklist.serve(request);
	}

	@GetMapping("${camunda.bpm.webapp.application-path:/camunda}/lib/deps.js")
	ResponseEntity<byte[]> formJs(WebRequest request) {
		return formJs.serve(request);
	}

	/** One literal text of a vendor script and what it becomes. */
	record Replacement(String find, String replace) {

		/** The replacements of a resource: a {@code "- "} line (the vendor text), then its {@code "+ "} line. */
		static List<Replacement> read(String resource) {
			List<Replacement> replacements = new ArrayList<>();
			String find = null;
			try (InputStream in = new ClassPathResource(resource).getInputStream()) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
					if (line.startsWith("- ")) {
						find = line.substring(2);
					}
					else if (line.startsWith("+ ") && find != null) {
						replacements.add(new Replacement(find, line.substring(2)));
						find = null;
					}
					else if (!line.isBlank() && !line.startsWith("#")) {
						throw new IllegalStateException(resource + ": a line is neither «- », «+ » nor a comment: " + line);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(resource + " not found", ex);
			}
			return List.copyOf(replacements);
		}

	}

	/**
	 * A script of the Camunda webjar ({@code path} below {@value #WEBJAR}) and its replacements.
	 */
	record PatchedScript(String path, List<Replacement> replacements) {

		/** The patched text; fails when a replacement does not match exactly once. */
		String apply() {
			String text = read();
			for (Replacement replacement : replacements) {
				int first = text.indexOf(replacement.find());
				if (first < 0 || text.indexOf(replacement.find(), first + 1) >= 0) {
					throw new IllegalStateException("The Camunda web app script " + path + " has changed: «"
							+ replacement.find() + "» is expected exactly once. Review WebappScriptPatches for this Camunda version.");
				}
				text = text.substring(0, first) + replacement.replace() + text.substring(first + replacement.find().length());
			}
			return text;
		}

		String read() {
			try (InputStream in = new ClassPathResource(WEBJAR + path).getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Camunda web app script " + path + " not found", ex);
			}
		}

	}

	/**
	 * A patched script in memory with its entity tag, answered with 304 when the browser has it; gzipped
	 * (another representation, another tag) when it was compressed and the browser accepts gzip. Always
	 * revalidated: the URL carries Camunda's version, the text changes with ours too (WebappCaching).
	 */
	private record Served(byte[] body, String etag, byte[] gzipped, String gzipEtag) {

		static Served of(PatchedScript script, boolean compress) {
			byte[] body = script.apply().getBytes(StandardCharsets.UTF_8);
			String hash = sha256(body);
			return new Served(body, "\"" + hash + "\"", compress ? gzip(body) : null, "\"" + hash + "-gz\"");
		}

		ResponseEntity<byte[]> serve(WebRequest request) {
			String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
			boolean zipped = gzipped != null && accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
			String tag = zipped ? gzipEtag : etag;
			if (request.checkNotModified(tag)) {
				return null;
			}
			ResponseEntity.BodyBuilder response = ResponseEntity.ok()
				.contentType(JAVASCRIPT)
				.cacheControl(CacheControl.noCache())
				.varyBy(HttpHeaders.ACCEPT_ENCODING)
				.eTag(tag);
			return zipped ? response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzipped) : response.body(body);
		}

		private static byte[] gzip(byte[] body) {
			ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
			try (GZIPOutputStream zip = new GZIPOutputStream(out) {
				{
					def.setLevel(Deflater.BEST_COMPRESSION);
				}
			}) {
				zip.write(body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return out.toByteArray();
		}

		private static String sha256(byte[] body) {
			try {
				return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
