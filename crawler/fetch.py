"""Fetching one address politely: timeouts, retries, caps, redirects, validators.

Every request goes through the host's slot (`HostPacer`): one connection
per host and a delay between requests.  Errors and 5xx are retried with
exponential backoff; 429 and 503 wait as long as Retry-After asks (within
reason).  A response larger than the cap, or slower than the time limit, is
abandoned.  Redirects are followed by hand, each hop checked against
robots.txt and kept as an exchange of its own.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter

from crawler.exchange import Exchange
from crawler.politeness import HostPacer

# Where site owners read about the crawler.  The project has no public address
# yet: `.invalid` (RFC 2606) says so plainly rather than pointing at a page that
# does not exist.  A deployment sets its own `user_agent` in sources.toml.
ABOUT_URL = "https://gongshi.invalid/about"
DEFAULT_USER_AGENT = f"gongshi/0.1 (+{ABOUT_URL}; commendation-notice archive crawler)"  # headers are ASCII
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)


@dataclass
class FetchConfig:
    """How politely and how patiently to fetch."""

    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0  # seconds between requests to one host
    connect_timeout: float = 10.0
    read_timeout: float = 30.0  # silence on the socket
    max_seconds: float = 120.0  # a whole response, however slowly it trickles in
    max_bytes: int = 50 * 1024 * 1024
    retries: int = 2  # attempts after the first, on network errors and 5xx/429
    backoff: float = 2.0  # first wait before a retry; doubles each time
    max_retry_after: float = 120.0  # a longer Retry-After is reported, not waited for
    max_redirects: int = 5
    max_crawl_delay: float = 30.0  # cap on a robots.txt Crawl-delay


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: delta-seconds or an HTTP-date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class Fetcher:
    """GET with politeness; returns an `Exchange`, never raises for the network's failures."""

    def __init__(
        self,
        config: FetchConfig,
        pacer: HostPacer,
        refusal: Callable[[str], str | None] | None = None,
    ) -> None:
        self.config = config
        self.pacer = pacer
        self.refusal = refusal  # robots.txt: why a URL may not be fetched
        self._sessions: dict[str, requests.Session] = {}
        self._lock = threading.Lock()

    def _session(self, host: str) -> requests.Session:
        with self._lock:
            session = self._sessions.get(host)
            if session is None:
                session = requests.Session()
                adapter = HTTPAdapter(pool_connections=1, pool_maxsize=1, max_retries=0)
                session.mount("http://", adapter)
                session.mount("https://", adapter)
                session.headers["User-Agent"] = self.config.user_agent
                session.headers["Accept"] = "text/html,application/xhtml+xml,*/*;q=0.8"
                session.headers["Accept-Language"] = "zh-CN,zh;q=0.9"
                self._sessions[host] = session
            return session

    def close(self) -> None:
        with self._lock:
            for session in self._sessions.values():
                session.close()
            self._sessions.clear()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        obey_robots: bool = True,
    ) -> Exchange:
        """GET `url` (conditionally, given validators), following redirects."""
        extra: dict[str, str] = {}
        if etag:
            extra["If-None-Match"] = etag
        if last_modified:
            extra["If-Modified-Since"] = last_modified
        hops: list[Exchange] = []
        seen = {url}
        current = url
        while True:
            if urlsplit(current).scheme not in ("http", "https"):
                return _failed(current, f"not an http(s) address: {current}", hops)
            if obey_robots and self.refusal is not None:
                reason = self.refusal(current)
                if reason:
                    ex = _failed(current, reason, hops)
                    ex.refused = True
                    return ex
            ex = self._with_retries(current, extra if not hops else {})
            ex.redirects = list(hops)
            location = ex.header("Location")
            if ex.error or ex.status not in REDIRECT_STATUSES or not location:
                return ex
            target = urljoin(current, location.strip()).split("#", 1)[0]
            hops.append(ex)
            if target in seen:
                return _failed(target, f"redirect loop ({len(hops)} hops)", hops)
            if len(hops) > self.config.max_redirects:
                return _failed(target, f"more than {self.config.max_redirects} redirects", hops)
            seen.add(target)
            current = target

    def _with_retries(self, url: str, extra: dict[str, str]) -> Exchange:
        cfg = self.config
        host = urlsplit(url).netloc.lower()
        attempt = 0
        while True:
            ex, retryable = self._once(url, host, extra)
            ex.attempts = attempt + 1
            wait: float | None = None
            if ex.error is None and ex.status in RETRY_STATUSES:
                asked = retry_after_seconds(ex.header("Retry-After")) if ex.status in (429, 503) else None
                if asked is not None and asked > cfg.max_retry_after:
                    ex.error = f"HTTP {ex.status}, asked to retry after {asked:.0f} s"
                    return ex
                wait = asked if asked is not None else cfg.backoff * 2**attempt
            elif ex.error is not None and retryable:
                wait = cfg.backoff * 2**attempt
            if wait is None or attempt >= cfg.retries:
                if ex.error is None and ex.status in RETRY_STATUSES:
                    ex.error = f"HTTP {ex.status} after {attempt + 1} attempts"
                return ex
            self.pacer.defer(host, wait)
            attempt += 1

    def _once(self, url: str, host: str, extra: dict[str, str]) -> tuple[Exchange, bool]:
        """One request; (exchange, whether a failure is worth retrying)."""
        cfg = self.config
        session = self._session(host)
        with self.pacer.slot(host):
            started = datetime.now(UTC)
            t0 = time.monotonic()
            ex = Exchange(url=url, request_headers=[], started_at=started)
            try:
                resp = session.get(
                    url, headers=extra, timeout=(cfg.connect_timeout, cfg.read_timeout),
                    stream=True, allow_redirects=False,
                )
            except requests.Timeout:
                ex.error = "timed out"
                return ex, True
            except requests.ConnectionError as exc:
                ex.error = f"connection failed: {_short(exc)}"
                return ex, True
            except requests.RequestException as exc:
                ex.error = f"request failed: {_short(exc)}"
                return ex, False
            try:
                ex.request_headers = _request_headers(resp.request, host)
                ex.status = resp.status_code
                ex.reason = resp.reason or ""
                ex.response_headers = list(resp.raw.headers.items()) if resp.raw is not None else []
                declared = resp.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > cfg.max_bytes:
                    ex.error = f"response of {int(declared)} bytes is over the {cfg.max_bytes}-byte cap"
                    return ex, False
                chunks = []
                total = 0
                for chunk in resp.iter_content(64 * 1024):
                    total += len(chunk)
                    if total > cfg.max_bytes:
                        ex.error = f"response is over the {cfg.max_bytes}-byte cap"
                        return ex, False
                    if time.monotonic() - t0 > cfg.max_seconds:
                        ex.error = f"response took over {cfg.max_seconds:.0f} s"
                        return ex, False
                    chunks.append(chunk)
                ex.body = b"".join(chunks)
            except requests.RequestException as exc:
                ex.error = f"connection broken while reading: {_short(exc)}"
                return ex, True
            finally:
                ex.elapsed = time.monotonic() - t0
                resp.close()
            return ex, False


def _failed(url: str, error: str, hops: list[Exchange]) -> Exchange:
    return Exchange(url=url, request_headers=[], started_at=datetime.now(UTC), error=error, redirects=list(hops))


def _request_headers(request: requests.PreparedRequest, host: str) -> list[tuple[str, str]]:
    """The headers as sent, with the Host header http.client adds on its own."""
    headers = list(request.headers.items())
    if not any(k.lower() == "host" for k, _ in headers):
        headers.insert(0, ("Host", host))
    return headers


def _short(exc: BaseException) -> str:
    """The innermost reason of a requests/urllib3 error, on one line."""
    reason = exc
    for _ in range(4):
        inner = reason.args[0] if reason.args and isinstance(reason.args[0], BaseException) else None
        inner = inner or getattr(reason, "reason", None)
        if not isinstance(inner, BaseException):
            break
        reason = inner
    text = str(reason).replace("\n", " ")
    return text[:200] or type(reason).__name__
