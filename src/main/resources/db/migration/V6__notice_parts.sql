-- A published notice kept in its parts as well as whole: the dateline ("8 January 2020, 08:34 GMT") and what
-- readers are told, so pages set its heading without taking the sentence apart. Earlier notices were written as
-- "<Kind>, <dateline>: <text>"; their parts are read out of that once, here.
ALTER TABLE article_revision ADD COLUMN notice_dateline VARCHAR(100);
ALTER TABLE article_revision ADD COLUMN notice_text VARCHAR(4000);

UPDATE article_revision
SET notice_dateline = SUBSTRING(notice, POSITION(', ' IN notice) + 2,
                                POSITION(': ' IN notice) - POSITION(', ' IN notice) - 2),
    notice_text = SUBSTRING(notice, POSITION(': ' IN notice) + 2)
WHERE notice IS NOT NULL AND POSITION(', ' IN notice) > 0 AND POSITION(': ' IN notice) > POSITION(', ' IN notice);
