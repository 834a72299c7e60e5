"""xls (BIFF, Excel 97–2003) → one `Table` per sheet, with xlrd.

``formatting_info=True`` is what gives xlrd's merged-cell list and the
number format of each cell (to show 1990.10, not 1990.1); a few writers
produce files that xlrd cannot read with it, so the reader retries without.
"""

from __future__ import annotations

import io

import xlrd

from archive.errors import BadInput
from archive.model import DocumentContent

from .blocks import BlockList
from .numfmt import format_date, format_general, format_number
from .xlsx import MAX_MERGE_CELLS


def read_xls(data: bytes) -> DocumentContent:
    book = _open_book(data)
    out = BlockList()
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            out.table(_sheet_rows(book, sheet), f"sheet {sheet.name}")
            book.unload_sheet(index)
    finally:
        book.release_resources()
    return DocumentContent(blocks=out.blocks)


def _open_book(data: bytes) -> xlrd.book.Book:
    log = io.StringIO()  # xlrd writes warnings to a log file, not to stderr
    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=log,
                                  on_demand=True)
    except (xlrd.XLRDError, xlrd.compdoc.CompDocError) as exc:
        raise BadInput(f"cannot read xls: {_first_line(exc)}") from None
    except Exception:  # noqa: BLE001 - formatting records xlrd cannot parse: retry without
        pass
    try:
        return xlrd.open_workbook(file_contents=data, formatting_info=False, logfile=log,
                                  on_demand=True)
    except Exception as exc:  # noqa: BLE001 - xlrd raises anything on damaged files
        raise BadInput(f"corrupt xls: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def _sheet_rows(book: xlrd.book.Book, sheet: xlrd.sheet.Sheet) -> list[list[str]]:
    rows = [[_cell_text(book, sheet.cell(r, c)) for c in range(sheet.ncols)]
            for r in range(sheet.nrows)]
    budget = MAX_MERGE_CELLS
    for r0, r1, c0, c1 in getattr(sheet, "merged_cells", []):
        if r0 >= len(rows) or c0 >= sheet.ncols:
            continue
        text = rows[r0][c0]
        for r in range(r0, min(r1, len(rows))):
            for c in range(c0, min(c1, sheet.ncols)):
                if budget <= 0:
                    return rows
                if not rows[r][c]:
                    rows[r][c] = text
                budget -= 1
    return rows


def _cell_text(book: xlrd.book.Book, cell: xlrd.sheet.Cell) -> str:
    ctype, value = cell.ctype, cell.value
    if ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if ctype == xlrd.XL_CELL_TEXT:
        return value
    if ctype == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if ctype == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERR")
    code = _format_code(book, cell.xf_index)
    if ctype == xlrd.XL_CELL_DATE:
        try:
            when = xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (xlrd.xldate.XLDateError, OverflowError, ValueError):
            return format_general(value)
        text = format_number(value, code, bool(book.datemode)) if code else ""
        return text if text and "-" in text else format_date(when, "date")
    return format_number(float(value), code, bool(book.datemode))


def _format_code(book: xlrd.book.Book, xf_index: int | None) -> str | None:
    if xf_index is None or not book.xf_list:
        return None
    try:
        fmt = book.format_map[book.xf_list[xf_index].format_key]
    except (IndexError, KeyError):
        return None
    return fmt.format_str
