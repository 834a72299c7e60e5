"""WARC files: where every fetched or imported byte is kept.

Each exchange is appended as gzip members (one per WARC record), so a write
cut short by a crash damages at most the record being written; on opening,
a torn tail is cut back to the last complete member before anything new is
appended.  Files rotate at a size limit.  The database only stores
(file, offset, length) pointers into these files.
"""

from __future__ import annotations

import io
import os
import threading
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

DEFAULT_ROTATE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class WarcPointer:
    """Where a record lives: file name (relative to the WARC dir), offset, length."""

    filename: str
    offset: int
    length: int


def warc_date(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class WarcStore:
    """Append-only WARC/1.1 files in one directory, safe to share between threads."""

    def __init__(self, directory: Path, rotate_bytes: int = DEFAULT_ROTATE_BYTES) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.rotate_bytes = rotate_bytes
        self._lock = threading.Lock()
        self._current: Path | None = None

    # -- writing ---------------------------------------------------------

    def _target(self) -> Path:
        """The file to append to: the newest one, unless it is full."""
        if self._current is None:
            existing = sorted(self.directory.glob("gongshi-*.warc.gz"))
            if existing:
                self._current = existing[-1]
                _truncate_torn_tail(self._current)
        if self._current is None or self._current.stat().st_size >= self.rotate_bytes:
            n = len(list(self.directory.glob("gongshi-*.warc.gz")))
            stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
            self._current = self.directory / f"gongshi-{stamp}-{n:05d}.warc.gz"
            self._current.touch()
        return self._current

    def write_exchange(
        self,
        *,
        url: str,
        body: bytes,
        fetched_at: datetime,
        status: int = 200,
        reason: str = "OK",
        response_headers: list[tuple[str, str]] | None = None,
        request_headers: list[tuple[str, str]] | None = None,
        method: str = "GET",
    ) -> WarcPointer:
        """Append a response record (and its request record) for one HTTP exchange.

        Returns the pointer to the response record, the one replay tools look up.
        """
        headers = list(response_headers or [("Content-Type", "application/octet-stream")])
        headers = [(k, v) for k, v in headers if k.lower() not in ("transfer-encoding", "content-encoding")]
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
        headers.append(("Content-Length", str(len(body))))
        http = StatusAndHeaders(f"{status} {reason}", headers, protocol="HTTP/1.1")
        with self._lock:
            path = self._target()
            with open(path, "ab") as fh:
                writer = WARCWriter(fh, gzip=True, warc_version="WARC/1.1")
                date = warc_date(fetched_at)
                resp = writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": date},
                )
                offset = fh.tell()
                writer.write_record(resp)
                length = fh.tell() - offset
                if request_headers is not None:
                    path_qs = _request_target(url)
                    req_http = StatusAndHeaders(
                        f"{method} {path_qs} HTTP/1.1", request_headers, protocol="HTTP/1.1", is_http_request=True
                    )
                    req = writer.create_warc_record(
                        url,
                        "request",
                        payload=io.BytesIO(b""),
                        length=0,
                        http_headers=req_http,
                        warc_headers_dict={
                            "WARC-Date": date,
                            "WARC-Concurrent-To": resp.rec_headers.get_header("WARC-Record-ID"),
                        },
                    )
                    writer.write_record(req)
                fh.flush()
                os.fsync(fh.fileno())
        return WarcPointer(path.name, offset, length)

    def write_resource(self, *, url: str, body: bytes, content_type: str, fetched_at: datetime) -> WarcPointer:
        """Append a resource record: a document that came from disk, not HTTP."""
        with self._lock:
            path = self._target()
            with open(path, "ab") as fh:
                writer = WARCWriter(fh, gzip=True, warc_version="WARC/1.1")
                rec = writer.create_warc_record(
                    url,
                    "resource",
                    payload=io.BytesIO(body),
                    length=len(body),
                    warc_content_type=content_type,
                    warc_headers_dict={"WARC-Date": warc_date(fetched_at)},
                )
                offset = fh.tell()
                writer.write_record(rec)
                length = fh.tell() - offset
                fh.flush()
                os.fsync(fh.fileno())
        return WarcPointer(path.name, offset, length)

    def write_revisit(
        self,
        *,
        url: str,
        fetched_at: datetime,
        refers_to_date: datetime | None,
        payload_digest: str | None,
        status: int = 304,
        response_headers: list[tuple[str, str]] | None = None,
    ) -> WarcPointer:
        """Append a revisit record: the server said the document is unchanged (304)."""
        http = StatusAndHeaders(f"{status} Not Modified", list(response_headers or []), protocol="HTTP/1.1")
        with self._lock:
            path = self._target()
            with open(path, "ab") as fh:
                writer = WARCWriter(fh, gzip=True, warc_version="WARC/1.1")
                warc_headers = {
                    "WARC-Date": warc_date(fetched_at),
                    "WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/server-not-modified",
                    "WARC-Refers-To-Target-URI": url,
                }
                if refers_to_date is not None:
                    warc_headers["WARC-Refers-To-Date"] = warc_date(refers_to_date)
                if payload_digest:
                    warc_headers["WARC-Payload-Digest"] = payload_digest
                rec = writer.create_warc_record(
                    url, "revisit", payload=io.BytesIO(b""), length=0, http_headers=http,
                    warc_headers_dict=warc_headers,
                )
                offset = fh.tell()
                writer.write_record(rec)
                length = fh.tell() - offset
                fh.flush()
                os.fsync(fh.fileno())
        return WarcPointer(path.name, offset, length)

    # -- reading ---------------------------------------------------------

    def read_payload(self, pointer: WarcPointer) -> bytes:
        """The payload bytes (HTTP body, or resource content) of one record."""
        path = self.directory / pointer.filename
        with open(path, "rb") as fh:
            fh.seek(pointer.offset)
            chunk = fh.read(pointer.length)
        for record in ArchiveIterator(io.BytesIO(chunk)):
            return record.content_stream().read()
        raise OSError(f"no WARC record at {pointer.filename}:{pointer.offset}")

    def files(self) -> list[Path]:
        return sorted(self.directory.glob("gongshi-*.warc.gz"))


def _request_target(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _truncate_torn_tail(path: Path) -> None:
    """Cut a partially written last gzip member, left by a crash, off the file.

    Walks the file member by member; everything after the last member that
    decompresses completely is dropped, so new records append after sound data.
    """
    size = path.stat().st_size
    if size == 0:
        return
    good_end = 0
    with open(path, "rb") as fh:
        data = fh.read()
    pos = 0
    while pos < len(data):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            d.decompress(data[pos:])
        except zlib.error:
            break
        if not d.eof:
            break
        consumed = len(data) - pos - len(d.unused_data)
        pos += consumed
        good_end = pos
    if good_end < size:
        with open(path, "r+b") as fh:
            fh.truncate(good_end)
