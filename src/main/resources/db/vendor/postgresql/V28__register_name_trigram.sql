-- Issue 22: the register's name search, "the folded query occurs in the folded name"
-- (nominee_name_folded LIKE '%tran thi%', vn.thidua.award.AwardRegister.nameMatches), answered by
-- a trigram index instead of a scan of every row. pg_trgm ships with PostgreSQL and is a trusted
-- extension (PostgreSQL 13 and later): the database owner may create it without being superuser.
-- H2 has no trigram index: db/vendor/h2/V28 is this migration's twin there.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_thidua_award_name_trgm ON thidua_award USING gin (nominee_name_folded gin_trgm_ops);
