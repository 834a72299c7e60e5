"""Document readers: bytes of any format → format-free `DocumentContent`.

    from archive.extract.readers import read_document
    content = read_document(SourceDocument(data, url=..., content_type=..., filename=...))

`read_document` sniffs the format (magic bytes first, then Content-Type and
file name), applies the size and zip-bomb limits, and runs one reader.  Every
failure leaves as a one-line `archive.errors.BadInput` naming the format;
no library exception escapes.

Formats: html (lxml), txt and csv (tab/space/comma columns → tables), docx
(document.xml streamed with lxml: text boxes, nested tables, merged cells),
xlsx (sheet XML streamed with lxml, number formats applied), xls (xlrd), pdf
(pdfplumber, page by page), doc (antiword), and the disguises real sites use:
rtf and mht under a .doc name, html or text under an .xls name.

Locations: ``paragraph N`` / ``table N`` in document order; ``sheet NAME`` for
spreadsheets; ``page P paragraph N`` / ``page P table N`` for pdf, where a
table continued over page breaks is one Table named by its first page.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from archive.errors import BadInput, GongshiError
from archive.model import DocumentContent, SourceDocument

from .limits import MAX_DOCUMENT_BYTES, check_size, read_file_bytes
from .sniff import FORMATS, sniff_format

__all__ = ["FORMATS", "read_document", "read_path", "sniff_format"]


def _read_html(src: SourceDocument) -> DocumentContent:
    from .html import read_html

    return read_html(src.data, src.url, src.content_type)


def _read_txt(src: SourceDocument) -> DocumentContent:
    from .decode import decode_bytes
    from .text import read_text

    text, encoding = decode_bytes(src.data, src.content_type)
    return DocumentContent(blocks=read_text(text), encoding=encoding)


def _read_csv(src: SourceDocument) -> DocumentContent:
    """.csv files, and text saved under an .xls name: comma-separated if
    the lines agree on it, else read as plain text (tab-separated)."""
    from .decode import decode_bytes
    from .text import looks_like_csv, read_csv, read_text

    text, encoding = decode_bytes(src.data, src.content_type)
    blocks = read_csv(text) if looks_like_csv(text) else read_text(text)
    return DocumentContent(blocks=blocks, encoding=encoding)


def _read_docx(src: SourceDocument) -> DocumentContent:
    from .docx import read_docx

    return read_docx(src.data)


def _read_xlsx(src: SourceDocument) -> DocumentContent:
    from .xlsx import read_xlsx

    return read_xlsx(src.data)


def _read_xls(src: SourceDocument) -> DocumentContent:
    from .xls import read_xls

    return read_xls(src.data)


def _read_pdf(src: SourceDocument) -> DocumentContent:
    from .pdf import read_pdf

    return read_pdf(src.data)


def _read_doc(src: SourceDocument) -> DocumentContent:
    from .doc import read_doc

    return read_doc(src.data)


def _read_rtf(src: SourceDocument) -> DocumentContent:
    from .rtf import read_rtf

    return read_rtf(src.data)


def _read_mht(src: SourceDocument) -> DocumentContent:
    from .mht import read_mht

    return read_mht(src.data, src.url)


_READERS: dict[str, Callable[[SourceDocument], DocumentContent]] = {
    "html": _read_html,
    "txt": _read_txt,
    "csv": _read_csv,
    "docx": _read_docx,
    "xlsx": _read_xlsx,
    "xls": _read_xls,
    "pdf": _read_pdf,
    "doc": _read_doc,
    "rtf": _read_rtf,
    "mht": _read_mht,
}


def read_document(src: SourceDocument, max_bytes: int = MAX_DOCUMENT_BYTES) -> DocumentContent:
    """Read a document of any supported format into blocks in reading order."""
    check_size(len(src.data), _describe(src), max_bytes)
    fmt = sniff_format(src.data, src.content_type, src.filename, src.url)
    if fmt is None:
        raise BadInput(f"unknown document type: {_describe(src)} is not html, txt, docx, doc, "
                       "xlsx, xls or pdf")
    try:
        return _READERS[fmt](src)
    except GongshiError:
        raise
    except MemoryError:
        raise BadInput(f"cannot read {fmt}: {_describe(src)} needs too much memory") from None
    except RecursionError:
        raise BadInput(f"cannot read {fmt}: {_describe(src)} is nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - library errors become one line
        detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
        raise BadInput(f"cannot read {fmt}: {_describe(src)} is corrupt ({detail})") from None


def read_path(
    path: str | os.PathLike[str],
    url: str | None = None,
    content_type: str | None = None,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> DocumentContent:
    """Read a local file, refusing one over `max_bytes` before reading it."""
    data = read_file_bytes(path, max_bytes)
    src = SourceDocument(data, url=url, content_type=content_type,
                         filename=os.path.basename(os.fspath(path)))
    return read_document(src, max_bytes)


def _describe(src: SourceDocument) -> str:
    if src.filename:
        return src.filename
    if src.url:
        return src.url
    return "document"
