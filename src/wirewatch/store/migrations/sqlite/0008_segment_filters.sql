-- Schema version 8: the keys of every 1,000 articles are sealed from recent_keys into a segment of article_keys
-- of their own, with a Bloom filter of their own in key_segments (store/keyfilter.py), written once and never
-- changed; every ten such segments are merged into one. A lookup searches a segment only for the keys its
-- filter lets through, so a reprint's keys are searched in the segment that holds its original's, not in
-- every segment; and every block of articles pays for the same seals, merges and filter tests, the first one
-- too. Segments sealed from recent_keys are numbered by the article whose arrival sealed them (positive);
-- merged ones, and those kept from version 7, by minus that number. newer_keys is gone: its keys become a
-- segment here, and the store writes each segment's filter after this script.
UPDATE article_keys SET segment = -segment WHERE segment > 0;
INSERT INTO article_keys
SELECT -(SELECT coalesce(max(n), 0) FROM article_signatures), key, article FROM newer_keys ORDER BY key, article;
DROP TABLE newer_keys;
DROP TABLE key_filter;
CREATE TABLE key_segments (segment INTEGER PRIMARY KEY, keys INTEGER NOT NULL, bits BLOB NOT NULL);
