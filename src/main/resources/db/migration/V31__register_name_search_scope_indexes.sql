-- Issue 22: the register's name search inside one ward or one chapter (a board member's, a chapter
-- head's) reads the scope's folded names from these indexes alone (an index-only scan, the LIKE
-- checked on the index entries) and then only the matching rows: at a million rows a ward has
-- about 8,000 of them, which is 2 ms, where the trigram index of V28 costs 20-40 ms because the
-- postings of common syllables («thi», «le») span the whole city. The trigram index stays for the
-- searches over many wards (the city union's), and the planner picks between them.
-- vn.thidua.award.AwardRegister's name filter is the subquery these indexes answer.
CREATE INDEX ix_thidua_award_ward_name ON thidua_award (ward_code, nominee_name_folded, id);
-- the person's index of V27, with the row id so the chapter's search is index-only too
CREATE INDEX ix_thidua_award_chapter_name ON thidua_award (chapter_group, nominee_name_folded, id);
DROP INDEX ix_thidua_award_person;
