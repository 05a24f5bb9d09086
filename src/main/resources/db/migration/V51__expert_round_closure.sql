-- The officer closes an expert round before every opinion is in (Art. 19): who, when, why, and which experts of the
-- round had not given their opinion. Until then the opinions of the round stay sealed, whatever the due dates say.
CREATE TABLE expert_round_closure (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id             BIGINT        NOT NULL,
    selection_record_id BIGINT,
    reason              VARCHAR(2000) NOT NULL,
    missing_experts     VARCHAR(2000) NOT NULL,
    closed_by           VARCHAR(64)   NOT NULL,
    closed_at           ${instant}    NOT NULL,
    CONSTRAINT fk_expert_round_closure_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_expert_round_closure_case ON expert_round_closure (case_id);
