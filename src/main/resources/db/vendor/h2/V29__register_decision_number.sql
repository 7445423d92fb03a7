-- Issue 22: the twin of db/vendor/postgresql/V29 (the index of the decision number's check). H2 has no
-- index on an expression: the ward's rows are found by this index and compared.
CREATE INDEX ix_thidua_award_decision_number ON thidua_award (ward_code, decision_number);
