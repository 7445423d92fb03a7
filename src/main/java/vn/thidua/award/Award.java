package vn.thidua.award;

import java.util.List;

/**
 * One form of commendation a nomination may ask for.
 *
 * @param code stable code, the value of the start form's award select
 * @param name Vietnamese name, e.g. «Giấy khen của Chủ tịch Hội LHPN phường»
 * @param issuer who issues it, the input of the {@code AwardAuthority} decision table
 *        (WARD_UNION_CHAIR, WARD_COMMITTEE_CHAIRMAN, CITY_UNION, CENTRAL_UNION)
 * @param issuerName the issuer in Vietnamese
 * @param withinWardAuthority whether the ward decides it (otherwise it becomes a recommendation)
 * @param nomineeTypes INDIVIDUAL and/or COLLECTIVE
 * @param requiredDocuments codes of the document kinds its dossier must hold before it goes to the board
 * @param allowedDocuments codes of the further kinds its dossier may hold
 * @param council how the council votes on it (null: the defaults of {@code thidua.council})
 */
public record Award(String code, String name, String issuer, String issuerName, boolean withinWardAuthority,
		List<String> nomineeTypes, List<String> requiredDocuments, List<String> allowedDocuments,
		CouncilRule council) {

	public Award {
		nomineeTypes = nomineeTypes == null ? List.of("INDIVIDUAL", "COLLECTIVE") : List.copyOf(nomineeTypes);
		requiredDocuments = requiredDocuments == null ? List.of() : List.copyOf(requiredDocuments);
		allowedDocuments = allowedDocuments == null ? List.of() : List.copyOf(allowedDocuments);
	}

	/** Whether it is given to a nominee of this type (INDIVIDUAL or COLLECTIVE): the start's check and the start form's choices. */
	public boolean givenTo(String nomineeType) {
		return nomineeTypes.contains(nomineeType);
	}

}
