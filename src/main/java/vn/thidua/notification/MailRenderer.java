package vn.thidua.notification;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/mail/<name>.subject.txt}, {@code <name>.txt} and {@code <name>.html}
 * with a Thymeleaf engine of its own (not the web one): HTML templates escape every value, the
 * subject is cut to one line so no value can add a mail header.
 */
@Component
class MailRenderer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	private static final int MAX_SUBJECT = 250;

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	MailRenderer() {
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
	}

	/** Subject, plain text and HTML of one mail. */
	record RenderedMail(String subject, String text, String html) {
	}

	RenderedMail render(String template, Map<String, Object> model) {
		if (template == null || !template.matches("[a-z0-9-]+")) {
			throw new IllegalArgumentException("Invalid mail template name: " + template);
		}
		Context context = new Context(VIETNAMESE, model);
		String subject = oneLine(engine.process(template + ".subject.txt", context));
		if (subject.length() > MAX_SUBJECT) {
			subject = subject.substring(0, MAX_SUBJECT - 1) + "…";
		}
		return new RenderedMail(subject, engine.process(template + ".txt", context),
				engine.process(template + ".html", context));
	}

	/** A header value on one line: CR, LF and other control characters become spaces. */
	static String oneLine(String value) {
		if (value == null) {
			return "";
		}
		return value.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").replaceAll(" {2,}", " ").strip();
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

}
