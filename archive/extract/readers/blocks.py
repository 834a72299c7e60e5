"""Helpers shared by every reader: numbering blocks, tidying grids, joining
the pieces of a wrapped cell."""

from __future__ import annotations

import re

from archive.model import Block, Paragraph, Table

# CJK ideographs, kana, fullwidth forms and CJK punctuation: the characters
# between which a line break is not a space (a name wrapped in a narrow cell,
# 完玛东 / 主, is one name).
_CJK_CHAR = re.compile(
    r"[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u31c0-\u31ef\u3200-\u32ff"
    r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f]"
)


def is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_CHAR.match(ch) is not None


# HTML's whitespace (not U+3000 nor the no-break space, which are text).
_SPACE_RUN = re.compile(r"[ \t\r\n\f\v]+")


def collapse_space(text: str) -> str:
    """HTML whitespace collapsing, with CSS's East Asian rule: a line break
    between two CJK characters is removed, not turned into a space (Word's
    HTML export wraps source lines in the middle of names)."""
    if "\n" not in text and "\r" not in text:
        return _SPACE_RUN.sub(" ", text)  # no line break: nothing to decide per run

    def repl(m: re.Match[str]) -> str:
        run = m.group(0)
        if "\n" in run or "\r" in run:
            s, e = m.start(), m.end()
            if s > 0 and e < len(text) and is_cjk(text[s - 1]) and is_cjk(text[e]):
                return ""
        return " "

    return _SPACE_RUN.sub(repl, text)


def join_wrapped(pieces: list[str], either_cjk: bool = False) -> str:
    """Join the lines of one cell: nothing between two CJK characters, else
    one space.  Empty pieces are dropped.

    `either_cjk` (for lines wrapped by layout, as in a PDF, where a break
    falls anywhere in a word): nothing as soon as one side is CJK, so that
    张三 / 2 reads 张三2.
    """
    out = ""
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if out:
            left, right = is_cjk(out[-1]), is_cjk(piece[0])
            if not ((left or right) if either_cjk else (left and right)):
                out += " "
        out += piece
    return out


class BlockList:
    """Collects blocks in reading order and numbers them by kind
    (``table 1``, ``table 2`` …, ``paragraph 1`` …)."""

    def __init__(self, table_prefix: str = "table", paragraph_prefix: str = "paragraph") -> None:
        self.blocks: list[Block] = []
        self.tables = 0
        self.paragraphs = 0
        self.table_prefix = table_prefix
        self.paragraph_prefix = paragraph_prefix

    def start_page(self, number: int) -> None:
        """Number blocks within a page from here on (``page 3 table 1``)."""
        self.tables = self.paragraphs = 0
        self.table_prefix = f"page {number} table"
        self.paragraph_prefix = f"page {number} paragraph"

    def paragraph(self, text: str, location: str | None = None) -> None:
        text = text.strip()
        if not text:
            return
        self.paragraphs += 1
        self.blocks.append(Paragraph(text, location or f"{self.paragraph_prefix} {self.paragraphs}"))

    def table(self, rows: list[list[str]], location: str | None = None) -> Table | None:
        rows = tidy_grid(rows)
        if not rows:
            return None
        self.tables += 1
        table = Table(rows, location or f"{self.table_prefix} {self.tables}")
        self.blocks.append(table)
        return table


def tidy_grid(rows: list[list[str]]) -> list[list[str]]:
    """Pad rows to one width, then drop rows and columns with no text at all.

    Empty columns come from layout (Word's phantom grid columns, spreadsheet
    margins); dropping them keeps header and data cells aligned.
    """
    rows = [row for row in rows if any(cell.strip() for cell in row)]
    if not rows:
        return []
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    keep = [j for j in range(width) if any(row[j].strip() for row in rows)]
    if len(keep) == width:
        return rows
    return [[row[j] for j in keep] for row in rows]
