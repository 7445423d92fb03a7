package vn.thidua.standin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.thidua.pages.PageController;
import vn.thidua.pages.PageCsrf;
import vn.thidua.pages.PageUser;
import vn.thidua.standin.StandInRepository.Named;
import vn.thidua.web.Messages;
import vn.thidua.web.Problems;
import vn.thidua.web.Refusal;

/**
 * {@code /nguoi-thay-the} (login): the person names a stand-in among the people of her body for a
 * period, sees and cancels the periods she named, sees for whom she stands in and what was done on
 * someone's behalf. The rule is {@link StandInRules}; a refusal comes back as the page with status 400
 * and the sentence naming the field.
 */
@Controller
@PageController
class StandInPage {

	static final String PATH = "/nguoi-thay-the";

	private final StandInService service;

	StandInPage(StandInService service) {
		this.service = service;
	}

	/** A choice of the stand-in list. */
	record Option(String login, String name) {
	}

	/** A period as listed: with names and whether it can still be cancelled. */
	record Row(long id, String person, String personName, String standIn, String standInName, LocalDate from,
			LocalDate to, String status, boolean cancellable) {
	}

	/** A task done on someone's behalf. */
	record ActRow(String text, LocalDateTime at, String processInstanceId) {
	}

	@GetMapping(PATH)
	String page(HttpServletRequest request, Model model) {
		return render(PageUser.of(request), Map.of(), model);
	}

	@PostMapping(PATH)
	String name(@RequestParam(name = StandInRules.FIELD_STAND_IN, required = false) String standIn,
			@RequestParam(name = StandInRules.FIELD_FROM, required = false) String from,
			@RequestParam(name = StandInRules.FIELD_TO, required = false) String to, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		PageUser user = PageUser.of(request);
		Map<String, String> form = new LinkedHashMap<>();
		form.put(StandInRules.FIELD_STAND_IN, standIn == null ? "" : standIn);
		form.put(StandInRules.FIELD_FROM, from == null ? "" : from);
		form.put(StandInRules.FIELD_TO, to == null ? "" : to);
		if (!PageCsrf.valid(request)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("errorMessage", Messages.get("pages.logout.session-expired"));
			return render(user, form, model);
		}
		try {
			service.name(user.id(), standIn, date(StandInRules.FIELD_FROM, from), date(StandInRules.FIELD_TO, to));
		}
		catch (Refusal refused) {
			response.setStatus(refused.getStatusCode().value());
			model.addAttribute("errorField", refused.getBody().getProperties() == null ? null
					: refused.getBody().getProperties().get(Problems.FIELD));
			model.addAttribute("errorMessage", refused.getMessage());
			return render(user, form, model);
		}
		redirect.addFlashAttribute("done", Messages.get("standin.page.named", service.fullName(standIn)));
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/{id}/huy")
	String cancel(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		PageUser user = PageUser.of(request);
		if (!PageCsrf.valid(request)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			model.addAttribute("errorMessage", Messages.get("pages.logout.session-expired"));
			return render(user, Map.of(), model);
		}
		try {
			service.cancel(user.id(), id);
		}
		catch (Refusal refused) {
			response.setStatus(refused.getStatusCode().value());
			model.addAttribute("errorMessage", refused.getMessage());
			return render(user, Map.of(), model);
		}
		redirect.addFlashAttribute("done", Messages.get("standin.page.cancelled"));
		return "redirect:" + PATH;
	}

	private static LocalDate date(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw Refusal.badRequest(field, StandInRules.FIELD_FROM.equals(field)
					? Messages.get("standin.refused.from-invalid") : Messages.get("standin.refused.to-invalid"));
		}
	}

	private String render(PageUser user, Map<String, String> form, Model model) {
		LocalDate today = service.today();
		model.addAttribute("allowed",
				service.allowedFor(user.id()).stream().map(l -> new Option(l, service.fullName(l))).toList());
		model.addAttribute("mine", rows(service.namedBy(user.id()), today));
		model.addAttribute("forWhom", rows(service.standingInFor(user.id()), today));
		model.addAttribute("acts", service.actsConcerning(user.id())
			.stream()
			.map(a -> new ActRow(Messages.get("standin.history.line", a.standIn(), a.person(),
					a.taskName() == null ? a.taskKey() : a.taskName()), service.localTime(a.actedAt()), a.processInstanceId()))
			.toList());
		model.addAttribute("today", today.toString());
		if (!model.containsAttribute("errorField")) {
			model.addAttribute("errorField", null);
		}
		model.addAttribute("form", form);
		return "pages/nguoi-thay-the";
	}

	private List<Row> rows(List<Named> named, LocalDate today) {
		return named.stream().map(n -> {
			String status;
			if (n.cancelledAt() != null) {
				status = Messages.get("standin.status.cancelled");
			}
			else if (n.to().isBefore(today)) {
				status = Messages.get("standin.status.ended");
			}
			else if (n.from().isAfter(today)) {
				status = Messages.get("standin.status.coming");
			}
			else {
				status = Messages.get("standin.status.active");
			}
			boolean cancellable = n.cancelledAt() == null && !n.to().isBefore(today);
			return new Row(n.id(), n.person(), service.fullName(n.person()), n.standIn(), service.fullName(n.standIn()),
					n.from(), n.to(), status, cancellable);
		}).toList();
	}

}
