"""HTML → blocks, title, meta tags and links.

Government notice pages are old CMS templates: layout tables around the
article, Word-exported HTML inside it (every cell text in ``<p><span>``),
names wrapped over two lines in narrow cells, navigation and footers all
around.  This reader keeps everything in document order and decides nothing
about relevance; it only separates data tables (→ `Table`) from layout
(→ `Paragraph`s), and drops script/style/nav noise.
"""

from __future__ import annotations

import re

import lxml.etree

from archive.errors import BadInput
from archive.model import DocumentContent

from .blocks import BlockList, collapse_space, join_wrapped
from .decode import decode_bytes
from .links import page_links, text_of
from .text import read_text

# Subtrees that never hold notice text.
_SKIP = frozenset({
    "script", "style", "noscript", "template", "nav", "select", "option", "button",
    "textarea", "iframe", "object", "embed", "svg", "canvas", "map", "head", "audio",
    "video", "input", "datalist", "dialog",
})
# Elements that end the current paragraph (and start a new one).
_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
    "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "ol",
    "p", "section", "summary", "ul", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
    "title", "frameset", "frame", "noframes", "marquee",
})
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "form")
# Descendants that split a cell's text into lines (or set part of it aside).
_CELL_BREAKS = frozenset({"br", "table", "pre"}) | _SKIP
_MAX_SPAN = 200  # a colspan="9999" must not make a 9999-column row


Element = lxml.etree._Element


def parse_html_tree(text: str) -> Element:
    """The element tree of an HTML page (libxml2's forgiving HTML parser).

    Plain etree elements, not lxml.html's: its per-element class lookup costs
    more than the rest of the reading on a typical page.
    """
    parser = lxml.etree.HTMLParser(
        encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True
    )
    data = text.replace("\x00", "").encode("utf-8", "replace")
    try:
        root = lxml.etree.fromstring(data, parser=parser)
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise BadInput(f"cannot parse html: {str(exc).splitlines()[0][:200]}") from None
    if root is None:  # nothing but whitespace or comments
        root = lxml.etree.fromstring(b"<html><body></body></html>", parser=parser)
    return root


def read_html(data: bytes, url: str | None = None, content_type: str | None = None) -> DocumentContent:
    text, encoding = decode_bytes(data, content_type, markup=True)
    content = read_html_text(text, url)
    content.encoding = encoding
    return content


def read_html_text(text: str, url: str | None = None) -> DocumentContent:
    root = parse_html_tree(text)
    walker = _Walker()
    body = root.find("body")
    try:
        walker.walk_children(root if body is None else body)
        walker.flush()
    except RecursionError:
        raise BadInput("cannot parse html: elements nested too deeply") from None
    return DocumentContent(
        blocks=walker.out.blocks,
        title=_title(root),
        meta=_meta(root),
        links=page_links(root, url),
    )


class _Walker:
    """Walks the element tree in document order, gathering inline text into
    paragraphs and handing tables to `_table`."""

    def __init__(self) -> None:
        self.out = BlockList()
        self.buf: list[str] = []

    def flush(self) -> None:
        if self.buf:
            text = collapse_space("".join(self.buf)).strip()
            self.buf = []
            if text:
                self.out.paragraph(text)

    def walk_children(self, el: Element) -> None:
        if el.text:
            self.buf.append(el.text)
        for child in el:
            self.walk(child)
            if child.tail:
                self.buf.append(child.tail)

    def walk(self, el: Element) -> None:
        tag = el.tag
        if not isinstance(tag, str):
            return  # comment or processing instruction
        tag = tag.lower()
        if tag in _SKIP:
            return
        if tag == "br":
            self.flush()
            return
        if tag == "table":
            self.flush()
            self.table(el)
            return
        if tag in ("pre", "plaintext", "xmp", "listing"):
            self.flush()
            read_text(text_of(el), self.out)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        self.walk_children(el)
        if block:
            self.flush()

    def table(self, el: Element) -> None:
        trs = _table_rows(el)
        if _is_layout(el, trs):
            self.walk_children(el)
            self.flush()
            return
        rows, nested, caption = _table_grid(el, trs)
        if caption:
            self.out.paragraph(caption)
        self.out.table(rows)
        for inner in nested:
            self.table(inner)


def _table_rows(table: Element) -> list[Element]:
    rows = []
    for child in table:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "tr":
            rows.append(child)
        elif tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child if c.tag == "tr")
    return rows


