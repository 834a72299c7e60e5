"""From bytes to an archived notice: archive the documents, extract, store.

This is the archive's own entry for new material; the crawler's exchanges
and `gongshi import` both come through here.  It does not touch the search
index: the composition root updates it from the returned `SaveResult`.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from archive.errors import BadInput
from archive.extract import parse_notice
from archive.model import ParsedNotice, SourceDocument
from archive.store import Document, SaveResult, Store

MAX_DOCUMENT_BYTES = 100 * 1024 * 1024


@dataclass
class Fetched:
    """One document as fetched (or read from disk), ready to archive."""

    url: str
    data: bytes
    content_type: str | None
    fetched_at: datetime | None = None
    status: int | None = 200  # None: a local file (WARC resource record)
    reason: str = "OK"
    response_headers: list[tuple[str, str]] | None = None
    request_headers: list[tuple[str, str]] | None = None
    etag: str | None = None
    last_modified: str | None = None
    label: str | None = None  # link text of an attachment

    def source(self) -> SourceDocument:
        return SourceDocument(data=self.data, url=self.url, content_type=self.content_type, filename=self.filename())

    def filename(self) -> str:
        """The file name the address ends in, decoded (附件1.docx, not %E9%99%84…)."""
        return unquote(Path(urlsplit(self.url).path).name)


def archive_document(store: Store, fetched: Fetched) -> Document:
    return store.put_document(
        url=fetched.url,
        data=fetched.data,
        content_type=fetched.content_type,
        fetched_at=fetched.fetched_at,
        status=fetched.status,
        reason=fetched.reason,
        response_headers=fetched.response_headers,
        request_headers=fetched.request_headers,
        etag=fetched.etag,
        last_modified=fetched.last_modified,
    )


def parse_fetched(main: Fetched, attachments: Sequence[Fetched] = ()) -> ParsedNotice:
    parsed = parse_notice(main.source(), [a.source() for a in attachments])
    parsed.url = parsed.url or main.url
    return parsed


def ingest_notice(
    store: Store,
    url: str,
    main: Fetched,
    attachments: Sequence[Fetched] = (),
    parsed: ParsedNotice | None = None,
) -> tuple[SaveResult, ParsedNotice]:
    """Parse first (bad input changes nothing), then archive bytes and records."""
    if parsed is None:
        parsed = parse_fetched(main, attachments)
    main_doc = archive_document(store, main)
    att_docs = [(archive_document(store, a), a.label) for a in attachments]
    result = store.save_notice(url, parsed, main_doc, att_docs)
    return result, parsed


def read_local(path: str | Path, url: str | None = None) -> Fetched:
    """A local file as a `Fetched`, with one-line errors for unreadable paths."""
    p = Path(path)
    if not p.exists():
        raise BadInput(f"{path}: no such file")
    if not p.is_file():
        raise BadInput(f"{path}: not a file")
    size = p.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise BadInput(f"{path}: file is {size // (1024 * 1024)} MB, over the {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB limit")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise BadInput(f"{path}: cannot read ({exc.strerror})") from exc
    ctype = mimetypes.guess_type(p.name)[0]
    return Fetched(url=url or p.resolve().as_uri(), data=data, content_type=ctype, status=None)
