-- Each case's audit entries are chained (ADR 0021): an entry's payload carries its number within the case
-- (caseEntry, from 1) and the leaf hash of the case's previous entry (casePreviousLeaf), so that a bundle missing one
-- of the case's entries fails offline verification. This table only remembers each case's last entry for the next
-- append; verification recomputes the chain from the entries and never trusts it. Entries written before this
-- migration are not rewritten: the chain of an existing case starts at its next entry, numbered after the existing
-- ones and pointing at the last of them, so those are counted too.
CREATE TABLE audit_case_head (
    case_id        BIGINT   NOT NULL PRIMARY KEY,
    entry_count    BIGINT   NOT NULL,
    last_leaf_hash CHAR(64) NOT NULL
) ${table_options};

INSERT INTO audit_case_head (case_id, entry_count, last_leaf_hash)
SELECT e.case_id, h.n, e.leaf_hash
FROM audit_entry e
JOIN (SELECT case_id, COUNT(*) AS n, MAX(seq) AS last_seq FROM audit_entry WHERE case_id IS NOT NULL GROUP BY case_id) h
  ON e.seq = h.last_seq;
