-- The application's own tables live beside Camunda's (ACT_*) in the same database and are created
-- by Flyway. Each feature adds its own migration (V2__notification.sql, ...).
CREATE TABLE thidua_info (
    info_key   VARCHAR(64)  NOT NULL PRIMARY KEY,
    info_value VARCHAR(255) NOT NULL
);
INSERT INTO thidua_info (info_key, info_value) VALUES ('schema', 'thidua');
