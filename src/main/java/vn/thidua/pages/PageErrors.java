package vn.thidua.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.web.Messages;
import vn.thidua.web.Problems;

/**
 * Refusals of the pages as a page in the shared layout: the status and the Vietnamese sentence are
 * those the API would answer ({@link Problems#from}), shown as HTML for the browser. Runs before the
 * API's problem-details advice; an error that is no refusal propagates to the error page.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

	private final OrganisationDirectory directory;

	PageErrors(OrganisationDirectory directory) {
		this.directory = directory;
	}

	@ExceptionHandler(Exception.class)
	String refused(Exception ex, HttpServletRequest request, HttpServletResponse response, Model model) throws Exception {
		ProblemDetail problem = Problems.from(ex, PageErrors::label);
		if (problem == null) {
			throw ex;
		}
		response.setStatus(problem.getStatus());
		model.addAttribute("message", problem.getDetail());
		model.addAllAttributes(PageErrorView.layout(request, PageModelAdvice.organisationName(directory),
				request.getRequestURI().substring(request.getContextPath().length())));
		return "pages/loi";
	}

	/** A request parameter of the pages as people read it. */
	static String label(String parameter) {
		return switch (parameter) {
			case "nam" -> Messages.get("pages.parameter.nam");
			case "ten" -> Messages.get("pages.parameter.ten");
			case "chi-hoi" -> Messages.get("pages.parameter.chi-hoi");
			case "hinh-thuc" -> Messages.get("pages.parameter.hinh-thuc");
			case "trang-thai" -> Messages.get("pages.parameter.trang-thai");
			case "trang" -> Messages.get("pages.parameter.trang");
			default -> parameter;
		};
	}

}
