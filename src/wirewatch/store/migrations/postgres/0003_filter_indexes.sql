-- Schema version 3: indexes that let the usual filters (a country, an event type, a sub-event type) read
-- their page in list order; ids sort by code point ("C"), as the queries order them.
CREATE INDEX events_iso_date ON events(iso, event_date, id COLLATE "C");
CREATE INDEX events_type_date ON events(event_type, event_date, id COLLATE "C");
CREATE INDEX events_sub_date ON events(sub_event_type, event_date, id COLLATE "C");
-- Events seen by several outlets are few: an "at least 2 outlets" filter (the usual minimum) reads them alone,
-- in list order, overall or in one country. A higher minimum filters these further.
CREATE INDEX events_corroborated ON events(event_date, id COLLATE "C") WHERE corroboration >= 2;
CREATE INDEX events_corroborated_iso ON events(iso, event_date, id COLLATE "C") WHERE corroboration >= 2;
-- The longest date range of any stored event, kept up by every write: a `since` filter then also bounds
-- the start date, which the indexes can use.
CREATE TABLE event_span (id INTEGER PRIMARY KEY CHECK (id = 1), days INTEGER NOT NULL);
INSERT INTO event_span SELECT 1, coalesce(max(date_end - event_date), 0) FROM events;
