package vn.thidua.pages;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import vn.thidua.award.AwardAccess;
import vn.thidua.award.AwardAccess.Scope;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * Who may open the register and statistics pages: the register API's rule ({@link AwardAccess})
 * applied to the person of the page's session; a person outside it gets the 403 page.
 */
@Component
class PageAccess {

	static final int YEAR_MIN = 1945;

	static final int YEAR_MAX = 2200;

	private final AwardAccess access;

	PageAccess(AwardAccess access) {
		this.access = access;
	}

	/** The register as the person sees it: their wards' rows, or their chapter's. */
	Scope register(HttpServletRequest request) {
		Scope scope = scope(request);
		if (scope.empty()) {
			throw Refusal.forbidden(Messages.get("pages.register.forbidden"));
		}
		return scope;
	}

	/** The wards whose figures the person sees (board, chair, council). */
	Scope wards(HttpServletRequest request) {
		Scope scope = scope(request);
		if (scope.wards().isEmpty()) {
			throw Refusal.forbidden(Messages.get("pages.statistics.forbidden"));
		}
		return scope;
	}

	/** A year a filter names, refused with 400 when it cannot be one of the register. */
	static int year(int year) {
		if (year < YEAR_MIN || year > YEAR_MAX) {
			throw Refusal.badRequest("nam", Messages.get("pages.year.invalid"));
		}
		return year;
	}

	private Scope scope(HttpServletRequest request) {
		PageUser user = PageUser.of(request);
		return access.scope(user.id(), user.groups());
	}

}
