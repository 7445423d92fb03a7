package vn.thidua.award;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import vn.thidua.web.Messages;

/** The configured award catalogue and the kinds of document of each award's dossier, checked once at start-up. */
@Component
public class AwardCatalogue {

	/** A kind of document as one award's dossier sees it. */
	public record DossierKind(String code, String label, boolean required, boolean board) {
	}

	private final List<Award> awards;

	private final Map<String, DocumentKind> kinds = new LinkedHashMap<>();

	private final List<String> collectiveDocuments;

	AwardCatalogue(AwardProperties properties) {
		this.awards = properties.catalogue();
		this.collectiveDocuments = properties.collectiveDocuments();
		for (DocumentKind kind : properties.documentKinds()) {
			if (kind.code() == null || !kind.code().matches("[A-Z0-9_]+") || kinds.containsKey(kind.code())
					|| kind.label() == null || kind.label().isBlank()) {
				throw new IllegalStateException(Messages.get("award.catalogue.kind-code-invalid", kind.code()));
			}
			kinds.put(kind.code(), kind);
		}
		checkKinds("thidua.awards.collective-documents", collectiveDocuments);
		Set<String> codes = new HashSet<>();
		for (Award award : awards) {
			if (award.code() == null || !award.code().matches("[A-Z0-9_]+") || !codes.add(award.code())) {
				throw new IllegalStateException(Messages.get("award.catalogue.award-code-invalid", award.code()));
			}
			if (award.name() == null || award.name().isBlank() || award.issuer() == null) {
				throw new IllegalStateException(Messages.get("award.catalogue.award-incomplete", award.code()));
			}
			checkKinds(award.code(), award.requiredDocuments());
			checkKinds(award.code(), award.allowedDocuments());
		}
	}

	private void checkKinds(String where, List<String> codes) {
		for (String code : codes) {
			if (!kinds.containsKey(code)) {
				throw new IllegalStateException(Messages.get("award.catalogue.kind-unknown", where, code));
			}
		}
	}

	public List<Award> all() {
		return awards;
	}

	public Optional<Award> find(String code) {
		return awards.stream().filter(a -> a.code().equals(code)).findFirst();
	}

	/**
	 * The kinds of document of an award's dossier, required ones first, each once: the award's
	 * required kinds (and, for a collective, the collective ones), then its allowed kinds. Empty for
	 * an unknown award.
	 *
	 * @param nomineeType INDIVIDUAL, COLLECTIVE or null (null: the collective kinds are listed as allowed)
	 */
	public List<DossierKind> dossierKinds(String awardCode, String nomineeType) {
		Optional<Award> award = find(awardCode);
		if (award.isEmpty()) {
			return List.of();
		}
		if (nomineeType == null && award.get().nomineeTypes().size() == 1) {
			nomineeType = award.get().nomineeTypes().get(0);
		}
		Map<String, Boolean> required = new LinkedHashMap<>();
		award.get().requiredDocuments().forEach(code -> required.put(code, true));
		boolean collective = "COLLECTIVE".equals(nomineeType);
		for (String code : collectiveDocuments) {
			required.putIfAbsent(code, collective);
		}
		award.get().allowedDocuments().forEach(code -> required.putIfAbsent(code, false));
		String type = nomineeType;
		List<DossierKind> result = new ArrayList<>();
		required.forEach((code, req) -> {
			if (req) {
				result.add(kind(code, true));
			}
		});
		required.forEach((code, req) -> {
			if (!req && !("INDIVIDUAL".equals(type) && collectiveDocuments.contains(code)
					&& !award.get().allowedDocuments().contains(code))) {
				result.add(kind(code, false));
			}
		});
		return result;
	}

	private DossierKind kind(String code, boolean required) {
		DocumentKind kind = kinds.get(code);
		return new DossierKind(kind.code(), kind.label(), required, kind.board());
	}

}
