"""One item of a nominee list → a person or an organization record, and
the cutting of a list line into items (、 pieces, grid cells, padded names)."""

from __future__ import annotations

import re
import unicodedata

from archive.model import Record

from .normalise import normalise_free_text
from .prose_entries import (
    NARRATIVE_RE,
    SUMMARY_RE,
    Facts,
    parse_field_entry,
    person_record,
    read_notes,
)
from .prose_fields import normalise_name
from .prose_find import find_name, join_padded
from .prose_names import (
    PLACE_SUFFIX_RE,
    ends_with_org,
    is_han_name,
    is_minority_name,
    split_trailing_name,
)
from .prose_text import Span, split_brackets, split_gaps, split_top, strip_numbering, word_bounds

_WIDE_GAP_RE = re.compile(r"\s{2,}")
# What can cut a list line into items (separators, gaps, spaces between names).
_ITEM_BREAK_RE = re.compile(r"[、,;\s]")


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
    note = _KIND_NOTE_RE.search(item.view)
    if note is not None and note.start() > 0:
        # 某某县第一中学（先进集体）, 张三（先进个人）: the note says the kind
        item = item[: note.start()].strip(" ")
        kind = kind or ("person" if note.group(1) == "个人" else "organization")
    if SUMMARY_RE.search(item.view):
        return "summary"
    outside = split_brackets(item)[0]
    if len(outside) > 80 or len(item) > 200 or NARRATIVE_RE.search(outside.view):
        return "narrative"  # (a long bracket is a biography: 张三（男，1975年3月生，…）)
    family = _family(item, outside, loc, url)
    if family is not None:
        return family
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
    read_notes(part.notes, facts)
    return person_record(part, facts, item, loc, url)


# A bracket at the end of an item that only says what kind of nominee it is.
_KIND_NOTE_RE = re.compile(r"\(\s*(?:先进|模范|优秀)?(集体|单位|个人)\s*\)$")
_FAMILY_RE = re.compile(r"^(?P<head>[\u3400-\u9fff·]{2,20}?)(?:同志)?(?:的)?家庭$")


def _family(item: Span, outside: Span, loc: str, url: str | None) -> Record | None:
    """A family nominee (最美家庭, 文明家庭, 五好家庭): `王建国家庭（城关镇东街村）`.

    The rule: a family is a collective — kind "organization", named after the
    person it is written under plus 家庭 (王建国家庭), with the place the
    source gives (in brackets, before the name, or after a gap) as its unit;
    the bracket never stays in the name."""
    if "家庭" not in outside.view:
        return None
    words = split_gaps(outside, _WIDE_GAP_RE) or [outside]
    at = next((i for i, w in enumerate(words) if w.squeezed().endswith("家庭")), None)
    if at is None or _FAMILY_RE.match(words[at].squeezed()) is None or _spaced_family(words[at]):
        # 城关镇东街村 王建国家庭, 王建国家庭：城关镇东街村, 王建国 家庭 河口村
        words = _family_words(outside)
        at = next((i for i, w in enumerate(words) if w.squeezed().endswith("家庭")), None)
    if at is None:
        return None
    m = _FAMILY_RE.match(words[at].squeezed())
    if m is None:
        return None
    head = m.group("head")
    unit: str | None = None
    if not is_han_name(head):
        split = _split_after_place(head) or split_trailing_name(head)
        if split is not None:
            unit, head = split  # 城关镇东街村王建国家庭, 龙华区王建国家庭
        elif not is_minority_name(head):
            return None
    # (城关镇东街村，孝老爱亲家庭): the place, not the kind of family it is
    notes = [
        piece.src.strip()
        for note in split_brackets(item)[1]
        for piece in split_top(note, ",;、")
        if not piece.squeezed().endswith("家庭")
    ]
    others = [w.src.strip() for i, w in enumerate(words) if i != at]
    places = [p for p in [unit, *notes, *others] if p]
    word = words[at]
    solid = [i for i, ch in enumerate(word.view) if not ch.isspace()]
    raw = word.src[solid[-len(head) - 2] : solid[-1] + 1]
    return Record(
        kind="organization",
        name=f"{normalise_name(raw[:-2]) or head}家庭",
        name_raw=raw,
        unit=normalise_free_text("，".join(places)) if places else None,
        document_url=url,
        location=loc,
        raw=item.src.strip(),
    )


def _split_after_place(head: str) -> tuple[str, str] | None:
    """龙华区王建国 → (龙华区, 王建国): a place name, then a common Han name."""
    for k in (3, 2):
        place, name = head[:-k], head[-k:]
        if len(place) >= 2 and PLACE_SUFFIX_RE.search(place) and is_han_name(name, common_only=True):
            return place, name
    return None


