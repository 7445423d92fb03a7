package vn.thidua.award;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.thidua.award.AwardCatalogue.DossierKind;
import vn.thidua.web.Messages;
import vn.thidua.web.Refusal;

/**
 * {@code GET /api/document-kinds?award={awardCode}[&nomineeType=INDIVIDUAL|COLLECTIVE]}: the kinds of
 * document of that award's dossier (code, label, required, board), required ones first. The
 * catalogue is configuration every logged-in user may read.
 */
@RestController
class DocumentKindController {

	private final AwardCatalogue catalogue;

	DocumentKindController(AwardCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/api/document-kinds")
	List<DossierKind> kinds(@RequestParam(required = false) String award,
			@RequestParam(required = false) String nomineeType) {
		if (award == null || award.isBlank()) {
			throw Refusal.badRequest("award", Messages.get("award.kinds.award-missing"));
		}
		if (catalogue.find(award).isEmpty()) {
			throw Refusal.badRequest("award", Messages.get("award.kinds.award-unknown", award));
		}
		if (nomineeType != null && !List.of("INDIVIDUAL", "COLLECTIVE").contains(nomineeType)) {
			throw Refusal.badRequest("nomineeType", Messages.get("award.kinds.nominee-type-invalid"));
		}
		return catalogue.dossierKinds(award, nomineeType);
	}

}
