"""Plain text → blocks.

Text notices (and the text antiword makes of a .doc) carry tables as lines of
tab-separated cells, or as columns aligned with runs of spaces.  A run of two
or more such lines becomes one `Table`; every other non-empty line is a
`Paragraph`.  Cell text is kept as written (the meaning layer normalises).
"""

from __future__ import annotations

import csv
import re

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
            out.table([cells for _, cells in pending])
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
    return abs(len(cells) - len(pending[-1][1])) <= 2


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
