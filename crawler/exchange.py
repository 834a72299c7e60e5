"""One HTTP exchange as the crawler saw it: what it asked, what came back, when.

The crawler hands these on and keeps nothing: archiving them is the
caller's business.  A redirect chain arrives as the final exchange with the
hops before it in `redirects`, each an exchange of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Exchange:
    """A request and its response (or the reason there is none)."""

    url: str  # the address this response answers (the last hop of a redirect chain)
    request_headers: list[tuple[str, str]]
    started_at: datetime
    status: int | None = None  # None: no response at all (see `error`)
    reason: str = ""
    response_headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    elapsed: float = 0.0  # seconds from sending the request to the end of the body
    error: str | None = None  # why this exchange is unusable (network, size cap, redirect loop, …)
    redirects: list[Exchange] = field(default_factory=list)  # earlier hops, in order
    attempts: int = 1
    method: str = "GET"
    refused: bool = False  # not fetched: robots.txt disallows it, or the host's robots.txt is unreachable

    @property
    def requested_url(self) -> str:
        return self.redirects[0].url if self.redirects else self.url

    def header(self, name: str) -> str | None:
        name = name.lower()
        for k, v in self.response_headers:
            if k.lower() == name:
                return v
        return None

    @property
    def content_type(self) -> str | None:
        return self.header("Content-Type")

    @property
    def etag(self) -> str | None:
        return self.header("ETag")

    @property
    def last_modified(self) -> str | None:
        return self.header("Last-Modified")

    @property
    def ok(self) -> bool:
        """A usable document: 2xx with the whole body."""
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.error is None and self.status == 304

    @property
    def gone(self) -> bool:
        """The server says the document is no more (404 Not Found, 410 Gone)."""
        return self.error is None and self.status in (404, 410)

    def describe(self) -> str:
        """One line for logs and error reports."""
        if self.error:
            return f"{self.requested_url}: {self.error}"
        return f"{self.requested_url}: HTTP {self.status} {self.reason}".rstrip()
