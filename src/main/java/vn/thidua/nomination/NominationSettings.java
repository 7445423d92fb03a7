package vn.thidua.nomination;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.springframework.stereotype.Component;

import vn.thidua.award.Award;
import vn.thidua.award.AwardCatalogue;
import vn.thidua.award.CouncilRule;
import vn.thidua.calendar.Window;
import vn.thidua.calendar.WorkingDayCalendar;
import vn.thidua.web.Messages;

/**
 * The settings the BPMN reads in expressions: {@code ${nominationSettings.disclosureEnd}} on
 * TimerEvent_DisclosureEnded (versions deployed before it read
 * {@code ${nominationSettings.disclosurePeriod}}) and {@code ${nominationSettings.votePeriod}} on
 * BoundaryEvent_VotingDeadline. Checked at start-up so a typo fails the start, not a timer.
 */
@Component("nominationSettings")
public class NominationSettings {

	private final NominationProperties nomination;

	private final CouncilProperties council;

	private final Window disclosure;

	private final WorkingDayCalendar calendar;

	NominationSettings(NominationProperties nomination, CouncilProperties council, AwardCatalogue catalogue,
			WorkingDayCalendar calendar) {
		this.nomination = nomination;
		this.council = council;
		this.calendar = calendar;
		requireIsoDuration("thidua.council.session-period", council.sessionPeriod());
		for (Award award : catalogue.all()) {
			CouncilRule rule = award.council() == null ? defaultCouncilRule() : award.council().orElse(defaultCouncilRule());
			if (!rule.complete()) {
				throw new IllegalStateException(Messages.get("nomination.settings.council-rule", award.code()));
			}
		}
		this.disclosure = Window.parse("thidua.nomination.disclosure-period", nomination.disclosurePeriod());
		requireIsoDuration("thidua.council.vote-period", council.votePeriod());
		requireRatio("thidua.council.quorum", council.quorum());
		requireRatio("thidua.council.approval-ratio", council.approvalRatio());
	}

	/**
	 * The disclosure window as an ISO-8601 duration, for the {@code timeDuration} of versions
	 * deployed before {@link #getDisclosureEnd()}: a window in working days becomes the time from
	 * now (engine clock) to its end.
	 */
	public String getDisclosurePeriod() {
		if (!disclosure.inWorkingDays()) {
			return disclosure.text();
		}
		Instant now = Instant.now(calendar.clock());
		return Duration.between(now, calendar.end(now, disclosure)).withNanos(0).toString();
	}

	/** TimerEvent_DisclosureEnded ({@code timeDate}): the end of a disclosure opened now (engine clock). */
	public Date getDisclosureEnd() {
		return Date.from(calendar.endFromNow(disclosure));
	}

	/** The end of a disclosure opened at {@code start}. */
	Instant disclosureEnd(Instant start) {
		return calendar.end(start, disclosure);
	}

	/** The disclosure window as people read it: «10 ngày làm việc». */
	String disclosureInWords() {
		return disclosure.inWords();
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

	/** The council's rule for awards whose catalogue entry names none. */
	CouncilRule defaultCouncilRule() {
		return new CouncilRule(council.secretBallot(), council.quorum(), council.approvalRatio(),
				council.approvalAtLeast(), council.approvalBase(), council.writtenOpinionsCount(),
				Messages.get("council.rule.default-basis"));
	}

	/** How long a council session stays open for ballots unless its chair chooses another last day. */
	Period sessionPeriod() {
		return Period.parse(council.sessionPeriod());
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
