"""Politeness: one connection and a delay per host, and robots.txt.

Shared by every worker thread of a crawl, so that a host is never asked two
things at once, however many workers (a list page's worker, another
notice's attachments) want it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from protego import Protego

from crawler.exchange import Exchange


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_at: float = 0.0  # monotonic time before which no request may start
    delay: float = 0.0


class HostPacer:
    """Serialises requests per host and spaces them `delay` seconds apart.

    The delay runs from the end of one response to the start of the next
    request, so a slow host is asked less often, never more.  `defer`
    pushes the next request further out (Retry-After, backoff).  `stop`
    cuts every wait short so that an interrupted crawl ends at once.
    """

    def __init__(self, delay: float, stop: threading.Event | None = None) -> None:
        self.delay = delay
        self.stop = stop or threading.Event()
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def _host(self, host: str) -> _Host:
        with self._lock:
            state = self._hosts.get(host)
            if state is None:
                state = self._hosts[host] = _Host(delay=self.delay)
            return state

    def set_delay(self, host: str, delay: float) -> None:
        """A host's own wish (robots.txt Crawl-delay), never below the crawl's delay."""
        state = self._host(host)
        state.delay = max(self.delay, delay)
        # Learnt from the request just made (robots.txt): the next one waits too.
        state.next_at = max(state.next_at, time.monotonic() + state.delay)

    def defer(self, host: str, seconds: float) -> None:
        state = self._host(host)
        state.next_at = max(state.next_at, time.monotonic() + seconds)

    @contextmanager
    def slot(self, host: str) -> Iterator[None]:
        """Hold the host's one connection for a request, after waiting its turn."""
        state = self._host(host)
        with state.lock:
            wait = state.next_at - time.monotonic()
            if wait > 0 and self.stop.wait(wait):
                raise CrawlStopped("crawl stopped")
            try:
                yield
            finally:
                state.next_at = max(state.next_at, time.monotonic() + state.delay)


class CrawlStopped(Exception):
    """The crawl was asked to stop while waiting for a host."""


UNREACHABLE = "robots.txt unreachable"


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.lower()}"


class RobotsRules:
    """robots.txt of every origin, fetched once per crawl and obeyed (RFC 9309).

    4xx: no rules, everything allowed.  5xx or no answer: the host cannot
    say what it allows, so nothing is fetched from it this crawl.
    """

    def __init__(self, fetch: Callable[[str], Exchange], user_agent: str, pacer: HostPacer,
                 max_crawl_delay: float = 30.0) -> None:
        self._fetch = fetch
        self.user_agent = user_agent
        self.pacer = pacer
        self.max_crawl_delay = max_crawl_delay
        self._rules: dict[str, Protego | str | None] = {}  # origin -> rules, reason it's unreachable, or None
        self._locks: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()

    def _origin_lock(self, key: str) -> threading.Lock:
        with self._lock:
            return self._locks.setdefault(key, threading.Lock())

    def _load(self, key: str) -> Protego | str | None:
        with self._origin_lock(key):
            if key in self._rules:
                return self._rules[key]
            ex = self._fetch(key + "/robots.txt")
            rules: Protego | str | None
            if ex.ok:
                rules = Protego.parse(ex.body.decode("utf-8", "replace"))
                delay = rules.crawl_delay(self.user_agent)
                if delay:
                    self.pacer.set_delay(urlsplit(key).netloc, min(float(delay), self.max_crawl_delay))
            elif ex.error is None and ex.status is not None and 400 <= ex.status < 500:
                rules = None
            else:
                rules = f"{UNREACHABLE} ({ex.error or f'HTTP {ex.status}'})"
            self._rules[key] = rules
            return rules

    def refusal(self, url: str) -> str | None:
        """Why `url` may not be fetched, or None if it may."""
        rules = self._load(origin(url))
        if rules is None:
            return None
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(url, self.user_agent):
            return "disallowed by robots.txt"
        return None
