-- The kind of update a claim publishes (correction, clarification, silent fix, editor's note, retraction), proposed
-- by the fact-checker and settled by the editor; null where it follows from the verdict, as before. And the lawyer's
-- review of an approved update the routing decision marks as a legal risk: the decision, who gave it, the notice as
-- the lawyer rewrote it, and the reason given.
ALTER TABLE claim ADD COLUMN kind VARCHAR(20);
ALTER TABLE claim ADD COLUMN legal_decision VARCHAR(20);
ALTER TABLE claim ADD COLUMN legal_by VARCHAR(100);
ALTER TABLE claim ADD COLUMN legal_notice VARCHAR(4000);
ALTER TABLE claim ADD COLUMN legal_comment VARCHAR(4000);
