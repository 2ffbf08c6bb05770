-- Schema version 5: the band keys of the articles stored since the last fold wait in a small table, folded into
-- article_keys every few thousand articles (store/base.py KEY_FOLDS). Band keys are random, so once the key
-- table outgrows a batch every key stored dirties a page of its own, and SQLite writes whole pages at each
-- commit: 25 pages an article. The small table keeps a batch's keys on a few hundred pages, and a fold writes
-- the big table's pages once for thousands of articles, in key order.
CREATE TABLE recent_keys (
    key INTEGER NOT NULL, article INTEGER NOT NULL REFERENCES article_signatures(n), PRIMARY KEY (key, article)
) WITHOUT ROWID;
