"""One prose entry or list item → one `Record`.

Two shapes are read here:

* a *field entry* — a name followed by comma-separated facts:
  ``张三，男，汉族，1970年5月出生，中共党员，大学学历，某县某镇党委书记`` (also
  with the name after its unit, ``某医院主任医师李某某，女，回族``);
* a *list item* — one piece of a 、-separated list: ``张三（某县人民医院）``,
  ``张三（女，朝鲜族）``, ``某有限公司王建国同志``, ``某县某镇人民政府``.

A piece that cannot be read with confidence gives None: the caller decides
from the whole line whether it is a list at all.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from archive.model import Record

from .prose_fields import classify_segment, is_attribute, normalise_name
from .prose_names import (
    POSITION_WORDS,
    ends_with_org,
    is_han_name,
    is_minority_name,
    split_trailing_name,
)
from .prose_text import Span, split_brackets, split_gaps, split_top, strip_numbering, word_bounds

try:
    from archive.extract.normalise import normalise_free_text
except ImportError:  # pragma: no cover

    def normalise_free_text(text: str | None) -> str | None:
        return re.sub(r"\s+", "", text or "") or None


SUMMARY_RE = re.compile(
    r"等\s*(?:\d+|[一二三四五六七八九十百两几]+)\s*(?:名|个|人|位|家|户|所|项)|等$|等(?:同志|单位|集体)"
)
_COMRADE_RE = re.compile(r"\s*(?:同志|先生|女士)\s*$")
_NARRATIVE_RE = re.compile(
    r"(?:我们|坚持|积极|开展|通过|推动|加强|进一步|以来|为了|成为|带领|先后|指出|强调|表示|讲话|要求|认真|"
    r"深入|不断|充分|全面|切实|努力|参加|参与|获得|荣获|评为|工作中|期间|目前|已经|正在|一直|"
    r"出席|召开|举行|进行|发表|看望|慰问|部署|落实|实现|完成|介绍|讲述|来到|了|的|着|发言|讲话|致辞|"
    r"本次|由|主办|承办|协办|共同|分别|以及|"
    r"！|？|\?|!|——|\d{4}\s*年)"
)
_POSITION_SET = frozenset(POSITION_WORDS)
_WIDE_GAP_RE = re.compile(r"\s{2,}")


@dataclass
class Facts:
    """What the pieces of an entry state (view values; unit/position as source spans)."""

    gender: str | None = None
    ethnicity: str | None = None
    birth: str | None = None
    political: str | None = None
    education: str | None = None
    title: str | None = None
    units: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    attributes: int = 0
    unit_refs: list[tuple[int, str]] = field(default_factory=list)  # (piece index, view value)

    def take(self, piece: Span, index: int = -1) -> bool:
        """Record what `piece` states; False when past honours begin (stop reading)."""
        kind, value = classify_segment(piece.view)
        if kind == "stop":
            return False
        if kind in ("skip", "name") or value is None:
            return True
        if is_attribute(kind):
            if getattr(self, kind) is None:
                setattr(self, kind, value)
                self.attributes += 1
            return True
        source = _source_of(piece, value)
        if kind == "title":
            self.title = self.title or source
        elif kind == "position":
            self.positions.append(source)
        else:
            self.units.append(source)
            self.unit_refs.append((index, value))
        return True


def _source_of(piece: Span, value: str) -> str:
    """The source characters of `value`, a (trimmed) part of `piece`'s view."""
    at = piece.view.find(value)
    return piece.src[at : at + len(value)] if at >= 0 else value


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
    outside, notes = split_brackets(head)
    outside = _strip_comrade(outside)
    if not outside:
        return None
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
                _is_name(one, allow_minority, loose)
                and not _is_name(two, allow_minority)
                and len(two) >= 4
            ):
                return NamePart(first, _free(second.src), notes)
            if (
                _is_name(two, allow_minority, loose)
                and not _is_name(one, allow_minority)
                and len(one) >= 4
            ):
                return NamePart(second, _free(first.src), notes)
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
        _free(_sub_by_compact(outside, index, 0, cut).src),
        notes,
    )


