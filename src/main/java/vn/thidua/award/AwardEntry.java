package vn.thidua.award;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A row of the award register with its later acts, as the register API shows it.
 *
 * @param status DECIDED (decision signed at the ward) or RECOMMENDED (sent to a higher level)
 * @param currentStatus the status after later acts: DECIDED, REVOKED, RECOMMENDED, GRANTED, NOT_GRANTED
 */
public record AwardEntry(long id, String processInstanceId, String wardCode, String chapterGroup, String chapterName,
		String nomineeType, String nomineeName, String awardCode, String awardName, String issuerName, int periodYear,
		String status, String decisionNumber, LocalDate decisionDate, String signedBy, int votesAgree,
		int votesDisagree, int votesAbstain, LocalDateTime recordedAt, AwardAct outcome, AwardAct revocation) {

	public static final String DECIDED = "DECIDED";

	public static final String RECOMMENDED = "RECOMMENDED";

	@JsonProperty("currentStatus")
	public String currentStatus() {
		if (revocation != null) {
			return "REVOKED";
		}
		if (outcome != null) {
			return outcome.outcome();
		}
		return status;
	}

	AwardEntry withActs(AwardAct outcome, AwardAct revocation) {
		return new AwardEntry(id, processInstanceId, wardCode, chapterGroup, chapterName, nomineeType, nomineeName,
				awardCode, awardName, issuerName, periodYear, status, decisionNumber, decisionDate, signedBy,
				votesAgree, votesDisagree, votesAbstain, recordedAt, outcome, revocation);
	}

	/**
	 * A later act on a register row.
	 *
	 * @param actType OUTCOME (answer of the higher level to a recommendation) or REVOCATION
	 * @param outcome GRANTED or NOT_GRANTED for an OUTCOME, null for a REVOCATION
	 */
	public record AwardAct(String actType, String outcome, String decisionNumber, LocalDate decisionDate, String note,
			String recordedBy, LocalDateTime recordedAt) {

		public static final String OUTCOME = "OUTCOME";

		public static final String REVOCATION = "REVOCATION";

	}

}
