-- Issue 22: the twin of db/vendor/postgresql/V30 (the engine's "wardCode = ?" queries). H2 has no
-- partial index; the embedded run is small and keeps the engine's own indexes.
SELECT 1;
