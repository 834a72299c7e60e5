"""The crawl: hosts side by side, each at its own polite pace, fed by the frontier.

The crawler discovers (list pages → notice links and further pages) and
fetches; every exchange goes to a `CrawlHandler`, which archives and
extracts.  The crawler knows nothing of either.  An item is marked done in
the frontier only after its handler returned, so a crawl killed at any
moment loses nothing.  No error of one page stops the crawl: it is logged,
counted and kept in the frontier to be tried again by a later run.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from crawler.classify import title_may_be_commendation
from crawler.discover import read_list_page
from crawler.exchange import Exchange
from crawler.fetch import FetchConfig, Fetcher
from crawler.frontier import Frontier, FrontierItem, Task
from crawler.politeness import UNREACHABLE, CrawlStopped, HostPacer, RobotsRules

log = logging.getLogger("gongshi.crawler")


class FetchFn(Protocol):
    def __call__(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Exchange: ...


@dataclass
class Outcome:
    """What became of a notice: done, gone (404/410), skipped, or error (with why)."""

    state: str = "done"
    note: str | None = None


class CrawlHandler(Protocol):
    """Keeps what the crawler fetches.  `exchange` is None when the task says an
    interrupted attempt of this run already fetched the page: the kept copy serves."""

    def list_page(self, task: Task, exchange: Exchange | None) -> bytes | None:
        """Keep the exchange; return the page to read links from (the archived copy after a 304), or None."""

    def notice(self, task: Task, exchange: Exchange | None, fetch: FetchFn) -> Outcome:
        """Keep the notice (fetching its attachments with `fetch`) and say what became of it."""

    def other(self, exchange: Exchange, role: str) -> None:
        """Keep any other exchange (role "robots": a robots.txt)."""


@dataclass
class CrawlConfig:
    fetch: FetchConfig = field(default_factory=FetchConfig)
    max_pages: int | None = None  # list and notice pages fetched in this run
    max_list_depth: int = 300  # pagination steps from a seed (endless pagination is a trap)
    max_list_pages_per_host: int = 3000  # list pages of one host per run (calendars, faceted lists)
    max_workers: int = 8  # hosts crawled side by side
    # Threads per host: while one waits for the host (its one connection, its
    # delay), another archives and extracts what came before.  Politeness is
    # the pacer's: still one request at a time and `delay` apart.
    threads_per_host: int = 3
    batch_size: int = 10
    select_title: Callable[[str], bool] = title_may_be_commendation


@dataclass
class CrawlStats:
    list_pages: int = 0
    notice_pages: int = 0
    attachments: int = 0
    not_modified: int = 0
    refused: int = 0
    discovered: int = 0
    errors: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def pages(self) -> int:
        return self.list_pages + self.notice_pages

    def bump(self, name: str, n: int = 1) -> None:
        with self._lock:
            setattr(self, name, getattr(self, name) + n)

    def error(self, message: str) -> None:
        log.warning("%s", message)
        with self._lock:
            self.errors.append(message)

    def to_dict(self) -> dict:
        return {
            "list_pages": self.list_pages, "notice_pages": self.notice_pages, "attachments": self.attachments,
            "not_modified": self.not_modified, "refused": self.refused, "discovered": self.discovered,
            "errors": len(self.errors),
        }


class Crawler:
    """Runs a crawl over a frontier, handing every exchange to a handler."""

    def __init__(
        self,
        frontier: Frontier,
        handler: CrawlHandler,
        config: CrawlConfig | None = None,
        progress: Callable[[CrawlStats], None] | None = None,
    ) -> None:
        self.frontier = frontier
        self.handler = handler
        self.config = config or CrawlConfig()
        self.progress = progress
        self.stats = CrawlStats()
        self.stop = threading.Event()  # interrupt: cut every wait short
        self._budget_spent = threading.Event()  # --max-pages reached: finish what is under way
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._list_pages_by_host: dict[str, int] = {}
        self._pages_taken = 0
        self.pacer = HostPacer(self.config.fetch.delay, self.stop)
        self.robots = RobotsRules(self._fetch_robots, self.config.fetch.user_agent, self.pacer,
                                  self.config.fetch.max_crawl_delay)
        self.fetcher = Fetcher(self.config.fetch, self.pacer, refusal=self.robots.refusal)

    # -- the run ------------------------------------------------------------

    def run(self, seeds: Sequence[FrontierItem], refresh: bool = False) -> CrawlStats:
        """Crawl until the frontier is empty (or the page budget is spent)."""
        self.frontier.begin_run(seeds, refresh)
        workers: dict[str, list[threading.Thread]] = {}
        per_host = max(1, self.config.threads_per_host)
        try:
            while True:
                for host in list(workers):
                    workers[host] = [t for t in workers[host] if t.is_alive()]
                    if not workers[host]:
                        del workers[host]
                if self.stop.is_set() or self._budget_spent.is_set():
                    if not workers:
                        break
                else:
                    for host in self.frontier.hosts_with_work():
                        if host not in workers and len(workers) >= self.config.max_workers:
                            continue
                        threads = workers.setdefault(host, [])
                        while len(threads) < per_host:
                            thread = threading.Thread(target=self._work, args=(host,), name=f"crawl {host}",
                                                      daemon=True)
                            threads.append(thread)
                            thread.start()
                    if not workers:
                        break
                self._wake.wait(0.2)
                self._wake.clear()
        except BaseException:
            self.stop.set()
            for threads in workers.values():
                for thread in threads:
                    thread.join(timeout=5)
            raise
        finally:
            self.fetcher.close()
        self.frontier.end_run(self.stats.to_dict())
        return self.stats

    def _work(self, host: str) -> None:
        try:
            while not (self.stop.is_set() or self._budget_spent.is_set()):
                batch = list(self.frontier.next_batch(host, self.config.batch_size))
                if not batch:
                    return
                for i, task in enumerate(batch):
                    if self.stop.is_set() or not self._take_page():
                        self.frontier.release([t.url for t in batch[i:]])
                        return
                    try:
                        self._process(task)
                    except CrawlStopped:
                        self.frontier.release([t.url for t in batch[i:]])
                        return
                    if self.progress is not None:
                        self.progress(self.stats)
        except Exception:  # the frontier itself failed: report, let the other hosts go on
            log.exception("worker for %s stopped", host)
            self.stats.error(f"{host}: worker stopped (see log)")
        finally:
            self._wake.set()

    def _take_page(self) -> bool:
        limit = self.config.max_pages
        if limit is None:
            return True
        with self._lock:
            if self._pages_taken >= limit:
                self._budget_spent.set()
                return False
            self._pages_taken += 1
            return True

    def _process(self, task: Task) -> None:
        try:
            if task.kind == "list":
                self._list_page(task)
            else:
                self._notice(task)
        except CrawlStopped:
            raise
        except Exception as exc:  # a bug or a store failure on one page must not end the crawl
            log.exception("failed on %s", task.url)
            message = f"{task.url}: {type(exc).__name__}: {exc}"
            self.stats.error(message)
            self.frontier.mark_error(task.url, message)

    # -- list pages and notices -------------------------------------------------

    def _fetch(self, task: Task) -> Exchange:
        return self.fetcher.fetch(task.url, etag=task.etag, last_modified=task.last_modified)

    def _list_page(self, task: Task) -> None:
        ex = None if task.fetched_this_run else self._fetch(task)
        if ex is not None and ex.refused:
            self._refused(task, ex)
            return
        if ex is not None:
            self.stats.bump("list_pages")
        body = self.handler.list_page(task, ex)
        if body is None:
            message = ex.describe() if ex is not None else f"{task.url}: no archived copy"
            self.stats.error(message)
            self.frontier.mark_error(task.url, message)
            return
        if ex is not None and ex.not_modified:
            self.stats.bump("not_modified")
        if ex is None:
            page = read_list_page(body, task.url)
        else:
            page = read_list_page(body, ex.url, ex.content_type if ex.ok else None)
        items = []
        with self._lock:
            seen = self._list_pages_by_host.get(task.host, 0) + 1
            self._list_pages_by_host[task.host] = seen
        if task.depth < self.config.max_list_depth and seen < self.config.max_list_pages_per_host:
            items += [
                FrontierItem(url, "list", parent=task.url, source=task.source, depth=task.depth + 1)
                for url in page.pages
            ]
        items += [
            FrontierItem(link.url, "notice", parent=task.url, source=task.source, label=link.text)
            for link in page.candidates
            if self.config.select_title(link.text)
        ]
        added = self.frontier.add(items)
        self.stats.bump("discovered", added)
        self.frontier.mark_done(task.url)
        if added:
            self._wake.set()

    def _notice(self, task: Task) -> None:
        ex = None if task.fetched_this_run else self._fetch(task)
        if ex is not None:
            if ex.refused:
                self._refused(task, ex)
                return
            self.stats.bump("notice_pages")
            if ex.not_modified:
                self.stats.bump("not_modified")
        outcome = self.handler.notice(task, ex, self._fetch_attachment)
        if outcome.state == "error":
            message = outcome.note or (ex.describe() if ex is not None else task.url)
            self.stats.error(message)
            self.frontier.mark_error(task.url, message)
        else:
            self.frontier.mark_done(task.url, outcome.state, outcome.note)

    def _refused(self, task: Task, ex: Exchange) -> None:
        """Disallowed by robots.txt: skipped for good.  robots.txt unreachable: tried again next run."""
        message = ex.error or "refused"
        if message.startswith(UNREACHABLE):
            self.stats.error(f"{task.url}: {message}")
            self.frontier.mark_error(task.url, message)
        else:
            self.stats.bump("refused")
            self.frontier.mark_done(task.url, "skipped", message)

    def _fetch_attachment(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Exchange:
        ex = self.fetcher.fetch(url, etag=etag, last_modified=last_modified)
        if ex.refused:
            self.stats.bump("refused")
        else:
            self.stats.bump("attachments")
            if ex.not_modified:
                self.stats.bump("not_modified")
        return ex

    def _fetch_robots(self, url: str) -> Exchange:
        ex = self.fetcher.fetch(url, obey_robots=False)
        try:
            self.handler.other(ex, "robots")
        except Exception:
            log.exception("could not keep %s", url)
        return ex
