"""The frontier: what the crawler has still to fetch, as an interface.

The crawler only calls these methods; the archive's store implements them
in its database (so a killed crawl resumes where it was, and a server
database could share one frontier between several crawling processes).
`MemoryFrontier` is the same contract in memory, for a crawl that keeps
nothing between runs.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit


@dataclass(frozen=True)
class FrontierItem:
    """Something found to fetch: a list page or a notice."""

    url: str
    kind: str  # list | notice
    parent: str | None = None  # the page it was found on
    source: str | None = None  # the seed (source column) it descends from
    label: str | None = None  # link text: a notice's title
    depth: int = 0  # list pages: pagination steps from the seed


class Task(Protocol):
    """A leased item: what the crawler and its handler read of it (a frontier's tasks may hold more)."""

    url: str
    kind: str  # list | notice
    host: str
    source: str | None
    depth: int
    etag: str | None  # validators of the last archived copy, if any: the fetch is conditional
    last_modified: str | None
    fetched_this_run: bool  # an attempt of this run, cut short, already has it: no need to ask again


class Frontier(Protocol):
    def begin_run(self, seeds: Sequence[FrontierItem], refresh: bool = False) -> int: ...

    def add(self, items: Sequence[FrontierItem]) -> int: ...

    def hosts_with_work(self) -> list[str]: ...

    def pending_count(self) -> int: ...

    def next_batch(self, host: str, limit: int = 20, lease_seconds: float = 600.0) -> Sequence[Task]: ...

    def release(self, urls: Sequence[str]) -> None: ...

    def mark_done(self, url: str, state: str = "done", note: str | None = None) -> None: ...

    def mark_error(self, url: str, error: str) -> None: ...

    def end_run(self, summary: dict) -> None: ...


@dataclass(frozen=True)
class MemoryTask(FrontierItem):
    """A leased item of a `MemoryFrontier`: nothing is archived, so nothing to revalidate."""

    host: str = ""
    etag: str | None = None
    last_modified: str | None = None
    fetched_this_run: bool = False


class MemoryFrontier:
    """The frontier contract in memory: every address once per run."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: dict[str, FrontierItem] = {}
        self._state: dict[str, str] = {}
        self._leased: set[str] = set()
        self.errors: dict[str, str] = {}

    def begin_run(self, seeds: Sequence[FrontierItem], refresh: bool = False) -> int:
        self.add(seeds)
        return 1

    def add(self, items: Sequence[FrontierItem]) -> int:
        n = 0
        with self._lock:
            for item in items:
                if item.url not in self._items:
                    self._items[item.url] = item
                    self._state[item.url] = "todo"
                    n += 1
        return n

    def hosts_with_work(self) -> list[str]:
        with self._lock:
            return sorted({
                urlsplit(u).netloc.lower() for u, s in self._state.items() if s == "todo" and u not in self._leased
            })

    def pending_count(self) -> int:
        with self._lock:
            return sum(1 for s in self._state.values() if s == "todo")

    def next_batch(self, host: str, limit: int = 20, lease_seconds: float = 600.0) -> list[MemoryTask]:
        with self._lock:
            out = []
            for url, state in self._state.items():
                if state == "todo" and url not in self._leased and urlsplit(url).netloc.lower() == host:
                    item = self._items[url]
                    out.append(MemoryTask(**vars(item), host=host))
                    self._leased.add(url)
                    if len(out) >= limit:
                        break
            return out

    def release(self, urls: Sequence[str]) -> None:
        with self._lock:
            self._leased.difference_update(urls)

    def mark_done(self, url: str, state: str = "done", note: str | None = None) -> None:
        with self._lock:
            self._state[url] = state
            self._leased.discard(url)

    def mark_error(self, url: str, error: str) -> None:
        with self._lock:
            self._state[url] = "error"
            self.errors[url] = error
            self._leased.discard(url)

    def end_run(self, summary: dict) -> None:
        pass

    def states(self) -> dict[str, str]:
        with self._lock:
            return dict(self._state)
