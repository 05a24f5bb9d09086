-- A notice to the administrators about the working-day calendar (next year's holiday notice not entered) concerns
-- no task and no case.
ALTER TABLE notification ${alter_column} task_id VARCHAR(64) NULL;
ALTER TABLE notification ${alter_column} case_id BIGINT NULL;
ALTER TABLE notification ${alter_column} case_number VARCHAR(32) NULL;
