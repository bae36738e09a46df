-- PostgreSQL: every audit entry is now chained (Java migration 2.0.1), so its chain columns become mandatory, and
-- the database itself refuses to change the log: audit_entry takes INSERT only (no UPDATE, DELETE or TRUNCATE), and
-- the chain head only moves forward one entry at a time. Someone who drops these triggers can still change rows, but
-- not without GET /api/audit/verify (or java -jar factdesk.jar verify-audit) naming the first entry they touched.
ALTER TABLE audit_entry ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN hash SET NOT NULL;

CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % is refused', TG_OP
        USING ERRCODE = 'triggered_data_change_violation';
END;
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();

CREATE FUNCTION audit_chain_head_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1 THEN
        RAISE EXCEPTION 'audit_chain_head only moves forward one entry at a time: % refused', TG_OP
            USING ERRCODE = 'triggered_data_change_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_chain_head_forward_only BEFORE UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward_only();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change();
