"""pdf → blocks with pdfplumber, one page at a time.

Ruled tables come from `find_tables` (cell text wrapped over lines is joined,
CJK without a space: 完玛 / 东主 → 完玛东主; cells covered by a merged cell get
its text).  Text outside tables is cut into lines; wide gaps inside a line
become tabs, so that unruled, column-aligned tables are recognised by the
plain-text reader.  A table that runs over a page break (same number of
columns, only page furniture between) is continued in the *same* `Table`,
whose location names the page where it starts; a header row repeated on
the new page is dropped.
"""

from __future__ import annotations

import io
import re
from typing import Any

from archive.errors import BadInput
from archive.model import DocumentContent, Table

from .blocks import BlockList, join_wrapped, tidy_grid
from .text import read_text

MAX_PAGES = 3000
_FURNITURE_MAX_CHARS = 12  # "- 3 -", "第 3 页": may sit between a table's two halves


def read_pdf(data: bytes) -> DocumentContent:
    import pdfplumber

    if not data.lstrip()[:1024].__contains__(b"%PDF-"):
        raise BadInput("corrupt pdf: no %PDF header")
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds on damaged files
        raise _pdf_error(exc) from None
    out = BlockList()
    try:
        with pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise BadInput(f"pdf too long: {len(pdf.pages)} pages is over the {MAX_PAGES} limit")
            open_table: Table | None = None
            for number, page in enumerate(pdf.pages, 1):
                out.start_page(number)
                try:
                    open_table = _read_page(page, out, open_table)
                finally:
                    page.close()  # frees the page's parsed objects (flush_cache)
    except BadInput:
        raise
    except Exception as exc:  # noqa: BLE001
        raise _pdf_error(exc) from None
    title = None
    info = pdf.metadata or {}
    raw_title = info.get("Title")
    if isinstance(raw_title, str) and raw_title.strip():
        title = raw_title.strip()
    return DocumentContent(blocks=out.blocks, title=title)


