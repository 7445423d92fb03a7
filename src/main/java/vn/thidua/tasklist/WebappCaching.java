package vn.thidua.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cache-Control for the static files of the Camunda web apps ({@code /camunda/app/**},
 * {@code /camunda/lib/**}, {@code /camunda/assets/**}). Camunda's pages ask for the webjar's files
 * with its version as cache-buster ({@code deps.js?bust=7.24.0}, fonts from the style sheets, the
 * custom scripts of config.js), so a file whose URL carries that buster and that is served exactly as
 * the webjar holds it changes only with a new webjar, i.e. a new URL: a year, immutable. Our own files
 * and overrides of the webjar (config.js, user-styles.css, locales, {@code assets/thidua/}) are asked
 * for with the same buster but change with our releases: ten minutes, then revalidated (without a
 * header browsers guessed a freshness from the file's age, days for an old release, and kept old
 * scripts that long after an upgrade; revalidating every one on each visit costs a phone a round trip
 * per file, chained through the imports). The pages themselves are always revalidated; the two
 * scripts {@link WebappScriptPatches} changes and {@code branding.json} set their own header (the
 * scripts revalidated: they are megabytes, one round trip each, in parallel). {@code thidua.webapp.cache-versioned-files=false} switches this
 * off (the benchmark's "before").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "thidua.webapp.cache-versioned-files", havingValue = "true", matchIfMissing = true)
class WebappCaching {

	static final String IMMUTABLE = "public, max-age=31536000, immutable";

	static final String SHORT = "max-age=600";

	static final String REVALIDATE = "no-cache";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> webappCachingFilter(
			@Value("${camunda.bpm.webapp.application-path:/camunda}") String applicationPath) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new Filter(applicationPath, Webjar.onClasspath()));
		registration.addUrlPatterns(applicationPath + "/app/*", applicationPath + "/lib/*", applicationPath + "/assets/*");
		registration.setName("thiduaWebappCaching");
		return registration;
	}

	/** Sets the header before the request is served; the resource handler leaves Cache-Control alone. */
	static final class Filter extends OncePerRequestFilter {

		private final String applicationPath;

		private final Webjar webjar;

		Filter(String applicationPath, Webjar webjar) {
			this.applicationPath = applicationPath;
			this.webjar = webjar;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
					&& path.startsWith(applicationPath + "/")) {
				String file = path.substring(applicationPath.length() + 1);
				String header = webjar.cacheControl(file, request.getParameter("bust"));
				if (header != null) {
					response.setHeader("Cache-Control", header);
				}
			}
			chain.doFilter(request, response);
		}

	}

	/**
	 * The Camunda webjar on the classpath: its cache-buster (read from Tasklist's index.html) and which
	 * of its files reach the browser unchanged (not overridden by a file of ours that comes first on
	 * the classpath, not patched by {@link WebappScriptPatches}).
	 */
	record Webjar(String buster, String location, Set<String> patched, Map<String, Boolean> unchanged) {

		private static final String INDEX = "app/tasklist/index.html";

		private static final Pattern BUSTER = Pattern.compile("\\?bust=([^\"'&\\s]+)");

		static Webjar onClasspath() {
			ClassLoader loader = WebappCaching.class.getClassLoader();
			URL index = loader.getResource(WebappScriptPatches.WEBJAR + INDEX);
			if (index == null) {
				throw new IllegalStateException("The Camunda webjar's " + INDEX + " is not on the classpath");
			}
			String text;
			try (InputStream in = index.openStream()) {
				text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Matcher buster = BUSTER.matcher(text);
			if (!buster.find()) {
				throw new IllegalStateException("No cache-buster in the Camunda webjar's " + INDEX);
			}
			String url = index.toString();
			return new Webjar(buster.group(1), url.substring(0, url.length() - INDEX.length()),
					Set.of(WebappScriptPatches.TASKLIST.path(), WebappScriptPatches.FORM_JS.path()), new ConcurrentHashMap<>());
		}

		/**
		 * The header for {@code file} (below the application path), asked for with {@code bust}; null
		 * where the handler sets its own (the patched scripts, {@code branding.json}) or nothing is found.
		 */
		String cacheControl(String file, String bust) {
			if (file.endsWith("/")) {
				return REVALIDATE; // a page: /camunda/app/tasklist/default/
			}
			if (patched.contains(file) || file.contains("..") || resource(file) == null) {
				return null;
			}
			return isVersioned(file, bust) ? IMMUTABLE : SHORT;
		}

		/** Whether {@code file}, asked for with {@code bust}, changes only with its URL. */
		boolean isVersioned(String file, String bust) {
			return buster.equals(bust) && unchanged.computeIfAbsent(file, this::servedAsInWebjar);
		}

		private boolean servedAsInWebjar(String file) {
			if (patched.contains(file) || file.contains("..")) {
				return false;
			}
			URL first = resource(file);
			return first != null && first.toString().equals(location + file);
		}

		private static URL resource(String file) {
			return WebappCaching.class.getClassLoader().getResource(WebappScriptPatches.WEBJAR + file);
		}

	}

}
