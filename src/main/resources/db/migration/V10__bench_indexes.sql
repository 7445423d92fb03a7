-- Found by the city-scale benchmark (issue 9, vn.thidua.bench): every authorization check of a
-- task query (Tasklist's first page, its count, each filter read) filters ACT_RU_AUTHORIZATION by
-- "USER_ID_ IN (user, '*') OR GROUP_ID_ IN (user's groups)". Camunda indexes GROUP_ID_ alone but
-- USER_ID_ only behind TYPE_ (ACT_UNIQ_AUTH_USER), so PostgreSQL scans the whole table (one row per
-- open task, user and group): with this index both arms use an index (BitmapOr).
CREATE INDEX IF NOT EXISTS thidua_idx_auth_user_id ON ACT_RU_AUTHORIZATION (USER_ID_);
