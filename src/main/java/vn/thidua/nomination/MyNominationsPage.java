package vn.thidua.nomination;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import vn.thidua.identity.organisation.GroupIds;
import vn.thidua.identity.organisation.Organisation.Ward;
import vn.thidua.identity.organisation.OrganisationDirectory;
import vn.thidua.pages.PageController;
import vn.thidua.pages.PageUser;

/**
 * {@code /ho-so-cua-toi} (login): the nominations the person follows, where each one is, and for a
 * council member the rounds she voted in with their tallies ({@link FollowUp}).
 */
@Controller
@PageController
class MyNominationsPage {

	private final FollowUp followUp;

	private final OrganisationDirectory directory;

	MyNominationsPage(FollowUp followUp, OrganisationDirectory directory) {
		this.followUp = followUp;
		this.directory = directory;
	}

	@GetMapping("/ho-so-cua-toi")
	String page(HttpServletRequest request, Model model) {
		PageUser user = PageUser.of(request);
		model.addAttribute("followed", followUp.followed(user.id(), user.groups()));
		boolean council = directory.wards().stream().map(Ward::code).anyMatch(w -> user.inGroup(GroupIds.council(w)));
		model.addAttribute("council", council);
		model.addAttribute("votedIn", council ? followUp.votedIn(user.id()) : java.util.List.of());
		return "pages/ho-so-cua-toi";
	}

}
