-- Our own records: they must outlive the engine's history cleanup and survive a move to another engine.
-- ${text}, ${instant} and ${table_options} are set per database (H2 / MySQL, utf8mb4).

CREATE TABLE app_user (
    user_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    display_name  VARCHAR(100) NOT NULL,
    unit          VARCHAR(100),
    password_hash VARCHAR(200) NOT NULL,
    enabled       BOOLEAN      NOT NULL
) ${table_options};

CREATE TABLE app_user_group (
    user_id  VARCHAR(64) NOT NULL,
    group_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (user_id, group_id),
    CONSTRAINT fk_app_user_group_user FOREIGN KEY (user_id) REFERENCES app_user (user_id)
) ${table_options};

CREATE TABLE case_number_sequence (
    seq_year   INT NOT NULL PRIMARY KEY,
    last_value INT NOT NULL
) ${table_options};

CREATE TABLE decision_case (
    id                         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_number                VARCHAR(32)  NOT NULL,
    title                      VARCHAR(200) NOT NULL,
    category                   VARCHAR(32)  NOT NULL,
    proposer_type              VARCHAR(32)  NOT NULL,
    catalog_item               VARCHAR(100),
    undertaking_unit           VARCHAR(100) NOT NULL,
    lead_unit                  VARCHAR(100),
    problem                    ${text}      NOT NULL,
    reasons_and_basis          ${text}      NOT NULL,
    initial_plan               ${text}      NOT NULL,
    necessity_and_feasibility  ${text}      NOT NULL,
    flag_non_public            BOOLEAN      NOT NULL,
    flag_technical             BOOLEAN      NOT NULL,
    flag_stability_risk        BOOLEAN      NOT NULL,
    flag_prior_risk_assessment BOOLEAN      NOT NULL,
    flag_hearing               BOOLEAN      NOT NULL,
    flag_market_activity       BOOLEAN      NOT NULL,
    flag_congress_approval     BOOLEAN      NOT NULL,
    flag_exploratory_reform    BOOLEAN      NOT NULL,
    flags_set_by               VARCHAR(64)  NOT NULL,
    status                     VARCHAR(32)  NOT NULL,
    stage                      VARCHAR(32)  NOT NULL,
    current_draft_version      INT          NOT NULL,
    process_instance_id        VARCHAR(64),
    filed_by                   VARCHAR(64)  NOT NULL,
    filed_at                   ${instant}   NOT NULL,
    closed_at                  ${instant},
    closing_reason             VARCHAR(2000),
    version                    BIGINT       NOT NULL,
    CONSTRAINT uq_decision_case_number UNIQUE (case_number)
) ${table_options};

CREATE INDEX ix_decision_case_filed_at ON decision_case (filed_at);
CREATE INDEX ix_decision_case_status_stage ON decision_case (status, stage);

CREATE TABLE draft_version (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT      NOT NULL,
    version_number INT         NOT NULL,
    draft_text     ${text}     NOT NULL,
    explanation    ${text},
    change_summary ${text},
    created_by     VARCHAR(64) NOT NULL,
    created_at     ${instant}  NOT NULL,
    CONSTRAINT uq_draft_version UNIQUE (case_id, version_number),
    CONSTRAINT fk_draft_version_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};

CREATE TABLE stage_record (
    id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id                BIGINT       NOT NULL,
    stage                  VARCHAR(32)  NOT NULL,
    task_id                VARCHAR(64)  NOT NULL,
    task_key               VARCHAR(100) NOT NULL,
    task_name              VARCHAR(200),
    form_key               VARCHAR(100) NOT NULL,
    actor                  VARCHAR(64)  NOT NULL,
    actor_name             VARCHAR(100),
    completed_at           ${instant}   NOT NULL,
    draft_version          INT          NOT NULL,
    produced_draft_version INT,
    payload                ${text}      NOT NULL,
    payload_sha256         CHAR(64)     NOT NULL,
    CONSTRAINT uq_stage_record_task UNIQUE (task_id),
    CONSTRAINT fk_stage_record_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};

CREATE INDEX ix_stage_record_case_form ON stage_record (case_id, form_key);

CREATE TABLE stage_skip (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    stage       VARCHAR(32)   NOT NULL,
    flag        VARCHAR(32)   NOT NULL,
    flag_value  BOOLEAN       NOT NULL,
    flag_set_by VARCHAR(64)   NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    skipped_at  ${instant}    NOT NULL,
    CONSTRAINT fk_stage_skip_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
