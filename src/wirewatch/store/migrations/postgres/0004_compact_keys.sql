-- Schema version 4, as migrations/sqlite/0004: signatures leave the articles rows for a table of their own,
-- numbered so that a band key points at a small integer instead of a 16-character id; the band keys' table
-- has (key, article) as its primary key, so a lookup reads the index alone.
CREATE TABLE article_signatures (
    n BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) DEFERRABLE INITIALLY DEFERRED,
    signature BYTEA NOT NULL
);
INSERT INTO article_signatures (article_id, signature)
SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL ORDER BY id;
ALTER TABLE article_keys RENAME TO article_keys_v3;
CREATE TABLE article_keys (
    key BIGINT NOT NULL, article BIGINT NOT NULL REFERENCES article_signatures(n) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (key, article)
);
INSERT INTO article_keys
SELECT DISTINCT old.key, s.n FROM article_keys_v3 AS old JOIN article_signatures AS s ON s.article_id = old.article_id;
DROP TABLE article_keys_v3;
ALTER TABLE articles DROP COLUMN fingerprint;
