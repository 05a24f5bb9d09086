-- Officers see the cases of their own unit. A head may let another unit read a case (not act on it); a grant is
-- revoked by stamping it, never deleted, so who could read what and when stays on record.
CREATE TABLE case_access_grant (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT       NOT NULL,
    unit        VARCHAR(100) NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    granted_by  VARCHAR(64)  NOT NULL,
    granted_at  ${instant}   NOT NULL,
    revoked_by  VARCHAR(64),
    revoked_at  ${instant},
    CONSTRAINT fk_case_access_grant_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};

CREATE INDEX ix_case_access_grant_unit ON case_access_grant (unit, case_id);
