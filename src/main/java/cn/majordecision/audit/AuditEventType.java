package cn.majordecision.audit;

/** What an audit entry records. Stored by name: never rename a constant that has been written. */
public enum AuditEventType {
    CASE_FILED,
    TASK_CREATED,
    TASK_CLAIMED,
    TASK_UNCLAIMED,
    TASK_COMPLETED,
    STAGE_SKIPPED,
    DRAFT_VERSION_ADDED,
    RECORD_CORRECTED,
    FLAG_REVISED,
    CASE_WITHDRAWN,
    CASE_CLOSED,
    LOGIN_FAILED,
    ACCESS_CHANGED,
    USER_CHANGED,
    DOSSIER_CREATED,
    DEADLINE_MISSED,
    SETTINGS_CHANGED,
    EXPERT_POOL_CHANGED,
    EXPERT_CONFLICT_DECLARED,
    EXPERTS_DRAWN,
    EXPERT_REPLACED
}
