-- Deadlines that escalate. A review task's row records when its "due soon" reminder went out and when it was
-- escalated to the desk leads: the listeners read the escalation from here (never from the task's candidate groups,
-- which an API call could change) to let desk leads work it.
ALTER TABLE review_task ADD COLUMN reminded_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE review_task ADD COLUMN escalated_at TIMESTAMP WITH TIME ZONE;

-- One row per desk (the group that works a step): whether its overdue count is above the backlog threshold since
-- the last check, so that an alert is raised once per crossing. The check locks the desk's row (SELECT ... FOR
-- UPDATE), so nodes sharing the database take turns and never raise the same alert twice.
CREATE TABLE review_backlog (
    work_group   VARCHAR(64)   PRIMARY KEY,
    alerting     BOOLEAN       NOT NULL,
    overdue      INTEGER       NOT NULL,
    checked_at   TIMESTAMP WITH TIME ZONE,
    alerted_at   TIMESTAMP WITH TIME ZONE
);

INSERT INTO review_backlog (work_group, alerting, overdue) VALUES ('fact-checkers', FALSE, 0);
INSERT INTO review_backlog (work_group, alerting, overdue) VALUES ('editors', FALSE, 0);

-- The backlog check counts a desk's overdue open tasks.
CREATE INDEX review_task_group_due ON review_task (work_group, due_at);
