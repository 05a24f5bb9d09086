-- The public half of the one key that signs audit checkpoints (docs/adr/0015-several-nodes-one-database.md). Every
-- node on this database must sign with the same key; a node started with another key refuses to start instead of
-- writing checkpoints that the other nodes count for nothing. The private key never comes here.
CREATE TABLE audit_signing_key (
    id            INT          NOT NULL PRIMARY KEY,
    public_key    VARCHAR(200) NOT NULL,
    registered_at ${instant}   NOT NULL
) ${table_options};
