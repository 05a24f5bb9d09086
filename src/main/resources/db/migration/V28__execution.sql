-- After the decision (Arts. 34-37): who executes it and how often it reports, where it stands (in force, suspended,
-- adjusted, terminated), the execution unit's reports, public feedback and post-decision evaluations.
CREATE TABLE decision_execution (
    case_id           BIGINT        NOT NULL PRIMARY KEY,
    execution_unit    VARCHAR(100),
    interval_months   INT,
    planned_by        VARCHAR(64),
    planned_at        ${instant},
    status            VARCHAR(20)   NOT NULL,
    status_reason     VARCHAR(2000),
    status_since      ${instant},
    status_by         VARCHAR(64),
    adjusted_by_case  VARCHAR(40),
    CONSTRAINT fk_decision_execution_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_decision_execution_adjusted ON decision_execution (adjusted_by_case);

CREATE TABLE execution_report (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT       NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    report_text  ${text}      NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    filed_by     VARCHAR(64)  NOT NULL,
    filed_at     ${instant}   NOT NULL,
    CONSTRAINT fk_execution_report_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_execution_report_case ON execution_report (case_id);

-- Contact details are personal data: stored for the officers, never shown publicly.
CREATE TABLE decision_feedback (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT       NOT NULL,
    receipt_number  VARCHAR(40)  NOT NULL,
    submitter_name  VARCHAR(100),
    contact         VARCHAR(200),
    feedback_text   ${text}      NOT NULL,
    submitted_at    ${instant}   NOT NULL,
    CONSTRAINT uq_decision_feedback_receipt UNIQUE (receipt_number),
    CONSTRAINT fk_decision_feedback_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_decision_feedback_case ON decision_feedback (case_id);

-- The report is canonical JSON, written once, with its SHA-256 (also in the audit log).
CREATE TABLE decision_evaluation (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    trigger_kind    VARCHAR(30)   NOT NULL,
    evaluator_unit  VARCHAR(100)  NOT NULL,
    reason          VARCHAR(2000),
    opened_by       VARCHAR(64)   NOT NULL,
    opened_at       ${instant}    NOT NULL,
    report_json     ${text},
    report_sha256   CHAR(64),
    reported_by     VARCHAR(64),
    reported_at     ${instant},
    CONSTRAINT fk_decision_evaluation_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_decision_evaluation_case ON decision_evaluation (case_id);
