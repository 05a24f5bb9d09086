-- The auditors' search across all cases ("everything user X did in 2025") filters by person and time.
CREATE INDEX ix_audit_entry_actor ON audit_entry (actor, recorded_at);
