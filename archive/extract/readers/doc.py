"""Legacy Word (.doc) → blocks, through antiword.

No Python library reads the Word 97 binary format well; antiword does, and
renders tables as ``|cell|cell|`` lines.  A cell of several lines (a name
wrapped in a narrow column, two paragraphs in one cell) comes out as extra
lines whose first cell is empty; those are folded back into the row above.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

from archive.errors import BadInput
from archive.model import DocumentContent

from .blocks import BlockList, join_wrapped
from .text import read_text

ANTIWORD_TIMEOUT_S = 60


def antiword_path() -> str | None:
    return shutil.which("antiword") or ("/usr/bin/antiword" if os.path.exists("/usr/bin/antiword") else None)


def read_doc(data: bytes) -> DocumentContent:
    text = run_antiword(data)
    return DocumentContent(blocks=read_antiword_text(text))


def run_antiword(data: bytes) -> str:
    exe = antiword_path()
    if exe is None:
        raise BadInput("cannot read .doc: install antiword (apt-get install antiword)")
    with tempfile.NamedTemporaryFile(suffix=".doc") as f:
        f.write(data)
        f.flush()
        try:
            proc = subprocess.run(
                [exe, "-m", "UTF-8.txt", "-w", "0", f.name],
                capture_output=True, timeout=ANTIWORD_TIMEOUT_S, check=False,
            )
        except subprocess.TimeoutExpired:
            raise BadInput(f"cannot read .doc: antiword took over {ANTIWORD_TIMEOUT_S} s") from None
        except OSError as exc:
            raise BadInput(f"cannot read .doc: antiword failed to start ({exc.strerror})") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = msg[0].replace(f.name, "document") if msg else f"exit status {proc.returncode}"
        raise BadInput(f"cannot read .doc: {detail[:200]}")
    return proc.stdout.decode("utf-8", "replace")


def _table_cells(line: str) -> list[str] | None:
    body = line.rstrip()
    if len(body) >= 2 and body.startswith("|") and body.endswith("|"):
        return [cell.strip() for cell in body[1:-1].split("|")]
    return None


def read_antiword_text(text: str) -> list:
    """Blocks from antiword's text: ``|``-lines are tables, the rest is read
    like a plain-text notice."""
    out = BlockList()
    plain: list[str] = []
    rows: list[list[str]] = []

    def flush_plain() -> None:
        if plain:
            read_text("\n".join(plain), out)
            plain.clear()

    def flush_table() -> None:
        if rows:
            out.table(fold_continuation_rows(rows))
            rows.clear()

    for line in text.split("\n"):
        cells = _table_cells(line)
        if cells is not None:
            flush_plain()
            rows.append(cells)
            continue
        flush_table()
        if line.strip() == "[pic]":
            continue
        plain.append(line)
    flush_table()
    flush_plain()
    return out.blocks


def fold_continuation_rows(rows: list[list[str]]) -> list[list[str]]:
    """Fold antiword's continuation lines into the row above.

    A continuation line has an empty first cell and at most half its cells
    filled; a real row under a vertically merged first cell has most cells
    filled and is kept.
    """
    folded: list[list[list[str]]] = []  # per row, per cell: the lines
    for row in rows:
        filled = sum(1 for c in row if c)
        if folded and not row[0] and filled <= len(row) / 2 and len(row) == len(folded[-1]):
            for j, cell in enumerate(row):
                if cell:
                    folded[-1][j].append(cell)
            continue
        folded.append([[cell] for cell in row])
    return [[join_wrapped(lines) for lines in row] for row in folded]
