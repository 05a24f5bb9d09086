-- Every revision of a case's flags, so a skip can name who set the deciding flag (pipeline design, invariants).
CREATE TABLE flag_revision (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id    BIGINT      NOT NULL,
    flag       VARCHAR(32) NOT NULL,
    old_value  BOOLEAN     NOT NULL,
    new_value  BOOLEAN     NOT NULL,
    reason     VARCHAR(2000) NOT NULL,
    revised_by VARCHAR(64) NOT NULL,
    revised_at ${instant}  NOT NULL,
    CONSTRAINT fk_flag_revision_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
