"""Heading lines of a prose nominee list: what opens a list, switches its
kind (先进集体 → 先进个人) or starts a group within it (民和县（4名）：…,
县第一中学：王  强、李建国), as seen by `prose._ProseReader`."""

from __future__ import annotations

import re
from typing import Protocol

from archive.model import Record

from .prose_fields import LABEL_RE
from .prose_find import find_name, first_field_is_name
from .prose_items import bare_names, is_family_entry, is_family_name, names_follow, top_colon
from .prose_lines import (
    APPARATUS_LABEL_RE,
    AWARD_WORD_RE,
    COUNT_RE,
    COUNTED_LABEL_RE,
    HEADING_END_RE,
    INTRO_END_RE,
    OPENER_RE,
    kind_of,
)
from .prose_names import PLACE_SUFFIX_RE, ends_with_org, is_han_name, is_minority_name
from .prose_text import CHINESE_SECTION_RE, Span

__all__ = ["ListReader", "read_heading"]


class ListReader(Protocol):
    """What a heading needs of the reader walking the lines."""

    active: bool
    kind: str | None
    implicit: bool
    records: list[Record]

    def open(self, kind: str | None, heading: Span | None = None) -> None: ...

    def start_group(self, heading: Span | None) -> None: ...

    def entries(self, line: Span, location: str, *, may_sign: bool) -> list[Record]: ...


def read_heading(reader: ListReader, line: Span, body: Span, numbered: bool, location: str) -> bool:
    """Open, switch or keep a list from a heading line; False if `body` is no heading."""
    view = body.view.strip()
    squeezed = body.squeezed()
    colon, rest_at = top_colon(view), 0
    counted = COUNTED_LABEL_RE.match(view) if colon < 0 else None
    if counted:  # 先进个人（3名）张三、李四
        colon, rest_at = counted.end(1), counted.end(0)
    elif colon > 0:
        rest_at = colon + 1
    if colon > 0:
        label, rest = body[:colon].strip(" "), body[rest_at:].strip(" ")
        lsq = label.squeezed()
        if APPARATUS_LABEL_RE.search(lsq):
            return True  # 推荐单位：某局 — not a nominee
        if is_family_name(lsq):
            return False  # 王建国家庭：城关镇东街村 is an entry, the family and its place
        if len(lsq) <= 30 and not re.search(r"[,;。]", lsq) and not LABEL_RE.match(lsq + ":"):
            label_is_name = is_han_name(lsq) or (reader.active and is_minority_name(lsq))
            people_follow = reader.active and names_follow(rest, 1)
            if label_is_name and not people_follow:
                return False  # 张三：男，汉族… is an entry
            kind = kind_of(lsq)
            if not kind and reader.kind != "organization" and _unit_label(lsq, rest):
                # 县第一中学：王  强、李建国 — a run of such lines is a list (or
                # a group of the one in progress, 县公安局刑侦支队：张　伟　李建国)
                if not reader.active:
                    reader.open("person")
                    reader.implicit = True
                reader.start_group(label)
                reader.records.extend(reader.entries(rest, location, may_sign=False))
                return True
            # 民和县：… or 海晏：张三、李四 — a group of the list in progress
            region = (
                people_follow or PLACE_SUFFIX_RE.search(re.sub(r"[(].*", "", lsq)) is not None
            )
            if kind or OPENER_RE.search(lsq) or (region and reader.active):
                list_kind = kind or (reader.kind if region else None)
                if not (region and not kind):
                    reader.open(list_kind, label)
                else:
                    reader.start_group(label)
                if rest and reader.active:
                    reader.records.extend(reader.entries(rest, location, may_sign=False))
                return True
        if rest and INTRO_END_RE.search(lsq) and OPENER_RE.search(lsq):
            # …拟推荐以下4名同志为…推荐人选：杨春花，女，…；李德全，男，…。
            reader.open(kind_of(re.split(r"[,;]", lsq)[-1]))
            reader.records.extend(reader.entries(rest, location, may_sign=False))
            return True
        if not rest and OPENER_RE.search(squeezed) and not squeezed.startswith("各"):
            reader.open(kind_of(squeezed))  # …名单如下：  (not the salutation 各有关单位：)
            return True
    if view.endswith(("如下", "如下:", "如下。")) and OPENER_RE.search(squeezed):
        reader.open(kind_of(squeezed))
        return True
    bare = re.sub(r"\([^()]*\)", "", squeezed)  # （5名，按姓氏笔画） may hold a comma
    if len(squeezed) > 40 or "。" in squeezed[:-1] or "," in bare:
        return False
    count = COUNT_RE.search(squeezed)
    if count and len(squeezed) > len(count.group(0)) and "、" not in squeezed:
        reader.open(kind_of(squeezed), body)  # 一、先进集体（10个） / 民和县（4名）
        return True
    chinese = CHINESE_SECTION_RE.match(line.view)
    ends_like_heading = (
        HEADING_END_RE.search(squeezed) or HEADING_END_RE.search(bare)
    ) and AWARD_WORD_RE.search(squeezed)  # not 某队员集体, a collective's own name
    # 1.优秀党务工作者 is a heading; 1.县一中五四红旗团支部 a collective of the list
    short_numbered = (
        numbered
        and len(squeezed) <= 12
        and not (reader.active and ends_with_org(squeezed))
        and not is_family_entry(body)  # 1.龙华区 王建国家庭 is a nominee
    )
    if OPENER_RE.search(squeezed) and (chinese or ends_like_heading or short_numbered):
        named = find_name(body, allow_minority=False) or first_field_is_name(body)
        if not (named and not ends_like_heading):
            kind = kind_of(squeezed)
            reader.open(kind if kind else (reader.kind if reader.active else None))
            return True
    return False


def _unit_label(label: str, rest: Span) -> bool:
    """`label` is a unit (or, before two names or more, a place) and `rest` only names."""
    if not rest or AWARD_WORD_RE.search(label):
        return False
    count = bare_names(rest)
    return count >= 1 and ends_with_org(label) or count >= 2 and bool(PLACE_SUFFIX_RE.search(label))
