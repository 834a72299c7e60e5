"""Which reader a document needs, from its bytes first.

Attachments arrive with wrong names and types all the time (a .doc that is
HTML saved by Word, an .xls that is really xlsx, ``application/octet-stream``
for everything), so magic bytes decide; the Content-Type and the file name
are used only when the bytes say nothing definite.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from urllib.parse import unquote, urlsplit

FORMATS = ("html", "txt", "csv", "docx", "xlsx", "xls", "pdf", "doc", "rtf", "mht")

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_TAG = re.compile(
    rb"<\s*(!doctype\s+html|html|head|body|meta|title|table|div|p|span|br|font|center|style|script)\b",
    re.I,
)

_BY_EXTENSION = {
    ".html": "html", ".htm": "html", ".shtml": "html", ".xhtml": "html", ".jsp": "html",
    ".asp": "html", ".aspx": "html", ".php": "html",
    ".txt": "txt", ".text": "txt", ".csv": "csv", ".tsv": "txt",
    ".docx": "docx", ".docm": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx",
    ".xls": "xls", ".et": "xls", ".pdf": "pdf", ".doc": "doc", ".wps": "doc",
}
_BY_CONTENT_TYPE = {
    "text/html": "html", "application/xhtml+xml": "html", "text/plain": "txt",
    "text/csv": "csv", "application/csv": "csv", "application/pdf": "pdf", "application/x-pdf": "pdf",
    "application/msword": "doc", "application/vnd.ms-word": "doc",
    "application/vnd.ms-excel": "xls", "application/x-excel": "xls", "application/x-xls": "xls",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}


def extension_of(filename: str | None, url: str | None = None) -> str:
    """The lower-case extension of a file name, else of a URL's path."""
    for name in (filename, _url_path(url)):
        if name:
            ext = os.path.splitext(name)[1].lower()
            if ext:
                return ext
    return ""


def _url_path(url: str | None) -> str | None:
    if not url:
        return None
    try:
        return unquote(urlsplit(url).path)
    except ValueError:
        return None


def sniff_format(
    data: bytes,
    content_type: str | None = None,
    filename: str | None = None,
    url: str | None = None,
) -> str | None:
    """One of `FORMATS`, or None when nothing identifies the document."""
    head = data[:2048]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, content_type, filename, url)
    if head.startswith(OLE_MAGIC):
        return _sniff_ole(data, content_type, filename, url)
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if _looks_like_html(head):
        return "html"
    if head.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if _looks_like_mht(head):
        return "mht"  # Word's "single file web page", often named .doc
    by_hint = _by_hints(content_type, filename, url)
    if by_hint in (None, "txt", "csv"):
        # Plain text has no magic: accept it only if it looks like text.
        return (by_hint or "txt") if _looks_like_text(data) else None
    if by_hint in ("xls", "doc") and _looks_like_text(data):
        # "Excel" exports that are really tab- or comma-separated text, and
        # .doc files that are plain text: both real and common.
        return "csv" if by_hint == "xls" else "txt"
    # The bytes contradict or do not confirm the name: the named format's
    # reader reports the damage ("corrupt pdf …") better than "unknown type".
    return by_hint


def _by_hints(content_type: str | None, filename: str | None, url: str | None) -> str | None:
    if content_type:
        mime = content_type.split(";")[0].strip().lower()
        if mime in _BY_CONTENT_TYPE:
            return _BY_CONTENT_TYPE[mime]
    return _BY_EXTENSION.get(extension_of(filename, url))


def _looks_like_html(head: bytes) -> bool:
    sample = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if sample[:2] in (b"\xff\xfe", b"\xfe\xff"):
        sample = sample[2:].replace(b"\x00", b"")
    elif sample[:1] == b"<" and b"\x00" in sample[:8]:
        sample = sample.replace(b"\x00", b"")
    return _HTML_TAG.search(sample[:1024]) is not None and sample.lstrip()[:1] == b"<"


def _looks_like_mht(head: bytes) -> bool:
    top = head.lstrip()[:1024].lower()
    return (top.startswith(b"mime-version:") or top.startswith(b"from:")
            or top.startswith(b"content-type: multipart/related")) and b"multipart/related" in top


def _looks_like_text(data: bytes) -> bool:
    """No hints at all: plain text if the start has no binary control bytes."""
    sample = data[:4096]
    if not sample:
        return False
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    bad = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return bad == 0


def _sniff_zip(data: bytes, content_type: str | None, filename: str | None, url: str | None) -> str | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # A truncated docx/xlsx: let its reader report the damage by name.
        hint = _by_hints(content_type, filename, url)
        if hint in ("docx", "xlsx"):
            return hint
        if b"word/" in data[:4096]:
            return "docx"
        if b"xl/" in data[:4096]:
            return "xlsx"
        return hint
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return "docx"
    if "xl/workbook.xml" in names or any(n.startswith("xl/") for n in names):
        return "xlsx"
    hint = _by_hints(content_type, filename, url)
    return hint if hint in ("docx", "xlsx") else None


def ole_stream_names(data: bytes) -> set[str]:
    """Names of the streams in an OLE2 compound file ('WordDocument', 'Workbook')."""
    from xlrd import compdoc

    try:
        cd = compdoc.CompDoc(data, logfile=io.StringIO())
    except Exception:  # noqa: BLE001 - any failure means "unreadable directory"
        return set()
    return {d.name for d in cd.dirlist if d.name}


def _sniff_ole(data: bytes, content_type: str | None, filename: str | None, url: str | None) -> str | None:
    names = ole_stream_names(data)
    if "WordDocument" in names:
        return "doc"
    if "Workbook" in names or "Book" in names:
        return "xls"
    hint = _by_hints(content_type, filename, url)
    if hint in ("doc", "xls"):
        return hint
    # Unreadable directory: look for the stream names' UTF-16 spelling.
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    if "Workbook".encode("utf-16-le") in data:
        return "xls"
    return None
