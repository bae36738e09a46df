-- H2: the queue's search finds its words in review_task_word (V18) and reads the stored text only for a searched word
-- with punctuation in it, so the index of every unheld task's whole search text (V17_1) goes, and with it the cost of
-- writing up to 3,100 characters into a second index with each task.
DROP INDEX review_task_group_search;
