"""Repair of lines a reader cut where the notice did not.

A PDF or a narrow page wraps a nominee list inside a bracket
(王五（男，藏 / 族）、赵六…) or right after a name's first character
(…（女，回族）、王 / 五（…）).  `joined_lines` glues such pieces back so the
list walker in `prose` sees each line as the notice wrote it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["joined_lines"]


def joined_lines(blocks: Iterable[object]) -> Iterable[tuple[str | None, str]]:
    """Non-empty stripped lines with their location; None between blocks that
    are not paragraphs.  A line whose bracket is left open is joined to the
    next (a PDF wraps 王五（男，藏 / 族）、赵六… inside the bracket), and so
    is one that ends in a name's first character (…（女，回族）、王 / 五（…）)."""
    pending: tuple[str, str] | None = None
    for block in blocks:
        text = getattr(block, "text", None)
        if not isinstance(text, str):
            if pending:
                yield pending
                pending = None
            yield None, ""
            continue
        location = getattr(block, "location", "") or ""
        for line in text.replace("\r", "\n").split("\n"):
            line = line.strip()
            if not line:
                continue
            if pending:
                line, location = pending[0] + line, pending[1]
                pending = None
            if (_open_brackets(line) > 0 or _SPLIT_NAME_END_RE.search(line)) and len(line) < 300:
                pending = (line, location)
                continue
            yield line, location
    if pending:
        yield pending


# 、王 at the end of a line: a name cut by the wrap (王 / 五（男，藏族）)
_SPLIT_NAME_END_RE = re.compile(r"[)）]、[\u3400-\u9fff]$")


def _open_brackets(line: str) -> int:
    return line.count("（") + line.count("(") - line.count("）") - line.count(")")
