-- One open claim per place in the text. open_place is "<revision>:<start>:<end>" of where a claim was flagged while
-- its review is going on, and NULL once it is closed (NULLs are distinct in a unique index on H2 and PostgreSQL),
-- so two people flagging the same words at the same moment cannot both succeed. Claims flagged before this
-- migration keep NULL: an earlier duplicate must not stop the upgrade; FactDesk's own check still covers them.
ALTER TABLE claim ADD COLUMN open_place VARCHAR(40);
CREATE UNIQUE INDEX uq_claim_open_place ON claim (article_id, open_place);
