-- Schema version 8, as migrations/sqlite/0008: recent_keys is sealed into article_keys every 1,000 articles and
-- newer_keys is gone (its keys become a segment). PostgreSQL finds keys through its index on key, so it keeps
-- no filters and never merges segments.
INSERT INTO article_keys
SELECT -(SELECT coalesce(max(n), 0) FROM article_signatures), key, article FROM newer_keys ON CONFLICT DO NOTHING;
DROP TABLE newer_keys;
