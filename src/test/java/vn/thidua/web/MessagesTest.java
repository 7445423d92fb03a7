package vn.thidua.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bundles and the code agree: every key the code or a template names is in a bundle, every key
 * of a bundle is named somewhere, no Java source holds a Vietnamese sentence, and the bundles use
 * one form of address.
 */
class MessagesTest {

	/** A key asked for by {@code Messages.get("key"}. */
	private static final Pattern JAVA_KEY = Pattern.compile("Messages\\.get\\(\\s*\"([a-z][\\w.-]+)\"");

	/** A string literal shaped like a key (a key chosen by a condition is named as a literal). */
	private static final Pattern KEY_LITERAL = Pattern.compile("\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"");

	/** {@code #{key}} in a Thymeleaf template. */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][\\w.-]+)");

	private static final Pattern VIETNAMESE = Pattern
		.compile("\"[^\"\\n]*[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ][^\"\\n]*\"",
				Pattern.CASE_INSENSITIVE);

	@Test
	void everyKeyNamedIsInABundleAndEveryBundleKeyIsNamed() throws IOException {
		Set<String> defined = new TreeSet<>();
		for (String basename : Messages.BASENAMES) {
			Properties properties = new Properties();
			try (Reader reader = new InputStreamReader(
					getClass().getClassLoader().getResourceAsStream(basename + ".properties"), StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			for (String key : properties.stringPropertyNames()) {
				assertThat(defined.add(key)).as("key %s is defined in two bundles", key).isTrue();
			}
		}
		Set<String> asked = new TreeSet<>();
		collect(Path.of("src/main/java"), JAVA_KEY, asked);
		collect(Path.of("src/main/resources/templates"), TEMPLATE_KEY, asked);
		assertThat(asked).as("keys asked for in code or templates but missing from every bundle")
			.isSubsetOf(defined);
		Set<String> literals = new TreeSet<>();
		collect(Path.of("src/main/java"), KEY_LITERAL, literals);
		Set<String> prefixes = new TreeSet<>();
		defined.forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
		assertThat(literals.stream().filter(l -> prefixes.stream().anyMatch(l::startsWith)).toList())
			.as("key-shaped literals with a bundle's prefix but no entry (a key passed on before Messages.get)")
			.isSubsetOf(defined);
		Set<String> named = new TreeSet<>(asked);
		named.addAll(literals);
		Set<String> unused = new TreeSet<>(defined);
		unused.removeAll(named);
		assertThat(unused).as("bundle keys that nothing names").isEmpty();
	}

	@Test
	void noVietnameseSentenceInJava() throws IOException {
		Set<String> found = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = VIETNAMESE.matcher(Files.readString(file));
				while (m.find()) {
					found.add(file + ": " + m.group());
				}
			}
		}
		assertThat(found).as("Vietnamese literals in Java: move them to messages/*.properties").isEmpty();
	}

	@Test
	void oneFormOfAddressInBundlesAndTemplates() throws IOException {
		Pattern otherAddress = Pattern.compile("(?iU)(?<!\\w)(anh/chị|chị|bạn|quý vị)(?!\\w)");
		Set<String> found = new TreeSet<>();
		// what people read: bundles, templates, forms, Tasklist's and the welcome page's words, our scripts
		for (Path root : new Path[] { Path.of("src/main/resources/messages"), Path.of("src/main/resources/templates"),
				Path.of("forms"), Path.of("src/main/resources/META-INF/resources/webjars/camunda/app"),
				Path.of("src/main/resources/META-INF/resources/webjars/camunda/assets/thidua") }) {
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile)
					.filter(f -> !f.toString().matches(".*\\.(svg|png|woff2?|ttf)$") && !f.toString().endsWith("en.json"))
					.toList()) {
					Matcher m = otherAddress.matcher(Files.readString(file));
					while (m.find()) {
						found.add(file + ": " + m.group());
					}
				}
			}
		}
		assertThat(found).as("address people as «đồng chí»").isEmpty();
	}

	private static void collect(Path root, Pattern pattern, Set<String> into) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Matcher m = pattern.matcher(Files.readString(file));
				while (m.find()) {
					into.add(m.group(1));
				}
			}
		}
	}

}
