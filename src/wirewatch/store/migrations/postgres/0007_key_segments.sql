-- Schema version 7, as migrations/sqlite/0007: article_keys is a row of sealed segments. PostgreSQL searches the
-- key tables on the server in one round trip whatever a filter would skip, so it keeps no key_filter and looks
-- keys up through an index on key alone.
ALTER TABLE article_keys RENAME TO article_keys_v6;
CREATE TABLE article_keys (
    segment BIGINT NOT NULL, key BIGINT NOT NULL,
    article BIGINT NOT NULL REFERENCES article_signatures(n) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (segment, key, article)
);
CREATE INDEX article_keys_by_key ON article_keys (key);   -- before the rows: their key checks wait for commit
INSERT INTO article_keys SELECT 0, key, article FROM article_keys_v6;
DROP TABLE article_keys_v6;
