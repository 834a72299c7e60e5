"""xlsx → one `Table` per worksheet, streamed with lxml.

openpyxl's read-only mode streams but does not report merged cells, and its
per-cell objects make large sheets slow; calamine is fast but drops number
formats (1990.10 typed as a number in a ``0.00`` cell comes back as 1990.1).
Reading the sheet XML directly gives values, formats and merges in one pass,
with one row element in memory at a time.
"""

from __future__ import annotations

import posixpath
import re
import zipfile

from lxml import etree

from archive.errors import BadInput
from archive.model import DocumentContent

from .blocks import BlockList
from .limits import open_checked_zip
from .numfmt import builtin_format, format_number

_MAIN_NS = (
    "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "http://purl.oclc.org/ooxml/spreadsheetml/main",  # "strict" OOXML
)
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_REL_NS = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "http://purl.oclc.org/ooxml/officeDocument/relationships",
)
_REF = re.compile(r"([A-Za-z]{1,3})(\d+)")
MAX_MERGE_CELLS = 200_000  # cells filled by repeating merged values, per sheet


def read_xlsx(data: bytes) -> DocumentContent:
    zf = open_checked_zip(data, "xlsx")
    try:
        return _read_workbook(zf)
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise BadInput(f"corrupt or truncated xlsx: {_first_line(exc)}") from None
    except etree.XMLSyntaxError as exc:
        raise BadInput(f"corrupt xlsx: malformed XML ({_first_line(exc)})") from None
    except KeyError as exc:
        raise BadInput(f"corrupt xlsx: missing part {exc}") from None


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def _read_workbook(zf: zipfile.ZipFile) -> DocumentContent:
    names = set(zf.namelist())
    wb_name = "xl/workbook.xml" if "xl/workbook.xml" in names else next(
        (n for n in names if n.startswith("xl/") and n.endswith("workbook.xml")), None)
    if wb_name is None:
        raise BadInput("corrupt xlsx: no xl/workbook.xml in the package")
    wb = etree.fromstring(zf.read(wb_name), _parser())
    ns = etree.QName(wb).namespace or _MAIN_NS[0]
    m = f"{{{ns}}}"
    pr = wb.find(m + "workbookPr")
    date1904 = pr is not None and pr.get("date1904", "0").lower() in ("1", "true")
    targets = _workbook_targets(zf, wb_name)
    formats = _cell_formats(zf, m)
    shared = _shared_strings(zf, m)
    out = BlockList()
    for sheet in wb.iter(m + "sheet"):
        rid = next((sheet.get(f"{{{r}}}id") for r in _OFFICE_REL_NS if sheet.get(f"{{{r}}}id")), None)
        path = targets.get(rid or "")
        if not path or path not in names or "worksheets/" not in path:
            continue  # chartsheets, dialog sheets, dangling references
        name = sheet.get("name") or path
        with zf.open(path) as f:
            rows = _read_sheet(f, m, shared, formats, date1904)
        out.table(rows, f"sheet {name}")
    return DocumentContent(blocks=out.blocks, title=_core_title(zf))


def _workbook_targets(zf: zipfile.ZipFile, wb_name: str) -> dict[str, str]:
    folder, _, base = wb_name.rpartition("/")
    try:
        root = etree.fromstring(zf.read(f"{folder}/_rels/{base}.rels"), _parser())
    except KeyError:
        return {}
    out = {}
    for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
        target = rel.get("Target", "")
        if target.startswith("/"):
            path = target.lstrip("/")
        else:
            path = posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = path
    return out


def _cell_formats(zf: zipfile.ZipFile, m: str) -> list[str]:
    """Number format code of each cell style index (cellXfs order)."""
    try:
        root = etree.fromstring(zf.read("xl/styles.xml"), _parser())
    except KeyError:
        return []
    custom: dict[int, str] = {}
    numfmts = root.find(m + "numFmts")
    if numfmts is not None:
        for nf in numfmts.iter(m + "numFmt"):
            try:
                custom[int(nf.get("numFmtId", ""))] = nf.get("formatCode", "General")
            except ValueError:
                continue
    codes: list[str] = []
    xfs = root.find(m + "cellXfs")
    if xfs is not None:
        for xf in xfs.iter(m + "xf"):
            try:
                fid = int(xf.get("numFmtId", "0"))
            except ValueError:
                fid = 0
            codes.append(custom.get(fid) or builtin_format(fid))
    return codes


def _shared_strings(zf: zipfile.ZipFile, m: str) -> list[str]:
    try:
        f = zf.open("xl/sharedStrings.xml")
    except KeyError:
        return []
    strings: list[str] = []
    t_tag, rph_tag = m + "t", m + "rPh"
    with f:
        for _, si in etree.iterparse(f, events=("end",), tag=m + "si", resolve_entities=False,
                                     no_network=True, huge_tree=True):
            strings.append(_rich_text(si, t_tag, rph_tag))
            si.clear()
            parent = si.getparent()
            while si.getprevious() is not None:
                del parent[0]
    return strings


