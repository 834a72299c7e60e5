"""`gongshi crawl`: crawler → archive.ingest → Services.after_save.

The crawler discovers and fetches; `ArchiveHandler` (`gongshi.crawl_archiving`)
keeps every exchange in the store (WARC + SQLite) and turns notices into
records; the index and entity links follow in batches (`index.updater`).
Exit status 0 whenever the crawl ran, even if some pages failed (they are
counted in the summary, logged to DATA/crawl.log, and tried again by the
next run); 1 for bad arguments.
"""

from __future__ import annotations

import argparse
import sys
import time
from urllib.parse import urlsplit

from archive.cdx import update_cdxj
from archive.errors import BadInput
from crawler import (
    CrawlConfig,
    Crawler,
    FetchConfig,
    FrontierItem,
    Source,
    canonical_url,
    load_sources,
)
from gongshi.crawl_archiving import ArchiveHandler
from gongshi.crawl_progress import Progress, crawl_logging, print_summary
from gongshi.wiring import Services
from index.updater import IndexUpdater

DEFAULT_DELAY = 1.0


def _seeds(args: argparse.Namespace) -> tuple[list[FrontierItem], dict[str, Source], dict]:
    """The list pages to start from (given, else every source's), the sources by address, the settings."""
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


def crawl_config(args: argparse.Namespace, settings: dict) -> CrawlConfig:
    """The command line over the sources file's [crawler] settings over the defaults."""
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
    try:
        with crawl_logging(services.store.data_dir, progress) as log:
            indexer = IndexUpdater(services.store, services.after_save, log=log)
            indexer.flush()  # what a killed crawl saved but never indexed
            handler = ArchiveHandler(services.store, sources, indexer.start())
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
                update_cdxj(services.store.warc.directory)
    finally:
        services.close()
    if indexer.failures:
        stats.error(f"the index could not be updated ({indexer.failures} tries; see crawl.log): "
                    "run `gongshi reindex`")
    print_summary(stats, handler.counts, time.monotonic() - started)
    return 0
