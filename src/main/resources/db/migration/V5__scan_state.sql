-- The last scan of each article: the revision it read and how it ended. On start FactDesk scans again every article
-- whose current revision has no finished scan: one lost to a crash or a restart, or dropped from a full scan queue.
-- Articles from before this table have no row, so each is scanned once more on the first start with it.
-- Portable SQL: the same script runs on H2 (default) and PostgreSQL.

CREATE TABLE scan_state (
    article_id  BIGINT                   NOT NULL PRIMARY KEY REFERENCES article (id),
    -- the revision the last scan read
    revision    INTEGER                  NOT NULL,
    -- SCANNED (its suggestions are stored), TIMED_OUT (stopped at its time limit) or FAILED; the last two store nothing
    outcome     VARCHAR(20)              NOT NULL,
    -- unfinished scans of this revision since the last finished one; the start-up re-run gives up at 3
    failures    INTEGER                  NOT NULL,
    scanned_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
