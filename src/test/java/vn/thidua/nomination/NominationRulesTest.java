package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.thidua.forms.FormValidationException;
import vn.thidua.award.CouncilRule;
import vn.thidua.nomination.CouncilVoteRepository.Tally;
import vn.thidua.nomination.CouncilVoteRepository.Vote;

/** The nomination's rules without an engine or a database: the council's count and the board's decision. */
class NominationRulesTest {

	private static final LocalDateTime CLOSED = LocalDateTime.of(2026, 12, 1, 10, 0);

	@Test
	void approvalNeedsMoreThanTheRatioOfAllMembers() {
		// 5 members, approval ratio 0.5: 3 agree passes, 2 agree (of 5) does not, even if all present
		assertThat(CouncilVoting.count(1, 5, 3, 2, 0.6667, 0.5, CLOSED).approved()).isTrue();
		assertThat(CouncilVoting.count(1, 5, 2, 3, 0.6667, 0.5, CLOSED).approved()).isFalse();
		// the base is all members, not those who voted: 3 agree of 4 voting, 7 members
		Tally tally = CouncilVoting.count(1, 7, 3, 2, 0.6667, 0.5, CLOSED);
		assertThat(tally.quorumReached()).isTrue();
		assertThat(tally.approved()).isFalse();
		assertThat(tally.abstain()).isEqualTo(2);
	}

	@Test
	void quorumOfTwoThirdsCountsBallotsCast() {
		// 0.6667 of 5 = 3.33: 4 ballots reach it within the tolerance, 3 do not
		assertThat(CouncilVoting.count(1, 5, 4, 0, 0.6667, 0.5, CLOSED).quorumReached()).isTrue();
		Tally three = CouncilVoting.count(1, 5, 3, 0, 0.6667, 0.5, CLOSED);
		assertThat(three.quorumReached()).isFalse();
		assertThat(three.approved()).as("no approval without a quorum").isFalse();
		// two thirds of 3 is exactly 2: 0.6667 × 3 = 2.0001, reached with the tolerance
		assertThat(CouncilVoting.count(1, 3, 2, 0, 0.6667, 0.5, CLOSED).quorumReached()).isTrue();
		assertThat(CouncilVoting.count(1, 0, 0, 0, 0.6667, 0.5, CLOSED).quorumReached()).isFalse();
	}

	/** Chiến sĩ thi đua cơ sở: secret ballot, at least 80 % of ALL members, session of at least 80 % (the catalogue). */
	private static final CouncilRule CSTDCS = new CouncilRule(true, 0.8, 0.8, true, CouncilRule.MEMBERS, true, "Điều 30.7");

	/** Giấy khen: more than half of all members, ⅔ present. */
	private static final CouncilRule GIAY_KHEN = new CouncilRule(false, 0.6667, 0.5, false, CouncilRule.MEMBERS, true, "");

	private static List<Vote> ballots(int agreeInPerson, int disagreeInPerson, int agreeWritten, int disagreeWritten) {
		List<Vote> votes = new ArrayList<>();
		for (int i = 0; i < agreeInPerson + disagreeInPerson + agreeWritten + disagreeWritten; i++) {
			boolean written = i >= agreeInPerson + disagreeInPerson;
			boolean agree = i < agreeInPerson || (written && i < agreeInPerson + disagreeInPerson + agreeWritten);
			votes.add(new Vote(1, "council" + i, agree ? "agree" : "disagree", null, CLOSED, written,
					written ? "council1" : null));
		}
		return votes;
	}

	@Test
	void shouldApproveChienSiThiDuaCoSoAtEightyPercentOfAllMembersAndNotBelow() {
		// 4 of 5 = 80 %: at the bound, approved
		Tally four = CouncilVoting.count(1, CSTDCS, 5, ballots(4, 1, 0, 0), CLOSED);
		assertThat(four.quorumReached()).isTrue();
		assertThat(four.approved()).isTrue();
		// 3 of 5 = 60 %: below, not approved although a majority of those present
		assertThat(CouncilVoting.count(1, CSTDCS, 5, ballots(3, 0, 0, 0), CLOSED).approved()).isFalse();
		// the base is all members: 8 of 10 passes, 7 of 10 (all 10 voting) does not
		assertThat(CouncilVoting.count(1, CSTDCS, 10, ballots(8, 2, 0, 0), CLOSED).approved()).isTrue();
		assertThat(CouncilVoting.count(1, CSTDCS, 10, ballots(7, 3, 0, 0), CLOSED).approved()).isFalse();
	}

