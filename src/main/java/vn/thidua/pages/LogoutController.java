package vn.thidua.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /dang-xuat}: ends the session, so the person is logged out of the pages and of the
 * web apps (Tasklist keeps its login in the same session), and shows Tasklist's login page.
 */
@Controller
class LogoutController {

	@PostMapping("/dang-xuat")
	String logout(HttpServletRequest request) {
		if (!PageCsrf.valid(request)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Phiên làm việc đã hết hạn, vui lòng tải lại trang.");
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:" + PageAuthenticationFilter.TASKLIST + "#/login";
	}

}
