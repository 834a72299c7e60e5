"""What `gongshi crawl` tells its user: a progress bar, warnings, DATA/crawl.log, the summary.

On a terminal a progress bar (tqdm) with warnings printed above it;
otherwise warnings only.  Everything from INFO up goes to DATA/crawl.log.
"""

from __future__ import annotations

import logging
import sys
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from crawler import CrawlStats

CRAWL_LOG = logging.getLogger("gongshi.crawler")  # the crawler's logger: the crawl's log
ERRORS_SHOWN = 20  # the rest are in crawl.log


class PendingCount(Protocol):
    def pending_count(self) -> int: ...


class Progress:
    """A progress bar on a terminal (tqdm), nothing otherwise."""

    def __init__(self, frontier: PendingCount, enabled: bool) -> None:
        self.frontier = frontier
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
        self.bar.total = done + self.frontier.pending_count()
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
    """Warnings on the screen, above the progress bar."""

    def __init__(self, progress: Progress) -> None:
        super().__init__(logging.WARNING)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        self.progress.write(f"gongshi crawl: {record.getMessage()}")


@contextmanager
def crawl_logging(data_dir: Path, progress: Progress) -> Iterator[logging.Logger]:
    """The crawl's log, to DATA/crawl.log and (warnings) the screen, while the crawl runs."""
    file_handler = logging.FileHandler(Path(data_dir) / "crawl.log", encoding="utf-8")
    file_handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(message)s"))
    file_handler.setLevel(logging.INFO)
    handlers = [file_handler, _ProgressLogHandler(progress)]
    for handler in handlers:
        CRAWL_LOG.addHandler(handler)
    CRAWL_LOG.setLevel(logging.INFO)
    CRAWL_LOG.propagate = False
    try:
        yield CRAWL_LOG
    finally:
        for handler in handlers:
            CRAWL_LOG.removeHandler(handler)
            handler.close()


def summary_line(stats: CrawlStats, counts: Counter[str], seconds: float) -> str:
    return (
        f"{stats.pages} pages ({stats.list_pages} lists, {stats.notice_pages} notices, {stats.attachments} "
        f"attachments; {stats.not_modified} answered 304 Not Modified); notices: {counts['new']} new, "
        f"{counts['changed']} changed, {counts['unchanged']} unchanged, {counts['gone']} gone; records: "
        f"{counts['records_new']} new, {counts['records_changed']} in changed notices "
        f"({counts['records_withdrawn']} withdrawn); {len(stats.errors)} errors; {seconds:.1f} s"
    )


def print_summary(stats: CrawlStats, counts: Counter[str], seconds: float) -> None:
    """The summary line and the first errors, on stderr."""
    print(f"gongshi crawl: {summary_line(stats, counts, seconds)}", file=sys.stderr)
    for message in stats.errors[:ERRORS_SHOWN]:
        print(f"  error: {message}", file=sys.stderr)
    if len(stats.errors) > ERRORS_SHOWN:
        print(f"  … and {len(stats.errors) - ERRORS_SHOWN} more (see crawl.log)", file=sys.stderr)
