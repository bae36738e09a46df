-- The audit log becomes one SHA-256 hash chain (org.factdesk.audit.AuditChain documents the encoding).
-- Portable SQL for H2 and PostgreSQL. Then: Java migration 2.0.1 (SealAuditChainMigration) chains the entries
-- written before this version, and db/vendor/*/V2_1 makes the columns mandatory and the table append-only.

-- seq: the entry's position in the chain, 1 for the first entry ever written, without gaps.
-- prev_hash: the hash of entry seq - 1 (64 zeros for entry 1); hash: this entry's own, lowercase hex.
ALTER TABLE audit_entry ADD COLUMN seq BIGINT;
ALTER TABLE audit_entry ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_entry ADD COLUMN hash VARCHAR(64);

-- Entries written before the chain existed take their place in the order they were written.
UPDATE audit_entry SET seq = (SELECT COUNT(*) FROM audit_entry earlier WHERE earlier.id <= audit_entry.id);

-- One position, one entry: even a bug that skipped the head lock could not fork the chain.
ALTER TABLE audit_entry ADD CONSTRAINT uq_audit_entry_seq UNIQUE (seq);

-- A flag's detail carries the claim's note (up to 4000 characters) and more; the old limit could refuse a flag.
ALTER TABLE audit_entry ALTER COLUMN detail SET DATA TYPE TEXT;

-- The end of the chain, in one row that every append locks (SELECT ... FOR UPDATE): appends happen one after the
-- other, on one node or many. seq is the number of entries, hash the last entry's hash.
CREATE TABLE audit_chain_head (
    id   INTEGER     NOT NULL PRIMARY KEY,
    seq  BIGINT      NOT NULL,
    hash VARCHAR(64) NOT NULL,
    CONSTRAINT ck_audit_chain_head_single_row CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
