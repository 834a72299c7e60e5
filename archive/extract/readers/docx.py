"""docx → blocks, straight from ``word/document.xml``.

python-docx does not see tables inside text boxes (``w:txbxContent``), which
Word users put whole nominee tables into, and builds every object in memory.
Reading the XML directly with lxml's iterparse handles text boxes, nested
tables and merged cells, and keeps only one body element in memory at a time.
"""

from __future__ import annotations

import re
import zipfile

from lxml import etree

from archive.errors import BadInput
from archive.model import DocumentContent

from .blocks import BlockList, join_wrapped
from .limits import open_checked_zip

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
STREAM_ROWS = 256  # rows of a top-level table held as a tree before streaming them

MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"

# Containers whose children are read as if they stood in their parent.
_TRANSPARENT = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins",
                W + "moveTo", W + "hyperlink", W + "fldSimple", W + "r", W + "dir", W + "bdo"}
# Content that is not the document's current text.
_SKIP = {W + "del", W + "moveFrom", W + "rPr", W + "pPr", W + "tblPr", W + "trPr", W + "tcPr",
         W + "sectPr", W + "instrText", W + "delText", MC + "Fallback", W + "footnoteReference",
         W + "commentReference", W + "sdtPr", W + "sdtEndPr", W + "tblGrid"}


def read_docx(data: bytes) -> DocumentContent:
    zf = open_checked_zip(data, "docx")
    try:
        doc_name = _main_part(zf)
        rels = _relationships(zf, doc_name)
        reader = _BodyReader(rels)
        with zf.open(doc_name) as f:
            reader.read(f)
        title = _core_title(zf)
    except (zipfile.BadZipFile, KeyError, EOFError, OSError) as exc:
        raise BadInput(f"corrupt or truncated docx: {_first_line(exc)}") from None
    except etree.XMLSyntaxError as exc:
        raise BadInput(f"corrupt docx: document.xml is not well-formed ({_first_line(exc)})") from None
    return DocumentContent(blocks=reader.out.blocks, title=title, links=reader.links)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]


def _main_part(zf: zipfile.ZipFile) -> str:
    names = set(zf.namelist())
    if "word/document.xml" in names:
        return "word/document.xml"
    # Some generators name the main part differently; [Content_Types] says which.
    for name in names:
        if name.startswith("word/") and name.endswith(".xml") and "document" in name:
            return name
    raise BadInput("corrupt docx: no word/document.xml in the package")


def _relationships(zf: zipfile.ZipFile, doc_name: str) -> dict[str, str]:
    folder, _, base = doc_name.rpartition("/")
    try:
        xml = zf.read(f"{folder}/_rels/{base}.rels")
    except KeyError:
        return {}
    root = etree.fromstring(xml, _parser())
    return {el.get("Id"): el.get("Target", "") for el in root.iter(REL + "Relationship")
            if el.get("TargetMode") == "External"}