def _name_before_bracket(head: Span, allow_minority: bool, loose: bool) -> NamePart | None:
    """`张三（女，1985年6月出生）某公司职员`: a name, its notes, then its unit
    (which keeps brackets of its own: 某医院副护士长(副主任护师))."""
    view = head.view
    start = view.find("(")
    end = _closing(view, start)
    if start < 2 or end < 0 or end >= len(view) - 1:
        return None
    name = _strip_comrade(head[:start].strip(" "))
    rest = head[end + 1 :].strip(" ,:")
    if not rest or not _is_name(name.squeezed(), allow_minority, loose):
        return None
    _, notes = split_brackets(head[start : end + 1])
    return NamePart(name, _free(rest.src), notes)


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

    def bare(word: Span) -> NamePart | None:
        outside, notes = split_brackets(word)
        text = _strip_comrade(outside)
        return NamePart(text, None, notes) if _is_name(text.squeezed(), allow_minority, loose) else None

    one, two = bare(first), bare(second)
    if one and not two and len(second) >= 4 and _CJK_START.match(second.view):
        return NamePart(one.name, _free(second.src), one.notes)
    if two and not one and len(first) >= 4 and _CJK_START.match(first.view):
        return NamePart(two.name, _free(first.src), two.notes)
    return None


_CJK_START = re.compile(r"^[\u3400-\u9fff]")


def _is_name(text: str, allow_minority: bool, loose: bool = False) -> bool:
    return is_han_name(text) or (allow_minority and is_minority_name(text, strict=not loose))


_CJK_ONLY = re.compile(r"^[\u3400-\u9fff·]+$")
_CJK_DOT_ONLY = re.compile(r"^[\u3400-\u9fff·()\-、]+$")


def _strip_comrade(span: Span) -> Span:
    m = _COMRADE_RE.search(span.view)
    return span[: m.start()].strip(" ") if m else span


def _free(text: str | None) -> str | None:
    return normalise_free_text(text) if text else None


def person_record(
    part: NamePart, facts: Facts, raw: Span, loc: str, url: str | None
) -> Record | None:
    name = normalise_name(part.name.src)
    if not name:
        return None
    unit = part.unit
    position = None
    if facts.units:
        if unit is None:
            unit = _free("，".join(facts.units))
        elif all(u in _POSITION_SET for u in facts.units):
            position = _free("，".join(facts.units))
    if facts.positions:
        position = _free("，".join(facts.positions))
    if unit is not None and position is None and facts.units and len(facts.units) == 2:
        # 某公司，总经理: a unit then a bare position
        first, second = facts.units
        if second in _POSITION_SET and part.unit is None:
            unit, position = _free(first), _free(second)
    return Record(
        kind="person",
        name=name,
        name_raw=part.name.src.strip(),
        gender=facts.gender,
        ethnicity=facts.ethnicity,
        birth=facts.birth,
        political=facts.political,
        education=facts.education,
        unit=unit,
        position=position,
        title=facts.title,
        document_url=url,
        location=loc,
        raw=raw.src.strip(),
    )


def _read_notes(notes: list[Span], facts: Facts) -> None:
    for note in notes:
        for piece in split_top(note, ",;、/"):
            words = split_top(piece, " ")
            if len(words) > 1 and all(is_attribute(classify_segment(w.view)[0]) for w in words):
                for word in words:  # （女 回族）
                    facts.take(word)
            else:
                facts.take(piece)


def _join_unit_pieces(chunk: Span, pieces: list[Span], facts: Facts) -> None:
    """Consecutive unit pieces (副院长、主任医师) are one unit, separators as written."""
    refs = facts.unit_refs
    if len(refs) < 2 or [i for i, _ in refs] != list(range(refs[0][0], refs[0][0] + len(refs))):
        return
    if len(refs) == 2 and refs[1][1] in _POSITION_SET:
        return  # 某公司，总经理: unit and position, kept apart
    first = chunk.view.find(pieces[refs[0][0]].view)
    last = chunk.view.find(pieces[refs[-1][0]].view, max(first, 0))
    if first < 0 or last < 0:
        return
    start = chunk.view.find(refs[0][1], first)
    end = chunk.view.find(refs[-1][1], last)
    if start < 0 or end < 0:
        return
    facts.units = [chunk.src[start : end + len(refs[-1][1])]]