	@Test
	void shouldMissTheQuorumWhenTooFewMembersVoteInPersonEvenWithWrittenOpinions() {
		// CSTĐCS sessions need 80 % in person: 3 in person + 2 written of 5 miss it
		Tally tally = CouncilVoting.count(1, CSTDCS, 5, ballots(3, 0, 2, 0), CLOSED);
		assertThat(tally.present()).isEqualTo(3);
		assertThat(tally.written()).isEqualTo(2);
		assertThat(tally.quorumReached()).isFalse();
		assertThat(tally.approved()).isFalse();
		// Giấy khen needs ⅔ (4 of 5 in person): 4 in person reach it, 3 do not
		assertThat(CouncilVoting.count(1, GIAY_KHEN, 5, ballots(4, 0, 0, 0), CLOSED).quorumReached()).isTrue();
		assertThat(CouncilVoting.count(1, GIAY_KHEN, 5, ballots(3, 0, 1, 0), CLOSED).quorumReached()).isFalse();
	}

	@Test
	void shouldCountWrittenOpinionsOnlyWhereTheRuleSaysSo() {
		// CSTĐCS: 3 in person agree + 1 in person disagree + 1 written agree = 4 of 5
		Tally counted = CouncilVoting.count(1, CSTDCS, 5, ballots(3, 1, 1, 0), CLOSED);
		assertThat(counted.agree()).isEqualTo(4);
		assertThat(counted.abstain()).isZero();
		assertThat(counted.approved()).isTrue();
		CouncilRule notCounted = new CouncilRule(true, 0.8, 0.8, true, CouncilRule.MEMBERS, false, "");
		Tally without = CouncilVoting.count(1, notCounted, 5, ballots(3, 1, 1, 0), CLOSED);
		assertThat(without.agree()).isEqualTo(3);
		assertThat(without.abstain()).isEqualTo(1);
		assertThat(without.approved()).isFalse();
	}

	@Test
	void shouldMeasureApprovalAgainstThoseWhoVotedWhenTheBaseIsPresent() {
		CouncilRule present = new CouncilRule(true, 0.6667, 0.5, false, CouncilRule.PRESENT, true, "");
		// 3 agree of 4 voting (7 members, 4 present = 57 %: quorum ⅔ not reached)
		assertThat(CouncilVoting.count(1, present, 7, ballots(3, 1, 0, 0), CLOSED).quorumReached()).isFalse();
		// 3 agree of 5 voting out of 7: more than half of those present, less than half of all
		Tally tally = CouncilVoting.count(1, present, 7, ballots(3, 2, 0, 0), CLOSED);
		assertThat(tally.quorumReached()).isTrue();
		assertThat(tally.approved()).isTrue();
		assertThat(CouncilVoting.count(1, GIAY_KHEN, 7, ballots(3, 2, 0, 0), CLOSED).approved()).isFalse();
	}

	@Test
	void boardReturnAndRejectionNeedAReason() {
		assertThatCode(() -> NominationService.validateBoardReview("approve", null)).doesNotThrowAnyException();
		assertThatCode(() -> NominationService.validateBoardReview("return", "Bổ sung biên bản"))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> NominationService.validateBoardReview("return", null))
			.isInstanceOf(FormValidationException.class)
			.hasMessageContaining("lý do trả lại")
			.extracting(ex -> ((FormValidationException) ex).getField())
			.isEqualTo("boardReason");
		assertThatThrownBy(() -> NominationService.validateBoardReview("reject", null))
			.hasMessageContaining("lý do không đồng ý");
		assertThatThrownBy(() -> NominationService.validateBoardReview("maybe", "x"))
			.extracting(ex -> ((FormValidationException) ex).getField())
			.isEqualTo("boardDecision");
	}

}
