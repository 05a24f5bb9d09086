-- The archive dossier of a case (Art. 33): a BagIt package, stored once when the archivist confirms archiving.
-- Its SHA-256 is also in the audit log, so a replaced dossier is detected.
CREATE TABLE case_dossier (
    case_id     BIGINT       NOT NULL PRIMARY KEY,
    created_at  ${instant}   NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    sha256      CHAR(64)     NOT NULL,
    size_bytes  BIGINT       NOT NULL,
    content     ${blob}      NOT NULL,
    CONSTRAINT fk_case_dossier_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
