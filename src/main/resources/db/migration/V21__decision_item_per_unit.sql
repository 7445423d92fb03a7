-- A nomination above the ward is signed twice (issue 19): in its ward's batch (the ward's request
-- letter) and in the city's (the city's decision or request letter). An item is unique per batch.
-- Runs on H2 2.x and PostgreSQL.
ALTER TABLE thidua_decision_item DROP CONSTRAINT uq_thidua_decision_item;
ALTER TABLE thidua_decision_item ADD CONSTRAINT uq_thidua_decision_item_batch UNIQUE (batch_id, process_instance_id);
CREATE INDEX ix_thidua_decision_item_instance ON thidua_decision_item (process_instance_id);
