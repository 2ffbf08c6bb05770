-- Schema version 7: article_keys becomes a row of sealed segments. Each time newer_keys holds 10,000 articles'
-- keys (store/base.py KEY_FOLDS) they are appended to article_keys as one segment, in key order, and never
-- rewritten: a fold into one big key-ordered table rewrote most of its pages, so it cost more the bigger the
-- store. A lookup searches each segment, but only for the keys that a Bloom filter over article_keys lets
-- through (store/keyfilter.py): the key_filter row, rewritten at each seal; `version` counts the rewrites, so
-- a process holding an older copy knows to read it again. The store builds the row when this migration finds
-- keys in article_keys, which become segment 0.
ALTER TABLE article_keys RENAME TO article_keys_v6;
CREATE TABLE article_keys (
    segment INTEGER NOT NULL, key INTEGER NOT NULL, article INTEGER NOT NULL REFERENCES article_signatures(n),
    PRIMARY KEY (segment, key, article)
) WITHOUT ROWID;
INSERT INTO article_keys SELECT 0, key, article FROM article_keys_v6 ORDER BY key, article;
DROP TABLE article_keys_v6;
CREATE TABLE key_filter (
    id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL, keys INTEGER NOT NULL, bits BLOB NOT NULL
);
