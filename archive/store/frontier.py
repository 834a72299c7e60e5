"""The crawl frontier and the crawl's bookkeeping, kept in the store.

The frontier is what the crawler has still to fetch.  Keeping it here, in
the same database as the archive, is what makes a crawl resumable: a crawl
killed at any moment finds its queue as it was, and an item is marked done
only after everything it produced is committed.

It is an interface (`begin_run`, `add`, `hosts_with_work`, `next_batch`,
`mark_done`, `mark_error`, `end_run`) that the crawler calls without knowing
what is behind it; items are leased to a worker, so a server database could
hand one frontier to several crawling processes.

Also here: WARC records that are not documents (redirects, error pages,
robots.txt, revisits for 304s), which must be recorded so that crash
recovery knows they were committed (see `archive.warc`), and the notices
whose records still have to reach the search index.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

from archive.store.base import SQLiteBase, iso, utcnow
from archive.store.notices import SaveResult
from archive.warc import WarcPointer

MAX_TRIES = 3  # an item that failed this often is left alone until asked again

_FRONTIER_COLUMNS = {
    "host": "TEXT",
    "run_id": "INTEGER NOT NULL DEFAULT 0",
    "revalidate": "INTEGER NOT NULL DEFAULT 0",
    "lease_until": "REAL NOT NULL DEFAULT 0",
    "lease_owner": "TEXT",
}

_SCHEMA = """
CREATE INDEX IF NOT EXISTS frontier_host ON frontier(host, state, lease_until);
CREATE TABLE IF NOT EXISTS crawl_runs (
    run_id       INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at   TEXT NOT NULL,
    finished_at  TEXT,
    refresh      INTEGER NOT NULL DEFAULT 0,
    seeds_json   TEXT NOT NULL,
    summary_json TEXT
);
-- WARC records that are not documents: redirects, error pages, robots.txt, revisits.
CREATE TABLE IF NOT EXISTS crawl_exchanges (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    url          TEXT NOT NULL,
    record_type  TEXT NOT NULL,          -- response | revisit
    status       INTEGER,
    fetched_at   TEXT NOT NULL,
    warc_file    TEXT NOT NULL,
    warc_offset  INTEGER NOT NULL,
    warc_length  INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS crawl_exchanges_url ON crawl_exchanges(url);
CREATE INDEX IF NOT EXISTS crawl_exchanges_file ON crawl_exchanges(warc_file);
-- Where each writer started appending: everything before is accounted for.
CREATE TABLE IF NOT EXISTS warc_appends (
    filename     TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    opened_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS warc_appends_file ON warc_appends(filename);
-- Notices saved whose records have not yet reached the index.
CREATE TABLE IF NOT EXISTS crawl_pending_index (
    notice_id    TEXT PRIMARY KEY,
    queued_at    TEXT NOT NULL
);
"""


class Seed(Protocol):
    """What the crawler hands to `add`: any object with these attributes."""

    url: str
    kind: str
    parent: str | None
    source: str | None
    label: str | None
    depth: int


@dataclass(frozen=True)
class FrontierTask:
    """One leased frontier item, with the validators of its last archived copy."""

    url: str
    kind: str  # list | notice
    host: str
    parent: str | None
    source: str | None
    label: str | None
    depth: int
    tries: int
    revalidate: bool
    etag: str | None
    last_modified: str | None
    fetched_this_run: bool = False  # archived by an attempt of this run that was cut short


@dataclass(frozen=True)
class NoticeDocuments:
    main_sha: str | None
    attachments: list[tuple[str, str | None]]  # (url, label) in version order
    attachment_shas: list[str]  # sorted


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _owner_alive(owner: str | None) -> bool:
    """Whether the process holding a lease still runs (leases of this machine only)."""
    if not owner:
        return False
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname():
        return True  # another machine's worker: its lease expires by time
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


class FrontierMixin(SQLiteBase):
    def __init__(self, data_dir: Any) -> None:
        super().__init__(data_dir)
        with self._lock:
            columns = {r["name"] for r in self.db.execute("PRAGMA table_info(frontier)")}
            for name, decl in _FRONTIER_COLUMNS.items():
                if name not in columns:
                    self.db.execute(f"ALTER TABLE frontier ADD COLUMN {name} {decl}")
            self.db.executescript(_SCHEMA)
        self._run_id = 0
        self._run_started = "9999"  # ISO time the current run started (a resumed run: when it first did)
        # Crash recovery of the WARC files asks the database what it committed.
        self.warc.committed_end = self.warc_committed_end
        self.warc.on_append = self._warc_append_started

    # -- runs --------------------------------------------------------------

    def begin_run(self, seeds: Sequence[Seed], refresh: bool = False) -> int:
        """Start a crawl run, or resume the one a killed crawl left unfinished.

        A new run revisits list pages (each once per run) and retries items
        that failed fewer than MAX_TRIES times; with `refresh`, every known
        notice is queued for revalidation (once per run, even if resumed).
        """
        now = iso(utcnow())
        seed_urls = [s.url for s in seeds]
        with self.transaction() as db:
            last = db.execute("SELECT * FROM crawl_runs ORDER BY run_id DESC LIMIT 1").fetchone()
            if last is not None and last["finished_at"] is None:
                run = int(last["run_id"])
                if refresh:
                    db.execute("UPDATE crawl_runs SET refresh = 1 WHERE run_id = ?", (run,))
            else:
                now = self._second_after_last_fetch(db)
                cur = db.execute(
                    "INSERT INTO crawl_runs(started_at, refresh, seeds_json) VALUES (?,?,?)",
                    (now, int(refresh), json.dumps(seed_urls, ensure_ascii=False)),
                )
                run = int(cur.lastrowid)
                db.execute(
                    "UPDATE frontier SET state = 'todo', run_id = ? WHERE state = 'error' AND tries < ?",
                    (run, MAX_TRIES),
                )
            dead = [
                r["lease_owner"]
                for r in db.execute("SELECT DISTINCT lease_owner FROM frontier WHERE lease_until > 0")
                if not _owner_alive(r["lease_owner"])
            ]
            for owner in dead:
                db.execute("UPDATE frontier SET lease_until = 0, lease_owner = NULL WHERE lease_owner = ?", (owner,))
            if refresh:
                db.execute(
                    "UPDATE frontier SET state = 'todo', revalidate = 1, run_id = ?, lease_until = 0 "
                    "WHERE kind = 'notice' AND state IN ('done', 'gone') AND run_id < ?",
                    (run, run),
                )
        self._run_id = run
        self._run_started = self.query_one("SELECT started_at FROM crawl_runs WHERE run_id = ?", (run,))["started_at"]
        self.add(seeds)
        return run

    @staticmethod
    def _second_after_last_fetch(db: Any) -> str:
        """Now, once it is later than every fetch archived so far (times are kept to the second).

        So that "fetched at or after the run began" means "fetched by this run"
        even when one run follows another within the same second.
        """
        last = db.execute(
            "SELECT MAX(t) AS t FROM (SELECT MAX(fetched_at) AS t FROM documents "
            "UNION ALL SELECT MAX(fetched_at) FROM crawl_exchanges)"
        ).fetchone()["t"]
        deadline = time.monotonic() + 2.0  # a clock set back must not stall the crawl
        now = iso(utcnow())
        while last is not None and now <= last and time.monotonic() < deadline:
            time.sleep(0.05)
            now = iso(utcnow())
        return now

    def end_run(self, summary: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE crawl_runs SET finished_at = ?, summary_json = ? WHERE run_id = ?",
                (iso(utcnow()), json.dumps(summary, ensure_ascii=False), self._run_id),
            )

    # -- the queue ---------------------------------------------------------

    def add(self, items: Sequence[Seed]) -> int:
        """Queue what is not known yet (and list pages not yet seen this run); returns how many."""
        if not items:
            return 0
        now = iso(utcnow())
        queued = 0
        with self.transaction() as db:
            for item in items:
                cur = db.execute(
                    "INSERT INTO frontier(url, kind, parent, source, label, depth, state, discovered_at, host, run_id) "
                    "VALUES (?,?,?,?,?,?, 'todo', ?,?,?) "
                    "ON CONFLICT(url) DO UPDATE SET state = 'todo', run_id = excluded.run_id, "
                    "depth = MIN(depth, excluded.depth), lease_until = 0 "
                    "WHERE frontier.kind = 'list' AND excluded.kind = 'list' "
                    "AND frontier.run_id < excluded.run_id AND frontier.state != 'todo'",
                    (item.url, item.kind, item.parent, item.source, item.label, item.depth, now,
                     host_of(item.url), self._run_id),
                )
                queued += cur.rowcount
        return queued

    def hosts_with_work(self) -> list[str]:
        rows = self.query(
            "SELECT DISTINCT host FROM frontier WHERE state = 'todo' AND lease_until < ?", (time.time(),)
        )
        return sorted(r["host"] for r in rows)

    def pending_count(self) -> int:
        row = self.query_one("SELECT COUNT(*) AS n FROM frontier WHERE state = 'todo'")
        return int(row["n"]) if row else 0

    def next_batch(self, host: str, limit: int = 20, lease_seconds: float = 600.0) -> list[FrontierTask]:
        """Lease up to `limit` items of one host, oldest first."""
        now = time.time()
        with self.transaction() as db:
            rows = db.execute(
                "SELECT f.*, d.etag AS etag, d.last_modified AS last_modified, "
                "(d.fetched_at >= :start OR EXISTS (SELECT 1 FROM crawl_exchanges e WHERE e.url = f.url "
                "AND e.record_type = 'revisit' AND e.fetched_at >= :start)) AS this_run FROM frontier f "
                "LEFT JOIN documents d ON d.doc_id = (SELECT doc_id FROM documents WHERE url = f.url "
                "ORDER BY fetched_at DESC, rowid DESC LIMIT 1) "
                "WHERE f.host = :host AND f.state = 'todo' AND f.lease_until < :now ORDER BY f.rowid LIMIT :limit",
                {"host": host, "now": now, "limit": limit, "start": self._run_started},
            ).fetchall()
            for r in rows:
                db.execute(
                    "UPDATE frontier SET lease_until = ?, lease_owner = ? WHERE url = ?",
                    (now + lease_seconds, _owner(), r["url"]),
                )
        return [
            FrontierTask(
                url=r["url"], kind=r["kind"], host=r["host"], parent=r["parent"], source=r["source"],
                label=r["label"], depth=r["depth"], tries=r["tries"], revalidate=bool(r["revalidate"]),
                etag=r["etag"], last_modified=r["last_modified"],
                fetched_this_run=bool(r["this_run"]),
            )
            for r in rows
        ]

    def release(self, urls: Sequence[str]) -> None:
        """Hand back leased items not processed (the crawl is stopping)."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE frontier SET lease_until = 0, lease_owner = NULL WHERE url = ? AND state = 'todo'",
                [(u,) for u in urls],
            )

    def mark_done(self, url: str, state: str = "done", note: str | None = None) -> None:
        """Finish an item: done, skipped (robots, size), or gone (404/410)."""
        with self.transaction() as db:
            db.execute(
                "UPDATE frontier SET state = ?, last_error = ?, done_at = ?, lease_until = 0, "
                "lease_owner = NULL, revalidate = 0 WHERE url = ?",
                (state, note, iso(utcnow()), url),
            )

    def mark_error(self, url: str, error: str) -> None:
        """A failed item: counted, kept, and tried again by a later run (up to MAX_TRIES)."""
        with self.transaction() as db:
            db.execute(
                "UPDATE frontier SET state = 'error', tries = tries + 1, last_error = ?, done_at = ?, "
                "lease_until = 0, lease_owner = NULL WHERE url = ?",
                (error[:500], iso(utcnow()), url),
            )

    def frontier_counts(self) -> dict[str, int]:
        return {
            f"{r['kind']}:{r['state']}": r["n"]
            for r in self.query("SELECT kind, state, COUNT(*) AS n FROM frontier GROUP BY kind, state")
        }

    def frontier_errors(self) -> list[dict[str, Any]]:
        return [
            dict(r)
            for r in self.query("SELECT url, kind, tries, last_error FROM frontier WHERE state = 'error' ORDER BY url")
        ]

    # -- WARC records that are not documents -------------------------------

    def archive_exchange(
        self,
        *,
        url: str,
        body: bytes,
        fetched_at: datetime,
        status: int,
        reason: str,
        response_headers: list[tuple[str, str]],
        request_headers: list[tuple[str, str]] | None,
    ) -> WarcPointer:
        """Archive a response that is not a document (redirect, error page, robots.txt)."""
        pointer = self.warc.write_exchange(
            url=url, body=body, fetched_at=fetched_at, status=status, reason=reason,
            response_headers=response_headers, request_headers=request_headers,
        )
        self._record_exchange(url, "response", status, fetched_at, pointer)
        return pointer

    def record_revisit(
        self,
        *,
        url: str,
        fetched_at: datetime,
        response_headers: list[tuple[str, str]],
        request_headers: list[tuple[str, str]] | None,
        status: int = 304,
        reason: str = "Not Modified",
    ) -> WarcPointer | None:
        """Archive a 304 as a revisit record pointing at the last archived copy of `url`.

        Returns None if nothing of `url` is archived (nothing to refer to).
        """
        doc = self.latest_document(url)  # type: ignore[attr-defined]
        if doc is None:
            return None
        original = self.warc.read_headers(doc.pointer)
        pointer = self.warc.write_revisit(
            url=url, fetched_at=fetched_at, refers_to_date=original.get("WARC-Date"),
            payload_digest=original.get("WARC-Payload-Digest"), status=status, reason=reason,
            response_headers=response_headers, request_headers=request_headers,
        )
        self._record_exchange(url, "revisit", status, fetched_at, pointer)
        with self.transaction() as db:
            db.execute("UPDATE notices SET last_checked = ? WHERE url = ?", (iso(fetched_at), url))
        return pointer

    def _record_exchange(
        self, url: str, record_type: str, status: int, fetched_at: datetime, pointer: WarcPointer
    ) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO crawl_exchanges(url, record_type, status, fetched_at, warc_file, warc_offset, "
                "warc_length) VALUES (?,?,?,?,?,?,?)",
                (url, record_type, status, iso(fetched_at), pointer.filename, pointer.offset, pointer.length),
            )

    def crawl_exchanges(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self.query("SELECT * FROM crawl_exchanges ORDER BY id")]

    # -- WARC crash recovery -------------------------------------------------

    def warc_committed_end(self, filename: str) -> int | None:
        """End of the last record in `filename` the database knows of; None if it keeps no account of it."""
        with self._lock:
            start = self.db.execute(
                "SELECT MAX(start_offset) AS s FROM warc_appends WHERE filename = ?", (filename,)
            ).fetchone()["s"]
            if start is None:
                return None
            ends = [start]
            for table in ("documents", "crawl_exchanges"):
                row = self.db.execute(
                    f"SELECT MAX(warc_offset + warc_length) AS e FROM {table} WHERE warc_file = ?", (filename,)
                ).fetchone()
                if row["e"] is not None:
                    ends.append(int(row["e"]))
        return max(ends)

    def _warc_append_started(self, filename: str, offset: int) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO warc_appends(filename, start_offset, opened_at) VALUES (?,?,?)",
                (filename, offset, iso(utcnow())),
            )

    # -- notices whose records still have to reach the index -----------------

    def queue_index(self, notice_id: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO crawl_pending_index(notice_id, queued_at) VALUES (?,?)",
                (notice_id, iso(utcnow())),
            )

    def pending_index(self, limit: int = 500) -> list[SaveResult]:
        """Queued notices as SaveResults built from what the database holds now.

        Built afresh rather than remembered, so that replaying them after a
        crash (index updated or not) gives the same index.
        """
        out = []
        for row in self.query("SELECT notice_id FROM crawl_pending_index ORDER BY rowid LIMIT ?", (limit,)):
            nid = row["notice_id"]
            current = [
                r["record_id"]
                for r in self.query(
                    "SELECT record_id FROM records WHERE notice_id = ? AND current = 1 ORDER BY ordinal", (nid,)
                )
            ]
            old = {
                r["record_id"]
                for r in self.query("SELECT DISTINCT record_id FROM records WHERE notice_id = ? AND current = 0", (nid,))
            }
            version = self.query_one("SELECT current_version FROM notices WHERE notice_id = ?", (nid,))
            out.append(
                SaveResult(nid, "changed", version["current_version"] if version else None, current,
                           sorted(old - set(current)))
            )
        return out

    def clear_pending_index(self, notice_ids: Sequence[str]) -> None:
        with self.transaction() as db:
            db.executemany("DELETE FROM crawl_pending_index WHERE notice_id = ?", [(n,) for n in notice_ids])

    def current_documents(self, url: str) -> NoticeDocuments | None:
        """What the current version of the notice at `url` is made of; None if unknown."""
        row = self.query_one(
            "SELECT n.current_version AS v, d.sha256 AS sha FROM notices n "
            "JOIN notice_versions v ON v.version_id = n.current_version "
            "LEFT JOIN documents d ON d.doc_id = v.main_doc_id WHERE n.url = ?",
            (url,),
        )
        if row is None:
            return None
        atts = self.query(
            "SELECT d.url, d.sha256, vd.label FROM version_documents vd JOIN documents d ON d.doc_id = vd.doc_id "
            "WHERE vd.version_id = ? AND vd.role = 'attachment' ORDER BY vd.rowid",
            (row["v"],),
        )
        return NoticeDocuments(
            main_sha=row["sha"],
            attachments=[(a["url"], a["label"]) for a in atts],
            attachment_shas=sorted(a["sha256"] for a in atts),
        )

    def fetched_this_run(self, url: str) -> bool:
        """Whether `url` was archived (or found unchanged) since the current run began."""
        row = self.query_one(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE url = :u AND fetched_at >= :s) OR "
            "(EXISTS (SELECT 1 FROM crawl_exchanges WHERE url = :u AND record_type = 'revisit' AND fetched_at >= :s) "
            "AND EXISTS (SELECT 1 FROM documents WHERE url = :u)) AS yes",
            {"u": url, "s": self._run_started},
        )
        return bool(row and row["yes"])

    def touch_notice(self, url: str) -> None:
        """Checked and found as it was (and so not gone)."""
        with self.transaction() as db:
            db.execute("UPDATE notices SET last_checked = ?, gone_at = NULL WHERE url = ?", (iso(utcnow()), url))

    def set_region_if_unstated(self, url: str, region: str) -> None:
        """The region of the column a notice was found in, for a notice that does not state its own."""
        with self.transaction() as db:
            db.execute("UPDATE notices SET region = ? WHERE url = ? AND region IS NULL", (region, url))

    def close(self) -> None:
        self.warc.close()
        super().close()
