-- An operator's repair of a live case's engine state (retry, resolve an incident, move a token back), with its reason.
-- Kept like every record of the case: the compliance report lists each repair.
CREATE TABLE engine_repair (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT        NOT NULL,
    action       VARCHAR(32)   NOT NULL,
    detail       VARCHAR(1000) NOT NULL,
    reason       VARCHAR(2000) NOT NULL,
    repaired_by  VARCHAR(64)   NOT NULL,
    repaired_at  ${instant}    NOT NULL,
    CONSTRAINT fk_engine_repair_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_engine_repair_case ON engine_repair (case_id);
