package vn.thidua.nomination;

import jakarta.servlet.http.HttpServletRequest;

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
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * {@code /de-xuat-khen-thuong} (board and chair of a ward): the exemplary people the chapters
 * proposed in their year-end reports, as suggested nominations ({@link ProposalNominations}); each
 * with one action «Lập đề nghị» that starts the CommendationNomination, after which the proposal
 * shows the nomination and its status. Anyone else gets the 403 page.
 */
@Controller
@PageController
class ProposalsPage {

	private final ProposalNominations proposals;

	ProposalsPage(ProposalNominations proposals) {
		this.proposals = proposals;
	}

	@GetMapping("/de-xuat-khen-thuong")
	String page(HttpServletRequest request, Model model) {
		PageUser user = PageUser.of(request);
		model.addAttribute("suggested", proposals.suggested(user.id()));
		model.addAttribute("awards", proposals.awards());
		model.addAttribute("defaultAward", ProposalNominations.DEFAULT_AWARD);
		return "pages/de-xuat-khen-thuong";
	}

	@PostMapping("/de-xuat-khen-thuong/{id}/lap-de-nghi")
	String start(@PathVariable long id, @RequestParam(name = "hinhThuc", required = false) String award,
			@RequestParam(name = "ngayHop", required = false) String meetingDate,
			@RequestParam(name = "dongY", defaultValue = "false") boolean agreed,
			@RequestParam(name = "camDoan", defaultValue = "false") boolean declared, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (!PageCsrf.valid(request)) {
			throw Refusal.forbidden(Messages.get("nomination.proposals.session-expired"));
		}
		PageUser user = PageUser.of(request);
		String pid = proposals.start(user.id(), user.groups(), id,
				new ProposalNominations.StartRequest(award, meetingDate, agreed, declared));
		redirect.addFlashAttribute("started", pid);
		return "redirect:/de-xuat-khen-thuong#de-xuat-" + id;
	}

}
