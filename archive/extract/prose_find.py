"""Where the name is in the head of an entry or a list item, and what
surrounds it: `张三（女，回族）`, `王　强`, `张三 某公司总经理`,
`某公司总经理 张三`, `张三（女）某公司职员`, `某医院主任医师李某某`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .prose_fields import classify_segment, is_attribute
from .prose_names import (
    ends_with_org,
    ends_with_position,
    is_han_name,
    is_minority_name,
    split_trailing_name,
)
from .prose_text import Span, split_brackets, split_gaps, word_bounds

try:
    from archive.extract.normalise import normalise_free_text
except ImportError:  # pragma: no cover

    def normalise_free_text(text: str | None) -> str | None:
        return re.sub(r"\s+", "", text or "") or None


_COMRADE_RE = re.compile(r"\s*(?:同志|先生|女士)\s*$")


def _compact_map(span: Span) -> tuple[str, list[int]]:
    """The view without spaces, and for each of its characters the index in `span`."""
    index = [i for i, ch in enumerate(span.view) if not ch.isspace()]
    return "".join(span.view[i] for i in index), index


def _sub_by_compact(span: Span, index: list[int], start: int, end: int) -> Span:
    return span[index[start] : index[end - 1] + 1]


@dataclass
class NamePart:
    """Where the name is in the head of an entry, and what surrounds it."""

    name: Span
    unit: str | None  # source text before the name (unit and position)
    notes: list[Span]  # bracket contents after the name


def find_name(head: Span, *, allow_minority: bool, loose: bool = False) -> NamePart | None:
    """The name in `head`: the whole of it, or after its unit/position.

    `head` may carry brackets (`张三（女，回族）`) and padding spaces (`王　强`).
    `loose` accepts any plausible name without a surname (the caller has other
    evidence that this is a person, such as 性别 or 民族 after it).
    """
    lead = _name_before_bracket(head, allow_minority, loose) or _name_and_unit_words(
        head, allow_minority, loose
    )
    if lead is not None:
        return lead
    outside, notes = split_notes(head)
    outside = strip_comrade(outside)
    if not outside:
        return None
    if any(is_annotation(n.view) for n in notes):
        # （女，蒙古族） after it: plainly a person, whatever the name's characters
        loose = allow_minority = True
    compact, index = _compact_map(outside)
    if not compact:
        return None
    if is_han_name(compact):
        return NamePart(outside, None, notes)
    words = word_bounds(outside)
    if len(words) == 2:
        # `张三 某公司总经理` or `某公司总经理 张三`
        first, second = (outside[a:b] for a, b in words)
        one, two = first.squeezed(), second.squeezed()
        if _CJK_ONLY.match(one) and _CJK_ONLY.match(two):
            if (
                is_name(one, allow_minority, loose)
                and not is_name(two, allow_minority)
                and len(two) >= 4
            ):
                return NamePart(first, free_text(second.src), notes)
            if (
                is_name(two, allow_minority, loose)
                and not is_name(one, allow_minority)
                and len(one) >= 4
            ):
                return NamePart(second, free_text(first.src), notes)
    if len(words) >= 3:
        # 张建国 某某县 城关镇党委书记 / 某某县 城关镇党委书记 张建国: the name
        # and a unit written in several words
        part = _name_and_unit_run(outside, words, notes, allow_minority, loose)
        if part is not None:
            return part
    if not _CJK_DOT_ONLY.match(compact):
        return None
    split = split_trailing_name(compact)
    if split is None:
        if allow_minority and is_minority_name(compact, strict=not loose):
            return NamePart(outside, None, notes)
        return None
    unit_text, name = split
    cut = len(unit_text)
    return NamePart(
        _sub_by_compact(outside, index, cut, len(compact)),
        free_text(_sub_by_compact(outside, index, 0, cut).src),
        notes,
    )


def _name_and_unit_run(
    outside: Span, words: list[tuple[int, int]], notes: list[Span], allow_minority: bool, loose: bool
) -> NamePart | None:
    texts = [outside[a:b].squeezed() for a, b in words]
    if not all(_CJK_ONLY.match(t) for t in texts):
        return None
    for at, rest in ((0, slice(1, None)), (len(words) - 1, slice(None, -1))):
        others = texts[rest]
        if not is_name(texts[at], allow_minority, loose) or any(is_name(t, allow_minority) for t in others):
            continue
        unit = "".join(others)
        if len(unit) >= 4 and (ends_with_org(unit) or ends_with_position(unit)):
            a, b = words[at]
            span = words[1:] if at == 0 else words[:-1]
            return NamePart(outside[a:b], free_text(outside[span[0][0] : span[-1][1]].src), notes)
    return None


_ANNOTATION_RE = re.compile(r"同志|已故|追授|追记|追认|牺牲|挂职|援[青藏疆]|女士|先生")


def split_notes(head: Span) -> tuple[Span, list[Span]]:
    """Like `split_brackets`, but a bracket inside the text that holds no
    annotation of a person (gender, ethnicity, birth, 已故 …) stays where it
    is: 某小学八（3）班学生李四, 县人民医院（县中医院）院长吴九 keep their
    brackets in the unit.  A bracket at the end is always a note
    (李四（民和县人民医院）)."""
    view = head.view
    if "(" not in view and "【" not in view and "[" not in view and "〔" not in view:
        return split_brackets(head)
    keep: list[tuple[int, int]] = []  # source ranges of the text, brackets kept inside it
    notes: list[Span] = []
    depth, start, open_at = 0, 0, 0
    for i, ch in enumerate(view):
        if ch in "(【[〔":
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in ")】]〕" and depth:
            depth -= 1
            if depth == 0:
                inner = head[open_at + 1 : i]
                last = not view[i + 1 :].strip()
                if last or is_annotation(inner.view):
                    keep.append((start, open_at))
                    if inner.strip(" "):
                        notes.append(inner.strip(" "))
                    start = i + 1
    if depth:
        return split_brackets(head)
    keep.append((start, len(view)))
    src = "".join(head.src[a:b] for a, b in keep)
    vw = "".join(view[a:b] for a, b in keep)
    return Span(src, vw).strip(" "), notes


def is_annotation(inner: str) -> bool:
    if _ANNOTATION_RE.search(inner):
        return True
    pieces = [p for p in re.split(r"[,;、/\s]+", inner) if p]
    return any(is_attribute(classify_segment(p)[0]) for p in pieces)


def _name_before_bracket(head: Span, allow_minority: bool, loose: bool) -> NamePart | None:
    """`张三（女，1985年6月出生）某公司职员`: a name, its notes, then its unit
    (which keeps brackets of its own: 某医院副护士长(副主任护师))."""
    view = head.view
    start = view.find("(")
    end = _closing(view, start)
    if start < 2 or end < 0 or end >= len(view) - 1:
        return None
    name = strip_comrade(head[:start].strip(" "))
    rest = head[end + 1 :].strip(" ,:")
    if not rest or rest.view[0] in "、;":
        return None  # 张三（…）、李四（…）: a list of people, not a name and its unit
    if is_annotation(view[start + 1 : end]):
        loose = allow_minority = True
    if not is_name(name.squeezed(), allow_minority, loose):
        return None
    _, notes = split_brackets(head[start : end + 1])
    if rest.view[0] == "(" and _closing(rest.view, 0) == len(rest.view) - 1:
        rest = rest[1:-1].strip(" ")  # 李秀英（女，回族）（某中学教师）: the unit in brackets too
        if not rest:
            return None
    return NamePart(name, free_text(rest.src), notes)


def _closing(view: str, start: int) -> int:
    """Index of the bracket closing the one at `start`, or -1."""
    if start < 0:
        return -1
    depth = 0
    for i in range(start, len(view)):
        if view[i] == "(":
            depth += 1
        elif view[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _name_and_unit_words(head: Span, allow_minority: bool, loose: bool) -> NamePart | None:
    """`林雅琴 某医院副护士长(副主任护师)` or `某公司经理 张三（女）`: two words,
    a name (with its notes) and a unit kept whole, brackets and all."""
    words = word_bounds(head)
    if len(words) != 2:
        return None
    first, second = (head[a:b] for a, b in words)
    if any(w.view.count("(") != w.view.count(")") for w in (first, second)):
        return None  # a space inside brackets: not two words

    def bare(word: Span, lenient: bool = False) -> NamePart | None:
        outside, notes = split_brackets(word)
        text = strip_comrade(outside)
        ok = is_name(text.squeezed(), allow_minority or lenient, loose or lenient)
        return NamePart(text, None, notes) if ok else None

    one, two = bare(first), bare(second)
    if not one and not two and _is_unit_like(second):
        one = bare(first, True)  # 韩乙四夫  县农业农村局农技推广站站长
    elif not one and not two and _is_unit_like(first):
        two = bare(second, True)
    if one and not two and len(second) >= 4 and _CJK_START.match(second.view):
        return NamePart(one.name, free_text(second.src), one.notes)
    if two and not one and len(first) >= 4 and _CJK_START.match(first.view):
        return NamePart(two.name, free_text(first.src), two.notes)
    return None


_CJK_START = re.compile(r"^[\u3400-\u9fff]")


def _is_unit_like(word: Span) -> bool:
    """Plainly a unit or a unit and position (县农业农村局农技推广站站长)."""
    text = split_brackets(word)[0].squeezed()
    return len(text) >= 5 and (ends_with_position(text) or ends_with_org(text))


def is_name(text: str, allow_minority: bool, loose: bool = False) -> bool:
    return is_han_name(text) or (allow_minority and is_minority_name(text, strict=not loose))


_CJK_ONLY = re.compile(r"^[\u3400-\u9fff·]+$")
_CJK_DOT_ONLY = re.compile(r"^[\u3400-\u9fff·()\-、0-9A-Za-z]+$")


def strip_comrade(span: Span) -> Span:
    m = _COMRADE_RE.search(span.view)
    return span[: m.start()].strip(" ") if m else span


def free_text(text: str | None) -> str | None:
    return normalise_free_text(text) if text else None


def join_padded(text: Span, cells: list[Span]) -> list[Span]:
    """Cells of `text` cut at wide gaps, with a padded name made whole again:
    a single character and the one or two after the gap are one name when they
    read as one (王  强, 王\u00a0\u00a0强, 马  芳（女，回族）)."""
    if len(cells) < 2 or all(len(c.squeezed()) > 1 for c in cells):
        return cells
    out: list[Span] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        if len(cell.squeezed()) == 1 and i + 1 < len(cells):
            nxt = cells[i + 1]
            given = split_brackets(nxt)[0].squeezed()
            if len(given) <= 2 and is_han_name(cell.squeezed() + given):
                start = text.view.find(cell.view)
                end = text.view.find(nxt.view, start + 1) if start >= 0 else -1
                if end >= 0:
                    out.append(text[start : end + len(nxt.view)])
                    i += 2
                    continue
        out.append(cell)
        i += 1
    return out


def first_field_is_name(body: Span) -> bool:
    """The line starts with a bare name before a gap or a separator
    (王 强   男  汉族 …, 刘  洋   县第二中学   教师)."""
    head = body[: len(re.split(r"[,;、(:]", body.view, maxsplit=1)[0])]
    for gap in (_WIDE_GAP_RE, _SPACE_RE):
        cells = join_padded(head, split_gaps(head, gap))
        if len(cells) > 1:
            return is_han_name(cells[0].squeezed())
    return False


_WIDE_GAP_RE = re.compile(r"\s{2,}")
_SPACE_RE = re.compile(r"\s+")
