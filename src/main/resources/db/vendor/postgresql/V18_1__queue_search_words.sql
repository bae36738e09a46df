-- PostgreSQL: the queue's search looks its words up by prefix (word LIKE 'minist%'). A B-tree in the database's
-- collation cannot answer LIKE; one in pattern order can, whatever the collation. H2 answers it from the primary key.
CREATE INDEX review_task_word_prefix ON review_task_word (word varchar_pattern_ops, task_id);
