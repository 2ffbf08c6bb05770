-- Schema version 6: a middle table between recent_keys and article_keys (store/base.py KEY_FOLDS). A fold into
-- article_keys rewrites most of its pages, so folding 4,000 articles' keys into it cost more the bigger the
-- store (4 pages an article at 100,000 articles); newer_keys takes those folds and passes its keys on ten
-- times less often.
CREATE TABLE newer_keys (
    key INTEGER NOT NULL, article INTEGER NOT NULL REFERENCES article_signatures(n), PRIMARY KEY (key, article)
) WITHOUT ROWID;
