"""The archive store: one narrow interface, SQLite + WARC behind it.

Everything that writes SQL or WARC lives in this package.  The rest of
gongshi talks to a `Store`; a PostgreSQL store (several crawler workers
sharing one frontier) can implement the same methods.
"""

from __future__ import annotations

import os
from pathlib import Path

from archive.store.crawl_log import CrawlLogMixin
from archive.store.documents import Document, DocumentsMixin
from archive.store.entities import EntitiesMixin
from archive.store.frontier import FrontierMixin
from archive.store.interface import DocumentStore, EntityReader, NoticeStore, RecordReader, Store
from archive.store.notices import NoticesMixin, SaveResult, notice_id_for
from archive.store.records import RecordsMixin


class SQLiteStore(EntitiesMixin, FrontierMixin, CrawlLogMixin, NoticesMixin, RecordsMixin, DocumentsMixin):
    """The embedded store: `DATA/gongshi.sqlite3` plus `DATA/warc/*.warc.gz`."""


def resolve_data_dir(data: str | Path | None = None) -> Path:
    """--data, else $GONGSHI_DATA, else ./gongshi-data."""
    return Path(data or os.environ.get("GONGSHI_DATA") or "gongshi-data")


def open_store(data: str | Path | None = None) -> SQLiteStore:
    return SQLiteStore(resolve_data_dir(data))


__all__ = [
    "Document",
    "DocumentStore",
    "EntityReader",
    "NoticeStore",
    "RecordReader",
    "SaveResult",
    "SQLiteStore",
    "Store",
    "notice_id_for",
    "open_store",
    "resolve_data_dir",
]
