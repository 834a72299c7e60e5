"""The archive store: one narrow interface, SQLite + WARC behind it.

Everything that writes SQL or WARC lives in this package.  The rest of
gongshi talks to a `Store`; a PostgreSQL store (several crawler workers
sharing one frontier) can implement the same methods.
"""

from __future__ import annotations

import os
from pathlib import Path

from archive.store.documents import Document, DocumentsMixin
from archive.store.notices import NoticesMixin, SaveResult, notice_id_for
from archive.store.records import RecordsMixin

_EXTRA_MIXINS: list[type] = []
try:  # parts built by other modules of the store; optional until they exist
    from archive.store.entities import EntitiesMixin

    _EXTRA_MIXINS.append(EntitiesMixin)
except ImportError:  # pragma: no cover
    pass
try:
    from archive.store.frontier import FrontierMixin

    _EXTRA_MIXINS.append(FrontierMixin)
except ImportError:  # pragma: no cover
    pass


class SQLiteStore(*_EXTRA_MIXINS, NoticesMixin, RecordsMixin, DocumentsMixin):  # type: ignore[misc]
    """The embedded store: `DATA/gongshi.sqlite3` plus `DATA/warc/*.warc.gz`."""


Store = SQLiteStore  # the interface other packages type against


def resolve_data_dir(data: str | Path | None = None) -> Path:
    """--data, else $GONGSHI_DATA, else ./gongshi-data."""
    return Path(data or os.environ.get("GONGSHI_DATA") or "gongshi-data")


def open_store(data: str | Path | None = None) -> SQLiteStore:
    return SQLiteStore(resolve_data_dir(data))


__all__ = ["Document", "SaveResult", "SQLiteStore", "Store", "notice_id_for", "open_store", "resolve_data_dir"]
