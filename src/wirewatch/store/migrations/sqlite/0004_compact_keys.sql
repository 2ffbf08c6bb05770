-- Schema version 4: near-duplicate lookup reads two small tables and never the articles table.
-- Signatures leave the articles rows (a page or more of text each) for a table of their own, numbered so
-- that a band key points at a small integer instead of a 16-character id; the band keys move to a table
-- clustered on (key, article), so storing one is one B-tree insert and looking one up one B-tree search.
CREATE TABLE article_signatures (
    n INTEGER PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id), signature BLOB NOT NULL
);
INSERT INTO article_signatures (article_id, signature)
SELECT id, fingerprint FROM articles WHERE fingerprint IS NOT NULL ORDER BY rowid;
ALTER TABLE article_keys RENAME TO article_keys_v3;
CREATE TABLE article_keys (
    key INTEGER NOT NULL, article INTEGER NOT NULL REFERENCES article_signatures(n), PRIMARY KEY (key, article)
) WITHOUT ROWID;
INSERT OR IGNORE INTO article_keys
SELECT old.key, s.n FROM article_keys_v3 AS old JOIN article_signatures AS s ON s.article_id = old.article_id
ORDER BY 1, 2;
DROP TABLE article_keys_v3;
ALTER TABLE articles DROP COLUMN fingerprint;
