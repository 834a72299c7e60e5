"""What the views ask of the archive and the index, in one place.

Views never write SQL and never know which search engine runs: they call
these methods, which call the store's and the index's public functions.
Parts of gongshi that are optional at run time (the search index, entity
pages, the candidate check) raise `Unavailable` when they are not installed,
so a page says so plainly instead of failing with a traceback.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from typing import Any

from archive.errors import BadInput, GongshiError

EXPORT_BATCH = 500


class Unavailable(GongshiError):
    """A part of gongshi this page needs is not installed in this build."""


def bad_request_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "the user's parameters are wrong" (HTTP 400)."""
    types: list[type[BaseException]] = [BadInput]
    try:
        from index import BadQuery

        types.append(BadQuery)
    except ImportError:
        pass
    return tuple(types)


class Backend:
    """The store, and the index opened on first use (or handed in)."""

    def __init__(self, store: Any, index: Any = None) -> None:
        self.store = store
        self._index = index
        self._lock = threading.Lock()

    # -- search ------------------------------------------------------------

    @property
    def index(self) -> Any:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    try:
                        from index import open_index
                    except ImportError as exc:
                        raise Unavailable("搜索索引模块尚未安装") from exc
                    self._index = open_index(self.store)
        return self._index

    def search(self, params: Mapping[str, str]) -> dict[str, Any]:
        """The contract's `/api/search` answer; `index.BadQuery` for bad parameters."""
        try:
            from index import search_api
        except ImportError as exc:
            raise Unavailable("搜索功能尚未安装") from exc
        return search_api(self.store, self.index, params)

    def matching_records(self, params: Mapping[str, str]) -> Iterator[dict[str, Any]]:
        """Every record matching a search (not only one page), streamed in batches.

        The index streams the matching ids; the store gives the records, a
        batch at a time, so an export of the whole archive never sits in memory.
        """
        try:
            from index import iter_matching_ids
        except ImportError as exc:
            raise Unavailable("导出功能需要搜索索引，尚未安装") from exc
        self.search(params)  # validates the parameters before the download starts
        chunk: list[str] = []
        for record_id in iter_matching_ids(self.store, self.index, params):
            chunk.append(record_id)
            if len(chunk) >= EXPORT_BATCH:
                yield from self.store.records_by_ids(chunk)
                chunk = []
        if chunk:
            yield from self.store.records_by_ids(chunk)

    # -- the archive -------------------------------------------------------

    def record(self, record_id: str) -> dict[str, Any] | None:
        return self.store.record(record_id)

    def notice(self, notice_id: str) -> dict[str, Any] | None:
        return self.store.notice(notice_id)

    def notice_records(self, notice_id: str) -> list[dict[str, Any]]:
        return self.store.notice_records(notice_id)

    def document(self, doc_id: str) -> Any:
        return self.store.document(doc_id)

    def document_payload(self, doc_id: str) -> bytes | None:
        return self.store.document_payload(doc_id)

    @property
    def has_entities(self) -> bool:
        return callable(getattr(self.store, "entity", None))

    def entity(self, entity_id: str) -> dict[str, Any] | None:
        if not self.has_entities:
            raise Unavailable("人物/单位页面需要实体链接模块，尚未安装")
        return self.store.entity(entity_id)

    def example_ids(self) -> dict[str, str]:
        """Ids of one record that exists here (its entity, notice and document), for the API's examples."""
        record = next(iter(self.store.iter_records(batch_size=1)), None)
        if record is None:
            return {}
        out = {"record_id": record["record_id"], "notice_id": record["notice"]["notice_id"]}
        if record.get("entity_id"):
            out["entity_id"] = record["entity_id"]
        if record.get("archive_url"):
            out["doc_id"] = record["archive_url"].rsplit("/", 1)[-1]
        return out

    # -- candidate check ---------------------------------------------------

    def check(self, candidates: list[dict[str, Any]]) -> dict[str, Any]:
        try:
            from archive.candidates import check_candidates
        except ImportError as exc:
            raise Unavailable("候选人核查模块尚未安装") from exc
        return check_candidates(self.store, candidates)
