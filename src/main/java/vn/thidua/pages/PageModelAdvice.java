package vn.thidua.pages;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.identity.organisation.OrganisationEdits;

/** What the shared layout ({@code templates/pages/layout.html}) shows on every page. */
@ControllerAdvice(annotations = PageController.class)
class PageModelAdvice {

	private final OrganisationDirectory directory;

	PageModelAdvice(OrganisationDirectory directory) {
		this.directory = directory;
	}

	/** The ward of the organisation file, or the city when it holds several. */
	static String organisationName(OrganisationDirectory directory) {
		var wards = directory.wards();
		String name = wards.size() == 1 ? wards.get(0).name()
				: directory.organisation().city() == null ? "" : directory.organisation().city().name();
		return name == null ? "" : name.strip();
	}

	/** Read on every page: an administrator may rename the ward (/to-chuc). */
	@ModelAttribute("organisationName")
	String organisationName() {
		return organisationName(directory);
	}

	@ModelAttribute("currentUser")
	PageUser currentUser(HttpServletRequest request) {
		return PageUser.of(request);
	}

	/** Whether the person is of a ward's board or its chair: the menu shows them the suggested nominations. */
	@ModelAttribute("leadsWard")
	boolean leadsWard(HttpServletRequest request) {
		PageUser user = PageUser.of(request);
		return user != null && directory.wards()
			.stream()
			.anyMatch(w -> user.id().equals(w.chair()) || w.board().contains(user.id()));
	}

	/** Whether the person administers the organisation (a ward's or the city's): the menu shows «Tổ chức». */
	@ModelAttribute("administersOrganisation")
	boolean administersOrganisation(HttpServletRequest request) {
		PageUser user = PageUser.of(request);
		return user != null && OrganisationEdits.administers(directory.organisation(), user.id());
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
