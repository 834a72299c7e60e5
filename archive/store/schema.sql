-- gongshi archive schema (SQLite). Only archive/sqlite_store.py touches it.
PRAGMA foreign_keys = ON;

CREATE TABLE IF NOT EXISTS documents (
    doc_id        TEXT PRIMARY KEY,      -- stable: hash of url + content sha256
    url           TEXT NOT NULL,
    fetched_at    TEXT NOT NULL,         -- ISO 8601 UTC
    content_type  TEXT,
    sha256        TEXT NOT NULL,
    size          INTEGER NOT NULL,
    status        INTEGER,
    etag          TEXT,
    last_modified TEXT,
    warc_file     TEXT NOT NULL,
    warc_offset   INTEGER NOT NULL,
    warc_length   INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_url ON documents(url, fetched_at);

CREATE TABLE IF NOT EXISTS notices (
    notice_id     TEXT PRIMARY KEY,      -- stable: hash of the notice url
    url           TEXT NOT NULL UNIQUE,
    current_version INTEGER,
    title TEXT, published TEXT, year INTEGER, issuer TEXT, award TEXT,
    level TEXT, stage TEXT, period_start TEXT, period_end TEXT, region TEXT,
    is_commendation INTEGER NOT NULL DEFAULT 1,
    first_seen    TEXT NOT NULL,
    last_checked  TEXT NOT NULL,
    gone_at       TEXT                   -- set when the source answered 404/410
);
CREATE INDEX IF NOT EXISTS notices_year ON notices(year);

CREATE TABLE IF NOT EXISTS notice_versions (
    version_id    INTEGER PRIMARY KEY AUTOINCREMENT,
    notice_id     TEXT NOT NULL REFERENCES notices(notice_id),
    created_at    TEXT NOT NULL,
    main_doc_id   TEXT REFERENCES documents(doc_id),
    fingerprint   TEXT NOT NULL,         -- sha256 over the documents' hashes
    meta_json     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS versions_notice ON notice_versions(notice_id, version_id);

CREATE TABLE IF NOT EXISTS version_documents (
    version_id    INTEGER NOT NULL REFERENCES notice_versions(version_id),
    doc_id        TEXT NOT NULL REFERENCES documents(doc_id),
    role          TEXT NOT NULL,         -- main | attachment
    label         TEXT,
    PRIMARY KEY (version_id, doc_id)
);

CREATE TABLE IF NOT EXISTS records (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id     TEXT NOT NULL,
    notice_id     TEXT NOT NULL REFERENCES notices(notice_id),
    version_id    INTEGER NOT NULL REFERENCES notice_versions(version_id),
    current       INTEGER NOT NULL DEFAULT 1,
    ordinal       INTEGER NOT NULL,
    kind TEXT NOT NULL, name TEXT NOT NULL, name_raw TEXT, gender TEXT, ethnicity TEXT,
    birth TEXT, political TEXT, education TEXT, unit TEXT, position TEXT, title TEXT,
    industry TEXT, org_type TEXT, category TEXT, remarks TEXT, deeds TEXT,
    doc_id        TEXT REFERENCES documents(doc_id),
    document_url  TEXT,
    location      TEXT,
    raw           TEXT,
    entity_id     TEXT,
    link_reason   TEXT
);
CREATE INDEX IF NOT EXISTS records_current ON records(current, record_id);
CREATE INDEX IF NOT EXISTS records_record_id ON records(record_id);
CREATE INDEX IF NOT EXISTS records_notice ON records(notice_id, current);
CREATE INDEX IF NOT EXISTS records_entity ON records(entity_id);
CREATE INDEX IF NOT EXISTS records_name ON records(name);

-- A person's judgement about links: kept, dated, and outranking evidence.
CREATE TABLE IF NOT EXISTS link_judgements (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    action        TEXT NOT NULL,         -- merge | split
    subject       TEXT NOT NULL,         -- entity_id (merge) or record_id (split)
    object        TEXT,                  -- the other entity_id (merge)
    created_at    TEXT NOT NULL,
    note          TEXT
);

-- The crawl frontier lives here so that a killed crawl resumes where it was.
CREATE TABLE IF NOT EXISTS frontier (
    url           TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,         -- list | notice | attachment
    parent        TEXT,
    source        TEXT,
    label         TEXT,
    depth         INTEGER NOT NULL DEFAULT 0,
    state         TEXT NOT NULL DEFAULT 'todo',   -- todo | done | error | skipped
    tries         INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    discovered_at TEXT NOT NULL,
    done_at       TEXT
);
CREATE INDEX IF NOT EXISTS frontier_state ON frontier(state, kind);

CREATE TABLE IF NOT EXISTS settings (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL
);
