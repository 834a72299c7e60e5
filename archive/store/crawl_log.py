"""The crawl's bookkeeping, kept in the store beside the archive it describes.

* crawl runs: when each began and ended, what it was asked, what it did;
  "fetched by this run" is judged against the current run's start;
* WARC records that are not documents (redirects, error pages, robots.txt,
  revisits for 304s), which must be recorded so that crash recovery knows
  they were committed (see `archive.warc`), and the accounting of where each
  WARC writer started appending;
* notices saved whose records still have to reach the search index (a queue
  in the database, so that a crawl killed before indexing loses nothing);
* what a crawl asks about a notice it meets again (its current documents,
  whether this run already fetched it) and the small updates it makes.

The frontier (`archive.store.frontier`) is the queue the crawler works
through; this is everything else a crawl writes down.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from archive.store.base import SQLiteBase, iso, utcnow
from archive.store.notices import SaveResult
from archive.warc import WarcPointer

_SCHEMA = """
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


@dataclass(frozen=True)
class NoticeDocuments:
    main_sha: str | None
    attachments: list[tuple[str, str | None]]  # (url, label) in version order
    attachment_shas: list[str]  # sorted


@dataclass(frozen=True)
class OpenedRun:
    run_id: int
    started_at: str
    new: bool  # False: the unfinished run of a killed crawl, resumed


class CrawlLogMixin(SQLiteBase):
    def __init__(self, data_dir: Path | str) -> None:
        super().__init__(data_dir)
        with self._lock:
            self.db.executescript(_SCHEMA)
        self._run_id = 0
        self._run_started = "9999"  # ISO time the current run started (a resumed run: when it first did)
        # Crash recovery of the WARC files asks the database what it committed.
        self.warc.committed_end = self.warc_committed_end
        self.warc.on_append = self._warc_append_started

    # -- runs --------------------------------------------------------------

    def _open_run(self, db: Any, seed_urls: Sequence[str], refresh: bool) -> OpenedRun:
        """Within the caller's transaction: resume the run a killed crawl left unfinished, or start one."""
        last = db.execute("SELECT * FROM crawl_runs ORDER BY run_id DESC LIMIT 1").fetchone()
        if last is not None and last["finished_at"] is None:
            if refresh:
                db.execute("UPDATE crawl_runs SET refresh = 1 WHERE run_id = ?", (last["run_id"],))
            return OpenedRun(int(last["run_id"]), last["started_at"], new=False)
        started = self._second_after_last_fetch(db)
        cur = db.execute(
            "INSERT INTO crawl_runs(started_at, refresh, seeds_json) VALUES (?,?,?)",
            (started, int(refresh), json.dumps(list(seed_urls), ensure_ascii=False)),
        )
        return OpenedRun(int(cur.lastrowid), started, new=True)

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

    def fetched_this_run(self, url: str) -> bool:
        """Whether `url` was archived (or found unchanged) since the current run began."""
        row = self.query_one(
            "SELECT EXISTS (SELECT 1 FROM documents WHERE url = :u AND fetched_at >= :s) OR "
            "(EXISTS (SELECT 1 FROM crawl_exchanges WHERE url = :u AND record_type = 'revisit' AND fetched_at >= :s) "
            "AND EXISTS (SELECT 1 FROM documents WHERE url = :u)) AS yes",
            {"u": url, "s": self._run_started},
        )
        return bool(row and row["yes"])

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

    # -- a notice met again ----------------------------------------------------

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
