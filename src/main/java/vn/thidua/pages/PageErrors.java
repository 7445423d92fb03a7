package vn.thidua.pages;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Refusals of the pages as a page in the shared layout, with the status and a Vietnamese message. */
@ControllerAdvice(annotations = PageController.class)
class PageErrors {

	@ExceptionHandler(PageAccessDenied.class)
	String denied(PageAccessDenied ex, HttpServletResponse response, Model model) {
		response.setStatus(ex.status().value());
		model.addAttribute("message", ex.getMessage());
		return "pages/loi";
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String badParameter(MethodArgumentTypeMismatchException ex, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("message", "Giá trị của «" + PageErrors.label(ex.getName()) + "» không hợp lệ.");
		return "pages/loi";
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	String missing(MissingServletRequestParameterException ex, HttpServletResponse response, Model model) {
		response.setStatus(400);
		model.addAttribute("message", "Thiếu «" + PageErrors.label(ex.getParameterName()) + "».");
		return "pages/loi";
	}

	static String label(String parameter) {
		return switch (parameter) {
			case "nam" -> "Năm";
			case "ten" -> "Họ tên";
			case "chi-hoi" -> "Chi hội";
			case "hinh-thuc" -> "Hình thức khen thưởng";
			case "trang-thai" -> "Trạng thái";
			default -> parameter;
		};
	}

}
