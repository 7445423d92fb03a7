package vn.thidua.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import vn.thidua.forms.FormValidationException;
import vn.thidua.nomination.CouncilVoteRepository.Tally;

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
