"""Nominee lists written inline, each after the word that says what it holds:

    拟表彰先进集体（某某镇人民政府、某某县第一中学）和先进个人（张三、李四）。
    经研究，拟表彰先进集体2个（…），先进个人3名（…）。
    先进集体：某某镇人民政府、某某县第一中学；先进个人：张三、李四、王五。

A *group* is a label that names a kind of nominee (先进集体, 个人, 3名) and the
items that follow it in brackets or after its colon.  Every item of a group
must read as a nominee of that kind, or the group gives nothing: brackets
also hold notes (先进集体（含先进基层党组织）, 先进个人（3名）, a document
number), which never read as names.
"""

from __future__ import annotations

import re

from archive.model import Record

from .prose_items import list_cells, parse_item
from .prose_lines import ANY_COUNT_RE, AWARD_WORD_RE, kind_of
from .prose_text import Span, split_top

__all__ = ["read_inline_groups"]

# What may stand between the previous group and the next label: 和, 及, 与 …
_CONNECTIVE_RE = re.compile(r"^(?:以及|和|及|与|、|,|;)+")
# Words before a list that are not part of its label (拟表彰, 经研究，拟推荐)
_LABEL_VERB_RE = re.compile(r"^.*?(?:拟表彰|拟推荐|拟授予|拟命名|表彰|推荐|授予|命名|确定|评选出|评出|产生)")
# An item that is a note about the list, not a nominee (含…, 其中…, 3名)
_NOTE_ITEM_RE = re.compile(r"^(?:含|包括|其中|即|共|不含|以下|下列)|^\d+\s*[名个人位家户所]$")


def read_inline_groups(line: Span, location: str, url: str | None) -> list[Record]:
    """The nominees of the inline groups of one line, or [] if it has none."""
    view = line.view
    if "(" in view:
        found = _bracket_groups(line, location, url)
        if found:
            return found
    if ":" in view:
        return _colon_groups(line, location, url)
    return []


def _bracket_groups(line: Span, location: str, url: str | None) -> list[Record]:
    view = line.view
    groups: list[list[Record]] = []
    label_start = 0
    depth = 0
    open_at = -1
    for i, ch in enumerate(view):
        if ch == "(":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                label = _label(line[label_start:open_at])
                kind = kind_of(label) if label else None
                if kind is not None:
                    records = _group(line[open_at + 1 : i], kind, location, url)
                    if records is None:
                        return []  # a group that is not all nominees: the line is no list
                    if records:
                        groups.append(records)
                label_start = i + 1
        elif depth == 0 and ch in "。":
            label_start = i + 1
    if not groups or (len(groups) == 1 and len(groups[0]) < 2):
        return []
    return [r for group in groups for r in group]


def _colon_groups(line: Span, location: str, url: str | None) -> list[Record]:
    parts = [p for p in split_top(line.strip(" 。"), ";") if p]
    if len(parts) < 2:
        return []  # one label: list is a heading with its rest (prose_headings)
    out: list[Record] = []
    for part in parts:
        colon = part.view.find(":")
        if colon <= 0:
            return []
        label = _label(part[:colon])
        kind = kind_of(label) if label else None
        records = _group(part[colon + 1 :], kind, location, url) if kind else None
        if not records:
            return []
        out.extend(records)
    return out


def _label(text: Span) -> str:
    """The words that name a group (先进集体2个, 集体, 3名同志), without what
    leads up to them; "" when they name no kind of nominee (王建国家庭（…）
    is a nominee and its place, 张三（…） a person and a note)."""
    label = _CONNECTIVE_RE.sub("", text.squeezed().split(",")[-1])
    label = _LABEL_VERB_RE.sub("", label)
    if not 2 <= len(label) <= 20:
        return ""
    if AWARD_WORD_RE.search(label) or ANY_COUNT_RE.search(label) or _BARE_KIND_RE.match(label):
        return label
    return ""


_BARE_KIND_RE = re.compile(r"^(?:集体|个人|单位|同志|人员|家庭)$")


def _is_note(cell: Span) -> bool:
    """含先进基层党组织, 3名, 先进集体: words about the list, not a nominee."""
    text = cell.squeezed()
    return _NOTE_ITEM_RE.search(text) is not None or (
        AWARD_WORD_RE.search(text) is not None and kind_of(text) is not None
    )


def _group(items: Span, kind: str, location: str, url: str | None) -> list[Record] | None:
    """Every item as a nominee of `kind`; [] for a note in brackets (not a
    list at all), None for a list with an item that is no nominee."""
    cells = [c for piece in split_top(items, "、,;") for c in list_cells(piece)]
    if not cells or any(_is_note(c) for c in cells):
        return []
    found = [parse_item(cell, kind, location, url) for cell in cells]
    if not all(isinstance(r, Record) and r.kind == kind for r in found):
        return None if any(isinstance(r, Record) for r in found) else []
    return [r for r in found if isinstance(r, Record)]
