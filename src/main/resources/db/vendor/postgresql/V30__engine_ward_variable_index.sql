-- Issue 22: the engine's queries "process variable wardCode = ?" (the council session's nominations
-- waiting in the ward, the ward's batch, the bench's checks: variableValueEquals("wardCode", ...))
-- read every execution at the activity across the city and then each one's variables: 50-70 ms warm and
-- over 2 s cold at 126 wards, four times that at 504. With this index they start from the ward's own
-- instances (1.4 ms). Partial: only the wardCode variables of instances, whose values are short codes
-- (a btree entry has a size limit that long text variables could pass).
CREATE INDEX IF NOT EXISTS thidua_idx_var_ward ON ACT_RU_VARIABLE (TEXT_, PROC_INST_ID_)
    WHERE NAME_ = 'wardCode' AND TASK_ID_ IS NULL;
