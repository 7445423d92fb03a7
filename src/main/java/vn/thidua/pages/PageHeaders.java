package vn.thidua.pages;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Response headers of every page: no script at all (the pages need none), no framing, no sniffing;
 * pages with personal data are not cached.
 */
final class PageHeaders {

	static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
			+ "frame-ancestors 'none'; base-uri 'none'";

	private PageHeaders() {
	}

	static void apply(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CSP);
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Cache-Control", "no-store");
	}

}
