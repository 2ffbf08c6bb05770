-- Schema version 2: MinHash fingerprints replace SimHash bands; feeds polled by `wirewatch watch` keep their state.
-- Stored articles get their fingerprints from the migration code (migrations.py), which has their text.
DROP INDEX IF EXISTS articles_band0;
DROP INDEX IF EXISTS articles_band1;
DROP INDEX IF EXISTS articles_band2;
DROP INDEX IF EXISTS articles_band3;
DROP INDEX IF EXISTS articles_band4;
DROP INDEX IF EXISTS articles_band5;
DROP INDEX IF EXISTS articles_band6;
DROP INDEX IF EXISTS articles_band7;
ALTER TABLE articles DROP COLUMN simhash;
ALTER TABLE articles DROP COLUMN band0;
ALTER TABLE articles DROP COLUMN band1;
ALTER TABLE articles DROP COLUMN band2;
ALTER TABLE articles DROP COLUMN band3;
ALTER TABLE articles DROP COLUMN band4;
ALTER TABLE articles DROP COLUMN band5;
ALTER TABLE articles DROP COLUMN band6;
ALTER TABLE articles DROP COLUMN band7;
ALTER TABLE articles ADD COLUMN fingerprint BLOB;
-- One row per LSH band of each article: a new article meets only the stored ones that share a band key.
CREATE TABLE article_keys (key INTEGER NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id));
CREATE INDEX article_keys_key ON article_keys(key);
CREATE TABLE feeds (
    url TEXT PRIMARY KEY, title TEXT, etag TEXT, modified TEXT, failures INTEGER NOT NULL DEFAULT 0,
    next_poll TEXT, last_error TEXT, updated_at TEXT
);
CREATE TABLE feed_items (
    feed_url TEXT NOT NULL, item_id TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (feed_url, item_id)
);
