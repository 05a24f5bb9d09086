-- A correction never changes a record: it is a new row that points at the record it corrects.
CREATE TABLE record_correction (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT        NOT NULL,
    record_id      BIGINT        NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    actor_name     VARCHAR(100),
    corrected_at   ${instant}    NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    payload        ${text}       NOT NULL,
    payload_sha256 CHAR(64)      NOT NULL,
    CONSTRAINT fk_record_correction_case FOREIGN KEY (case_id) REFERENCES decision_case (id),
    CONSTRAINT fk_record_correction_record FOREIGN KEY (record_id) REFERENCES stage_record (id)
) ${table_options};

CREATE INDEX ix_record_correction_record ON record_correction (record_id);
