-- Schema version 6, as migrations/sqlite/0006: a middle table between recent_keys and article_keys.
CREATE TABLE newer_keys (
    key BIGINT NOT NULL, article BIGINT NOT NULL REFERENCES article_signatures(n) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (key, article)
);
