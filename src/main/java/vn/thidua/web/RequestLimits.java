package vn.thidua.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Limits on the JSON a client may send to any API of the application (the engine's REST API, the
 * web apps' copy of it, our own {@code /api}): at most {@code thidua.http.max-json-bytes} (413 before
 * the rest is read) and at most {@value #MAX_DEPTH} levels of nesting (400), so that no parser
 * spends its stack on a hostile body and the answer is a Vietnamese sentence, not an internal error.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

	static final int MAX_DEPTH = 32;

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestLimitsFilter(
			@Value("${thidua.http.max-json-bytes:1048576}") int maxBytes) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(maxBytes));
		registration.setName("thidua-request-limits");
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	static final class Filter extends OncePerRequestFilter {

		private final int maxBytes;

		Filter(int maxBytes) {
			this.maxBytes = maxBytes;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String type = request.getContentType();
			if (type == null || !type.toLowerCase().contains("json")) {
				chain.doFilter(request, response);
				return;
			}
			if (request.getContentLengthLong() > maxBytes) {
				tooLarge(request, response);
				return;
			}
			byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
			if (body.length > maxBytes) {
				tooLarge(request, response);
				return;
			}
			if (JsonShape.depth(new String(body, StandardCharsets.UTF_8)) > MAX_DEPTH) {
				Problems.write(request, response, Problems.of(HttpServletResponse.SC_BAD_REQUEST, null,
						Messages.get("web.request.too-deep", String.valueOf(MAX_DEPTH))));
				return;
			}
			chain.doFilter(new CachedBody(request, body), response);
		}

		private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
			Problems.write(request, response, Problems.of(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, null,
					Messages.get("web.request.too-large", String.valueOf(maxBytes / 1024))));
		}

		private static byte[] readAtMost(InputStream in, int limit) throws IOException {
			return in.readNBytes(limit);
		}

	}

	/** The request with its body read once and replayed to whoever reads it next. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