def _spaced_family(word: Span) -> bool:
    """`龙华区 王建国家庭` (one space, often &nbsp;): the place, then the family —
    the word after the last space names the family by itself."""
    parts = word.view.split()
    if len(parts) < 2:
        return False
    last = parts[-1] if parts[-1] != "家庭" else parts[-2] + "家庭"
    head = last[:-2] if last.endswith("家庭") else ""
    return len(head) >= 2 and (is_han_name(head) or is_minority_name(head))


def _family_words(outside: Span) -> list[Span]:
    """`outside` cut at every space and colon, a lone 家庭 kept with the name
    before it (王建国 家庭)."""
    bounds: list[list[int]] = []
    for m in _FAMILY_WORD_RE.finditer(outside.view):
        if m.group(0) == "家庭" and bounds:
            bounds[-1][1] = m.end()
        else:
            bounds.append([m.start(), m.end()])
    return [outside[a:b] for a, b in bounds]


_FAMILY_WORD_RE = re.compile(r"[^\s:]+")


def is_family_entry(item: Span) -> bool:
    """`item` is one family nominee as written (龙华区 王建国家庭, 王建国家庭（东街村）)."""
    return "家庭" in item.view and _family(item, split_brackets(item)[0], "", None) is not None


def is_family_name(text: str) -> bool:
    """`text` (squeezed) names a family after a person: 王建国家庭, 城关镇东街村王建国家庭."""
    m = _FAMILY_RE.match(text)
    if m is None:
        return False
    head = m.group("head")
    return (
        is_han_name(head)
        or is_minority_name(head)
        or _split_after_place(head) is not None
        or split_trailing_name(head) is not None
    )


_ORG_BAD_RE = re.compile(
    r"[。:]|^\d|^[的与及请将对在从]|称号$|授予|获评|评为|申报|报送|\d+\s*月\s*\d+\s*日"
)


def named_collective(item: Span, loc: str, url: str | None) -> Record | None:
    """A collective whose name need not end like a unit (…妇女之家, …护理单元):
    for items the text itself calls collectives (…为“…”候选集体)."""
    if SUMMARY_RE.search(item.view) or len(item.squeezed()) < 4:
        return None
    return _organization(item, loc, url, explicit=True, any_ending=True)


def _organization(
    item: Span, loc: str, url: str | None, *, explicit: bool, any_ending: bool = False
) -> Record | None:
    compact = item.view.replace(" ", "")
    if not 3 <= len(compact) <= 60 or _ORG_BAD_RE.search(compact) or NARRATIVE_RE.search(compact):
        return None
    if not re.search(r"[\u3400-\u9fff]{2}", compact):
        return None
    if not any_ending and not ends_with_org(compact):
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


# --- cutting a list line into items ------------------------------------------


def list_cells(piece: Span) -> list[Span]:
    """The items of one piece of a list line: cells of a name grid, or the piece."""
    cells = join_padded(piece, split_gaps(piece, _WIDE_GAP_RE))
    if len(cells) == 2 and [c.squeezed().endswith("家庭") for c in cells].count(True) == 1:
        return [piece]  # 马福林家庭  石门镇光明社区: a family and its place
    if len(cells) == 2:
        names = [_is_bare_person(c) for c in cells]
        if names[0] != names[1] and len(cells[names.index(False)].squeezed()) >= 4:
            return [piece]  # 张三　　县委办公室副主任: a name and its unit
        if not any(names):
            part = find_name(piece, allow_minority=True)
            if part is not None and part.unit:
                return [piece]  # 韩乙四夫  县农业农村局农技推广站站长
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
    families = sum(p.squeezed().endswith("家庭") for p in parts)
    if families and families < len(parts):
        return [cell]  # 王建国家庭 城关镇东街村: a family and its place
    if all(is_han_name(p.squeezed()) or is_minority_name(p.squeezed()) for p in parts):
        return parts
    if all(len(p) >= 4 and ends_with_org(p.squeezed()) for p in parts):
        return parts  # 某街道办事处　某中学: units one space apart
    return [cell]  # 张三 某公司总经理: one item, read by find_name


# --- whole lines ----------------------------------------------------------------


def read_semicolon_entries(sentence: Span, location: str, url: str | None) -> list[Record]:
    """杨春花，女，汉族…；李德全，男，回族…: several field entries in one sentence."""
    if ";" not in sentence.view:
        return []
    parts = split_top(sentence, ";")
    if len(parts) < 2:
        return []
    found = [parse_field_entry(p, location, url, in_context=True) for p in parts]
    good = [r for r in found if r is not None]
    return good if len(good) >= 2 and len(good) >= 0.8 * len(parts) else []


