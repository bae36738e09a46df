-- The queue's search: each open review task keeps the words it is found by (the claim's or reader report's quote and
-- the article's headline, lower-cased), written by the task listeners as the task opens. The review feature owns this
-- table and names no other in SQL, so rows opened before this column existed are refilled by OpenTasksRebuild on the
-- next start (it rebuilds the table when any row has no search text), not from the claim table here.
ALTER TABLE review_task ADD COLUMN search_text VARCHAR(3100);
