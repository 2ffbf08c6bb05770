-- wirewatch store, schema version 1. Plain tables, one row per record, latitude/longitude columns:
-- open the file in Datasette or QGIS as it is. Later files in this folder change it step by step.
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, inputs TEXT,
    articles_read INTEGER, articles_new INTEGER, duplicates INTEGER, mentions INTEGER, problems INTEGER
);
CREATE TABLE IF NOT EXISTS problems (
    run_id INTEGER REFERENCES runs(id), source TEXT, line INTEGER, level TEXT, message TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, url TEXT, outlet TEXT, title TEXT, published TEXT, ingested TEXT,
    language TEXT, source TEXT, text TEXT NOT NULL, simhash INTEGER,
    band0 INTEGER, band1 INTEGER, band2 INTEGER, band3 INTEGER,
    band4 INTEGER, band5 INTEGER, band6 INTEGER, band7 INTEGER
);
CREATE INDEX IF NOT EXISTS articles_band0 ON articles(band0);
CREATE INDEX IF NOT EXISTS articles_band1 ON articles(band1);
CREATE INDEX IF NOT EXISTS articles_band2 ON articles(band2);
CREATE INDEX IF NOT EXISTS articles_band3 ON articles(band3);
CREATE INDEX IF NOT EXISTS articles_band4 ON articles(band4);
CREATE INDEX IF NOT EXISTS articles_band5 ON articles(band5);
CREATE INDEX IF NOT EXISTS articles_band6 ON articles(band6);
CREATE INDEX IF NOT EXISTS articles_band7 ON articles(band7);
CREATE TABLE IF NOT EXISTS duplicates (
    article_id TEXT, duplicate_of TEXT REFERENCES articles(id), kind TEXT, url TEXT, outlet TEXT,
    source TEXT, PRIMARY KEY (article_id, url)
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, event_date TEXT NOT NULL, date_end TEXT NOT NULL, time_precision INTEGER,
    event_type TEXT, sub_event_type TEXT,
    actor1 TEXT, actor1_kind TEXT, actor2 TEXT, actor2_kind TEXT, target TEXT,
    location TEXT, admin1 TEXT, admin2 TEXT, country TEXT, iso TEXT,
    latitude REAL, longitude REAL, geo_precision INTEGER, geonameid INTEGER,
    fatalities INTEGER, fatalities_low INTEGER, fatalities_high INTEGER,
    claim_status TEXT, corroboration INTEGER, sources INTEGER, notes TEXT,
    data TEXT NOT NULL, updated_at TEXT
);
CREATE INDEX IF NOT EXISTS events_block ON events(iso, sub_event_type, event_date);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_claim ON events(claim_status, event_date, id);
CREATE INDEX IF NOT EXISTS events_admin1 ON events(admin1 COLLATE NOCASE, event_date);
CREATE TABLE IF NOT EXISTS mentions (
    id TEXT PRIMARY KEY, article_id TEXT REFERENCES articles(id), event_id TEXT REFERENCES events(id),
    event_type TEXT, sub_event_type TEXT, passage_start INTEGER, passage_end INTEGER,
    source_kind TEXT, source TEXT, merge_reason TEXT, data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_event ON mentions(event_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);
