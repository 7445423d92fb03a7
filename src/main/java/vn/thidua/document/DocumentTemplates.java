package vn.thidua.document;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * The document templates {@code templates/documents/<name>.html} (XHTML, Thymeleaf) with an engine
 * of their own, as the mail templates have: every value is escaped, nothing is loaded from outside.
 */
@Component
class DocumentTemplates {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	DocumentTemplates() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/documents/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		engine.addTemplateResolver(resolver);
	}

	String render(String template, Map<String, Object> model) {
		return engine.process(template, new Context(VIETNAMESE, model));
	}

}
