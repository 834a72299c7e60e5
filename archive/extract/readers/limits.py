"""Guards that run before any parser sees a document.

Parsers (lxml, openpyxl, pdfminer, xlrd) trust their input: a 1 GB member
hidden in a 1 MB .xlsx is inflated in full, a 200 MB upload is read whole.
These checks are cheap (file size, the zip central directory) and turn such
input into one `BadInput` line before any of that happens.
"""

from __future__ import annotations

import io
import os
import zipfile

from archive.errors import BadInput

MAX_DOCUMENT_BYTES = 100 * 1024 * 1024
"""Largest document read at all (bytes on disk / on the wire)."""

MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
"""Largest total uncompressed size of the members of a docx/xlsx.  Sheet XML
inflates 5-10x, so a document at the 100 MB size limit may legitimately hold
~800 MB of XML (it is streamed, never held whole); beyond 1 GB is abuse."""

MAX_COMPRESSION_RATIO = 200
"""Largest uncompressed/compressed ratio of one zip member.  Real xlsx sheet
XML compresses ~10-30x, long runs of empty cells up to ~100x; a zip bomb is
in the thousands (1 GB of zeros deflates ~1000:1)."""

_RATIO_FLOOR = 1024 * 1024
"""Members that inflate to less than this are never judged by ratio: a tiny
highly repetitive styles.xml is harmless."""


def human_size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def check_size(size: int, what: str = "document", limit: int = MAX_DOCUMENT_BYTES) -> None:
    """Refuse an empty document or one over `limit` bytes."""
    if size == 0:
        raise BadInput(f"empty {what}: no bytes to read")
    if size > limit:
        raise BadInput(
            f"{what} too large: {human_size(size)} is over the {human_size(limit)} limit"
        )


def read_file_bytes(path: str | os.PathLike[str], limit: int = MAX_DOCUMENT_BYTES) -> bytes:
    """Read a local file, checking its size *before* reading it."""
    try:
        size = os.stat(path).st_size
    except OSError as exc:
        raise BadInput(f"cannot read {os.fspath(path)}: {exc.strerror or exc}") from None
    check_size(size, f"file {os.path.basename(os.fspath(path))}", limit)
    with open(path, "rb") as f:
        data = f.read(limit + 1)
    check_size(len(data), f"file {os.path.basename(os.fspath(path))}", limit)
    return data


def open_checked_zip(data: bytes, fmt: str) -> zipfile.ZipFile:
    """Open `data` as a zip after checking its central directory for bombs.

    Only the directory is read here (declared sizes); the parsers that follow
    read members through zipfile, which stops at the declared size, so a member
    cannot inflate beyond what was checked.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise BadInput(f"corrupt or truncated {fmt}: not a readable zip ({_one_line(exc)})") from None
    total = 0
    for info in infos:
        total += info.file_size
        if total > MAX_UNZIPPED_BYTES:
            raise BadInput(
                f"{fmt} refused: members unpack to more than {human_size(MAX_UNZIPPED_BYTES)} "
                "(zip bomb?)"
            )
        if info.file_size > _RATIO_FLOOR and info.compress_size > 0:
            ratio = info.file_size / info.compress_size
            if ratio > MAX_COMPRESSION_RATIO:
                raise BadInput(
                    f"{fmt} refused: member {info.filename} compresses {ratio:.0f}:1 (zip bomb?)"
                )
        elif info.file_size > _RATIO_FLOOR and info.compress_size == 0:
            raise BadInput(f"{fmt} refused: member {info.filename} has no compressed data")
    return zf


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else type(exc).__name__
