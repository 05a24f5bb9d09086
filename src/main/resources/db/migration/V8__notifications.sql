-- In-app notifications: reminders before a task is due, escalations when it is overdue. One per task, kind and
-- recipient, so a notice is sent once however often (and on however many nodes) the watch runs.
CREATE TABLE notification (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    recipient   VARCHAR(64)   NOT NULL,
    task_id     VARCHAR(64)   NOT NULL,
    case_id     BIGINT        NOT NULL,
    case_number VARCHAR(32)   NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    message     VARCHAR(2000) NOT NULL,
    due_at      ${instant},
    created_at  ${instant}    NOT NULL,
    read_at     ${instant},
    CONSTRAINT uq_notification UNIQUE (task_id, kind, recipient),
    CONSTRAINT fk_notification_case FOREIGN KEY (case_id) REFERENCES decision_case (id)
) ${table_options};

CREATE INDEX ix_notification_recipient ON notification (recipient, read_at);
