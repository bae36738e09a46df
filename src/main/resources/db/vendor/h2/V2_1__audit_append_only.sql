-- H2: every audit entry is now chained (Java migration 2.0.1), so its chain columns become mandatory, and the
-- database itself refuses to change the log: audit_entry takes INSERT only, and the chain head only moves forward.
-- The triggers are Java classes in org.factdesk.audit. Someone who drops them can still change rows, but not
-- without GET /api/audit/verify (or java -jar factdesk.jar verify-audit) naming the first entry they touched.
ALTER TABLE audit_entry ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN hash SET NOT NULL;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE, DELETE ON audit_entry
    FOR EACH ROW CALL 'org.factdesk.audit.AppendOnlyTrigger';

CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE, DELETE ON audit_chain_head
    FOR EACH ROW CALL 'org.factdesk.audit.ChainHeadTrigger';
