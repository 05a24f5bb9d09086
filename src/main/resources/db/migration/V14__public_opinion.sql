-- Opinions the public submits on an open consultation. Contact details are personal data: stored for the officers,
-- never shown publicly. Alike opinions (same normalised text) share a text_hash and are counted as one group.
CREATE TABLE public_opinion (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT       NOT NULL,
    receipt_number  VARCHAR(40)  NOT NULL,
    submitter_name  VARCHAR(100),
    contact         VARCHAR(200),
    opinion_text    ${text}      NOT NULL,
    text_hash       CHAR(64)     NOT NULL,
    submitted_at    ${instant}   NOT NULL,
    CONSTRAINT uq_public_opinion_receipt UNIQUE (receipt_number),
    CONSTRAINT fk_public_opinion_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_public_opinion_case_hash ON public_opinion (case_id, text_hash);
