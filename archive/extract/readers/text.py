"""Plain text → blocks.

Text notices (and the text antiword makes of a .doc) carry tables as lines of
tab-separated cells, or as columns aligned with runs of spaces.  A run of two
or more such lines becomes one `Table`; every other non-empty line is a
`Paragraph`.  Cell text is kept as written (the meaning layer normalises).
"""

from __future__ import annotations

import csv
import re
import unicodedata

from archive.model import Block

from .blocks import BlockList

# Two or more spaces (ASCII, ideographic, no-break) between words: a column gap.
# One ideographic space is not: it sits inside names (夏　露) and headers.
_WIDE_GAP = re.compile(r"[ \u3000\xa0]{2,}")


def split_row(line: str) -> list[str] | None:
    """The cells of a line that looks like a table row, else None."""
    if "\t" in line:
        body = line.strip("\r\n")
        if body.strip("\t ") == "":
            return None
        return body.split("\t")
    body = line.strip(" \u3000\xa0\r\n")
    cells = _WIDE_GAP.split(body)
    # At least three columns: two-part lines are labels ("地    址:…") and
    # signatures ("办公室      2025年9月8日"), not tables.
    if len(cells) >= 3:
        return cells
    return None


def read_text(text: str, blocks: BlockList | None = None) -> list[Block]:
    """Split text into Table and Paragraph blocks in reading order."""
    out = blocks or BlockList()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pending: list[tuple[str, list[str]]] = []  # (raw line, cells)
    tabbed = False

    def flush() -> None:
        nonlocal pending
        if len(pending) >= 2:
            rows = [cells for _, cells in pending]
            out.table(rows if tabbed else _join_padded_names([raw for raw, _ in pending], rows))
        else:
            for raw, _ in pending:
                out.paragraph(raw)
        pending = []

    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            # A blank line inside a table (some exports double-space rows)
            # continues it only if the next row has the same shape.
            nxt = _next_nonblank(lines, i)
            if pending and nxt is not None:
                cells = split_row(lines[nxt])
                if cells is not None and len(cells) == len(pending[-1][1]) and (
                    ("\t" in lines[nxt]) == tabbed
                ):
                    i = nxt
                    continue
            flush()
            i += 1
            continue
        cells = split_row(line)
        if cells is None:
            flush()
            out.paragraph(line)
        else:
            row_tabbed = "\t" in line
            if pending and (row_tabbed != tabbed or not _same_table(pending, cells, row_tabbed)):
                flush()
            tabbed = row_tabbed
            pending.append((line, cells))
        i += 1
    flush()
    return out.blocks


def _same_table(pending: list[tuple[str, list[str]]], cells: list[str], tabbed: bool) -> bool:
    if tabbed:
        return True  # tab rows are unambiguous; short rows are padded later
    # Space-aligned rows merge empty cells, so counts vary a little.
    if abs(len(cells) - len(pending[-1][1])) <= 2:
        return True
    # A row that goes on with the table's numbering belongs to it, however
    # short: the last row of a table laid out twice across the page
    # (1 … 2 … / 3 … 4 … / 5 刘  洋 县财政局局长) holds only its left half.
    return _continues_numbering(pending[-1][1], cells)


def _continues_numbering(previous: list[str], cells: list[str]) -> bool:
    if not (previous[0].isdigit() and cells[0].isdigit()):
        return False
    step = int(cells[0]) - int(previous[0])
    return 1 <= step <= 4 and len(cells) < len(previous)


def _join_padded_names(lines: list[str], rows: list[list[str]]) -> list[list[str]]:
    """Padded names (王  刚, 刘  洋) made one cell again in a space-aligned
    table, by where they stand: in a 姓名 column of the first row (the
    header), a one-character cell and the one- or two-character cell after it
    are one name when no column of the header starts between them.
    Positions are display columns (a CJK character is two wide), as the rows
    were aligned on screen.  Elsewhere the table reader decides (it rejoins
    a name that pushes a row past its header)."""
    starts = [col for col, _, _ in _cell_spans(lines[0])]
    if len(starts) < 3 or len(starts) != len(rows[0]):
        return rows
    name_columns = {k for k, head in enumerate(rows[0]) if "姓名" in "".join(head.split())}
    if not name_columns:
        return rows
    out = [rows[0]]
    for line, cells in zip(lines[1:], rows[1:], strict=True):
        spans = _cell_spans(line)
        if len(spans) != len(cells):
            out.append(cells)
            continue
        joined: list[str] = []
        j = 0
        while j < len(cells):
            if j + 1 < len(cells) and _PADDED_HEAD.match(cells[j]) and _PADDED_TAIL.match(cells[j + 1]):
                a, b = spans[j][0], spans[j + 1][0]
                column = max((k for k, s in enumerate(starts) if s <= a + 1), default=-1)
                if column in name_columns and not any(a + 1 < s <= b + 1 for s in starts):
                    joined.append(line[spans[j][1] : spans[j + 1][2]])
                    j += 2
                    continue
            joined.append(cells[j])
            j += 1
        out.append(joined)
    return out


_PADDED_HEAD = re.compile(r"^[\u4e00-\u9fff]$")
_PADDED_TAIL = re.compile(r"^[\u4e00-\u9fff]{1,2}$")


def _cell_spans(line: str) -> list[tuple[int, int, int]]:
    """(display column, start, end) of each cell of a space-aligned line."""
    text = line
    out: list[tuple[int, int, int]] = []
    col = pos = 0
    for m in _CELL_RE.finditer(text):
        col += _width(text[pos : m.start()])
        out.append((col, m.start(), m.end()))
        col += _width(text[m.start() : m.end()])
        pos = m.end()
    return out


# A cell: words separated by single spaces (one ideographic space included).
_CELL_RE = re.compile(r"[^ \u3000\xa0]+(?:[ \u3000\xa0][^ \u3000\xa0]+)*")


def _width(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _next_nonblank(lines: list[str], i: int) -> int | None:
    for j in range(i + 1, min(i + 3, len(lines))):
        if lines[j].strip():
            return j
    return None


def looks_like_csv(text: str) -> bool:
    """Comma-separated values: most of the first lines split into the same
    number (≥ 2) of fields.  Chinese prose uses the full-width comma, so ASCII
    commas in every line are a reliable sign."""
    lines = [ln for ln in text.splitlines()[:30] if ln.strip()]
    if len(lines) < 2 or any("\t" in ln for ln in lines):
        return False
    try:
        counts = [len(row) for row in csv.reader(lines)]
    except csv.Error:
        return False
    common = max(set(counts), key=counts.count)
    return common >= 2 and counts.count(common) >= 0.8 * len(counts)


def read_csv(text: str) -> list[Block]:
    out = BlockList()
    try:
        rows = list(csv.reader(text.splitlines()))
    except csv.Error:
        return read_text(text)
    out.table(rows)
    return out.blocks
