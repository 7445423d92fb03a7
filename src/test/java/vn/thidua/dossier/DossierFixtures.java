package vn.thidua.dossier;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.context.ApplicationContext;

import vn.thidua.award.AwardCatalogue.DossierKind;
import vn.thidua.nomination.NominationLookup;
import vn.thidua.nomination.NominationLookup.Facts;

/** Documents for tests of other features: a small real PDF per required kind, stored through the service. */
public final class DossierFixtures {

	private DossierFixtures() {
	}

	/** A minimal PDF that Tika recognises from its bytes. */
	public static byte[] pdf(String text) {
		return ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% " + text + "\ntrailer << /Root 1 0 R >>\n%%EOF\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Stores one PDF for every required kind of the nomination's dossier that it does not hold yet. */
	public static void attachRequired(ApplicationContext context, String processInstanceId, String user) {
		DossierService dossier = context.getBean(DossierService.class);
		Facts facts = context.getBean(NominationLookup.class).find(processInstanceId).orElseThrow();
		for (DossierKind kind : dossier.missing(processInstanceId, facts.awardCode(), facts.nomineeType())) {
			byte[] bytes = pdf(kind.label());
			dossier.add(facts, kind.code(), kind.code() + ".pdf", bytes.length, new ByteArrayInputStream(bytes), user);
		}
	}

}
