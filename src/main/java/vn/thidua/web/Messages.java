package vn.thidua.web;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's Vietnamese sentences, from {@code messages/*.properties} (UTF-8): the one
 * place a text a person reads is written. Java names the key; the bundle holds the words, with one
 * form of address («đồng chí»). The same bundles serve the Thymeleaf templates ({@code #{key}})
 * through {@code spring.messages.basename}. Static, so that engine-free services and their unit
 * tests read the same texts without a Spring context.
 */
public final class Messages {

	/** The bundles, also named in {@code spring.messages.basename}. */
	public static final String[] BASENAMES = { "messages/kernel", "messages/pages", "messages/nomination",
			"messages/rollout", "messages/orgadmin" };

	private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private static final ResourceBundleMessageSource SOURCE = new ResourceBundleMessageSource();

	static {
		SOURCE.setBasenames(BASENAMES);
		SOURCE.setDefaultEncoding("UTF-8");
		SOURCE.setFallbackToSystemLocale(false);
		SOURCE.setAlwaysUseMessageFormat(true);
	}

	private Messages() {
	}

	/**
	 * The sentence for a key, with its arguments ({@code {0}} …). A missing key is a defect that
	 * {@code MessagesTest} finds first; at run time it throws.
	 */
	public static String get(String key, Object... args) {
		return SOURCE.getMessage(key, args, VIETNAMESE);
	}

}