def _pdf_error(exc: BaseException) -> BadInput:
    """One line for a pdfminer failure (pdfplumber wraps them in
    PdfminerException, with the original as its argument)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    if isinstance(inner, PDFPasswordIncorrect | PDFEncryptionError) or "password" in str(inner).lower():
        return BadInput("encrypted pdf: it needs a password to open")
    return BadInput(f"corrupt pdf: {_first_line(inner)}")


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def _read_page(page: Any, out: BlockList, open_table: Table | None) -> Table | None:
    """Add the page's blocks in reading order; return the table left open at
    the bottom of the page (a candidate to continue on the next)."""
    page = page.dedupe_chars()  # bold faked by overprinting doubles every char
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    items: list[tuple[float, str, Any]] = []
    for line in text_page.extract_text_lines(return_chars=True):
        items.append((line["top"], "line", line))
    for t in tables:
        items.append((t.bbox[1], "table", t))
    items.sort(key=lambda item: item[0])

    lines = [obj for _, kind, obj in items if kind == "line"]
    margins = (min((ln["x0"] for ln in lines), default=0.0), max((ln["x1"] for ln in lines), default=0.0))
    if margins[1] - margins[0] < 0.5 * float(page.width):
        margins = (margins[0], float("inf"))  # no full-width text: no margin to wrap at
    pending: list[tuple[str, dict[str, Any]]] = []
    first_content = True

    def flush_lines() -> None:
        if pending:
            read_text("\n".join(_untab_pairs(_join_wrapped_lines(pending, margins))), out)
            pending.clear()

    for _, kind, obj in items:
        if kind == "line":
            text = _line_text(obj)
            if not text.strip():
                continue
            if open_table is not None and _is_furniture(text):
                # a page number next to a table that may go on over the page
                if not first_content:
                    pending.append((text, obj))
                continue
            pending.append((text, obj))
            first_content = False
            open_table = None
            continue
        rows = tidy_grid(_table_rows(obj))
        if not rows:
            continue
        flush_lines()
        if open_table is not None and first_content and _continues(open_table, rows):
            if rows[0] == open_table.rows[0]:
                rows = rows[1:]  # repeated header
            open_table.rows.extend(rows)
        else:
            open_table = out.table(rows)
        first_content = False
    flush_lines()
    return open_table


def _join_wrapped_lines(lines: list[tuple[str, dict[str, Any]]], margins: tuple[float, float]) -> list[str]:
    """Rejoin running text that the layout wrapped: a line that runs from the
    left margin (or a first-line indent) to the right margin continues on
    the next line if that one starts at the left margin (not indented) right
    below it.  A right-aligned line (a signature, its date) reaches the
    margin but is no wrapped text.  Lines with column gaps (tabs) are table
    rows and stay as they are."""
    left, right = margins
    out: list[str] = []
    prev: dict[str, Any] | None = None
    for text, line in lines:
        size = _line_size(line)
        if (
            prev is not None
            and "\t" not in text
            and "\t" not in out[-1]
            and not _ITEM_START_RE.match(text)
            and prev["x1"] >= right - 1.5 * size
            and prev["x0"] <= left + 2.5 * size
            and line["x0"] <= left + 0.9 * size
            and 0 <= line["top"] - prev["bottom"] <= 1.2 * size
        ):
            out[-1] = join_wrapped([out[-1], text], either_cjk=True)
        else:
            out.append(text)
        prev = line
    return out


# A line that starts a new item of a list (1. 1、 （一） 一、 ①) is never the
# continuation of the line above, however far that one reaches.
_ITEM_START_RE = re.compile(
    r"^\s*(?:\d{1,3}\s*[.、．](?!\d)|[(（]\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[)）]"
    r"|[一二三四五六七八九十]{1,3}\s*、|[①-⑳])"
)
# Words of a table's header row (a two-column table keeps its tab).
_HEADER_CELL_RE = re.compile(
    r"^(?:序号|姓名|名称|性别|民族|职务|职称|备注|.{0,6}单位.{0,4}|.{0,6}名称|.{0,4}姓名)$"
)


def _untab_pairs(lines: list[str]) -> list[str]:
    """Lines with a single column gap (two cells) that do not follow a header
    row are text, as the plain-text reader would read them from a .txt
    (吴 涛<gap>县第一中学教师, 某某县人民政府<gap>2025年1月20日): the gap
    becomes two spaces, so a list of names and units is read by the prose
    reader instead of becoming a header-less two-column table (which also
    swallowed the signature and its date).  Runs with three cells or more,
    or under a header row, stay table rows."""
    out = list(lines)
    i = 0
    while i < len(out):
        if "\t" not in out[i]:
            i += 1
            continue
        j = i
        while j < len(out) and "\t" in out[j]:
            j += 1
        run = out[i:j]
        widths = [len([c for c in row.split("\t") if c.strip()]) for row in run]
        header = all(
            _HEADER_CELL_RE.match(re.sub(r"\s+", "", c)) for c in run[0].split("\t") if c.strip()
        )
        if max(widths) <= 2 and not header:
            out[i:j] = [re.sub(r"\s*\t\s*", "  ", row) for row in run]
        i = j
    return out


def _line_size(line: dict[str, Any]) -> float:
    chars = line.get("chars") or []
    if chars:
        return max(float(chars[0].get("size") or 10.0), 1.0)
    return max(float(line["bottom"] - line["top"]), 1.0)


def _is_furniture(text: str) -> bool:
    t = text.strip()
    return len(t) <= _FURNITURE_MAX_CHARS and any(ch.isdigit() for ch in t) and not any(
        "\u4e00" <= ch <= "\u9fff" and ch not in "第页共" for ch in t)


def _continues(prev: Table, rows: list[list[str]]) -> bool:
    return bool(prev.rows) and len(prev.rows[0]) == len(rows[0])


def _table_rows(table: Any) -> list[list[str]]:
    """Cell texts of a ruled table, wrapped lines joined, merged cells
    repeated into every grid position they cover."""
    texts = table.extract()
    boxes = [row.cells for row in table.rows]
    grid: list[list[str]] = []
    for r, row in enumerate(texts):
        out_row: list[str] = []
        for c, cell in enumerate(row):
            if cell is not None:
                out_row.append(join_wrapped(cell.split("\n"), either_cjk=True))
                continue
            out_row.append(_covering_text(grid, out_row, boxes, r, c))
        grid.append(out_row)
    return grid


def _covering_text(grid: list[list[str]], row: list[str], boxes: list[list[Any]], r: int, c: int) -> str:
    """Text of the merged cell that covers the empty grid position (r, c):
    a cell above reaching down into this row, else one to the left reaching
    across."""
    cells = boxes[r] if r < len(boxes) else []
    top = next((b[1] for b in cells if b is not None), None)
    for rr in range(r - 1, -1, -1):
        above = boxes[rr][c] if c < len(boxes[rr]) else None
        if above is not None:
            if top is not None and above[3] > top + 1 and c < len(grid[rr]):
                return grid[rr][c]
            break
    x0 = None
    for rr in range(len(boxes)):
        if c < len(boxes[rr]) and boxes[rr][c] is not None:
            x0 = boxes[rr][c][0]
            break
    for cc in range(c - 1, -1, -1):
        left = cells[cc] if cc < len(cells) else None
        if left is not None:
            if x0 is not None and left[2] > x0 + 1:
                return row[cc]
            break
    return ""


def _line_text(line: dict[str, Any]) -> str:
    """A text line with its gaps: a gap wider than two characters becomes a
    tab (a column boundary), a narrower one a space (between words)."""
    chars = [ch for ch in line.get("chars", []) if ch.get("text")]
    if not chars:
        return line.get("text", "")
    chars.sort(key=lambda ch: ch["x0"])
    gaps = sorted(b["x0"] - a["x1"] for a, b in zip(chars, chars[1:], strict=False))
    usual = max(gaps[len(gaps) // 2], 0.0) if gaps else 0.0  # justified text spreads every gap
    parts: list[str] = []
    prev = None
    for ch in chars:
        if prev is not None:
            size = max(prev.get("size") or 10.0, 1.0)
            gap = ch["x0"] - prev["x1"]
            if gap > 2.0 * size + usual:
                parts.append("\t")
            elif (
                gap > 0.15 * size + usual and ch["text"] != " " and prev["text"] != " "
            ):  # a space glyph of a CJK font is narrow (吴 涛: about 0.2 em)
                parts.append(" ")
        parts.append(ch["text"])
        prev = ch
    return "".join(parts)
