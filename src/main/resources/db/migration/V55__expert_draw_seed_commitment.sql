-- The draw's seed comes from the server; its SHA-256 is committed (in the audit log and here) before the candidates
-- are listed, and the seed itself is revealed with the result. Draws made before this have no commitment (null).
ALTER TABLE expert_draw ADD COLUMN seed_hash VARCHAR(64);
