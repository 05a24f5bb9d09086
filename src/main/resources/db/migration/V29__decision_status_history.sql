-- Every change of a published decision's status (Art. 37), kept: the current status alone forgets a suspension
-- that was lifted, and the annual report counts them.
CREATE TABLE decision_status_change (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    changed_by  VARCHAR(64)   NOT NULL,
    changed_at  ${instant}    NOT NULL,
    CONSTRAINT fk_decision_status_change_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_decision_status_change_at ON decision_status_change (changed_at);
