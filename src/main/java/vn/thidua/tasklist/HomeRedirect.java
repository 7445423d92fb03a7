package vn.thidua.tasklist;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The address people are given ({@code /}) opens Tasklist, where all their work is, instead of
 * Camunda's welcome page with its list of applications.
 */
@Controller
class HomeRedirect {

	@GetMapping("/")
	String tasklist() {
		return "redirect:/camunda/app/tasklist/";
	}

}
