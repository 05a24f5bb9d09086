-- Art. 37: the head suspends in an emergency and the decision organ decides afterwards; termination and adjustment
-- happen only when a new linked case's leadership meeting decides them. Each change keeps its deciding record.
ALTER TABLE decision_execution ADD COLUMN awaiting_organ BOOLEAN NOT NULL DEFAULT FALSE;

ALTER TABLE decision_status_change ADD COLUMN event_kind VARCHAR(30);
ALTER TABLE decision_status_change ADD COLUMN ground VARCHAR(30);
ALTER TABLE decision_status_change ADD COLUMN meeting_date DATE;
ALTER TABLE decision_status_change ADD COLUMN meeting_type VARCHAR(20);
ALTER TABLE decision_status_change ADD COLUMN deciding_record VARCHAR(200);
ALTER TABLE decision_status_change ADD COLUMN linked_case VARCHAR(40);
CREATE INDEX ix_decision_status_change_case ON decision_status_change (case_id);

-- A proposal to change a decision (from an evaluation) and the linked case that runs the procedure for it.
CREATE TABLE decision_amendment (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id             BIGINT        NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    state               VARCHAR(20)   NOT NULL,
    reason              VARCHAR(2000) NOT NULL,
    evaluation_id       BIGINT,
    proposed_by         VARCHAR(64)   NOT NULL,
    proposed_at         ${instant}    NOT NULL,
    new_case_id         BIGINT,
    new_case_number     VARCHAR(40),
    filed_by            VARCHAR(64),
    filed_at            ${instant},
    meeting_record_id   BIGINT,
    meeting_date        DATE,
    closed_at           ${instant},
    CONSTRAINT fk_decision_amendment_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_decision_amendment_case ON decision_amendment (case_id);
CREATE INDEX ix_decision_amendment_new_case ON decision_amendment (new_case_id);

-- Art. 35: a problem report is answered by the decision organ; until then it stays open.
ALTER TABLE execution_report ADD COLUMN answer_text ${text};
ALTER TABLE execution_report ADD COLUMN answered_by VARCHAR(64);
ALTER TABLE execution_report ADD COLUMN answered_at ${instant};

-- Art. 36: what recorded fact an officer's evaluation rests on.
ALTER TABLE decision_evaluation ADD COLUMN trigger_basis VARCHAR(500);
