"""`gongshi crawl`: crawler → archive.ingest → Services.after_save.

The crawler discovers and fetches; `ArchiveHandler` keeps every exchange in
the store (WARC + SQLite) and turns notices into records; the index and
entity links follow in batches.  Exit status 0 whenever the crawl ran, even
if some pages failed (they are counted in the summary, logged to
DATA/crawl.log, and tried again by the next run); 1 for bad arguments.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlsplit

from archive.cdx import update_cdxj
from archive.errors import BadInput, GongshiError
from archive.extract import attachment_links as parsed_attachment_links
from archive.extract import read_document
from archive.ingest import Fetched, archive_document, ingest_notice
from archive.store import notice_id_for
from crawler import (
    CrawlConfig,
    Crawler,
    CrawlStats,
    Exchange,
    FetchConfig,
    FetchFn,
    FrontierItem,
    Outcome,
    Source,
    Task,
    attachment_links,
    canonical_url,
    decode_html,
    load_sources,
)
from gongshi.wiring import Services

log = logging.getLogger("gongshi.crawler")
DEFAULT_DELAY = 1.0
INDEX_BATCH = 200  # notices saved between two index updates


def fetched_from(ex: Exchange, label: str | None = None) -> Fetched:
    return Fetched(
        url=ex.url, data=ex.body, content_type=ex.content_type, fetched_at=ex.started_at, status=ex.status,
        reason=ex.reason or "OK", response_headers=ex.response_headers, request_headers=ex.request_headers,
        etag=ex.etag, last_modified=ex.last_modified, label=label,
    )


class ArchiveHandler:
    """Keeps every exchange and turns notices into records (the crawler's `CrawlHandler`)."""

    def __init__(self, services: Services, sources: dict[str, Source], indexer: IndexUpdater) -> None:
        self.services = services
        self.store = services.store
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
        if not_modified and unchanged_main:
            links = list(known.attachments)  # the page is as it was: so are its links
        else:
            links = self._attachment_links(main)
        attachments, problems = self._fetch_attachments(links, fetch)
        if unchanged_main and known.attachment_shas == sorted(_sha(a.data) for a in attachments):
            self.store.touch_notice(url)
            self._count("unchanged")
            return _outcome(problems)
        # Queued first: if the process dies after saving, the next run still indexes it.
        self.store.queue_index(notice_id_for(url))
        try:
            result, parsed = ingest_notice(self.store, url, main, attachments)
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

    def _attachment_links(self, main: Fetched) -> list[tuple[str, str | None]]:
        """The page's attachments as the extractor sees them, and as the crawler does."""
        found: dict[str, str | None] = {}
        try:
            content = read_document(main.source())
            for href, text in parsed_attachment_links(content):
                found.setdefault(canonical_url(href), text or None)
        except GongshiError:
            pass  # an unreadable page: the crawler's own reading may still find links
        if _looks_like_html(main.data):
            for link in attachment_links(main.data, main.url, main.content_type):
                found.setdefault(link.url, link.text or None)
        return [(u, t) for u, t in found.items() if urlsplit(u).scheme in ("http", "https")]

    def _fetch_attachments(
        self, links: list[tuple[str, str | None]], fetch: FetchFn
    ) -> tuple[list[Fetched], list[str]]:
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

    # -- counts and the index --------------------------------------------------------

    def _count(self, name: str, n: int = 1) -> None:
        with self._lock:
            self.counts[name] += n


class IndexUpdater:
    """Links and indexes saved notices in a thread of its own, so that crawling never waits for the index.

    What to index is the store's queue of saved notices (`queue_index`), not
    memory: a crawl killed before its records reached the index has them
    indexed by the next run.  A failure is logged and counted, never fatal:
    the notices stay queued (and `gongshi reindex` rebuilds everything anyway).
    """

    def __init__(self, services: Services, batch: int = INDEX_BATCH) -> None:
        self.services = services
        self.batch = batch
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
                self.flush()

    def flush(self) -> bool:
        store = self.services.store
        with self._flush_lock:
            while True:
                pending = store.pending_index(1000)
                if not pending:
                    return True
                try:
                    self.services.after_save([p for p in pending if p.version_id is not None])
                except Exception:
                    log.exception("index update failed; the notices stay queued")
                    self.failures += 1
                    return False
                store.clear_pending_index([p.notice_id for p in pending])

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


# -- the command -----------------------------------------------------------------


def _seeds(args: argparse.Namespace) -> tuple[list[FrontierItem], dict[str, Source], dict]:
    sources = load_sources(args.sources)
    by_url = {canonical_url(s.url): s for s in sources.sources}
    if args.urls:
        urls = []
        for raw in args.urls:
            if urlsplit(raw).scheme not in ("http", "https") or not urlsplit(raw).netloc:
                raise BadInput(f"{raw}: not an http(s) address")
            urls.append(canonical_url(raw))
    else:
        urls = list(by_url)
        if not urls:
            raise BadInput("no URL given and the sources file names no source")
    return [FrontierItem(u, "list", source=u) for u in urls], by_url, sources.settings


class Progress:
    """A progress bar on a terminal (tqdm), nothing otherwise."""

    def __init__(self, store, enabled: bool) -> None:
        self.store = store
        self.bar = None
        self._last = 0.0
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=0, unit="page", file=sys.stderr, dynamic_ncols=True, leave=False)

    def __call__(self, stats: CrawlStats) -> None:
        if self.bar is None or time.monotonic() - self._last < 0.3:
            return
        self._last = time.monotonic()
        done = stats.pages
        self.bar.total = done + self.store.pending_count()
        self.bar.n = done
        self.bar.set_postfix_str(f"notices {stats.notice_pages}, errors {len(stats.errors)}", refresh=False)
        self.bar.refresh()

    def write(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=sys.stderr)
        else:
            print(line, file=sys.stderr)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _ProgressLogHandler(logging.Handler):
    def __init__(self, progress: Progress) -> None:
        super().__init__(logging.WARNING)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        self.progress.write(f"gongshi crawl: {record.getMessage()}")


