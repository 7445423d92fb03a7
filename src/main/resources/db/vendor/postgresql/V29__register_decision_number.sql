-- Issue 22: the chair's signature checks that its number is new to the ward
-- (vn.thidua.award.AwardRegister.decisionNumberUsed: ward_code = ? AND UPPER(decision_number) = UPPER(?)).
-- Without this index the check read every register row of the ward: 0.8-2 s at a million rows, inside
-- the signature's transaction, the decision batch's row locked meanwhile; with it 0.06 ms.
CREATE INDEX ix_thidua_award_decision_number ON thidua_award (ward_code, UPPER(decision_number));
