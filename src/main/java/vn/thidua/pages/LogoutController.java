package vn.thidua.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * {@code POST /dang-xuat}: ends the session, so the person is logged out of the pages and of the
 * web apps (Tasklist keeps its login in the same session), and shows Tasklist's login page.
 */
@Controller
@PageController
class LogoutController {

	@PostMapping("/dang-xuat")
	String logout(HttpServletRequest request) {
		if (!PageCsrf.valid(request)) {
			throw Refusal.forbidden(Messages.get("pages.logout.session-expired"));
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:" + PageAuthenticationFilter.TASKLIST + "#/login";
	}

}