def read_list(
    text: Span, location: str, url: str | None, kind: str | None, *, strict: bool
) -> list[Record]:
    """The records of one 、-separated (or gridded) list, or [] if it is not one.

    `strict` (no heading above): only a line made of three or more Han names.
    """
    if strict and not _ITEM_BREAK_RE.search(text.view):
        return []  # one item, and a strict list needs three (栏目12, 首页: page furniture)
    pieces = split_top(text, "、,;")
    items = [list_cells(piece) for piece in pieces]
    flat = [item for group in items for item in group]
    if not flat:
        return []
    if strict:
        if len(flat) < 3 or not all(is_han_name(i.squeezed(), common_only=True) for i in flat):
            return []
        kind = "person"
    results: list[Record | None | str] = []
    last_start = 0  # the piece where the last result began
    i = 0
    while i < len(items):
        group = items[i]
        found = [parse_item(item, kind, location, url) for item in group]
        if found == [None] and i + 1 < len(items) and len(items[i + 1]) == 1:
            # 村党支部书记、村委会主任张三: the 、 was inside one item
            joined = join_pieces(text, pieces[i], pieces[i + 1])
            merged = parse_item(joined, kind, location, url) if joined else None
            if isinstance(merged, Record) and merged.kind == "person" and merged.unit:
                results.append(merged)
                last_start = i
                i += 2
                continue
        if found == [None] and i > 0 and results and isinstance(results[-1], Record):
            # 某集团党委书记、董事长、县人大代表: the 、 was inside the unit after the name
            joined = join_pieces(text, pieces[last_start], pieces[i])
            merged = parse_item(joined, kind, location, url) if joined else None
            prev = results[-1]
            if (
                isinstance(merged, Record)
                and merged.kind == "person"
                and merged.name == prev.name
                and len(merged.unit or "") > len(prev.unit or "")
            ):
                results[-1] = merged
                i += 1
                continue
        results.extend(found)
        last_start = i
        i += 1
    if "summary" in results or "narrative" in results:
        return []
    people = sum(isinstance(r, Record) and r.kind == "person" for r in results)
    if kind != "organization" and people and people >= 0.6 * len(results) - 1:
        # beside other people, a bare 扎西, 卓玛 or 娜 佳 is a person too
        flat = [item for group in items for item in group]
        if len(flat) == len(results):
            # (a longer token needs more company: 王强、更深露重 is no list of two)
            results = [
                r
                if r is not None or (people < 2 and len(item.squeezed()) > 3)
                else parse_item(item, "person", location, url, loose=True)
                for r, item in zip(results, flat, strict=True)
            ]
    good = [r for r in results if isinstance(r, Record)]
    if not good or len(good) < 0.6 * len(results):
        return []
    return good


def names_follow(rest: Span, minimum: int) -> bool:
    """`rest` starts with `minimum` (1 or 2) people (张三、李四 …)."""
    items = split_top(rest, "、,;")
    if len(items) < minimum or not items:
        return False
    return all(find_name(item, allow_minority=False) is not None for item in items[:minimum])


def read_families(text: Span, location: str, url: str | None) -> list[Record]:
    """A line that is nothing but family nominees (1.王建国家庭（城关镇东街村）):
    a nominee even outside a list, when its place is given or it has company."""
    items = [c for piece in split_top(text, "、,;") for c in list_cells(piece)]
    found = [parse_item(item, "organization", location, url) for item in items]
    families = [r for r in found if isinstance(r, Record) and r.name.endswith("家庭")]
    if not families or len(families) != len(items):
        return []
    return families if len(families) >= 2 or families[0].unit else []


def bare_names(rest: Span) -> int:
    """How many people `rest` lists when it is nothing but names (王  强、李建国),
    else 0."""
    cells = [c for piece in split_top(rest, "、,;") for c in list_cells(piece)]
    if not cells or not all(is_han_name(c.squeezed()) for c in cells):
        return 0
    common = sum(is_han_name(c.squeezed(), common_only=True) for c in cells)
    return len(cells) if common * 2 > len(cells) else 0  # (亓小红 beside 王强 and 李建国)


def top_colon(view: str) -> int:
    if ":" not in view:
        return -1
    depth = 0
    for i, ch in enumerate(view):
        if ch in "([【〔":
            depth += 1
        elif ch in ")]】〕":
            depth = max(0, depth - 1)
        elif ch == ":" and depth == 0:
            return i
    return -1
