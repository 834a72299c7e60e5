"""How the parts meet: the store, the entity linker and the search index.

After anything new is archived (crawl, import), its records are linked to
entities and the index is updated incrementally, here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from pathlib import Path
from typing import Any

from archive.store import SaveResult, SQLiteStore, open_store


class Services:
    """The store, with the index and linker opened on first use."""

    def __init__(self, data: str | Path | None = None) -> None:
        self.store: SQLiteStore = open_store(data)

    @cached_property
    def index(self) -> Any:
        from index import open_index

        return open_index(self.store)

    def after_save(self, results: Iterable[SaveResult]) -> None:
        """Link new records to entities, then bring the index up to date."""
        from archive.linking import link_records

        added: list[str] = []
        removed: list[str] = []
        for result in results:
            added.extend(result.added)
            removed.extend(result.removed)
        if not added and not removed:
            return
        link_records(self.store, added)
        if removed:
            self.index.remove(removed)
        if added:
            self.index.add(self.store.records_by_ids(added))

    def close(self) -> None:
        if "index" in self.__dict__:
            self.index.close()
        self.store.close()
