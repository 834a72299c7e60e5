"""Bad input: every failure is one `BadInput` line, no library exception."""

from __future__ import annotations

import io
import time
import zipfile

import docx
import pytest

from archive.errors import BadInput
from archive.extract.readers import read_document, read_path
from archive.extract.readers.sniff import OLE_MAGIC
from archive.model import SourceDocument


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.add_paragraph("关于拟表彰对象的公示" * 50)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _bad(src: SourceDocument, pattern: str) -> str:
    with pytest.raises(BadInput, match=pattern) as err:
        read_document(src)
    message = str(err.value)
    assert "\n" not in message and len(message) < 300
    return message


def test_empty_file() -> None:
    _bad(SourceDocument(b"", filename="a.docx"), r"^empty ")


def test_truncated_docx() -> None:
    data = _docx_bytes()
    _bad(SourceDocument(data[: len(data) // 2], filename="a.docx"), r"truncated docx")


def test_docx_with_garbage_xml() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document><w:body><w:p>unclosed")
    _bad(SourceDocument(buf.getvalue(), filename="a.docx"), r"docx")


def test_zip_bomb_named_xlsx(tmp_path) -> None:
    path = tmp_path / "bomb.xlsx"
    chunk = bytes(1024 * 1024)
    start = time.monotonic()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(1024):  # 1 GB of zeros, streamed
                member.write(chunk)
    assert path.stat().st_size < 10 * 1024 * 1024
    started_reading = time.monotonic()
    with pytest.raises(BadInput, match=r"^xlsx refused: .*zip bomb") as err:
        read_path(path)
    assert "\n" not in str(err.value)
    assert time.monotonic() - started_reading < 2, "the bomb must be refused before inflating"
    assert started_reading - start < 15


def test_huge_file_refused_before_reading(tmp_path) -> None:
    path = tmp_path / "big.pdf"
    with open(path, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    with pytest.raises(BadInput, match=r"too large: 200 MB is over the 100 MB limit"):
        read_path(path)


def test_size_cap_applies_to_bytes_too() -> None:
    with pytest.raises(BadInput, match=r"too large"):
        read_document(SourceDocument(b"<p>x</p>" * 300, filename="a.html"), max_bytes=1000)


def test_unknown_type() -> None:
    _bad(SourceDocument(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, filename="photo.png"),
         r"^unknown document type: photo\.png")
    _bad(SourceDocument(bytes(range(256)) * 4), r"^unknown document type")
    _bad(SourceDocument(b"Rar!\x1a\x07\x00" + bytes(100), url="http://x.cn/a.rar"),
         r"^unknown document type")


def test_corrupt_ole_xls() -> None:
    _bad(SourceDocument(OLE_MAGIC + bytes(range(256)) * 8, filename="a.xls"), r"xls")


def test_zip_that_is_no_office_document() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    _bad(SourceDocument(buf.getvalue(), filename="attachments.zip"), r"^unknown document type")


def test_missing_file() -> None:
    with pytest.raises(BadInput, match=r"^cannot read "):
        read_path("/nonexistent/dir/a.docx")
