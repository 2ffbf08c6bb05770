-- Schema version 9, as migrations/sqlite/0009: a record of each merge of two stored events.
CREATE TABLE event_merges (
    absorbed_id TEXT PRIMARY KEY, kept_id TEXT NOT NULL, reason TEXT NOT NULL, merged_at TIMESTAMPTZ NOT NULL,
    seq BIGINT GENERATED ALWAYS AS IDENTITY   -- the order of merges, as SQLite's rowid gives it
);
CREATE INDEX event_merges_kept ON event_merges(kept_id);
