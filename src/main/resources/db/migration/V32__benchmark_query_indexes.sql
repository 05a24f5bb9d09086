-- Indexes for the queries the benchmark runs at volume (docs/benchmark.adoc, docs/adr/0014-query-indexes.md).
-- The auditors' search by person lists newest first (ORDER BY seq DESC): with (actor, seq) the first page is read
-- straight off the index instead of sorting every entry of that person.
CREATE INDEX ix_audit_entry_actor_seq ON audit_entry (actor, seq);
