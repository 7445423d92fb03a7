package vn.thidua.nomination;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;

import vn.thidua.web.Messages;

/**
 * The history rules of an award ({@code bpmn/AwardEligibility.dmn}, decision {@code AwardEligibility})
 * judged against one person's facts: what the register holds and what is being nominated. Evaluated
 * by the standalone DMN engine, without the process engine, so that a rule can be tested with a list
 * of facts; the rules are the table's rows, and changing the table changes them.
 */
class EligibilityRules {

	static final String DECISION_KEY = "AwardEligibility";

	static final String RESOURCE = "bpmn/AwardEligibility.dmn";

	/**
	 * One row of the table.
	 *
	 * @param awards the codes of which one must be held (empty: the award needs no history)
	 * @param consecutiveYears 0: in the nomination's own year; N: in each of the N years before it
	 * @param wardPolicy the ward's own rule rather than the law's
	 */
	record Requirement(String ruleName, String legalBasis, Set<String> awards, int consecutiveYears,
			boolean wardPolicy) {

		boolean sameYear() {
			return consecutiveYears == 0;
		}

	}

	/**
	 * What the person holds (an award in the register, DECIDED and not revoked, or GRANTED by the higher
	 * level) or is being nominated for (a running nomination).
	 */
	record Fact(String awardCode, int year, boolean pending) {

		static Fact held(String awardCode, int year) {
			return new Fact(awardCode, year, false);
		}

		static Fact nominated(String awardCode, int year) {
			return new Fact(awardCode, year, true);
		}

	}

	enum Outcome {
		/** Every requirement is met by the register. */
		ELIGIBLE,
		/** Only a same-year prerequisite is missing, and it is being nominated. */
		PENDING,
		/** A requirement can no longer be met: the nomination cannot qualify. */
		REFUSED
	}

	/** The judgement and, unless eligible, the rules not met in Vietnamese. */
	record Verdict(Outcome outcome, String reason) {

		boolean refused() {
			return outcome == Outcome.REFUSED;
		}

		/** What the board reads on Task_BoardReview. */
		String label() {
			return outcome == Outcome.ELIGIBLE ? Messages.get("nomination.eligibility.eligible")
					: Messages.get("nomination.eligibility.not-yet", reason);
		}

	}

	private final DmnEngine engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

	private final DmnDecision decision;

	private final Function<String, String> awardNames;

	/**
	 * {@link #requirements} by award and kind of nominee: the table is read once, at construction, so
	 * its rows for a pair never change (a nomination is judged three times; FEEL is slow).
	 */
	private final Map<List<String>, List<Requirement>> requirementsByAward = new ConcurrentHashMap<>();

	/** @param awardNames the catalogue's name of an award code */
	EligibilityRules(Function<String, String> awardNames) {
		this.awardNames = awardNames;
		try (InputStream in = EligibilityRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			this.decision = engine.parseDecision(DECISION_KEY, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The rows of the table that apply to an award and a kind of nominee. */
	List<Requirement> requirements(String awardCode, String nomineeType) {
		return requirementsByAward.computeIfAbsent(Arrays.asList(awardCode, nomineeType),
				k -> evaluate(awardCode, nomineeType));
	}

	private List<Requirement> evaluate(String awardCode, String nomineeType) {
		List<Requirement> requirements = new ArrayList<>();
		for (DmnDecisionRuleResult row : engine.evaluateDecisionTable(decision,
				Variables.createVariables().putValue("awardCode", awardCode).putValue("nomineeType", nomineeType))) {
			String codes = row.getEntry("requiredAwards");
			Set<String> awards = codes == null ? Set.of()
					: Arrays.stream(codes.split(","))
						.map(String::strip)
						.filter(c -> !c.isEmpty())
						.collect(Collectors.toCollection(LinkedHashSet::new));
			Number years = row.getEntry("consecutiveYears");
			requirements.add(new Requirement(row.getEntry("ruleName"), row.getEntry("legalBasis"),
					Collections.unmodifiableSet(awards), years == null ? 0 : years.intValue(),
					Boolean.TRUE.equals(row.getEntry("wardPolicy"))));
		}
		return List.copyOf(requirements);
	}

	/**
	 * The nomination of {@code awardCode} for {@code year} against the person's facts: refused when a
	 * requirement of past years is unmet or a same-year prerequisite is neither held nor nominated;
	 * pending when a same-year prerequisite is only nominated.
	 */
	Verdict judge(String awardCode, String nomineeType, int year, List<Fact> facts) {
		List<String> refused = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		for (Requirement r : requirements(awardCode, nomineeType)) {
			if (r.awards().isEmpty()) {
				continue;
			}
			String awards = names(r.awards());
			if (r.sameYear()) {
				if (holds(facts, r.awards(), year, false)) {
					continue;
				}
				if (holds(facts, r.awards(), year, true)) {
					pending.add(Messages.get("nomination.eligibility.same-year.pending", r.ruleName(), r.legalBasis(),
							awards, String.valueOf(year)));
				}
				else {
					refused.add(Messages.get("nomination.eligibility.same-year.missing", r.ruleName(), r.legalBasis(),
							awards, String.valueOf(year)));
				}
				continue;
			}
			List<String> missing = new ArrayList<>();
			for (int y = year - r.consecutiveYears(); y < year; y++) {
				if (!holds(facts, r.awards(), y, false)) {
					missing.add(String.valueOf(y));
				}
			}
			if (!missing.isEmpty()) {
				refused.add(Messages.get("nomination.eligibility.past-years.missing", r.ruleName(), r.legalBasis(),
						String.valueOf(r.consecutiveYears()), String.valueOf(year), awards, String.join(", ", missing)));
			}
		}
		if (!refused.isEmpty()) {
			return new Verdict(Outcome.REFUSED, String.join("; ", refused));
		}
		if (!pending.isEmpty()) {
			return new Verdict(Outcome.PENDING, String.join("; ", pending));
		}
		return new Verdict(Outcome.ELIGIBLE, null);
	}

	private static boolean holds(List<Fact> facts, Set<String> awards, int year, boolean pending) {
		return facts.stream().anyMatch(f -> f.year() == year && f.pending() == pending && awards.contains(f.awardCode()));
	}

	private String names(Set<String> codes) {
		String text = null;
		for (String code : codes) {
			String name = Messages.get("nomination.eligibility.award", awardNames.apply(code));
			text = text == null ? name : Messages.get("nomination.eligibility.either", text, name);
		}
		return text;
	}

}
