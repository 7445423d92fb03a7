package vn.thidua.nomination;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;

import org.springframework.stereotype.Component;

import vn.thidua.web.Messages;

/**
 * The settings the BPMN reads in expressions: {@code ${nominationSettings.disclosurePeriod}} on
 * TimerEvent_DisclosureEnded and {@code ${nominationSettings.votePeriod}} on
 * BoundaryEvent_VotingDeadline. Checked at start-up so a typo fails the start, not a timer.
 */
@Component("nominationSettings")
public class NominationSettings {

	private final NominationProperties nomination;

	private final CouncilProperties council;

	NominationSettings(NominationProperties nomination, CouncilProperties council) {
		this.nomination = nomination;
		this.council = council;
		requireIsoDuration("thidua.nomination.disclosure-period", nomination.disclosurePeriod());
		requireIsoDuration("thidua.council.vote-period", council.votePeriod());
		requireRatio("thidua.council.quorum", council.quorum());
		requireRatio("thidua.council.approval-ratio", council.approvalRatio());
	}

	public String getDisclosurePeriod() {
		return nomination.disclosurePeriod();
	}

	public String getVotePeriod() {
		return council.votePeriod();
	}

	public int getOpenYearsBack() {
		return nomination.openYearsBack();
	}

	public double getQuorum() {
		return council.quorum();
	}

	public double getApprovalRatio() {
		return council.approvalRatio();
	}

	private static void requireIsoDuration(String name, String value) {
		try {
			if (value.contains("T")) {
				Duration.parse(value);
			}
			else {
				Period.parse(value);
			}
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new IllegalStateException(Messages.get("nomination.settings.period", name, value));
		}
	}

	private static void requireRatio(String name, double value) {
		if (value <= 0 || value > 1) {
			throw new IllegalStateException(Messages.get("nomination.settings.ratio", name, String.valueOf(value)));
		}
	}

}