def _rich_text(el: etree._Element, t_tag: str, rph_tag: str) -> str:
    """Text of a string item, without phonetic (rPh) runs."""
    for rph in el.findall(rph_tag):
        el.remove(rph)
    return "".join(t.text or "" for t in el.iter(t_tag))


def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def _read_sheet(f, m: str, shared: list[str], formats: list[str], date1904: bool) -> list[list[str]]:  # noqa: ANN001
    row_tag, c_tag, v_tag, is_tag = m + "row", m + "c", m + "v", m + "is"
    t_tag, rph_tag, merge_tag = m + "t", m + "rPh", m + "mergeCell"
    cells: dict[tuple[int, int], str] = {}
    merges: list[str] = []
    fmt_cache: dict[str, str | None] = {}
    next_row = 0
    for _, el in etree.iterparse(f, events=("end",), tag=(row_tag, merge_tag),
                                 resolve_entities=False, no_network=True, huge_tree=True):
        if el.tag == merge_tag:
            merges.append(el.get("ref", ""))
            continue
        r_attr = el.get("r")
        r = int(r_attr) - 1 if r_attr and r_attr.isdigit() else next_row
        next_row = r + 1
        col = 0
        for c in el.iterchildren(c_tag):
            ref = c.get("r")
            if ref:
                mref = _REF.match(ref)
                if mref:
                    col = col_index(mref.group(1))
            text = _cell_value(c, c.get("t"), c.get("s"), v_tag, is_tag, t_tag, rph_tag,
                               shared, formats, fmt_cache, date1904)
            if text:
                cells[(r, col)] = text
            col += 1
        el.clear()
        parent = el.getparent()
        if parent is not None:
            while el.getprevious() is not None:
                del parent[0]
    _fill_merges(cells, merges)
    return _dense(cells)


def _cell_value(c, t, s, v_tag, is_tag, t_tag, rph_tag, shared, formats, fmt_cache, date1904) -> str:  # noqa: ANN001
    if t == "inlineStr":
        is_el = c.find(is_tag)
        return _rich_text(is_el, t_tag, rph_tag) if is_el is not None else ""
    v = c.find(v_tag)
    if v is None or v.text is None:
        return ""
    raw = v.text
    if t == "s":
        try:
            return shared[int(raw)]
        except (ValueError, IndexError):
            return ""
    if t in ("str", "e"):
        return raw
    if t == "b":
        return "TRUE" if raw.strip() in ("1", "true") else "FALSE"
    if t == "d":
        return raw.split("T")[0]  # ISO 8601 date cell: the date part
    try:
        value = float(raw)
    except ValueError:
        return raw
    code = None
    if s:
        if s in fmt_cache:
            code = fmt_cache[s]
        else:
            try:
                code = formats[int(s)]
            except (ValueError, IndexError):
                code = None
            fmt_cache[s] = code
    return format_number(value, code, date1904)


def _fill_merges(cells: dict[tuple[int, int], str], merges: list[str]) -> None:
    """Repeat each merged range's top-left text into its other cells, within
    the area that holds data (a merge over a whole column must not create a
    million rows)."""
    if not cells or not merges:
        return
    max_r = max(r for r, _ in cells)
    max_c = max(c for _, c in cells)
    budget = MAX_MERGE_CELLS
    for ref in merges:
        parts = ref.split(":")
        if len(parts) != 2:
            continue
        a, b = _REF.match(parts[0]), _REF.match(parts[1])
        if not a or not b:
            continue
        r0, c0 = int(a.group(2)) - 1, col_index(a.group(1))
        r1, c1 = min(int(b.group(2)) - 1, max_r), min(col_index(b.group(1)), max_c)
        text = cells.get((r0, c0))
        if not text:
            continue
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if budget <= 0:
                    return
                cells.setdefault((r, c), text)
                budget -= 1


def _dense(cells: dict[tuple[int, int], str]) -> list[list[str]]:
    """Rows left to right over only the rows and columns that hold text."""
    if not cells:
        return []
    cols = sorted({c for _, c in cells})
    pos = {c: i for i, c in enumerate(cols)}
    rows: dict[int, list[str]] = {}
    width = len(cols)
    for (r, c), text in cells.items():
        row = rows.get(r)
        if row is None:
            row = rows[r] = [""] * width
        row[pos[c]] = text
    return [rows[r] for r in sorted(rows)]


def _core_title(zf: zipfile.ZipFile) -> str | None:
    try:
        root = etree.fromstring(zf.read("docProps/core.xml"), _parser())
    except (KeyError, etree.XMLSyntaxError):
        return None
    el = root.find("{http://purl.org/dc/elements/1.1/}title")
    return el.text.strip() if el is not None and el.text and el.text.strip() else None
