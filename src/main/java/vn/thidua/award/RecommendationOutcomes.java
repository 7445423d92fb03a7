package vn.thidua.award;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.springframework.stereotype.Component;

import vn.thidua.award.AwardEntry.AwardAct;

/**
 * The higher level's answer to a recommendation, as one new act beside the register row: typed in
 * by the ward ({@code POST /api/awards/{id}/outcome}) or, when the city reviewed the recommendation
 * in this installation (issue 19), recorded by the city's review itself. The row is never edited.
 */
@Component
public class RecommendationOutcomes {

	public static final String GRANTED = "GRANTED";

	public static final String NOT_GRANTED = "NOT_GRANTED";

	/** Whether the review of a higher level in this installation answers a recommendation (issue 19). */
	public interface Reviews {

		/** True while that review runs or once it gave its answer: nobody types the outcome in then. */
		boolean answers(long awardId);

	}

	private final AwardRegister register;

	/** Looked up when asked (a review records its answers through this class). */
	private final org.springframework.beans.factory.ObjectProvider<Reviews> reviews;

	RecommendationOutcomes(AwardRegister register, org.springframework.beans.factory.ObjectProvider<Reviews> reviews) {
		this.register = register;
		this.reviews = reviews;
	}

	/** Whether the outcome of this row comes from a review in this installation, not from the ward's hand. */
	public boolean answeredByReview(long awardId) {
		return reviews.orderedStream().anyMatch(r -> r.answers(awardId));
	}

	/**
	 * @return false when the row already has its outcome (an outcome is recorded once)
	 */
	public boolean record(long awardId, String outcome, String decisionNumber, LocalDate decisionDate, String note,
			String recordedBy) {
		return register.recordAct(awardId, new AwardAct(AwardAct.OUTCOME, outcome, decisionNumber, decisionDate, note,
				recordedBy, LocalDateTime.now()));
	}

}