def _table_grid(
    table: Element, trs: list[Element]
) -> tuple[list[list[str]], list[Element], str]:
    """The table's cell texts with row/col spans repeated, the tables nested
    in its cells (in order), and its caption.

    Rows are built left to right; only cells that a rowspan carries into
    later rows are kept aside (most tables have none), so a plain grid costs
    one list append per cell.  Where spans overlap, the earlier cell wins."""
    nested: list[Element] = []
    carried: dict[tuple[int, int], str] = {}  # (row, col) → text of a rowspan from above
    rows: list[list[str]] = []
    n_rows = len(trs)
    for r, tr in enumerate(trs):
        row: list[str] = []
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            if carried:
                while (r, len(row)) in carried:
                    row.append(carried.pop((r, len(row))))
            text = _cell_text(cell, nested)
            attrib = cell.attrib
            rowspan, colspan = attrib.get("rowspan"), attrib.get("colspan")
            if rowspan is None and colspan is None:
                row.append(text)
                continue
            rs, cs = _span(rowspan), max(1, _span(colspan))
            if rs == 0:  # HTML: rowspan="0" spans to the end of the table
                rs = n_rows - r
            rs = max(1, min(rs, n_rows - r))
            for _ in range(cs):
                c = len(row)
                row.append(carried.pop((r, c)) if carried and (r, c) in carried else text)
                for dr in range(1, rs):
                    carried.setdefault((r + dr, c), text)
        if carried:  # cells carried past the row's own last cell
            rest = sorted(c for (rr, c) in carried if rr == r)
            for c in rest:
                row.extend([""] * (c - len(row)))
                row.append(carried.pop((r, c)))
        rows.append(row)
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    caption = ""
    cap = table.find("caption")
    if cap is not None:
        caption = collapse_space(text_of(cap)).strip()
    return rows, nested, caption


def _span(value: str | None) -> int:
    if not value:
        return 1
    if value.isdigit():
        return min(int(value), _MAX_SPAN)
    m = _SPAN_RE.match(value)
    return min(int(m.group(1)), _MAX_SPAN) if m else 1


_SPAN_RE = re.compile(r"\s*(\d+)")


def _cell_text(cell: Element, nested: list[Element]) -> str:
    """A cell's own text: lines (split at <br> and block elements) joined
    without a space between CJK characters; nested tables are set aside."""
    blocks = 0
    for el in cell.iterdescendants():
        tag = el.tag  # (a comment's tag is a function: in neither set)
        if tag in _BLOCK:
            blocks += 1
            if blocks > 1:
                break
        elif tag in _CELL_BREAKS:
            break
    else:
        # One line (most cells: <p><span>text</span></p>): no joining needed.
        return collapse_space("".join(cell.itertext())).strip()

    pieces: list[str] = []
    cur: list[str] = []

    def brk() -> None:
        if cur:
            pieces.append(collapse_space("".join(cur)))
            cur.clear()

    def visit(el: Element) -> None:
        if el.text:
            cur.append(el.text)
        for child in el:
            tag = child.tag if isinstance(child.tag, str) else None
            if tag is None or tag in _SKIP:
                pass
            elif tag == "table":
                brk()
                nested.append(child)
            elif tag == "br":
                brk()
            elif tag in _BLOCK or tag == "pre":
                brk()
                visit(child)
                brk()
            else:
                visit(child)
            if child.tail:
                cur.append(child.tail)

    visit(cell)
    brk()
    return join_wrapped(pieces)


def _row_cells(tr: Element) -> list[Element]:
    return [c for c in tr if c.tag in ("td", "th")]


def _is_layout(table: Element, trs: list[Element]) -> bool:
    """Whether a table arranges the page rather than holding data.

    Layout tables hold the article (headings, many paragraphs, other tables)
    in one or two wide cells; emitting them as a Table would bury the notice
    text in a single cell.  Decided from structure and text lengths only, so
    that layout tables cost no cell-text work.
    """
    cells = [_row_cells(tr) for tr in trs]
    if max((len(row) for row in cells), default=0) <= 1:
        return True  # one column: a box around text, not a grid
    if next(table.iterdescendants(*_HEADINGS), None) is not None:
        return True
    has_nested = next(table.iterdescendants("table"), None) is not None
    if not has_nested and sum(1 for row in cells if len(row) > 3) >= 2:
        return False  # a grid of four or more columns: data (the common case, decided cheaply)
    lengths = [[len("".join(c.itertext()).strip()) for c in row] for row in cells]
    filled = [[n for n in row if n] for row in lengths]
    max_cols = max((len(row) for row in filled), default=0)
    if max_cols <= 1:
        return True
    if len(filled) == 1 and not (len(filled[0]) >= 4 and max(filled[0]) <= 12):
        # One row is a line of the page ("发布时间：… 来源：…"), not data;
        # only a lone row of short header-like cells is kept as a table.
        return True
    all_lengths = [n for row in filled for n in row]
    longest = max(all_lengths, default=0)
    if has_nested:
        # A real grid with a small table inside one cell stays a data table;
        # anything else that nests tables is page layout.
        grid_rows = sum(1 for row in filled if len(row) >= 2)
        return not (grid_rows >= 2 and longest < 200)
    total = sum(all_lengths)
    # [sidebar | article]: few rows, one cell holding most of the text.  A
    # label/value card (姓名 | 张三 … 主要事迹 | long text) has many rows.
    return len(trs) <= 4 and max_cols <= 3 and total > 300 and longest > 0.6 * total


def _title(root: Element) -> str | None:
    el = root.find(".//title")
    if el is None:
        return None
    text = collapse_space(text_of(el)).strip()
    return text or None


def _meta(root: Element) -> dict[str, str]:
    meta: dict[str, str] = {}
    for el in root.iter("meta"):
        name = el.get("name") or el.get("property") or el.get("itemprop")
        content = el.get("content")
        if not name or content is None:
            continue
        key = name.strip().lower()
        if key and key not in meta:
            meta[key] = content.strip()
    return meta
