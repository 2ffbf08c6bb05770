-- Schema version 3: indexes that let the usual filters (a country, an event type, a sub-event type) read
-- their page in list order; ids sort by code point ("C"), as the queries order them.
CREATE INDEX events_iso_date ON events(iso, event_date, id COLLATE "C");
CREATE INDEX events_type_date ON events(event_type, event_date, id COLLATE "C");
CREATE INDEX events_sub_date ON events(sub_event_type, event_date, id COLLATE "C");
-- Events seen by several outlets are few: a minimum-corroboration filter starts from them.
CREATE INDEX events_corroboration ON events(corroboration, event_date, id COLLATE "C");
-- The longest date range of any stored event, kept up by every write: a `since` filter then also bounds
-- the start date, which the indexes can use.
CREATE TABLE event_span (id INTEGER PRIMARY KEY CHECK (id = 1), days INTEGER NOT NULL);
INSERT INTO event_span SELECT 1, coalesce(max(date_end - event_date), 0) FROM events;
