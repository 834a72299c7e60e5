"""The crawl frontier, kept in the store: what the crawler has still to fetch.

Keeping it here, in the same database as the archive, is what makes a crawl
resumable: a crawl killed at any moment finds its queue as it was, and an
item is marked done only after everything it produced is committed.

It is an interface (`begin_run`, `add`, `hosts_with_work`, `next_batch`,
`mark_done`, `mark_error`, `end_run`) that the crawler calls without knowing
what is behind it; items are leased to a worker, so a server database could
hand one frontier to several crawling processes.  The crawl's other records
(runs, WARC accounting, the pending-index queue) are in `crawl_log`, whose
runs the frontier's `begin_run` opens.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from archive.store.base import iso, utcnow
from archive.store.crawl_log import CrawlLogMixin

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


class FrontierMixin(CrawlLogMixin):
    """The queue; its runs are the crawl log's (`begin_run` opens one, `end_run` closes it)."""

    def __init__(self, data_dir: Path | str) -> None:
        super().__init__(data_dir)
        with self._lock:
            columns = {r["name"] for r in self.db.execute("PRAGMA table_info(frontier)")}
            for name, decl in _FRONTIER_COLUMNS.items():
                if name not in columns:
                    self.db.execute(f"ALTER TABLE frontier ADD COLUMN {name} {decl}")
            self.db.executescript(_SCHEMA)

    def begin_run(self, seeds: Sequence[Seed], refresh: bool = False) -> int:
        """Start a crawl run, or resume the one a killed crawl left unfinished.

        A new run revisits list pages (each once per run) and retries items
        that failed fewer than MAX_TRIES times; with `refresh`, every known
        notice is queued for revalidation (once per run, even if resumed).
        """
        with self.transaction() as db:
            run = self._open_run(db, [s.url for s in seeds], refresh)
            if run.new:
                db.execute(
                    "UPDATE frontier SET state = 'todo', run_id = ? WHERE state = 'error' AND tries < ?",
                    (run.run_id, MAX_TRIES),
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
                    (run.run_id, run.run_id),
                )
        self._run_id = run.run_id
        self._run_started = run.started_at
        self.add(seeds)
        return run.run_id

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
