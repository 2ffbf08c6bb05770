-- Schema version 3: indexes that let the usual filters of `wirewatch events` and GET /api/events (a
-- country, an event type, a sub-event type) read their page in list order instead of the whole table.
CREATE INDEX events_iso_date ON events(iso, event_date, id);
CREATE INDEX events_type_date ON events(event_type, event_date, id);
CREATE INDEX events_sub_date ON events(sub_event_type, event_date, id);
