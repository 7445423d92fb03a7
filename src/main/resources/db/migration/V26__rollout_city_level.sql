-- The city's rollout (issue 19): its "chapters" are the wards, which report to no Party cell of a chapter.
ALTER TABLE thidua_rollout_chapter ALTER COLUMN party_cell_group DROP NOT NULL;
