package vn.thidua.nomination;

import java.util.List;
import java.util.Map;

import vn.thidua.process.Variable;

/**
 * Process key, element ids and variable names of {@code bpmn/AwardDecision.bpmn}: the chair signs
 * one decision (or one request letter) for several approved nominations. Variable names equal the
 * form field keys of {@code forms/sign-decisions.form}.
 */
public final class AwardDecisionVariables {

	public static final String PROCESS_KEY = "AwardDecision";

	public static final String TASK_SIGN = "Task_SignDecisions";

	public static final String TASK_ISSUE = "Task_IssueDecision";

	// set by the application when it opens the batch
	public static final Variable<Long> BATCH_ID = Variable.number("decisionBatchId");

	/** DECISION or RECOMMENDATION. */
	public static final Variable<String> KIND = Variable.text("decisionKind");

	public static final Variable<String> ISSUER = Variable.text("awardIssuer");

	public static final Variable<String> FIRST_NOMINATION = Variable.text("firstNomination");

	/** Task-local: the checklist's options, one per nomination waiting in the batch. */
	public static final Variable<List<Map<String, Object>>> CANDIDATES = Variable.rows("decisionCandidates");

	public static final Variable<Integer> REMAINING = Variable.integer("remaining");

	/** The nominations the last signature covered. */
	public static final Variable<List<String>> SIGNED = Variable.strings("signedNominations");

	// sign form
	public static final Variable<List<String>> CHOSEN = Variable.strings("chosenNominations");

	private AwardDecisionVariables() {
	}

}
