"""Keeping the index up with a crawl, in a thread of its own, so that crawling never waits for it.

What to index is the store's queue of saved notices (`queue_index`), not
memory: a crawl killed before its records reached the index has them
indexed by the next run.  A failure is logged and counted, never fatal: the
notices stay queued (and `gongshi reindex` rebuilds everything anyway).

The updater does not know how records reach the index: the composition root
hands it `update` (link the records to entities, then add them to the index
and remove the withdrawn ones).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from typing import Protocol

from archive.store import SaveResult

INDEX_BATCH = 200  # notices saved between two index updates
# Queued notices taken from the store per update.  Catching up (after a slow
# update, e.g. a large segment merge) is then several normal-sized updates,
# not one of ~1,000 notices whose records and sorting pool all sit in memory
# at once (+12 MB at the bench's first large merge).
PENDING_PAGE = INDEX_BATCH


class PendingIndexQueue(Protocol):
    """The store's queue of notices whose records have yet to reach the index."""

    def pending_index(self, limit: int = 500) -> list[SaveResult]: ...

    def clear_pending_index(self, notice_ids: Sequence[str]) -> None: ...


class IndexUpdater:
    """Brings the index up to date every `batch` saved notices (or every 10 s), and at the end."""

    def __init__(
        self,
        queue: PendingIndexQueue,
        update: Callable[[list[SaveResult]], None],
        batch: int = INDEX_BATCH,
        log: logging.Logger | None = None,
    ) -> None:
        self.queue = queue
        self.update = update
        self.batch = batch
        self.log = log or logging.getLogger(__name__)
        self.failures = 0
        self._saved = 0
        self._count_lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="index updater", daemon=True)

    def start(self) -> IndexUpdater:
        self._thread.start()
        return self

    def notify(self) -> None:
        """One more notice saved."""
        with self._count_lock:
            self._saved += 1
            if self._saved >= self.batch:
                self._saved = 0
                self._wake.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(10.0)
            self._wake.clear()
            if not self._stop.is_set():
                self.flush(min_batch=self.batch)

    def flush(self, min_batch: int = 1) -> bool:
        """Index what is queued; False if an update failed (what is left stays queued).

        With `min_batch`, one update takes whatever is queued, and more follow
        only while at least `min_batch` notices are waiting: the rest waits
        for the next wake.  Draining to the last notice made the thread
        update the index every few notices (each update saw only what
        arrived during the previous one), and every update is an index
        commit, which costs (and, for whoosh, merges segments) whatever its
        size.
        """
        with self._flush_lock:
            first = True
            while True:
                pending = self.queue.pending_index(PENDING_PAGE)
                if not pending or (not first and len(pending) < min_batch):
                    return True
                first = False
                try:
                    self.update([p for p in pending if p.version_id is not None])
                except Exception:
                    self.log.exception("index update failed; the notices stay queued")
                    self.failures += 1
                    return False
                self.queue.clear_pending_index([p.notice_id for p in pending])

    def stop(self) -> None:
        """Stop the thread; what is still queued stays queued (for the next crawl)."""
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join()

    def close(self) -> bool:
        """Stop the thread, then index whatever is still queued."""
        self.stop()
        return self.flush()
