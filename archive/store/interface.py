"""The store's interface: what the rest of gongshi may ask of an archive.

`SQLiteStore` (SQLite + WARC files in one data directory) is the embedded
implementation.  A server store — PostgreSQL for the database, several
crawler workers sharing one frontier — implements these same methods; the
crawler, the linker, the index and the web UI never see SQL or WARC files.

The parts are separate protocols so that a component can name the narrow
slice it needs (the web UI reads; the crawler writes documents and drives
the frontier).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from archive.model import ParsedNotice
from archive.store.documents import Document
from archive.store.notices import SaveResult


@runtime_checkable
class DocumentStore(Protocol):
    """Exact bytes of every page and attachment, with their fetch facts."""

    def put_document(
        self,
        *,
        url: str,
        data: bytes,
        content_type: str | None,
        fetched_at: datetime | None = None,
        status: int | None = 200,
        reason: str = "OK",
        response_headers: list[tuple[str, str]] | None = None,
        request_headers: list[tuple[str, str]] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Document: ...

    def document(self, doc_id: str) -> Document | None: ...

    def latest_document(self, url: str) -> Document | None: ...

    def document_payload(self, doc_id: str) -> bytes | None: ...


@runtime_checkable
class NoticeStore(Protocol):
    """Notices by address, each change kept as a version."""

    def save_notice(
        self,
        url: str,
        parsed: ParsedNotice,
        main: Document | None,
        attachments: Sequence[tuple[Document, str | None]] = (),
    ) -> SaveResult: ...

    def mark_gone(self, url: str) -> bool: ...

    def notice(self, notice_id: str) -> dict[str, Any] | None: ...

    def notice_by_url(self, url: str) -> dict[str, Any] | None: ...


@runtime_checkable
class RecordReader(Protocol):
    """Records in the contract's shape, each with its notice and provenance."""

    def record(self, record_id: str) -> dict[str, Any] | None: ...

    def records_by_ids(self, record_ids: list[str]) -> list[dict[str, Any]]: ...

    def notice_records(self, notice_id: str, version_id: int | None = None) -> list[dict[str, Any]]: ...

    def iter_records(self, batch_size: int = 2000) -> Iterator[dict[str, Any]]: ...

    def count_records(self) -> int: ...


@runtime_checkable
class EntityReader(Protocol):
    """A person's or collective's history, and the judgements made about links."""

    def entity(self, entity_id: str) -> dict[str, Any] | None: ...

    def link_judgements(self) -> list[dict[str, Any]]: ...


@runtime_checkable
class Store(DocumentStore, NoticeStore, RecordReader, EntityReader, Protocol):
    """An archive: documents, notices, records, entities, and its settings."""

    data_dir: Path

    @property
    def index_dir(self) -> Path: ...

    def get_setting(self, key: str, default: str | None = None) -> str | None: ...

    def set_setting(self, key: str, value: str) -> None: ...

    def close(self) -> None: ...
