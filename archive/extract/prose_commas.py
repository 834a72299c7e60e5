"""Nominees run on with commas, each carrying its bracketed note.

After a lead (现将拟推荐人选公示如下：) a notice may write its nominees one
after another with ``，`` between them — ``某县第一中学张三（男，汉族），
某县人民医院李四（女，回族）`` — where a 、 list would be usual.  Read whole,
such a sentence looks like one entry whose later items are fields of the
first.  The note that closes every item (it opens with the gender) shows
where items end, so the sentence is cut there; the commas inside a note stay
with it.
"""

from __future__ import annotations

import re

from .prose_text import Span, split_top

__all__ = ["split_noted_items"]

# an item ends with its note: （男，汉族） / (女、回族，1980年5月生)
_NOTE_END_RE = re.compile(r"\((?:男|女)[^()]*\)$")


def split_noted_items(sentence: Span) -> list[Span] | None:
    """The comma-separated items of `sentence` when there are two or more and
    every one ends with a gender note; None otherwise."""
    if "," not in sentence.view:
        return None
    parts = [p.strip() for p in split_top(sentence, ",")]
    parts = [p for p in parts if p]
    if len(parts) < 2 or not all(_NOTE_END_RE.search(p.view.rstrip("。;")) for p in parts):
        return None
    return parts
