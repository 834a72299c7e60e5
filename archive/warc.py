"""WARC files: where every fetched or imported byte is kept.

Each WARC record is one gzip member, and the records of one exchange
(request, then response or revisit) are appended with a single write and
flushed to the OS before the database is told where they are.  So:

* a write cut short by a crash damages at most the exchange being written;
  before anything new is appended to a file, its tail is cut back to the end
  of the last exchange the database knows of (or, for a file the database has
  no account of, to the last complete gzip member);
* an exchange written but never recorded (the process was killed between the
  WARC write and the database commit) is cut off the same way, so a resumed
  crawl writes it once, not twice.

Durability matches the database's (SQLite WAL, synchronous=NORMAL): the
file is fsynced by the first write `sync_interval` seconds after the last
fsync, and when it is closed or rotated, not after every record (which
cost 6-8 ms a record here).  A power failure may lose the last moments of
both; it cannot tear an earlier record.

Every writer appends to a file it holds an exclusive `flock` on, so two
processes never append to the same file: the second starts a file of its own.
Files rotate at a size limit.  The database only stores (file, offset,
length) pointers into these files.  Anything that writes records here must
record their pointers in the database, or they count as a crash's leftovers.
"""

from __future__ import annotations

import fcntl
import io
import logging
import os
import threading
import time
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

log = logging.getLogger("gongshi.archive")

DEFAULT_ROTATE_BYTES = 512 * 1024 * 1024
WARC_GLOB = "gongshi-*.warc.gz"
# Level 6 is zlib's default: level 9 (warcio's) costs twice the time for ~1% smaller files.
GZIP_LEVEL = 6
SERVER_NOT_MODIFIED = "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
# Headers that describe the wire, not the body we keep (which is decoded and whole).
_WIRE_HEADERS = ("transfer-encoding", "content-encoding", "content-length")

# committed_end(filename) -> end offset of the last exchange the database knows
# of in that file, or None when the database has no account of the file.
CommittedEnd = Callable[[str], "int | None"]
# on_append(filename, offset): the writer starts appending to filename at offset.
OnAppend = Callable[[str, int], None]


@dataclass(frozen=True)
class WarcPointer:
    """Where a record lives: file name (relative to the WARC dir), offset, length."""

    filename: str
    offset: int
    length: int

    @property
    def end(self) -> int:
        return self.offset + self.length