def _setup_logging(services: Services, progress: Progress) -> list[logging.Handler]:
    file_handler = logging.FileHandler(services.store.data_dir / "crawl.log", encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(message)s"))
    file_handler.setLevel(logging.INFO)
    screen = _ProgressLogHandler(progress)
    log.addHandler(file_handler)
    log.addHandler(screen)
    log.setLevel(logging.INFO)
    log.propagate = False
    return [file_handler, screen]


def summary_line(stats: CrawlStats, counts: Counter[str], seconds: float) -> str:
    return (
        f"{stats.pages} pages ({stats.list_pages} lists, {stats.notice_pages} notices, {stats.attachments} "
        f"attachments; {stats.not_modified} answered 304 Not Modified); notices: {counts['new']} new, "
        f"{counts['changed']} changed, {counts['unchanged']} unchanged, {counts['gone']} gone; records: "
        f"{counts['records_new']} new, {counts['records_changed']} in changed notices "
        f"({counts['records_withdrawn']} withdrawn); {len(stats.errors)} errors; {seconds:.1f} s"
    )


def crawl_config(args: argparse.Namespace, settings: dict) -> CrawlConfig:
    delay = args.delay if args.delay is not None else float(settings.get("delay", DEFAULT_DELAY))
    if delay < 0:
        raise BadInput("--delay must be 0 or more seconds")
    if args.max_pages is not None and args.max_pages < 1:
        raise BadInput("--max-pages must be at least 1")
    fetch = FetchConfig(delay=delay)
    for key in ("user_agent", "connect_timeout", "read_timeout", "max_seconds", "max_bytes", "retries",
                "backoff", "max_retry_after", "max_redirects"):
        if key in settings:
            setattr(fetch, key, type(getattr(fetch, key))(settings[key]))
    config = CrawlConfig(fetch=fetch, max_pages=args.max_pages)
    for key in ("max_list_depth", "max_list_pages_per_host", "max_workers"):
        if key in settings:
            setattr(config, key, int(settings[key]))
    return config


def run_crawl(args: argparse.Namespace) -> int:
    seeds, sources, settings = _seeds(args)
    config = crawl_config(args, settings)
    services = Services(args.data)
    progress = Progress(services.store, sys.stderr.isatty())
    handlers = _setup_logging(services, progress)
    indexer = IndexUpdater(services)
    indexer.flush()  # what a killed crawl saved but never indexed
    handler = ArchiveHandler(services, sources, indexer.start())
    started = time.monotonic()
    crawler = Crawler(services.store, handler, config, progress=progress)
    try:
        stats = crawler.run(seeds, refresh=args.refresh)
        indexer.close()
    except BaseException:  # interrupted: what was saved gets indexed by the next crawl
        indexer.stop()
        raise
    finally:
        progress.close()
        try:
            update_cdxj(services.store.warc.directory)
        finally:
            for h in handlers:
                log.removeHandler(h)
                h.close()
            services.close()
    if indexer.failures:
        stats.error(f"the index could not be updated ({indexer.failures} tries; see crawl.log): "
                    "run `gongshi reindex`")
    print(f"gongshi crawl: {summary_line(stats, handler.counts, time.monotonic() - started)}", file=sys.stderr)
    for message in stats.errors[:20]:
        print(f"  error: {message}", file=sys.stderr)
    if len(stats.errors) > 20:
        print(f"  … and {len(stats.errors) - 20} more (see crawl.log)", file=sys.stderr)
    return 0
