-- The open review tasks, as the desk's queue reads them: FactDesk's own indexed copy of what Camunda's task holds,
-- written by the review's task listeners inside the engine's own transaction, so it changes exactly when the task
-- does. Who holds a task is kept here, by the review feature, and no longer mirrored on the claim.
CREATE TABLE review_task (
    task_id      VARCHAR(64)   PRIMARY KEY,
    claim_id     BIGINT        NOT NULL,
    article_id   BIGINT        NOT NULL,
    step         VARCHAR(64)   NOT NULL,
    name         VARCHAR(255)  NOT NULL,
    work_group   VARCHAR(64)   NOT NULL,
    holder       VARCHAR(100),
    category     VARCHAR(20)   NOT NULL,
    severity     VARCHAR(20)   NOT NULL,
    flagged_by   VARCHAR(100)  NOT NULL,
    verified_by  VARCHAR(100),
    returned     BOOLEAN       NOT NULL,
    priority     INTEGER       NOT NULL,
    due_at       TIMESTAMP WITH TIME ZONE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A claim has at most one open review task at a time.
CREATE UNIQUE INDEX review_task_claim ON review_task (claim_id);
-- The two halves of a queue, each read in queue order: a group's unheld tasks, and one person's.
CREATE INDEX review_task_group_queue ON review_task (work_group, holder, priority DESC, due_at, created_at);
CREATE INDEX review_task_holder_queue ON review_task (holder, priority DESC, due_at, created_at);
CREATE INDEX review_task_article ON review_task (article_id);
-- The whole table in queue order: a group's unheld tasks are read from it in order, stopping at the page's end.
CREATE INDEX review_task_order ON review_task (priority DESC, due_at, created_at, task_id);

ALTER TABLE claim DROP COLUMN held_by;
