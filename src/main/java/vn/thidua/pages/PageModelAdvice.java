package vn.thidua.pages;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.thidua.identity.organisation.OrganisationDirectory;

/** What the shared layout ({@code templates/pages/layout.html}) shows on every page. */
@ControllerAdvice(annotations = PageController.class)
class PageModelAdvice {

	private final String organisationName;

	PageModelAdvice(OrganisationDirectory directory) {
		this.organisationName = organisationName(directory);
	}

	/** The ward of the organisation file, or the city when it holds several. */
	static String organisationName(OrganisationDirectory directory) {
		var wards = directory.wards();
		String name = wards.size() == 1 ? wards.get(0).name()
				: directory.organisation().city() == null ? "" : directory.organisation().city().name();
		return name == null ? "" : name.strip();
	}

	@ModelAttribute("organisationName")
	String organisationName() {
		return organisationName;
	}

	@ModelAttribute("currentUser")
	PageUser currentUser(HttpServletRequest request) {
		return PageUser.of(request);
	}

	@ModelAttribute("csrfToken")
	String csrfToken(HttpServletRequest request) {
		return PageCsrf.token(request);
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
