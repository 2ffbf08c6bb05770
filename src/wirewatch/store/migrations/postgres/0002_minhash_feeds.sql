-- Schema version 2, as migrations/sqlite/0002: MinHash fingerprints replace SimHash bands; feeds polled by
-- `wirewatch watch` keep their state. The store fingerprints the articles already stored after this runs.
DROP INDEX articles_band0, articles_band1, articles_band2, articles_band3,
           articles_band4, articles_band5, articles_band6, articles_band7;
ALTER TABLE articles
    DROP COLUMN simhash, DROP COLUMN band0, DROP COLUMN band1, DROP COLUMN band2, DROP COLUMN band3,
    DROP COLUMN band4, DROP COLUMN band5, DROP COLUMN band6, DROP COLUMN band7,
    ADD COLUMN fingerprint BYTEA;
-- One row per LSH band of each article: a new article meets only the stored ones that share a band key.
CREATE TABLE article_keys (
    key BIGINT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX article_keys_key ON article_keys(key);
CREATE TABLE feeds (
    url TEXT PRIMARY KEY, title TEXT, etag TEXT, modified TEXT, failures INTEGER NOT NULL DEFAULT 0,
    next_poll TIMESTAMPTZ, last_error TEXT, updated_at TIMESTAMPTZ
);
CREATE TABLE feed_items (
    feed_url TEXT NOT NULL, item_id TEXT NOT NULL, seen_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (feed_url, item_id)
);
