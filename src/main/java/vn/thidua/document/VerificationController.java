package vn.thidua.document;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The public verification page {@code /xac-minh/{code}}: no login (it is outside {@code /api} and
 * {@code /engine-rest}); the code is the one printed as the certificate's QR code. It shows the
 * awardee, the award, the decision, the issuer, whether the award was revoked and the SHA-256 of the
 * certificate, and nothing else. An unknown code is a 404 page; too many requests a 429 page.
 */
@Controller
class VerificationController {

	private final DocumentService documents;

	private final VerificationRateLimit limit;

	VerificationController(DocumentService documents, DocumentProperties properties) {
		this.documents = documents;
		this.limit = new VerificationRateLimit(properties.verificationRequestsPerMinute(), Clock.systemUTC());
	}

	@GetMapping("/xac-minh/{code}")
	String verify(@PathVariable String code, HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		response.setHeader("Referrer-Policy", "no-referrer");
		if (!limit.allow(request.getRemoteAddr())) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", "60");
			return "verification/too-many";
		}
		return documents.verify(code).map(v -> {
			model.addAttribute("v", v);
			return "verification/certificate";
		}).orElseGet(() -> {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "verification/not-found";
		});
	}

}
