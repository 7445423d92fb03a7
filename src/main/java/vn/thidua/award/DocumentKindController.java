package vn.thidua.award;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
	ResponseEntity<?> kinds(@RequestParam(required = false) String award,
			@RequestParam(required = false) String nomineeType) {
		if (award == null || award.isBlank()) {
			return problem("award", "«Hình thức khen thưởng» (award) là bắt buộc.");
		}
		if (catalogue.find(award).isEmpty()) {
			return problem("award", "«Hình thức khen thưởng» (award) không có trong danh mục: " + award);
		}
		if (nomineeType != null && !List.of("INDIVIDUAL", "COLLECTIVE").contains(nomineeType)) {
			return problem("nomineeType", "«Đối tượng» (nomineeType) phải là INDIVIDUAL hoặc COLLECTIVE.");
		}
		return ResponseEntity.ok(catalogue.dossierKinds(award, nomineeType));
	}

	private static ResponseEntity<Map<String, String>> problem(String field, String message) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("message", message, "field", field));
	}

}
