-- The queue's filtered requests at a hundred thousand open tasks.
--
-- 1. The size of each desk's unheld queue is kept per step, category and severity, so that the total of a queue
--    filtered by category or severity (or both, or by step) is a sum of a few rows, as the unfiltered one was: H2
--    counted such a filter on an index range entry by entry (12,101 entries for one category at 100,000). A task
--    without a category or severity (a reader report's triage) counts under '-'. The table is made again with the
--    new key and counted from review_task; OpenTasksRebuild recounts it on every start as before.
DROP TABLE review_queue_size;
CREATE TABLE review_queue_size (
    work_group   VARCHAR(64)   NOT NULL,
    step         VARCHAR(64)   NOT NULL,
    category     VARCHAR(20)   NOT NULL,
    severity     VARCHAR(20)   NOT NULL,
    unheld       BIGINT        NOT NULL,
    PRIMARY KEY (work_group, step, category, severity)
);

INSERT INTO review_queue_size (work_group, step, category, severity, unheld)
    SELECT work_group, step, COALESCE(category, '-'), COALESCE(severity, '-'), COUNT(*) FROM review_task
    WHERE holder IS NULL GROUP BY work_group, step, COALESCE(category, '-'), COALESCE(severity, '-');

-- 2. A desk's unheld tasks in queue order, by desk first: a page of the desk (the first, or the tenth) is read from
--    the index in order, stopping at the page's end, and the index alone gives the rows' order and ids, so the rows
--    of the pages before it are skipped without reading them. The same with a category or severity in front of the
--    order, so that a page of one kind is read in order too instead of finding every task of that kind and sorting.
-- The step stands last: a step filter is checked on the index entry as the read passes it, without the row.
CREATE INDEX review_task_desk_order
    ON review_task (work_group, holder, priority DESC, due_at, created_at, task_id, step);
CREATE INDEX review_task_desk_deadline
    ON review_task (work_group, holder, due_at, priority DESC, created_at, task_id, step);
CREATE INDEX review_task_desk_category_order
    ON review_task (work_group, holder, category, priority DESC, due_at, created_at, task_id);
CREATE INDEX review_task_desk_severity_order
    ON review_task (work_group, holder, severity, priority DESC, due_at, created_at, task_id);
-- A person's own tasks of one desk, in both orders, likewise: the half of the queue they hold, with the step, category
-- and severity last, so that those filters are checked on the index entries too.
CREATE INDEX review_task_holder_desk_order
    ON review_task (holder, work_group, priority DESC, due_at, created_at, task_id, step, category, severity);
CREATE INDEX review_task_holder_desk_deadline
    ON review_task (holder, work_group, due_at, priority DESC, created_at, task_id, step, category, severity);
-- What the indexes above begin with, and so replace: a desk's queue in order without the id (V7), and the desk's
-- unheld tasks by category and severity or by severity (V17), which counted the filters before review_queue_size did.
DROP INDEX review_task_group_queue;
DROP INDEX review_task_group_category;
DROP INDEX review_task_group_severity;

-- 3. The queue's search on the words of each open task (its search text's runs of letters and digits, each once),
--    so that a search finds the tasks whose words begin with each searched word from this index, however many other
--    tasks are open, instead of reading every unheld task's text. Written by the task listeners with the task's row
--    (OpenTasks). The words of rows already open are written by OpenTasksRebuild on the next start: it refills the
--    search text (and with it the words) of every row that has none, which this migration makes every row.
CREATE TABLE review_task_word (
    word         VARCHAR(100)  NOT NULL,
    task_id      VARCHAR(64)   NOT NULL,
    PRIMARY KEY (word, task_id)
);
CREATE INDEX review_task_word_task ON review_task_word (task_id);

UPDATE review_task SET search_text = NULL;
