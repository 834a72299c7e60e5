"""One prose *field entry* → one person `Record`.

A field entry is a name followed by comma-separated facts:
``张三，男，汉族，1970年5月出生，中共党员，大学学历，某县某镇党委书记`` (also
with the name after its unit, ``某医院主任医师李某某，女，回族``, with 、 or
spaces between the facts, and as labelled lines ``姓名：张三 性别：男 …``).
List items (``张三（某县人民医院）``, ``某县某镇人民政府``) are read in
`prose_items`.

A piece that cannot be read with confidence gives None: the caller decides
from the whole line whether it is a list at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.model import Record

from .prose_fields import classify_segment, is_attribute, normalise_name
from .prose_find import NamePart, find_name, free_text, is_annotation, is_name, join_padded
from .prose_names import (
    POSITION_WORDS,
    is_han_name,
)
from .prose_text import Span, split_gaps, split_top

try:
    from archive.extract.normalise import normalise_free_text
except ImportError:  # pragma: no cover

    def normalise_free_text(text: str | None) -> str | None:
        return re.sub(r"\s+", "", text or "") or None


SUMMARY_RE = re.compile(
    r"等\s*(?:\d+|[一二三四五六七八九十百两几]+)\s*(?:名|个|人|位|家|户|所|项)|等$|等(?:同志|单位|集体)"
)
_COMRADE_RE = re.compile(r"\s*(?:同志|先生|女士)\s*$")
NARRATIVE_RE = re.compile(
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
            unit = free_text("，".join(facts.units))
        elif all(u in _POSITION_SET for u in facts.units):
            position = free_text("，".join(facts.units))
    if facts.positions:
        position = free_text("，".join(facts.positions))
    if unit is not None and position is None and facts.units and len(facts.units) == 2:
        # 某公司，总经理: a unit then a bare position
        first, second = facts.units
        if second in _POSITION_SET and part.unit is None:
            unit, position = free_text(first), free_text(second)
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


def read_notes(notes: list[Span], facts: Facts) -> None:
    for note in notes:
        for piece in split_top(note, ",;、/"):
            words = split_top(piece, " ")
            if len(words) > 1 and all(is_attribute(classify_segment(w.view)[0]) for w in words):
                for word in words:  # （女 回族）
                    facts.take(word)
            else:
                facts.take(piece)


def _view_of_free(text: str) -> str:
    return Span.of(text).view


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
    if 0 < colon <= 12 and is_name(chunk.view[:colon].replace(" ", ""), True):
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
        if (
            len(pieces) < 3
            or sum(is_attribute(classify_segment(p.view)[0]) for p in pieces[1:4]) < 2
        ):
            wide = join_padded(chunk, split_gaps(chunk, _WIDE_GAP_RE))
            pieces = wide if len(wide) >= 3 else join_padded(chunk, split_top(chunk, " "))
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
    read_notes(part.notes, facts)
    facts.units.clear()
    facts.unit_refs.clear()
    for index, piece in enumerate(pieces[1:], 1):
        if SUMMARY_RE.search(piece.view) or _another_person(piece):
            return None
        if not facts.take(piece, index):
            break
    _join_unit_pieces(chunk, pieces, facts)
    if part.unit and facts.unit_refs and facts.unit_refs[0][0] == 1 and len(facts.units) == 1:
        # 德吉央宗（女，藏族） 党的二十大代表，西藏自治区…校长: one unit over the comma
        at = chunk.view.find(pieces[1].view)
        tail_end = at + len(pieces[1].view) if at >= 0 else -1
        head_unit = pieces[0].view.rfind(_view_of_free(part.unit))
        if at >= 0 and head_unit >= 0 and facts.units[0] not in _POSITION_SET:
            start = chunk.view.find(pieces[0].view) + head_unit
            part = NamePart(part.name, free_text(chunk.src[start:tail_end]), part.notes)
            facts.units = []
    compact_name = part.name.view.replace(" ", "")
    if loose and facts.attributes == 0:
        return None
    if facts.attributes == 0:
        # No person attribute: only `张三，某公司总经理` inside a list.
        # (or 刘  洋   县第二中学   教师: a name, its unit and a bare position)
        name_unit = len(pieces) == 2 or (len(pieces) == 3 and pieces[2].squeezed() in _POSITION_SET)
        if not in_context or not name_unit or part.unit is not None or not facts.units:
            return None
        if not is_han_name(compact_name) or is_han_name(facts.units[0]):
            return None
    elif not is_han_name(compact_name) and facts.attributes < 2 and not in_context:
        return None
    return person_record(part, facts, chunk, loc, url)


_PERSON_HEAD_RE = re.compile(r"^([\u3400-\u9fff·\s]{2,10})\(([^()]*)\)")


def _another_person(piece: Span) -> bool:
    """`李四（女，回族，…）`: the next person of a list, not a fact of this entry."""
    m = _PERSON_HEAD_RE.match(piece.view)
    return bool(m) and is_name(m.group(1).replace(" ", ""), True, True) and is_annotation(m.group(2))


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
