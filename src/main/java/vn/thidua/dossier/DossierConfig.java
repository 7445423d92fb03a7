package vn.thidua.dossier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The dossier's wiring: the database store unless another {@link DocumentStore} bean is configured,
 * the upload size check before the body is read, and Vietnamese answers for the multipart parser's
 * failures (too large: 413; cut off or malformed: 400).
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
					response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
					response.setContentType(MediaType.APPLICATION_JSON_VALUE);
					response.setCharacterEncoding(StandardCharsets.UTF_8.name());
					response.setHeader("Connection", "close");
					response.getWriter()
						.write("{\"type\":\"DossierRefused\",\"field\":\"file\",\"message\":\"Tệp lớn hơn giới hạn "
								+ DossierService.megabytes(properties.maxFileSize().toBytes())
								+ " cho mỗi tệp; chưa lưu gì.\"}");
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

	/** The multipart parser's failures, which happen before any controller runs. */
	@RestControllerAdvice
	static class UploadErrors {

		@ExceptionHandler(MaxUploadSizeExceededException.class)
		ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException ex) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("type", "DossierRefused", "field", "file", "message",
						"Tệp lớn hơn giới hạn cho mỗi tệp; chưa lưu gì."));
		}

		@ExceptionHandler(MultipartException.class)
		ResponseEntity<Map<String, Object>> broken(MultipartException ex) {
			return ResponseEntity.status(HttpStatus.BAD_REQUEST)
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("type", "DossierRefused", "field", "file", "message",
						"Tải lên bị gián đoạn hoặc không đúng dạng multipart (kind, file); chưa lưu gì, vui lòng tải lại."));
		}

	}

}