def parse_field_entry(chunk: Span, loc: str, url: str | None, *, in_context: bool) -> Record | None:
    """A name and its comma-separated facts, or None if `chunk` is not one.

    Needs at least one person attribute (gender, ethnicity, birth, political,
    education) after the name, or — in a nominee list — a unit after a bare name
    (`张三，某公司总经理`).
    """
    colon = chunk.view.find(":")
    if 0 < colon <= 12 and _is_name(chunk.view[:colon].replace(" ", ""), True):
        # 张三：男，汉族 … / 张三：某县某局局长
        head, tail = chunk[:colon].strip(" "), chunk[colon + 1 :].strip(" ")
        pieces = [head, *split_top(tail, ",;")]
        listed = split_top(tail, "、,;")
        if listed and find_name(listed[0], allow_minority=False):
            return None  # 海晏：张三、李四 — a group label, not a person called 海晏
    else:
        pieces = split_top(chunk, ",;")
    if len(pieces) < 2:
        # 张三、女、汉族、1980.03 …, 张三  男  汉族 … (a flattened table) or 张三 男 汉族 …
        pieces = split_top(chunk, "、")
        if len(pieces) < 3 or sum(is_attribute(classify_segment(p.view)[0]) for p in pieces[1:4]) < 2:
            wide = split_gaps(chunk, _WIDE_GAP_RE)
            pieces = wide if len(wide) >= 3 else split_top(chunk, " ")
        if len(pieces) < 3:
            return None
    head = pieces[0]
    facts = Facts()
    part = find_name(head, allow_minority=True)
    loose = part is None
    if loose:
        part = find_name(head, allow_minority=True, loose=True)
        if part is None:
            return None
    _read_notes(part.notes, facts)
    facts.units.clear()
    facts.unit_refs.clear()
    for index, piece in enumerate(pieces[1:], 1):
        if SUMMARY_RE.search(piece.view):
            return None
        if not facts.take(piece, index):
            break
    _join_unit_pieces(chunk, pieces, facts)
    compact_name = part.name.view.replace(" ", "")
    if loose and facts.attributes == 0:
        return None
    if facts.attributes == 0:
        # No person attribute: only `张三，某公司总经理` inside a list.
        if not in_context or len(pieces) != 2 or part.unit is not None or not facts.units:
            return None
        if not is_han_name(compact_name) or is_han_name(facts.units[0]):
            return None
    elif not is_han_name(compact_name) and facts.attributes < 2 and not in_context:
        return None
    return person_record(part, facts, chunk, loc, url)


def parse_item(
    item: Span, kind: str | None, loc: str, url: str | None, *, loose: bool = False
) -> Record | None | str:
    """One list item as a person or an organization; None if it is neither;
    "summary" for `…等6名` and "narrative" for a piece of a sentence, either of
    which disqualifies the whole line.

    `kind` is what the heading above says ("person", "organization") or None
    when it does not say (each item then decides by its shape).
    """
    item, _ = strip_numbering(item)
    item = item.strip(" .。;")
    if not item:
        return None
    if SUMMARY_RE.search(item.view):
        return "summary"
    if len(item) > 80 or _NARRATIVE_RE.search(split_brackets(item)[0].view):
        return "narrative"
    if kind == "organization":
        return _organization(item, loc, url, explicit=True)
    part = find_name(item, allow_minority=kind == "person", loose=loose)
    if (
        part is not None
        and kind is None
        and part.unit is None
        and ends_with_org(item.view.replace(" ", ""))
    ):
        part = None  # 张家村 under a mixed heading is a village, not a person
    if part is None:
        return _organization(item, loc, url, explicit=False) if kind is None else None
    facts = Facts()
    _read_notes(part.notes, facts)
    return person_record(part, facts, item, loc, url)


