-- The queue at a hundred thousand open tasks. The size of each desk's unheld queue, step by step, is kept beside the
-- tasks, so that X-Total-Count of an unfiltered queue (or one filtered by step) reads a few rows instead of counting every unheld task (H2 counts an index range
-- entry by entry: 12 ms at 100,000). The review feature writes it with each task row, in the same transaction, just
-- before it commits (OpenTasks), and recounts it from review_task on every start (OpenTasksRebuild).
CREATE TABLE review_queue_size (
    work_group   VARCHAR(64)   NOT NULL,
    step         VARCHAR(64)   NOT NULL,
    unheld       BIGINT        NOT NULL,
    PRIMARY KEY (work_group, step)
);

INSERT INTO review_queue_size (work_group, step, unheld)
    SELECT work_group, step, COUNT(*) FROM review_task WHERE holder IS NULL GROUP BY work_group, step;

-- A filtered or narrowed half of a queue is counted on an index that holds its condition: the unheld tasks of a desk
-- by category and severity, by step, returned, by deadline (the overdue tab), and the unheld tasks escalated to the desk
-- leads. H2 counts such a range from the index alone, without reading the rows.
CREATE INDEX review_task_group_category ON review_task (work_group, holder, category, severity);
CREATE INDEX review_task_group_severity ON review_task (work_group, holder, severity);
CREATE INDEX review_task_group_step ON review_task (work_group, holder, step);
CREATE INDEX review_task_group_returned ON review_task (work_group, holder, returned);
CREATE INDEX review_task_group_deadline ON review_task (work_group, holder, due_at);
CREATE INDEX review_task_escalated ON review_task (holder, escalated_at);
-- The whole table in deadline order, as review_task_order is in priority order: "soonest deadline first" is read in
-- order and stops at the page's end instead of sorting the whole desk.
CREATE INDEX review_task_deadline_order ON review_task (due_at, priority DESC, created_at, task_id);
