package vn.thidua.dossier;

import java.util.List;

import org.springframework.stereotype.Component;

import vn.thidua.award.AwardCatalogue.DossierKind;

/**
 * For the nomination process: the kinds of document a dossier still lacks before it may go to the
 * board (for the award and nominee type as submitted).
 */
@Component
public class DossierCompleteness {

	private final DossierService dossier;

	DossierCompleteness(DossierService dossier) {
		this.dossier = dossier;
	}

	/** The labels of the required kinds with no document yet, in the catalogue's order. */
	public List<String> missing(String processInstanceId, String awardCode, String nomineeType) {
		return dossier.missing(processInstanceId, awardCode, nomineeType).stream().map(DossierKind::label).toList();
	}

}