_ORG_BAD_RE = re.compile(r"[。:]|^\d|^[的与及]")


def _organization(item: Span, loc: str, url: str | None, *, explicit: bool) -> Record | None:
    compact = item.view.replace(" ", "")
    if not 3 <= len(compact) <= 60 or _ORG_BAD_RE.search(compact) or _NARRATIVE_RE.search(compact):
        return None
    if not re.search(r"[\u3400-\u9fff]{2}", compact):
        return None
    if not ends_with_org(compact):
        return None
    if explicit and is_han_name(compact):
        return None  # a bare personal name under a collective heading: not a unit
    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", item.src))
    return Record(
        kind="organization",
        name=name,
        name_raw=item.src.strip(),
        document_url=url,
        location=loc,
        raw=item.src.strip(),
    )


# --- 姓名：… 性别：… --------------------------------------------------------------

KV_LABEL_RE = re.compile(
    r"(姓\s*名|性\s*别|民\s*族|出生年月|出生日期|政治面貌|学\s*历|文化程度|工作单位及职务|单位及职务|"
    r"工作单位|现任职务|职\s*务|职\s*称)\s*:\s*"
)


def key_value_record(
    lines: list[tuple[Span, str]], url: str | None, *, in_context: bool
) -> Record | None:
    """One person from labelled lines (姓名：张三 性别：男 … over one or more lines)."""
    facts = Facts()
    name: Span | None = None
    raw = " ".join(line.src for line, _ in lines)
    for line, _ in lines:
        marks = list(KV_LABEL_RE.finditer(line.view))
        for m, nxt in zip(marks, [*marks[1:], None], strict=False):
            value = line[m.end() : nxt.start() if nxt else len(line.view)].strip(" ,;，；")
            label = re.sub(r"\s+", "", m.group(1))
            if label == "姓名":
                name = value
            elif value:
                facts.take(Span(f"{label}:{value.src}", f"{label}:{value.view}"))
    if name is None:
        return None
    part = find_name(name, allow_minority=True, loose=True)
    if part is None or (not in_context and facts.attributes == 0):
        return None
    return person_record(part, facts, Span(raw, raw), lines[0][1], url)


# --- cutting a list line into items ------------------------------------------


def list_cells(piece: Span) -> list[Span]:
    """The items of one piece of a list line: cells of a name grid, or the piece."""
    cells = split_gaps(piece, _WIDE_GAP_RE)
    if len(cells) == 2:
        names = [_is_bare_person(c) for c in cells]
        if names[0] != names[1] and len(cells[names.index(False)].squeezed()) >= 4:
            return [piece]  # 张三　　县委办公室副主任: a name and its unit
    return [run for cell in cells for run in _split_name_run(cell)]


def _is_bare_person(cell: Span) -> bool:
    """A name alone, perhaps with notes (巴特尔（蒙古族）), and no unit."""
    part = find_name(cell, allow_minority=True)
    return part is not None and part.unit is None


def join_pieces(text: Span, first: Span, second: Span) -> Span | None:
    """The stretch of `text` from `first` to `second` (consecutive pieces of it)."""
    start = text.view.find(first.view)
    end = text.view.find(second.view, start + len(first.view)) if start >= 0 else -1
    return text[start : end + len(second.view)] if end >= 0 else None


def _split_name_run(cell: Span) -> list[Span]:
    """A cell with single spaces: padded names (王 强) or a run of names (王强 李建国)."""
    bounds = word_bounds(cell)
    if len(bounds) <= 1:
        return [cell]
    parts = [cell[a:b] for a, b in bounds]
    if all(is_han_name(p.squeezed()) or is_minority_name(p.squeezed()) for p in parts):
        return parts
    if all(len(p) >= 4 and ends_with_org(p.squeezed()) for p in parts):
        return parts  # 某街道办事处　某中学: units one space apart
    return [cell]  # 张三 某公司总经理: one item, read by find_name