def warc_date(when: datetime) -> str:
    """WARC/1.1 dates may carry fractions of a second; whole seconds replay everywhere."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def wire_free_headers(headers: Sequence[tuple[str, str]], body_length: int) -> list[tuple[str, str]]:
    """Response headers made true of the decoded body we keep."""
    kept = [(k, v) for k, v in headers if k.lower() not in _WIRE_HEADERS]
    kept.append(("Content-Length", str(body_length)))
    return kept


class WarcStore:
    """Append-only WARC/1.1 files in one directory, safe to share between threads.

    `committed_end` and `on_append` let the database that points into these
    files take part in crash recovery (see the module docstring); without
    them only torn gzip members are cut.
    """

    def __init__(
        self,
        directory: Path,
        rotate_bytes: int = DEFAULT_ROTATE_BYTES,
        *,
        sync_interval: float = 1.0,
        committed_end: CommittedEnd | None = None,
        on_append: OnAppend | None = None,
    ) -> None:
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.rotate_bytes = rotate_bytes
        self.sync_interval = sync_interval
        self._synced_at = 0.0
        self.committed_end = committed_end
        self.on_append = on_append
        self._lock = threading.Lock()
        self._fh: io.BufferedWriter | None = None
        self._path: Path | None = None
        self._started = False  # recovery runs once, before this writer's first append

    # -- choosing the file to append to ----------------------------------

    def _writable(self) -> tuple[io.BufferedWriter, Path]:
        """The locked file to append to, opened (and recovered) on first use."""
        if self._fh is not None and self._path is not None:
            if self._fh.tell() < self.rotate_bytes:
                return self._fh, self._path
            self._release()
        existing = self.files()
        if existing and not self._started:
            # Only the newest file can hold a crash's leftovers; once this
            # writer has appended anything, it never reopens a file (an
            # exchange of its own may be written but not yet recorded).
            self._started = True
            fh = _lock_or_none(existing[-1])
            if fh is not None:
                self._recover(fh, existing[-1].name)
                if fh.tell() < self.rotate_bytes:
                    return self._adopt(fh, existing[-1])
                _unlock(fh)
        self._started = True
        return self._adopt(*self._create())

    def _recover(self, fh: io.BufferedWriter, name: str) -> None:
        """Cut whatever a crashed writer left after the last recorded exchange."""
        size = fh.seek(0, os.SEEK_END)
        end = self.committed_end(name) if self.committed_end else None
        if end is None:
            with open(self.directory / name, "rb") as reader:
                end = sound_length(reader)
        if end < size:
            fh.truncate(end)
            os.fsync(fh.fileno())
        elif end > size:
            # Only a power failure within `sync_interval` of the last writes can do this.
            log.error("%s: the database points %d bytes past the end of the file", name, end - size)
        fh.seek(0, os.SEEK_END)

    def _create(self) -> tuple[io.BufferedWriter, Path]:
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        serial = len(self.files())
        while True:
            path = self.directory / f"gongshi-{stamp}-{serial:05d}.warc.gz"
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                serial += 1
                continue
            fh = os.fdopen(fd, "wb")
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            return fh, path  # type: ignore[return-value]

    def _adopt(self, fh: io.BufferedWriter, path: Path) -> tuple[io.BufferedWriter, Path]:
        self._fh = fh
        self._path = path
        if self.on_append is not None:
            self.on_append(self._path.name, fh.tell())
        return fh, self._path

    def sync(self) -> None:
        """Put everything appended so far on disk."""
        with self._lock:
            if self._fh is not None:
                os.fsync(self._fh.fileno())
                self._synced_at = time.monotonic()

    def _release(self) -> None:
        if self._fh is not None:
            os.fsync(self._fh.fileno())
            _unlock(self._fh)
        self._fh = None
        self._path = None

    def close(self) -> None:
        with self._lock:
            self._release()

    # -- writing ---------------------------------------------------------

    def _append(self, records: Sequence[ArcWarcRecord]) -> list[WarcPointer]:
        """Write records as consecutive gzip members in one write; pointers to each."""
        members = [_gzip_member(r) for r in records]
        with self._lock:
            fh, path = self._writable()
            offset = fh.tell()
            pointers = []
            for member in members:
                pointers.append(WarcPointer(path.name, offset, len(member)))
                offset += len(member)
            fh.write(b"".join(members))
            fh.flush()  # in the OS from here on: a killed process loses nothing
            now = time.monotonic()
            if now - self._synced_at >= self.sync_interval:
                os.fsync(fh.fileno())
                self._synced_at = now
        return pointers

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
        """Append one HTTP exchange: a request record (if its headers are known), then the response.

        Returns the pointer to the response record, the one replay tools look up.
        """
        headers = wire_free_headers(response_headers or [("Content-Type", "application/octet-stream")], len(body))
        http = StatusAndHeaders(f"{status} {reason}", headers, protocol="HTTP/1.1")
        date = warc_date(fetched_at)
        resp = _builder().create_warc_record(
            url, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
        records = [resp]
        if request_headers is not None:
            records.insert(0, _request_record(url, method, request_headers, date, resp))
        return self._append(records)[-1]

    def write_resource(self, *, url: str, body: bytes, content_type: str, fetched_at: datetime) -> WarcPointer:
        """Append a resource record: a document that came from disk, not HTTP."""
        rec = _builder().create_warc_record(
            url, "resource", payload=io.BytesIO(body), length=len(body), warc_content_type=content_type,
            warc_headers_dict={"WARC-Date": warc_date(fetched_at)},
        )
        return self._append([rec])[0]

    def write_revisit(
        self,
        *,
        url: str,
        fetched_at: datetime,
        refers_to_date: datetime | str | None,
        payload_digest: str | None,
        status: int = 304,
        reason: str = "Not Modified",
        response_headers: list[tuple[str, str]] | None = None,
        request_headers: list[tuple[str, str]] | None = None,
    ) -> WarcPointer:
        """Append a revisit record: the server said the document is unchanged (304).

        Profile server-not-modified (WARC/1.1 §6.7.3): the payload is the one
        archived at `refers_to_date`, whose digest `payload_digest` names.
        """
        http = StatusAndHeaders(f"{status} {reason}", list(response_headers or []), protocol="HTTP/1.1")
        date = warc_date(fetched_at)
        warc_headers = {
            "WARC-Date": date,
            "WARC-Profile": SERVER_NOT_MODIFIED,
            "WARC-Refers-To-Target-URI": url,
        }
        if refers_to_date is not None:
            warc_headers["WARC-Refers-To-Date"] = (
                refers_to_date if isinstance(refers_to_date, str) else warc_date(refers_to_date)
            )
        if payload_digest:
            warc_headers["WARC-Payload-Digest"] = payload_digest
        rec = _builder().create_warc_record(
            url, "revisit", payload=io.BytesIO(b""), length=0, http_headers=http, warc_headers_dict=warc_headers
        )
        records = [rec]
        if request_headers is not None:
            records.insert(0, _request_record(url, "GET", request_headers, date, rec))
        return self._append(records)[-1]

    # -- reading ---------------------------------------------------------

    def _record_bytes(self, pointer: WarcPointer) -> bytes:
        with open(self.directory / pointer.filename, "rb") as fh:
            fh.seek(pointer.offset)
            return fh.read(pointer.length)

    def read_payload(self, pointer: WarcPointer) -> bytes:
        """The payload bytes (HTTP body, or resource content) of one record."""
        for record in ArchiveIterator(io.BytesIO(self._record_bytes(pointer))):
            return record.content_stream().read()
        raise OSError(f"no WARC record at {pointer.filename}:{pointer.offset}")

    def read_headers(self, pointer: WarcPointer) -> dict[str, str]:
        """The WARC headers of one record (e.g. its payload digest and date)."""
        for record in ArchiveIterator(io.BytesIO(self._record_bytes(pointer))):
            return dict(record.rec_headers.headers)
        raise OSError(f"no WARC record at {pointer.filename}:{pointer.offset}")

    def files(self) -> list[Path]:
        return sorted(self.directory.glob(WARC_GLOB))


# -- helpers ---------------------------------------------------------------


def _builder() -> WARCWriter:
    # Used only to build records (ids, digests); _gzip_member serialises them.
    return WARCWriter(io.BytesIO(), gzip=False, warc_version="WARC/1.1")


def _gzip_member(record: ArcWarcRecord) -> bytes:
    plain = io.BytesIO()
    WARCWriter(plain, gzip=False, warc_version="WARC/1.1").write_record(record)
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(plain.getvalue()) + compressor.flush()


def _request_record(
    url: str, method: str, headers: list[tuple[str, str]], date: str, concurrent: ArcWarcRecord
) -> ArcWarcRecord:
    http = StatusAndHeaders(f"{method} {request_target(url)} HTTP/1.1", headers, protocol="HTTP/1.1",
                            is_http_request=True)
    return _builder().create_warc_record(
        url, "request", payload=io.BytesIO(b""), length=0, http_headers=http,
        warc_headers_dict={
            "WARC-Date": date,
            "WARC-Concurrent-To": concurrent.rec_headers.get_header("WARC-Record-ID"),
        },
    )


def request_target(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _lock_or_none(path: Path) -> io.BufferedWriter | None:
    """Open `path` for appending if no other writer holds it."""
    fh = open(path, "r+b")  # noqa: SIM115 - kept open while we append
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.close()
        return None
    return fh  # type: ignore[return-value]


def _unlock(fh: io.BufferedWriter) -> None:
    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
    finally:
        fh.close()


def sound_length(fh: io.BufferedReader, chunk_size: int = 1 << 20) -> int:
    """Bytes from the start of `fh` up to the end of its last complete gzip member.

    Streams the file in chunks with bounded output buffers: linear time and
    constant memory, however large the file.
    """
    good_end = 0  # end of the last complete member
    consumed = 0  # compressed bytes fed to finished or current members
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    while True:
        data = fh.read(chunk_size)
        if not data:
            return good_end
        while data:
            try:
                inflater.decompress(data, 1 << 16)
            except zlib.error:
                return good_end
            if inflater.eof:
                used = len(data) - len(inflater.unused_data)
                consumed += used
                good_end = consumed
                data = inflater.unused_data
                inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            else:
                rest = inflater.unconsumed_tail
                consumed += len(data) - len(rest)
                data = rest


def truncate_torn_tail(path: Path) -> int:
    """Cut a partially written last gzip member, left by a crash, off the file.

    Returns the number of bytes cut.
    """
    with open(path, "rb") as fh:
        size = fh.seek(0, os.SEEK_END)
        fh.seek(0)
        end = sound_length(fh)
    if end < size:
        with open(path, "r+b") as fh:
            fh.truncate(end)
    return size - end
