-- What the audit pages filter a claim's entries by, kept by the audit feature from the flow's events (the claim
-- flagged with its category; the outcome each step leaves), so the history is filtered and paged in one query on
-- the audit's own tables. Filled once here from the claims that exist.
CREATE TABLE audit_claim (
    claim_id    BIGINT      PRIMARY KEY,
    article_id  BIGINT      NOT NULL,
    category    VARCHAR(20) NOT NULL,
    outcome     VARCHAR(20) NOT NULL
);

CREATE INDEX audit_claim_filter ON audit_claim (category, outcome);
CREATE INDEX ix_audit_actor_at ON audit_entry (actor, at);
-- The history page reads the newest entries first; H2 reads an index in one direction only.
CREATE INDEX ix_audit_seq_newest ON audit_entry (seq DESC);
CREATE INDEX ix_audit_at ON audit_entry (at);

INSERT INTO audit_claim (claim_id, article_id, category, outcome)
SELECT id, article_id, category,
       CASE
           WHEN state = 'DISMISSED' THEN 'DISMISSED'
           WHEN state = 'CANCELLED' THEN 'CANCELLED'
           WHEN state = 'PUBLISHED' AND verdict = 'CLARIFICATION_NEEDED' THEN 'CLARIFIED'
           WHEN state = 'PUBLISHED' THEN 'CORRECTED'
           ELSE 'OPEN'
       END
FROM claim;
