-- A dossier for every ending of a case, in versions (ADR 0023). Each row is one version of a case's dossier: why it
-- was made (the ending, or the after-decision record that followed it), whether it is still waiting to be built, was
-- built, or failed and why. The PENDING rows are also the queue the builder drains after commit: a row written in the
-- transaction that ends the case survives a crash, and a node claims it with a conditional update before building.
-- Existing dossiers (made when an archivist confirmed archiving) become version 1 of their case, READY.
CREATE TABLE dossier_version (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT        NOT NULL,
    version       INT           NOT NULL,
    reason        VARCHAR(40)   NOT NULL,
    reason_detail VARCHAR(500)  NULL,
    status        VARCHAR(16)   NOT NULL,
    failure       VARCHAR(2000) NULL,
    requested_at  ${instant}    NOT NULL,
    requested_by  VARCHAR(64)   NULL,
    claimed_by    VARCHAR(64)   NULL,
    claimed_at    ${instant}    NULL,
    attempts      INT           NOT NULL DEFAULT 0,
    created_at    ${instant}    NULL,
    sha256        CHAR(64)      NULL,
    size_bytes    BIGINT        NULL,
    content       ${blob}       NULL,
    CONSTRAINT uk_dossier_version UNIQUE (case_id, version),
    CONSTRAINT fk_dossier_version_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};

CREATE INDEX ix_dossier_version_status ON dossier_version (status, requested_at);

INSERT INTO dossier_version (case_id, version, reason, status, requested_at, requested_by, attempts, created_at,
        sha256, size_bytes, content)
SELECT case_id, 1, 'ARCHIVED', 'READY', created_at, created_by, 1, created_at, sha256, size_bytes, content
FROM case_dossier;

DROP TABLE case_dossier;

ALTER TABLE dossier_version RENAME TO case_dossier;
