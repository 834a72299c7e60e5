"""Nominees named inside one running sentence: the *designation* of a
decision or a publicity notice.

    授予张三、李四同志；王五同志“全县优秀共产党员”荣誉称号。
    拟推荐张建军（男，1975年3月生，汉族，…）、马秀兰（…）为全省优秀共产党员人选
    李红梅（市第一人民医院护士长）、王芳（…）为“三八红旗手”正式候选人；
        市人民医院急诊科、县税务局第一税务分局为“三八红旗集体”正式候选集体
    对李明、王芳同志予以通报表扬

A sentence may hold several clauses.  Each clause is a run of items
(separated by 、 or ；) between a start — a verb such as 授予/推荐/确定, a
comma, a colon, or the end of the clause before — and a *marker* (为 / 同志 /
an opening quote) followed by a *tail* that is nothing but the designation
(“…”称号, …候选人, …人选, …集体).  The tail says what the items are
(候选集体 → collectives); every item must then read as a person or a
collective, or the clause gives nothing: a narrative sentence (县委书记李明为
获奖者颁奖, 张三被评为…, 为先进个人颁奖) never has that shape.
"""

from __future__ import annotations

import re

from archive.model import Record

from .prose_find import strip_comrade
from .prose_items import list_cells, named_collective, parse_item
from .prose_lines import DESIGNATION_HINT_RE, has_designation_hint
from .prose_names import is_han_name
from .prose_text import Span, split_top

__all__ = ["DESIGNATION_HINT_RE", "read_designations"]

# Where the items end: 为 (after an optional 同志), 同志, or an opening quote.
_MARKER_RE = re.compile(r"(?:同志|先生|女士)?\s*(?:作为|为)|同志|(?=[“\"「])")
_DESIGNATION_END = (
    r"(?:正式|拟|推荐|预备)?(?:荣誉称号|光荣称号|称号|正式候选人|候选人|候选集体|候选单位|候选对象|候选家庭|推荐人选|人选|"
    r"推荐对象|表彰对象|拟表彰对象|对象|先进集体|先进个人|先进单位|集体|个人|单位|家庭|荣誉)"
)
# The tail: optional words (2025年度, 全省), then a quoted award and/or the
# designation word — and nothing else (a comma, ；, 。 or the end follows).
_TAIL_RE = re.compile(
    r"[^,;。:“”\"「」、]{0,30}?(?:[“\"「][^”\"」]{2,80}[”\"」]\s*(?:的)?\s*(?:"
    + _DESIGNATION_END
    + r")?|"
    + _DESIGNATION_END
    + r")"
    r"|(?:记|荣记)(?:个人)?[一二三]等功|嘉奖"
)
# An unquoted honour (拟推荐…为全市劳动模范): only after an award verb of the
# same sentence, as 成为全国劳动模范 is narrative.
_BARE_TITLE_TAIL_RE = re.compile(
    r"[^,;。:“”\"「」、()]{0,20}?(?:劳动模范|先进工作者|先进个人|先进集体|先进单位|先进基层党组织|"
    r"优秀共产党员|优秀党务工作者|三八红旗手|三八红旗集体|道德模范|最美[^,;。:]{1,8}|模范[^,;。:]{0,6}|"
    r"标兵|能手|工匠|楷模|好人|之星)(?:荣誉称号|称号|人选|候选人)?"
)
_PRAISE_RE = re.compile(r"(?:予以|给予|进行)?\s*(?:通报)?\s*(?:表扬|表彰|嘉奖|奖励)")
_VERB_RE = re.compile(
    r"授予|追授|追认|追记|命名|拟推荐|推荐|拟表彰|表彰|表扬|确定|同意|评选|认定|拟授予|提名|公布"
)
_TOWARDS_RE = re.compile("对")
_POINTER_RE = re.compile(r"以下|下列|上述|如下|附件|名单|全体|同志们")
_AWARD_VERB_RE = re.compile(r"授予|追授|追认|追记")
_ORG_TAIL_RE = re.compile(
    r"集体|单位|组织|家庭|文明岗|文明号|班组|团队|支部|党组织|窗口|基地|企业|示范村|示范社区|"
    r"文明村|文明镇|文明校园|车间"
)
_COLLECTIVE_TAIL_RE = re.compile(r"集体|单位|组织")
_PERSON_TAIL_RE = re.compile(
    r"候选人|个人|同志|人物|标兵|能手|模范|党员|工作者|劳模|劳动模范|教师|医生|好人|红旗手|"
    r"之星|青年|少年|楷模|英雄|工匠|人选"
)
_OPENING = "(【[〔《“‘「『"
_CLOSING = ")】]〕》”’」』"