def _core_title(zf: zipfile.ZipFile) -> str | None:
    try:
        xml = zf.read("docProps/core.xml")
    except KeyError:
        return None
    try:
        root = etree.fromstring(xml, _parser())
    except etree.XMLSyntaxError:
        return None
    el = root.find("{http://purl.org/dc/elements/1.1/}title")
    return el.text.strip() if el is not None and el.text and el.text.strip() else None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class _BodyReader:
    def __init__(self, rels: dict[str, str]) -> None:
        self.out = BlockList()
        self.rels = rels
        self.links: list[tuple[str, str]] = []

    def read(self, f) -> None:  # noqa: ANN001 - a zip member stream
        body_tag, tbl_tag, tr_tag = W + "body", W + "tbl", W + "tr"
        streamed: _Grid | None = None  # rows already taken from the open top-level table
        held = 0
        # Each top-level body element is handled when it ends, then freed;
        # rows of a long top-level table are taken out as they end, so that
        # a 50 000-row table is never in memory as a tree.
        for _, el in etree.iterparse(f, events=("end",), resolve_entities=False,
                                     no_network=True, huge_tree=True):
            parent = el.getparent()
            if parent is None:
                continue
            if el.tag == tr_tag and parent.tag == tbl_tag:
                grand = parent.getparent()
                if grand is not None and grand.tag == body_tag:
                    held += 1
                    if held >= STREAM_ROWS:
                        streamed = streamed or _Grid(self)
                        # all ended rows but the one just ended: the parser
                        # may still hold on to the element it last closed
                        for tr in _rows(parent)[:-1]:
                            streamed.add_row(tr)
                            tr.clear()
                            parent.remove(tr)
                        held = 1
                continue
            if parent.tag != body_tag:
                continue
            if el.tag == tbl_tag:
                self.table(el, streamed)
            else:
                self.container_child(el)
            streamed, held = None, 0
            el.clear()
            while el.getprevious() is not None:
                del parent[0]

    # -- block level -------------------------------------------------------

    def container_child(self, el: etree._Element) -> None:
        tag = el.tag
        if tag == W + "p":
            self.paragraph(el)
        elif tag == W + "tbl":
            self.table(el)
        elif tag in _TRANSPARENT or tag == MC + "AlternateContent" or tag == MC + "Choice":
            for child in el:
                self.container_child(child)

    def paragraph(self, p: etree._Element) -> None:
        lines: list[list[str]] = [[]]
        boxes: list[etree._Element] = []
        self._inline(p, lines, boxes)
        for line in lines:
            self.out.paragraph("".join(line))
        for box in boxes:
            for child in box:
                self.container_child(child)

    def _inline(self, el: etree._Element, lines: list[list[str]], boxes: list[etree._Element]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == W + "t":
                lines[-1].append(child.text or "")
            elif tag == W + "tab" or tag == W + "ptab":
                lines[-1].append("\t")
            elif tag in (W + "br", W + "cr"):
                lines.append([])
            elif tag == W + "noBreakHyphen":
                lines[-1].append("-")
            elif tag == W + "txbxContent":
                boxes.append(child)
            elif tag == W + "hyperlink":
                target = self.rels.get(child.get(R + "id", ""))
                if target:
                    text = "".join(t.text or "" for t in child.iter(W + "t"))
                    self.links.append((target, text.strip()))
                self._inline(child, lines, boxes)
            else:
                # runs, drawings, VML shapes, smart tags …: look inside
                self._inline(child, lines, boxes)

    # -- tables ------------------------------------------------------------

    def table(self, tbl: etree._Element, grid: _Grid | None = None) -> None:
        grid = grid or _Grid(self)
        for tr in _rows(tbl):
            grid.add_row(tr)
        rows, nested = grid.rows, grid.nested
        distinct = max((len({c for c in row if c.strip()}) for row in rows), default=0)
        if distinct <= 1 and len(rows) < STREAM_ROWS and (
            nested or any(len(c) > 200 for row in rows for c in row)
        ):
            # A one-column frame around the text (some templates put the
            # whole notice in a table): read its contents as the body.
            for tr in _rows(tbl):
                for tc in _cells(tr):
                    for child in tc:
                        self.container_child(child)
            return
        self.out.table(rows)
        for inner in nested:
            self.table(inner)


def _rows(tbl: etree._Element) -> list[etree._Element]:
    rows: list[etree._Element] = []
    for child in tbl:
        if child.tag == W + "tr":
            rows.append(child)
        elif child.tag in _TRANSPARENT:  # rows wrapped in content controls
            rows.extend(_rows(child))
    return rows


def _cells(tr: etree._Element) -> list[etree._Element]:
    cells: list[etree._Element] = []
    for child in tr:
        if child.tag == W + "tc":
            cells.append(child)
        elif child.tag in _TRANSPARENT:
            cells.extend(_cells(child))
    return cells


def _int_attr(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    m = re.match(r"\s*(\d+)", el.get(W + "val", "") or "")
    return int(m.group(1)) if m else default


class _Grid:
    """Rows of cell texts, built row by row, with gridSpan cells repeated
    across and vMerge continuation cells given the text above."""

    def __init__(self, reader: _BodyReader) -> None:
        self.reader = reader
        self.rows: list[list[str]] = []
        self.nested: list[etree._Element] = []

    def add_row(self, tr: etree._Element) -> None:
        row: list[str] = []
        trpr = tr.find(W + "trPr")
        before = _int_attr(trpr.find(W + "gridBefore") if trpr is not None else None, 0)
        row.extend([""] * min(before, 64))
        for tc in _cells(tr):
            tcpr = tc.find(W + "tcPr")
            span = _int_attr(tcpr.find(W + "gridSpan") if tcpr is not None else None, 1)
            span = max(1, min(span, 64))
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            col = len(row)
            if vmerge is not None and vmerge.get(W + "val", "continue") == "continue" and self.rows:
                above = self.rows[-1]
                text = above[col] if col < len(above) else ""
                _collect_nested(tc, self.nested)
            else:
                text = _cell_text(tc, self.nested, self.reader)
            row.extend([text] * span)
        self.rows.append(row)


def _collect_nested(tc: etree._Element, nested: list[etree._Element]) -> None:
    for child in tc:
        if child.tag == W + "tbl":
            nested.append(child)


_P, _T = W + "p", W + "t"
# Elements that make a cell's text more than its runs in order.
_NOT_SIMPLE = frozenset({W + "br", W + "cr", W + "tab", W + "ptab", W + "tbl", W + "txbxContent",
                         W + "noBreakHyphen", W + "moveFrom", W + "sdtPr", MC + "Fallback"})


def _cell_text(tc: etree._Element, nested: list[etree._Element], reader: _BodyReader) -> str:
    """The cell's paragraphs joined (CJK lines without a space); tables
    inside the cell are set aside to become blocks of their own."""
    paragraphs = 0
    for el in tc.iter():
        tag = el.tag
        if tag == _P:
            paragraphs += 1
        if paragraphs > 1 or tag in _NOT_SIMPLE:
            break
    else:
        # One plain paragraph (nearly every cell): its text runs, joined.
        return "".join(t.text or "" for t in tc.iter(_T)).strip()
    pieces: list[str] = []

    def visit(el: etree._Element) -> None:
        for child in el:
            tag = child.tag
            if tag == W + "p":
                lines: list[list[str]] = [[]]
                boxes: list[etree._Element] = []
                reader._inline(child, lines, boxes)
                pieces.extend("".join(line) for line in lines)
                for box in boxes:
                    visit(box)
            elif tag == W + "tbl":
                nested.append(child)
            elif tag in _TRANSPARENT or tag in (MC + "AlternateContent", MC + "Choice"):
                visit(child)

    visit(tc)
    return join_wrapped(pieces)
