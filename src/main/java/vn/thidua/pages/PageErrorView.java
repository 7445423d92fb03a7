package vn.thidua.pages;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.web.Problems;

/**
 * The error page a browser gets for every path no controller answered or that was refused on the way
 * (404, 403 from the web apps' own security, 500): the pages' own {@code pages/loi} in the shared
 * layout with the Vietnamese sentence the API would answer, instead of Spring Boot's «Whitelabel
 * Error Page». Clients that do not ask for HTML still get problem details
 * ({@code vn.thidua.web.ProblemErrorController}).
 */
@Component
class PageErrorView implements ErrorViewResolver {

	private final OrganisationDirectory directory;

	PageErrorView(OrganisationDirectory directory) {
		this.directory = directory;
	}

	@Override
	public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String currentPath = path instanceof String p ? p.substring(request.getContextPath().length()) : "/";
		ModelAndView view = new ModelAndView("pages/loi", status);
		view.addObject("message", Problems.detail(status.value()));
		view.addAllObjects(layout(request, PageModelAdvice.organisationName(directory), currentPath));
		return view;
	}

	/**
	 * What the shared layout needs, for an error page: Spring applies no {@code @ModelAttribute} of
	 * {@link PageModelAdvice} to an exception handler's model, nor to the error dispatch.
	 */
	static Map<String, Object> layout(HttpServletRequest request, String organisationName, String currentPath) {
		Map<String, Object> model = new java.util.HashMap<>();
		model.put("organisationName", organisationName);
		model.put("currentUser", PageUser.of(request));
		model.put("csrfToken", PageCsrf.token(request));
		model.put("currentPath", currentPath);
		return model;
	}

}
