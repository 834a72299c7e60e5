"""The crawler's exchanges, kept in the archive: the `CrawlHandler` that `gongshi crawl` gives the crawler.

Every exchange is archived (WARC + SQLite); a notice page is fetched with
its attachments and goes through `archive.ingest` to become records.  This
adapter lives in the composition root because it knows both sides: the
crawler's types (`Exchange`, `Task`) and the archive's (`Fetched`, the
store); neither package may import the other.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from urllib.parse import urlsplit

from archive.errors import GongshiError
from archive.extract import attachment_links as parsed_attachment_links
from archive.extract import read_document
from archive.ingest import Fetched, archive_document, ingest_notice, parse_fetched
from archive.model import ParsedNotice
from archive.store import SQLiteStore, notice_id_for
from crawler import (
    Exchange,
    FetchFn,
    Outcome,
    Source,
    Task,
    attachment_links,
    canonical_url,
    decode_html,
)
from index.updater import IndexUpdater

Links = list[tuple[str, str | None]]  # (url, link text)


def fetched_from(ex: Exchange, label: str | None = None) -> Fetched:
    return Fetched(
        url=ex.url, data=ex.body, content_type=ex.content_type, fetched_at=ex.started_at, status=ex.status,
        reason=ex.reason or "OK", response_headers=ex.response_headers, request_headers=ex.request_headers,
        etag=ex.etag, last_modified=ex.last_modified, label=label,
    )


class ArchiveHandler:
    """Keeps every exchange and turns notices into records (the crawler's `CrawlHandler`)."""

    def __init__(self, store: SQLiteStore, sources: dict[str, Source], indexer: IndexUpdater) -> None:
        self.store = store
        self.sources = sources
        self.indexer = indexer
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()

    # -- exchanges that are not documents --------------------------------------

    def _keep_response(self, ex: Exchange) -> None:
        """A redirect, an error page, robots.txt: archived, not a document."""
        if ex.status is None:
            return
        self.store.archive_exchange(
            url=ex.url, body=ex.body, fetched_at=ex.started_at, status=ex.status, reason=ex.reason,
            response_headers=ex.response_headers, request_headers=ex.request_headers,
        )

    def _keep_hops(self, ex: Exchange) -> None:
        for hop in ex.redirects:
            self._keep_response(hop)

    def other(self, ex: Exchange, role: str) -> None:
        self._keep_hops(ex)
        self._keep_response(ex)

    def _archived(self, ex: Exchange, label: str | None = None) -> Fetched | None:
        """After a 304: a revisit record, and the copy archived before."""
        if self.store.latest_document(ex.url) is None:
            return None
        self.store.record_revisit(
            url=ex.url, fetched_at=ex.started_at, response_headers=ex.response_headers,
            request_headers=ex.request_headers, status=ex.status or 304, reason=ex.reason or "Not Modified",
        )
        return self._kept(ex.url, label)

    def _kept(self, url: str, label: str | None = None) -> Fetched | None:
        """The copy archived last, as a `Fetched` (no new record: nothing was asked)."""
        doc = self.store.latest_document(url)
        if doc is None:
            return None
        return Fetched(url=doc.url, data=self.store.document_payload(doc.doc_id) or b"",
                       content_type=doc.content_type, status=doc.status, etag=doc.etag,
                       last_modified=doc.last_modified, label=label)

    def list_page(self, task: Task, ex: Exchange | None) -> bytes | None:
        if ex is None:
            kept = self._kept(task.url)
            return kept.data if kept else None
        self._keep_hops(ex)
        if ex.ok:
            archive_document(self.store, fetched_from(ex))
            return ex.body
        if ex.not_modified:
            kept = self._archived(ex)
            return kept.data if kept else None
        self._keep_response(ex)
        return None

    # -- notices -----------------------------------------------------------------

    def notice(self, task: Task, ex: Exchange | None, fetch: FetchFn) -> Outcome:
        url = task.url
        if ex is None:  # an interrupted attempt of this run fetched it: go on from its copy
            kept = self._kept(url)
            if kept is None:
                return Outcome("error", f"{url}: no archived copy")
            return self._keep_notice(task, kept, fetch, not_modified=False)
        self._keep_hops(ex)
        if ex.gone:
            self._keep_response(ex)
            if self.store.mark_gone(url):
                self._count("gone")
            return Outcome("gone", f"HTTP {ex.status}")
        if ex.ok:
            main = fetched_from(ex)
        elif ex.not_modified and (kept := self._archived(ex)) is not None:
            main = kept
        else:
            self._keep_response(ex)
            return Outcome("error", ex.describe())
        return self._keep_notice(task, main, fetch, not_modified=ex.not_modified)

    def _keep_notice(self, task: Task, main: Fetched, fetch: FetchFn, not_modified: bool) -> Outcome:
        url = task.url
        if _garbled(main.data):
            archive_document(self.store, main)
            return Outcome("error", f"{url}: not a readable page (binary or garbled bytes)")
        known = self.store.current_documents(url)
        unchanged_main = known is not None and known.main_sha == _sha(main.data)
        parsed: ParsedNotice | None = None
        if not_modified and unchanged_main:
            links = list(known.attachments)  # the page is as it was: so are its links
        else:
            links, parsed = self._attachment_links(main, parse=not unchanged_main)
        attachments, problems = self._fetch_attachments(links, fetch)
        if unchanged_main and known.attachment_shas == sorted(_sha(a.data) for a in attachments):
            self.store.touch_notice(url)
            self._count("unchanged")
            return _outcome(problems)
        # Queued first: if the process dies after saving, the next run still indexes it.
        self.store.queue_index(notice_id_for(url))
        try:
            # The page parsed alone is the notice's parse when it came without attachments.
            result, parsed = ingest_notice(self.store, url, main, attachments,
                                           parsed=None if attachments else parsed)
        except GongshiError as exc:
            archive_document(self.store, main)
            for att in attachments:
                archive_document(self.store, att)
            return Outcome("error", f"{url}: cannot read: {exc}")
        source = self.sources.get(task.source or "")
        if source is not None and source.region and not parsed.meta.region:
            self.store.set_region_if_unstated(url, source.region)
        self._count(result.status)
        if result.status == "new":
            self._count("records_new", len(result.added))
        elif result.status == "changed":
            self._count("records_changed", len(result.added))
            self._count("records_withdrawn", len(result.removed))
        if not parsed.is_commendation:
            self._count("not_commendation")
        self.indexer.notify()
        return _outcome(problems)

    def _attachment_links(self, main: Fetched, parse: bool) -> tuple[Links, ParsedNotice | None]:
        """The page's attachments as the extractor sees them, and as the crawler does.

        Reading the page is half of parsing it, so a new or changed page
        (`parse`) that the crawler sees no attachment on is parsed now, once:
        if no attachment is fetched, that parse is the notice's.  A page with
        attachments is only read here; it is parsed with them later.
        """
        found: dict[str, str | None] = {}
        html = _looks_like_html(main.data)
        crawler_links = attachment_links(main.data, main.url, main.content_type) if html else []
        parsed: ParsedNotice | None = None
        try:
            if parse and not crawler_links:
                parsed = parse_fetched(main)
                extractor_links = parsed.attachments
            else:
                extractor_links = parsed_attachment_links(read_document(main.source()))
            for href, text in extractor_links:
                found.setdefault(canonical_url(href), text or None)
        except GongshiError:
            pass  # an unreadable page: the crawler's own reading may still find links
        for link in crawler_links:
            found.setdefault(link.url, link.text or None)
        return [(u, t) for u, t in found.items() if urlsplit(u).scheme in ("http", "https")], parsed

    def _fetch_attachments(self, links: Links, fetch: FetchFn) -> tuple[list[Fetched], list[str]]:
        """Each attachment fetched (conditionally if archived before); problems reported, not fatal.

        An attachment that fails now, or is gone, but was archived before is
        kept from the archive: a flaky server must not withdraw a notice's
        records, and a notice keeps what it once listed.
        """
        attachments: list[Fetched] = []
        problems: list[str] = []
        for href, label in links:
            if self.store.fetched_this_run(href):  # by an interrupted attempt, or for another notice
                kept = self._kept(href, label)
                if kept is not None:
                    attachments.append(kept)
                    continue
            before = self.store.latest_document(href)
            ex = fetch(href, etag=before.etag if before else None,
                       last_modified=before.last_modified if before else None)
            self._keep_hops(ex)
            if ex.ok:
                attachments.append(fetched_from(ex, label))
                continue
            if ex.not_modified and (kept := self._archived(ex, label)) is not None:
                attachments.append(kept)
                continue
            self._keep_response(ex)
            if ex.refused:
                continue
            if not (ex.gone and before is not None):
                problems.append(f"attachment {ex.describe()}")
            if before is not None:
                attachments.append(self._kept(href, label))  # type: ignore[arg-type]
        return attachments, problems

    def _count(self, name: str, n: int = 1) -> None:
        with self._lock:
            self.counts[name] += n


_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"{\\rtf")


def _looks_like_html(data: bytes) -> bool:
    return b"<" in data[:2048] and not data.startswith(_BINARY_MAGIC)


def _garbled(data: bytes) -> bool:
    """Bytes that are no document: served as a page, but binary noise.

    Extraction would read them as text without records and call it a
    decoy; the crawl reports them as the fault they are instead.
    """
    if not data.strip() or data.startswith(_BINARY_MAGIC):
        return False
    text = decode_html(data[:8192])
    bad = sum(1 for c in text if c == "\ufffd" or (c < " " and c not in "\t\n\r\f"))
    return bad > 0.03 * len(text)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _outcome(problems: list[str]) -> Outcome:
    return Outcome("error", "; ".join(problems)) if problems else Outcome("done")
