package vn.thidua.nomination;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.AwardEntry;
import vn.thidua.award.AwardRegister;
import vn.thidua.award.NomineeNames;
import vn.thidua.nomination.EligibilityRules.Fact;
import vn.thidua.nomination.EligibilityRules.Verdict;

/**
 * Whether a nomination can qualify by the history rules ({@link EligibilityRules}): the facts of the
 * same person, as the register's person page identifies one (the name as {@link NomineeNames}
 * compares it, the kind of nominee, the chapter), from the award register ({@code thidua_award}:
 * DECIDED and not revoked, or a recommendation GRANTED) and the running nominations
 * ({@code thidua_nomination}, ACTIVE, other than this one). Used by {@link NominationChecks} at the
 * start and after a revision, and for the board's Task_BoardReview.
 */
@Service
class Eligibility {

	private static final Set<String> HELD = Set.of(AwardEntry.DECIDED, "GRANTED");

	private final EligibilityRules rules;

	private final AwardRegister register;

	private final NominationRepository nominations;

	Eligibility(AwardCatalogue catalogue, AwardRegister register, NominationRepository nominations) {
		this.rules = new EligibilityRules(code -> catalogue.find(code).map(Award::name).orElse(code));
		this.register = register;
		this.nominations = nominations;
	}

	/** The verdict on a nomination of {@code chapterGroup}; {@code processInstanceId} is its own, left out of the facts. */
	Verdict verdict(NominationData d, String processInstanceId, String chapterGroup) {
		return rules.judge(d.awardCode(), d.nomineeType(), d.periodYear(),
				facts(d.nomineeName(), d.nomineeType(), chapterGroup, processInstanceId));
	}

	/**
	 * The person's rows only, read through the indexes on (chapter, folded name): the register's
	 * rows of the chapter whose name is comparable alike ({@link AwardRegister#person}), and the
	 * chapter's nominations of the same folded name, compared again (a comparable name folds to one
	 * folded name, so none is missed). Before: every row of the chapter, three times a nomination.
	 */
	private List<Fact> facts(String nomineeName, String nomineeType, String chapterGroup, String processInstanceId) {
		String person = NomineeNames.comparable(nomineeName);
		List<Fact> facts = new ArrayList<>();
		for (AwardEntry a : register.person(List.of(), List.of(chapterGroup), chapterGroup, nomineeName)) {
			if (HELD.contains(a.currentStatus()) && nomineeType.equals(a.nomineeType())) {
				facts.add(Fact.held(a.awardCode(), a.periodYear()));
			}
		}
		for (NominationRepository.Summary n : nominations.summariesOfFoldedName(List.of(), List.of(chapterGroup),
				chapterGroup, NomineeNames.folded(nomineeName))) {
			if (NominationRepository.ACTIVE.equals(n.status()) && !n.processInstanceId().equals(processInstanceId)
					&& nomineeType.equals(n.nomineeType()) && person.equals(NomineeNames.comparable(n.nomineeName()))) {
				facts.add(Fact.nominated(n.awardCode(), n.periodYear()));
			}
		}
		return facts;
	}

}
