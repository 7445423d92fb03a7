package vn.thidua.dossier;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.thidua.web.Messages;
import vn.thidua.web.Problems;

/**
 * The dossier's wiring: the database store unless another {@link DocumentStore} bean is configured,
 * and the upload size check before the body is read (the multipart parser's own failures are
 * answered by {@code vn.thidua.web.ProblemAdvice}: too large 413, cut off or malformed 400).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DossierProperties.class)
class DossierConfig {

	/** Multipart framing around one file part: boundaries, headers, the kind field. */
	static final long MULTIPART_OVERHEAD = 64 * 1024;

	@Bean
	@ConditionalOnMissingBean(DocumentStore.class)
	DocumentStore jdbcDocumentStore(JdbcClient jdbc) {
		return new JdbcDocumentStore(jdbc);
	}

	/**
	 * Refuses an upload whose declared length is over the per-file limit with 413 before a byte of
	 * it is read (a client sending {@code Expect: 100-continue} never sends the body). An upload
	 * without a length is cut off by the multipart parser at the same limit.
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> dossierUploadLimit(DossierProperties properties) {
		long limit = properties.maxFileSize().toBytes() + MULTIPART_OVERHEAD;
		OncePerRequestFilter filter = new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/documents")
						&& request.getContentLengthLong() > limit) {
					response.setHeader("Connection", "close");
					Problems.write(request, response, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, DossierService.FILE,
							Messages.get("dossier.upload.too-large",
									DossierService.megabytes(properties.maxFileSize().toBytes()))));
					return;
				}
				chain.doFilter(request, response);
			}
		};
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setName("thidua-dossier-upload-limit");
		registration.addUrlPatterns("/api/nominations/*");
		registration.setOrder(2);
		return registration;
	}

}
