-- The tamper-evident audit log (docs/adr/0003-audit-log.md): append-only entries, the leaves of a Merkle tree.
-- ${text}, ${instant} and ${table_options} are set per database (H2 / MySQL, utf8mb4).

-- One row whose counter every append increments: its row lock serialises appends until commit, so sequence
-- numbers follow commit order without gaps.
CREATE TABLE audit_log_head (
    id          INT    NOT NULL PRIMARY KEY,
    entry_count BIGINT NOT NULL
) ${table_options};

INSERT INTO audit_log_head (id, entry_count) VALUES (1, 0);

CREATE TABLE audit_entry (
    seq         BIGINT      NOT NULL PRIMARY KEY,
    case_id     BIGINT,
    stage       VARCHAR(32),
    event_type  VARCHAR(40) NOT NULL,
    actor       VARCHAR(100),
    actor_role  VARCHAR(200),
    recorded_at ${instant}  NOT NULL,
    payload     ${text}     NOT NULL,
    leaf_hash   CHAR(64)    NOT NULL
) ${table_options};

CREATE INDEX ix_audit_entry_case ON audit_entry (case_id, seq);

CREATE TABLE audit_checkpoint (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tree_size  BIGINT       NOT NULL,
    root_hash  CHAR(64)     NOT NULL,
    issued_at  ${instant}   NOT NULL,
    signature  VARCHAR(200) NOT NULL,
    public_key VARCHAR(200) NOT NULL
) ${table_options};
