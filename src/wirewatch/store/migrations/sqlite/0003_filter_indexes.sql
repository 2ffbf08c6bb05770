-- Schema version 3: indexes that let the usual filters of `wirewatch events` and GET /api/events (a
-- country, an event type, a sub-event type) read their page in list order instead of the whole table.
CREATE INDEX events_iso_date ON events(iso, event_date, id);
CREATE INDEX events_type_date ON events(event_type, event_date, id);
CREATE INDEX events_sub_date ON events(sub_event_type, event_date, id);
-- Events seen by several outlets are few: an "at least 2 outlets" filter (the usual minimum) reads them alone,
-- in list order, overall or in one country. A higher minimum filters these further.
CREATE INDEX events_corroborated ON events(event_date, id) WHERE corroboration >= 2;
CREATE INDEX events_corroborated_iso ON events(iso, event_date, id) WHERE corroboration >= 2;
-- The longest date range of any stored event, kept up by every write: a `since` filter (events ending on or
-- after a day) then also bounds the start date, which the date indexes can use.
CREATE TABLE event_span (id INTEGER PRIMARY KEY CHECK (id = 1), days INTEGER NOT NULL);
INSERT INTO event_span SELECT 1, coalesce(max(CAST(julianday(date_end) - julianday(event_date) AS INTEGER)), 0)
FROM events;
