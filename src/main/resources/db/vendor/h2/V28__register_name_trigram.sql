-- Issue 22: the twin of db/vendor/postgresql/V28 (the trigram index of the register's name search).
-- H2 has no trigram index: the embedded run's register is small and the same LIKE scans it. A plain
-- index on the folded name serves names searched from their beginning.
CREATE INDEX ix_thidua_award_name_folded ON thidua_award (nominee_name_folded);
