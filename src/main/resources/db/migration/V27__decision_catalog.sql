-- The annual decision catalog (Art. 3): one per government and year, its items and the change requests that alone may
-- add or change an item once the party committee has approved the catalog. A case names the catalog item it was
-- filed against (decision_case.catalog_item) or says why it is outside the catalog.
ALTER TABLE decision_case ADD COLUMN outside_catalog_reason VARCHAR(1000);

CREATE TABLE decision_catalog (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    government        VARCHAR(100) NOT NULL,
    catalog_year      INT          NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    item_sequence     INT          NOT NULL,
    created_by        VARCHAR(64)  NOT NULL,
    created_at        ${instant}   NOT NULL,
    approval_meeting  VARCHAR(200),
    approved_by       VARCHAR(64),
    approved_at       ${instant},
    published_by      VARCHAR(64),
    published_at      ${instant},
    version           BIGINT       NOT NULL,
    CONSTRAINT uq_decision_catalog_year UNIQUE (government, catalog_year)
) ${table_options};

CREATE TABLE catalog_item (
    id                          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    catalog_id                  BIGINT       NOT NULL,
    item_number                 VARCHAR(32)  NOT NULL,
    title                       VARCHAR(200) NOT NULL,
    undertaking_unit            VARCHAR(100) NOT NULL,
    legal_basis                 ${text}      NOT NULL,
    flag_non_public             BOOLEAN      NOT NULL,
    flag_technical              BOOLEAN      NOT NULL,
    flag_stability_risk         BOOLEAN      NOT NULL,
    flag_prior_risk_assessment  BOOLEAN      NOT NULL,
    flag_hearing                BOOLEAN      NOT NULL,
    flag_market_activity        BOOLEAN      NOT NULL,
    flag_congress_approval      BOOLEAN      NOT NULL,
    flag_exploratory_reform     BOOLEAN      NOT NULL,
    planned_completion          DATE         NOT NULL,
    added_by                    VARCHAR(64)  NOT NULL,
    added_at                    ${instant}   NOT NULL,
    changed_by                  VARCHAR(64),
    changed_at                  ${instant},
    version                     BIGINT       NOT NULL,
    CONSTRAINT uq_catalog_item_number UNIQUE (item_number),
    CONSTRAINT fk_catalog_item_catalog FOREIGN KEY (catalog_id) REFERENCES decision_catalog (id)
) ${table_options};
CREATE INDEX ix_catalog_item_catalog ON catalog_item (catalog_id);

CREATE TABLE catalog_change_request (
    id                          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    catalog_id                  BIGINT        NOT NULL,
    kind                        VARCHAR(16)   NOT NULL,
    item_number                 VARCHAR(32),
    title                       VARCHAR(200)  NOT NULL,
    undertaking_unit            VARCHAR(100)  NOT NULL,
    legal_basis                 ${text}       NOT NULL,
    flag_non_public             BOOLEAN       NOT NULL,
    flag_technical              BOOLEAN       NOT NULL,
    flag_stability_risk         BOOLEAN       NOT NULL,
    flag_prior_risk_assessment  BOOLEAN       NOT NULL,
    flag_hearing                BOOLEAN       NOT NULL,
    flag_market_activity        BOOLEAN       NOT NULL,
    flag_congress_approval      BOOLEAN       NOT NULL,
    flag_exploratory_reform     BOOLEAN       NOT NULL,
    planned_completion          DATE          NOT NULL,
    reason                      VARCHAR(2000) NOT NULL,
    status                      VARCHAR(16)   NOT NULL,
    proposed_by                 VARCHAR(64)   NOT NULL,
    proposed_at                 ${instant}    NOT NULL,
    decided_by                  VARCHAR(64),
    decided_at                  ${instant},
    opinion                     VARCHAR(2000),
    version                     BIGINT        NOT NULL,
    CONSTRAINT fk_catalog_change_request_catalog FOREIGN KEY (catalog_id) REFERENCES decision_catalog (id)
) ${table_options};
CREATE INDEX ix_catalog_change_request_catalog ON catalog_change_request (catalog_id);
CREATE INDEX ix_decision_case_catalog_item ON decision_case (catalog_item);
