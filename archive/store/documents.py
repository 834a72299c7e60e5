"""Documents: the exact bytes of every page and attachment, with their fetch facts."""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from datetime import datetime

from archive.store.base import SQLiteBase, iso, short_hash, utcnow
from archive.warc import WarcPointer


@dataclass(frozen=True)
class Document:
    doc_id: str
    url: str
    fetched_at: str
    content_type: str | None
    sha256: str
    size: int
    status: int | None
    etag: str | None
    last_modified: str | None
    warc_file: str
    warc_offset: int
    warc_length: int

    @property
    def archive_url(self) -> str:
        return f"/archive/{self.doc_id}"

    @property
    def pointer(self) -> WarcPointer:
        return WarcPointer(self.warc_file, self.warc_offset, self.warc_length)

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "url": self.url,
            "fetched": self.fetched_at,
            "content_type": self.content_type,
            "sha256": self.sha256,
            "size": self.size,
            "status": self.status,
            "archive_url": self.archive_url,
            "warc_file": self.warc_file,
            "warc_offset": self.warc_offset,
        }


def _document(row: sqlite3.Row) -> Document:
    return Document(**{k: row[k] for k in row.keys()})


class DocumentsMixin(SQLiteBase):
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
    ) -> Document:
        """Archive one fetched (or imported) document and return its row.

        A document identical to one already archived under the same address is
        not written again (its validators are refreshed).  HTTP exchanges become
        WARC response + request records; local files (no `status`) become WARC
        resource records.
        """
        sha = hashlib.sha256(data).hexdigest()
        doc_id = short_hash(url, sha, prefix="d", length=20)
        existing = self.document(doc_id)
        if existing is not None:
            if etag or last_modified:
                with self.transaction() as db:
                    db.execute(
                        "UPDATE documents SET etag = COALESCE(?, etag), "
                        "last_modified = COALESCE(?, last_modified) WHERE doc_id = ?",
                        (etag, last_modified, doc_id),
                    )
                existing = self.document(doc_id)
            return existing  # type: ignore[return-value]
        when = fetched_at or utcnow()
        if status is None:
            pointer = self.warc.write_resource(
                url=url, body=data, content_type=content_type or "application/octet-stream", fetched_at=when
            )
        else:
            headers = response_headers or [("Content-Type", content_type or "application/octet-stream")]
            pointer = self.warc.write_exchange(
                url=url,
                body=data,
                fetched_at=when,
                status=status,
                reason=reason,
                response_headers=headers,
                request_headers=request_headers,
            )
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO documents(doc_id, url, fetched_at, content_type, sha256, size, status, "
                "etag, last_modified, warc_file, warc_offset, warc_length) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    doc_id, url, iso(when), content_type, sha, len(data), status, etag, last_modified,
                    pointer.filename, pointer.offset, pointer.length,
                ),
            )
        return self.document(doc_id)  # type: ignore[return-value]

    def document(self, doc_id: str) -> Document | None:
        row = self.query_one("SELECT * FROM documents WHERE doc_id = ?", (doc_id,))
        return _document(row) if row else None

    def latest_document(self, url: str) -> Document | None:
        row = self.query_one(
            "SELECT * FROM documents WHERE url = ? ORDER BY fetched_at DESC, rowid DESC LIMIT 1", (url,)
        )
        return _document(row) if row else None

    def document_payload(self, doc_id: str) -> bytes | None:
        """The archived bytes exactly as fetched, read back from the WARC file."""
        doc = self.document(doc_id)
        if doc is None:
            return None
        return self.warc.read_payload(doc.pointer)

    def documents(self) -> list[Document]:
        return [_document(r) for r in self.query("SELECT * FROM documents ORDER BY fetched_at, rowid")]
