-- Schema version 9: fusion may merge two stored events when a later report matches both (fuse/__init__.py).
-- The absorbed event's row is deleted and its mentions move to the kept event; this table keeps the record of
-- each merge, so `wirewatch show` can say why and a look-up of the absorbed id can name the event it went to.
CREATE TABLE event_merges (
    absorbed_id TEXT PRIMARY KEY, kept_id TEXT NOT NULL, reason TEXT NOT NULL, merged_at TEXT NOT NULL
);
CREATE INDEX event_merges_kept ON event_merges(kept_id);
