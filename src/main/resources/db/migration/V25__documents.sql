-- Files attached to a case: the draft and its explanation, a hearing record scan, a signed expert opinion, the risk
-- report. A document is never overwritten: uploading under an existing title adds the next version. The bytes live in
-- 1 MB chunks in the database (the cluster shares only the database, and one 50 MB row exceeds max_allowed_packet).
CREATE TABLE case_document (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    version         INT           NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    media_type      VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    stage           VARCHAR(40),
    task_id         VARCHAR(64),
    uploaded_by     VARCHAR(64)   NOT NULL,
    uploaded_at     ${instant}    NOT NULL,
    reviewer_upload BOOLEAN       NOT NULL,
    CONSTRAINT uq_case_document_version UNIQUE (case_id, title, version),
    CONSTRAINT fk_case_document_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};

CREATE TABLE document_chunk (
    document_id BIGINT   NOT NULL,
    seq         INT      NOT NULL,
    content     ${blob}  NOT NULL,
    PRIMARY KEY (document_id, seq),
    CONSTRAINT fk_document_chunk_document FOREIGN KEY (document_id) REFERENCES case_document (id)
) ${table_options};