def read_designations(
    text: Span, location: str, url: str | None, award: str | None = None
) -> list[Record]:
    """The nominees of every designation clause of every sentence of `text`.
    `award` is the notice's own honour, if known (see `_clause`)."""
    return [
        r
        for sentence in split_top(text, "。")
        if has_designation_hint(sentence.view)
        for r in _read_sentence(sentence, location, url, award)
    ]


def _read_sentence(sentence: Span, location: str, url: str | None, award: str | None) -> list[Record]:
    view = sentence.view
    depth = _depths(view)
    clauses: list[tuple[int, int, str, str, bool]] = []  # (marker at, tail end, tail, marker, praise)
    for m in _MARKER_RE.finditer(view):
        at = m.start()
        if not _outside(view, depth, at):
            continue
        tail_end = _boundary(view, depth, m.end())
        tail = view[m.end() : tail_end].strip()
        praise = _PRAISE_RE.fullmatch(tail) is not None and "同志" in m.group(0)
        if praise or _TAIL_RE.fullmatch(tail) or _bare_title(view, depth, at, tail):
            clauses.append((at, tail_end, tail, m.group(0), praise))
    # 授予A“…”称号，授予B同志“…”称号: one of several awards of a decision
    several = len({end for _, end, _, _, _ in clauses}) >= 2  # (同志“: two markers, one clause)
    out: list[Record] = []
    clause_start = 0
    for at, tail_end, tail, marker, praise in clauses:
        if at < clause_start:
            continue
        found = _clause(
            sentence, depth, clause_start, at, tail, marker, praise, location, url,
            several or _names_award(tail, award),
        )
        if found:
            out.extend(found)
            clause_start = tail_end
    return out


def _bare_title(view: str, depth: list[int], at: int, tail: str) -> bool:
    """An unquoted honour after an award verb earlier in the sentence."""
    return _BARE_TITLE_TAIL_RE.fullmatch(tail) is not None and _last_verb(view, depth, 0, at, False)[0] is not None


def _names_award(tail: str, award: str | None) -> bool:
    """The quoted honour of a tail is (part of) the notice's own award."""
    if not award:
        return False
    quoted = "".join(q.strip("“”\"「」") for q in _QUOTED_RE.findall(tail))
    quoted = "".join(quoted.split())
    award = "".join(Span.of(award).view.split())
    return len(quoted) >= 4 and (quoted in award or award in quoted)


_QUOTED_RE = re.compile(r"[“\"「][^”\"」]*[”\"」]")


def _clause(
    sentence: Span,
    depth: list[int],
    clause_start: int,
    at: int,
    tail: str,
    marker: str,
    praise: bool,
    location: str,
    url: str | None,
    own_award: bool = False,
) -> list[Record]:
    """The items of one clause.  `own_award`: the clause is one of several
    awards of its sentence, or names the notice's own honour, so that a
    single collective after 授予 is a nominee, not a past honour."""
    view = sentence.view
    start = _segment_start(view, depth, clause_start, at)
    verb_end, verb = _last_verb(view, depth, start, at, praise)
    if praise and verb_end is None:
        return []  # 对…同志予以表扬 needs its 对
    kind = _kind(tail, marker, praise)
    span = sentence[verb_end if verb_end is not None else start : at].strip(" ")
    if verb_end is not None and not span and not praise:
        # 张三、李四拟推荐为…: the verb after the items, right before the marker
        span = sentence[start : verb_end - len(verb)].strip(" ")
        span = span[: len(span) - len(span.view) + len(span.view.rstrip("被拟已均分别"))].strip(" ")
    count = _COUNT_SUFFIX_RE.search(span.view)
    if count is not None:
        # 张三、李四等2名同志: the whole list, its count after it; fewer items
        # than counted is a summary (the list is elsewhere)
        span = span[: count.start()].strip(" ")
    cells = _cells(span)
    if count is not None and _count_value(count.group(1)) != len(cells):
        return []
    if _AWARD_VERB_RE.fullmatch(verb) and "为" not in marker:
        # 授予某医院“全国文明单位”称号 alone is most often a past honour
        kind = "organization" if kind == "organization" and (len(cells) >= 2 or own_award) else "person"
    records = _items(cells, kind, tail, location, url)
    # 李红梅（…），王芳（…）为…: items may also be separated by commas; earlier
    # segments belong to the clause while they are nothing but items
    while records and verb_end is None and start > clause_start and view[start - 1] == ",":
        end = start - 1
        start = _segment_start(view, depth, clause_start, end)
        verb_end, _ = _last_verb(view, depth, start, end, praise)
        more = _items(
            _cells(sentence[verb_end or start : end].strip(" ")), kind, tail, location, url
        )
        if not more or not all(_plainly_nominee(r) for r in more):
            break  # (经研究，… : a lead-in, not a person surnamed 经)
        records = more + records
    return records


