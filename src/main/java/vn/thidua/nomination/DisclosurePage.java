package vn.thidua.nomination;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.thidua.nomination.DisclosureListing.Disclosed;
import vn.thidua.nomination.ObjectionService.PublicObjection;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.pages.PageController;
import vn.thidua.pages.PageCsrf;
import vn.thidua.pages.PageThrottle;
import vn.thidua.pages.PageUser;
import vn.thidua.web.Messages;

/**
 * {@code /cong-khai}, open to everyone: per ward, the nominations under public disclosure and, for
 * each, a form to object (name, how to reach them, reason). An objection does what
 * {@code POST /api/nominations/{id}/objections} does: the nomination goes back to the board; the
 * person gets a reference number. At most {@code thidua.pages.objections-per-address} objections (and
 * refused attempts) per client address in {@code thidua.pages.objection-window}.
 */
@Controller
@PageController
class DisclosurePage {

	private final DisclosureListing listing;

	private final ObjectionService objections;

	private final OrganisationDirectory directory;

	private final PageThrottle throttle;

	private final Duration window;

	DisclosurePage(DisclosureListing listing, ObjectionService objections, OrganisationDirectory directory,
			@Value("${thidua.pages.objections-per-address:5}") int perAddress,
			@Value("${thidua.pages.objection-window:PT10M}") Duration window) {
		this.listing = listing;
		this.objections = objections;
		this.directory = directory;
		this.window = window;
		this.throttle = new PageThrottle(perAddress, window, 10_000, Clock.systemUTC());
	}

	/** A ward's section of the page. */
	record WardSection(String code, String name, List<Disclosed> nominations) {
	}

	@GetMapping("/cong-khai")
	String page(@RequestParam(name = "phuong", required = false) String ward, Model model) {
		return render(ward, model);
	}

	@PostMapping("/cong-khai/{processInstanceId}/phan-anh")
	String object(@PathVariable String processInstanceId, @RequestParam(name = "hoTen", required = false) String name,
			@RequestParam(name = "lienHe", required = false) String contact,
			@RequestParam(name = "lyDo", required = false) String reason, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		if (!PageCsrf.valid(request)) {
			return refused(HttpServletResponse.SC_FORBIDDEN, processInstanceId, null,
					Messages.get("nomination.disclosure.session-expired"), name, contact, reason, response,
					model);
		}
		if (!throttle.tryAcquire(request.getRemoteAddr())) {
			return refused(429, processInstanceId, null, Messages.get("nomination.disclosure.too-many",
					Math.max(1, window.toMinutes())), name, contact, reason, response, model);
		}
		PageUser user = PageUser.of(request);
		String reference;
		try {
			if (!listing.disclosed(processInstanceId)) {
				throw new ObjectionService.Refused(409, Messages.get("nomination.objection.disclosure-over"));
			}
			reference = objections.lodgePublic(processInstanceId,
					new PublicObjection(name, contact, reason, user == null ? null : user.id()));
		}
		catch (ObjectionService.Refused ex) {
			return refused(ex.status, processInstanceId, ex.field, ex.getMessage(), name, contact, reason, response,
					model);
		}
		redirect.addFlashAttribute("reference", reference);
		return "redirect:/cong-khai/da-nhan";
	}

	@GetMapping("/cong-khai/da-nhan")
	String received(Model model) {
		if (!model.containsAttribute("reference")) {
			return "redirect:/cong-khai";
		}
		return "pages/cong-khai-da-nhan";
	}

	private String refused(int status, String processInstanceId, String field, String message, String name,
			String contact, String reason, HttpServletResponse response, Model model) {
		response.setStatus(status);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("hoTen", name == null ? "" : name);
		form.put("lienHe", contact == null ? "" : contact);
		form.put("lyDo", reason == null ? "" : reason);
		model.addAttribute("errorFor", processInstanceId);
		model.addAttribute("errorField", field);
		model.addAttribute("errorMessage", message);
		model.addAttribute("form", form);
		return render(null, model);
	}

	private String render(String wardCode, Model model) {
		List<Disclosed> all = listing.current();
		List<Ward> wards = directory.wards()
			.stream()
			.filter(w -> wardCode == null || wardCode.isBlank() || w.code().equals(wardCode))
			.toList();
		if (wards.isEmpty()) {
			wards = directory.wards();
		}
		List<WardSection> sections = wards.stream()
			.map(w -> new WardSection(w.code(), w.name(),
					all.stream().filter(d -> d.wardCode().equals(w.code())).toList()))
			.toList();
		model.addAttribute("sections", sections);
		model.addAttribute("nameMax", ObjectionService.PUBLIC_NAME_MAX);
		model.addAttribute("contactMax", ObjectionService.PUBLIC_CONTACT_MAX);
		model.addAttribute("reasonMax", ObjectionService.PUBLIC_REASON_MAX);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", Map.of("hoTen", "", "lienHe", "", "lyDo", ""));
		}
		return "pages/cong-khai";
	}

}
