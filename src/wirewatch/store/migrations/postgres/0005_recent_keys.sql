-- Schema version 5, as migrations/sqlite/0005: the band keys of the articles stored since the last fold wait in
-- a small table, folded into article_keys every few thousand articles (store/base.py KEY_FOLDS).
CREATE TABLE recent_keys (
    key BIGINT NOT NULL, article BIGINT NOT NULL REFERENCES article_signatures(n) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (key, article)
);