_COUNT_SUFFIX_RE = re.compile(
    r"\s*等?\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:名|个|位|家|户|所)\s*(?:同志|单位|集体|家庭|先进集体|个人)?\s*$"
)
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2}


def _count_value(text: str) -> int:
    """3, 十二, 二十 → the number (Chinese numerals up to 99)."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _DIGITS.get(text, -1)
    tens, _, ones = text.partition("十")
    return (_DIGITS.get(tens, -1) if tens else 1) * 10 + (_DIGITS.get(ones, -1) if ones else 0)


def _plainly_nominee(rec: Record) -> bool:
    return (
        rec.kind == "organization"
        or bool(rec.unit or rec.gender or rec.ethnicity)
        or is_han_name(rec.name, common_only=True)
    )


def _segment_start(view: str, depth: list[int], clause_start: int, at: int) -> int:
    for i in range(at - 1, clause_start - 1, -1):
        if not depth[i] and view[i] in ",。:":
            return i + 1
    return clause_start


def _last_verb(
    view: str, depth: list[int], start: int, end: int, praise: bool
) -> tuple[int | None, str]:
    verb_end, verb = None, ""
    for v in (_VERB_RE if not praise else _TOWARDS_RE).finditer(view, start, end):
        if not depth[v.start()]:
            verb_end, verb = v.end(), v.group(0)
    return verb_end, verb


def _cells(span: Span) -> list[Span]:
    if not span:
        return []
    return [cell for piece in split_top(span, "、;") for cell in list_cells(strip_comrade(piece))]


def _items(
    cells: list[Span], kind: str | None, tail: str, location: str, url: str | None
) -> list[Record]:
    """Every cell as a nominee of `kind`, or [] if one is not."""
    if any(_POINTER_RE.search(cell.view) for cell in cells):
        return []  # 拟推荐以下集体和个人为…: the list is elsewhere
    found = [parse_item(cell, kind, location, url) for cell in cells]
    strict = sum(isinstance(r, Record) for r in found)
    records: list[Record] = []
    for cell, rec in zip(cells, found, strict=True):
        if rec is None and kind == "person" and strict and 3 <= len(cell.squeezed()) <= 8:
            rec = parse_item(cell, kind, location, url, loose=True)  # 韩乙四夫 beside 司马红
        elif rec is None and kind == "organization" and _COLLECTIVE_TAIL_RE.search(tail):
            rec = named_collective(cell, location, url)  # …妇女之家 为“…”候选集体
        if not isinstance(rec, Record) or (kind == "person" and rec.kind != "person"):
            return []  # every item is a nominee, or the clause is no list
        records.append(rec)
    return records


def _kind(tail: str, marker: str, praise: bool) -> str | None:
    """What the tail says the items are; None lets each item decide.  The words
    outside the quotes (正式候选集体) speak first, then the award's own name."""
    if "同志" in marker or praise:
        return "person"
    quoted = "".join(_QUOTED_RE.findall(tail))
    bare = _QUOTED_RE.sub("", tail)
    for text in (bare, quoted):
        org = _ORG_TAIL_RE.search(text) is not None
        person = _PERSON_TAIL_RE.search(text) is not None
        if org != person:
            return "organization" if org else "person"
    return None


def _boundary(view: str, depth: list[int], start: int) -> int:
    """The end of the clause: the next comma, ；, 。 or colon outside brackets."""
    for i in range(start, len(view)):
        if not depth[i] and view[i] in ",;。:":
            return i
    return len(view)


def _outside(view: str, depth: list[int], at: int) -> bool:
    """`at` is outside brackets and quotes (an opening quote there is outside)."""
    return not depth[at] or (depth[at] == 1 and (view[at] in _OPENING or view[at] == '"'))


def _depths(view: str) -> list[int]:
    """Bracket/quote depth at every index (an opening character counts as inside).
    An ASCII double quote opens and closes in turn."""
    out: list[int] = []
    depth = 0
    ascii_open = False
    for ch in view:
        if ch in _OPENING or (ch == '"' and not ascii_open):
            depth += 1
            if ch == '"':
                ascii_open = True
            out.append(depth)
        elif ch in _CLOSING or (ch == '"' and ascii_open):
            out.append(depth)
            depth = max(0, depth - 1)
            if ch == '"':
                ascii_open = False
        else:
            out.append(depth)
    return out
