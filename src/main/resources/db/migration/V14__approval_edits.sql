-- The editor who last changed a claim's notice or corrected words on approving it. Their version is written over the
-- fact-checker's in notice and replacement (what publication reads); the audit log keeps both, before and after.
-- Null while the fact-checker's version stands; a new verdict clears it.
ALTER TABLE claim ADD COLUMN edited_by VARCHAR(100);
