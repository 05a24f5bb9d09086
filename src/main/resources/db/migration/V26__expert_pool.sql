-- The expert pool (Arts. 19-20): each entry is a user account of the experts group, with its discipline,
-- affiliation and contact. Contact is shown to officers and administrators only. Entries are deactivated, never deleted.
CREATE TABLE expert (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id      VARCHAR(64)  NOT NULL,
    name         VARCHAR(100) NOT NULL,
    discipline   VARCHAR(100) NOT NULL,
    affiliation  VARCHAR(200) NOT NULL,
    contact      VARCHAR(200),
    active       BOOLEAN      NOT NULL,
    changed_by   VARCHAR(64)  NOT NULL,
    changed_at   ${instant}   NOT NULL,
    CONSTRAINT uq_expert_user UNIQUE (user_id)
) ${table_options};

-- Each expert's declaration on one case, before seeing its materials: no conflict, or a declared interest (Art. 20).
CREATE TABLE expert_declaration (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id         BIGINT        NOT NULL,
    expert_user_id  VARCHAR(64)   NOT NULL,
    task_id         VARCHAR(64)   NOT NULL,
    no_conflict     BOOLEAN       NOT NULL,
    interest        VARCHAR(2000),
    declared_at     ${instant}    NOT NULL,
    CONSTRAINT fk_expert_declaration_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_expert_declaration_case ON expert_declaration (case_id, expert_user_id);

-- A random draw of experts: the ordered candidates, the rule, the seed and the drawn experts, so anyone can re-run it.
CREATE TABLE expert_draw (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id      BIGINT        NOT NULL,
    discipline   VARCHAR(100),
    draw_count   INT           NOT NULL,
    seed         VARCHAR(128)  NOT NULL,
    rule_text    ${text}       NOT NULL,
    candidates   ${text}       NOT NULL,
    drawn        ${text}       NOT NULL,
    drawn_by     VARCHAR(64)   NOT NULL,
    drawn_at     ${instant}    NOT NULL,
    CONSTRAINT fk_expert_draw_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};
CREATE INDEX ix_expert_draw_case ON expert_draw (case_id);
