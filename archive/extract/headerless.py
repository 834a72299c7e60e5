"""Tables without a header row: columns typed by what their cells hold.

Real notices print lists whose header is lost (an image, a page break, a
table continued with a different width) and grids of bare names under a
heading (优秀共产党员（20名）).  A column is a name column when most of its
cells are personal names, a gender column when they are 男/女, and so on.
A typed table must have a name column and at least one other typed column;
a grid must be (nearly) all names.  Only commendation notices get here.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from archive.model import Record, Table

from .context import ExtractContext
from .headers import IGNORE, NAME, NOMINEE_FIELDS, ORG_NAME, SEQ, UNIT_POSITION, map_header
from .normalise import (
    has_common_surname,
    looks_like_org_name,
    looks_like_person_name,
    normalise_birth,
    normalise_ethnicity,
    normalise_free_text,
    normalise_gender,
    split_name,
    squeeze,
)
from .sections import category_from_section, kind_from_text
from .table_rows import (
    ColumnMap,
    TableState,
    fill_fields,
    is_skip_row,
    looks_like_data,
    org_name,
    person_names,
    records_from_row,
    redact_ids,
    section_text,
)

_POLITICAL_WORDS = frozenset(
    "中共党员 党员 中共预备党员 预备党员 共青团员 团员 群众 无党派人士 无党派 民盟盟员 民革党员 民建会员 "
    "民进会员 农工党党员 致公党党员 九三学社社员 台盟盟员".split()
)
_EDUCATION_WORDS = frozenset(
    "小学 初中 高中 中专 中技 技校 职高 大专 专科 本科 大学 大学本科 大学专科 研究生 硕士 博士 硕士研究生 "
    "博士研究生 在职研究生 在职本科 在职大专 中师 高职".split()
)
_BIRTH_SHAPE = re.compile(r"^(?:19|20)\d{2}\s*[.\-/年。]\s*\d{1,2}")
_SEQ_SHAPE = re.compile(r"^[（(]?\d{1,4}[)）.、]?$")


def _share(values: list[str], pred: Callable[[str], bool]) -> float:
    return sum(1 for v in values if pred(v)) / len(values) if values else 0.0


def _is_person_name(v: str) -> bool:
    parts = split_name(v)
    return parts is not None and looks_like_person_name(parts.name)


def _is_han_surname_name(v: str) -> bool:
    parts = split_name(v)
    if parts is None:
        return False
    return "·" in parts.name or (has_common_surname(parts.name) and 2 <= len(parts.name) <= 4)


def infer_fields(rows: list[list[str]]) -> dict[int, str] | None:
    """Column index → field for a header-less nominee table, or None."""
    width = max((len(r) for r in rows), default=0)
    fields: dict[int, str] = {}
    free: list[tuple[int, float]] = []  # (column, mean length) of untyped text columns
    for c in range(width):
        vals = [squeeze(r[c]) for r in rows if c < len(r) and r[c] and r[c].strip()]
        if len(vals) < max(1, len(rows) // 2):
            continue
        if _share(vals, lambda v: bool(_SEQ_SHAPE.match(v))) >= 0.9:
            fields[c] = SEQ
        elif _share(vals, lambda v: normalise_gender(v) is not None) >= 0.8:
            fields[c] = "gender"
        elif _share(vals, lambda v: normalise_ethnicity(v) is not None) >= 0.8:
            fields[c] = "ethnicity"
        elif _share(vals, lambda v: bool(_BIRTH_SHAPE.match(v)) and normalise_birth(v) is not None) >= 0.8:
            fields[c] = "birth"
        elif _share(vals, lambda v: v in _POLITICAL_WORDS) >= 0.8:
            fields[c] = "political"
        elif _share(vals, lambda v: v in _EDUCATION_WORDS) >= 0.8:
            fields[c] = "education"
        elif (
            NAME not in fields.values()
            and _share(vals, _is_person_name) >= 0.8
            and _share(vals, _is_han_surname_name) >= 0.5
        ):
            fields[c] = NAME
        else:
            free.append((c, sum(map(len, vals)) / len(vals)))
    typed = set(fields.values()) - {SEQ}
    if NAME in typed:
        # the widest free-text column holds the unit (and position, as written)
        units = [(c, n) for c, n in free if _is_unit_column(rows, c)]
        if units:
            col = max(units, key=lambda x: x[1])[0]
            fields[col] = UNIT_POSITION
            typed.add(UNIT_POSITION)
        if len(typed) >= 3 or (len(typed) >= 2 and len(rows) >= 2):
            return {c: f for c, f in fields.items() if f != SEQ}
        return None
    return None


_HAN_RE = re.compile(r"[\u4e00-\u9fff]")


def _is_unit_column(rows: list[list[str]], c: int) -> bool:
    """Text naming a workplace: Chinese, not bare names, not numbers."""
    vals = [squeeze(r[c]) for r in rows if c < len(r) and r[c] and r[c].strip()]
    return bool(vals) and _share(
        vals, lambda v: len(v) >= 3 and bool(_HAN_RE.search(v)) and not _is_person_name(v)
    ) >= 0.8


def infer_org_fields(rows: list[list[str]]) -> dict[int, str] | None:
    """A header-less list of collectives (only used under a 集体 heading)."""
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        vals = [squeeze(r[c]) for r in rows if c < len(r) and r[c] and r[c].strip()]
        if len(vals) >= max(1, len(rows) // 2) and _share(vals, looks_like_org_name) >= 0.8:
            return {c: ORG_NAME}
    return None


def infer_family_fields(rows: list[list[str]]) -> dict[int, str] | None:
    """A list of families (1 | 王建国家庭 | 城关镇东街村): the family column
    names the nominee, the first column of places beside it is its unit
    (a family is a collective named after the person, placed where it lives)."""
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        vals = [squeeze(r[c]) for r in rows if c < len(r) and r[c] and r[c].strip()]
        if len(vals) < max(1, len(rows) // 2) or _share(vals, lambda v: v.endswith("家庭")) < 0.8:
            continue
        fields = {c: ORG_NAME}
        unit = next((u for u in range(width) if u != c and _is_unit_column(rows, u)), None)
        if unit is not None:
            fields[unit] = "unit"
        return fields
    return None


def grid_names(rows: list[list[str]], kind: str | None) -> list[tuple[int, int, str]] | None:
    """(row, column, cell) of every name in a grid of bare names, or None.

    A grid of people: nearly every cell a personal name, most with a common
    surname.  A grid of collectives only under a heading that says so.
    """
    cells = [
        (i, j, c.strip())
        for i, r in enumerate(rows)
        for j, c in enumerate(r)
        if c and c.strip() and not _SEQ_SHAPE.match(squeeze(c))
    ]
    if len(cells) < 2:
        return None
    texts = [squeeze(c) for _, _, c in cells]
    if kind == "organization":
        if _share(texts, looks_like_org_name) >= 0.9:
            return cells
        return None
    if _share(texts, _is_person_name) >= 0.9 and _share(texts, _is_han_surname_name) >= 0.6:
        return cells
    return None


def records_from_headerless(table: Table, ctx: ExtractContext, state: TableState) -> list[Record]:
    """Records from a table with no header: typed columns, else a grid of names."""
    rows = [r for r in table.rows if not is_skip_row(r)]
    data = [r for r in rows if section_text(r) is None or len(r) == 1]
    if not data or any(map_header(c) is not None for r in data for c in r if c and len(c) <= 12):
        return []  # labelled cells: a form or a table of something else
    out: list[Record] = []
    fields = infer_family_fields(data)
    cells = grid_names(table.rows, state.kind) if fields is None else None
    if cells is None and fields is None:
        spans = side_by_side(data)
        if spans is not None:
            return _records_side_by_side(table, data, spans, ctx, state)
        fields = infer_fields(data)
        if fields is None and state.kind == "organization":
            fields = infer_org_fields(data)
    if fields is not None:
        columns = ColumnMap(fields, max(len(r) for r in table.rows))
        for i, row in enumerate(table.rows):
            if is_skip_row(row):
                continue
            section = section_text(row)
            if section is not None and len(row) > 1 and not looks_like_data(row, section, columns):
                kind = kind_from_text(section)
                if kind is not None:
                    state.kind = kind
                state.category = category_from_section(section)
                continue
            out.extend(records_from_row(table, i, row, columns, state, ctx))
        return out
    for i, j, text in cells or ():
        row = table.rows[i]
        if state.kind == "organization":
            org = org_name(text)
            if org is None:
                continue
            rec = Record(kind="organization", name=org[1], name_raw=org[0])
        else:
            names = person_names(text)
            if len(names) != 1:
                continue
            parts = split_name(names[0][0])
            rec = Record(kind="person", name=names[0][1], name_raw=names[0][0],
                         gender=parts.gender if parts else None,
                         ethnicity=parts.ethnicity if parts else None)
        rec.category = state.category
        rec.document_url = ctx.document_url
        rec.location = ctx.location(table.location, f"row {i + 1} column {j + 1}")
        rec.raw = text
        out.append(rec)
    return out



def _name_column(vals: list[str]) -> bool:
    return _share(vals, _is_person_name) >= 0.8 and _share(vals, _is_han_surname_name) >= 0.5


def side_by_side(rows: list[list[str]]) -> list[tuple[int, int]] | None:
    """Column spans of a header-less table that holds two or more nominees
    a row (1 | 王刚 | 县医院 | 2 | 李娜 | 县一中): one span per name column,
    starting at the 序号 just before it; each span needs a column besides
    the name and its sequence number."""
    width = max((len(r) for r in rows), default=0)
    kinds: dict[int, str] = {}
    for c in range(width):
        vals = [squeeze(r[c]) for r in rows if c < len(r) and r[c] and r[c].strip()]
        if len(vals) < max(1, len(rows) // 2):
            continue
        if _share(vals, lambda v: bool(_SEQ_SHAPE.match(v))) >= 0.9:
            kinds[c] = SEQ
        elif _name_column(vals):
            kinds[c] = NAME
    names = [c for c, k in kinds.items() if k == NAME]
    if len(names) < 2:
        return None
    starts = [0] + [c - 1 if kinds.get(c - 1) == SEQ else c for c in names[1:]]
    ends = starts[1:] + [width]
    spans = list(zip(starts, ends, strict=True))
    for (a, b), name_col in zip(spans, names, strict=True):
        if not [c for c in range(a, b) if c != name_col and kinds.get(c) != SEQ]:
            return None  # a grid of bare names: `grid_names` reads those
    return spans


def _records_side_by_side(
    table: Table, data: list[list[str]], spans: list[tuple[int, int]], ctx: ExtractContext, state: TableState
) -> list[Record]:
    """Each span typed on its own, then read row by row, left to right."""
    maps: list[tuple[int, ColumnMap]] = []
    for a, b in spans:
        fields = infer_fields([r[a:b] for r in data])
        if fields is None or NAME not in fields.values():
            return []
        maps.append((a, ColumnMap(fields, b - a)))
    out: list[Record] = []
    for i, row in enumerate(table.rows):
        if is_skip_row(row) or (section_text(row) is not None and len(row) > 1):
            continue
        for a, columns in maps:
            part = row[a:a + columns.width]
            if any(c and c.strip() for c in part):
                out.extend(records_from_row(table, i, part, columns, state, ctx, column=a if a else None))
    return out


# --- form tables: one nominee per table, label | value pairs ---------------------------------


def records_from_form(table: Table, ctx: ExtractContext) -> list[Record]:
    """A registration form (推荐表, 登记表): 姓名 | 张三 | 性别 | 男 … in one table."""
    values: dict[str, str] = {}
    labels: dict[str, str] = {}
    for row in table.rows:
        j = 0
        while j < len(row) - 1:
            label = row[j]
            f = map_header(label) if label and len(squeeze(label)) <= 12 else None
            if f is not None and f not in (SEQ, IGNORE):
                # the value is the next cell that is not the same merged label
                k = j + 1
                while k < len(row) and row[k] == label:
                    k += 1
                if k < len(row) and row[k].strip() and map_header(row[k]) is None:
                    values.setdefault(f, row[k])
                    labels.setdefault(f, label.strip())
                    j = k + 1
                    continue
            j += 1
    name_field = NAME if NAME in values else ORG_NAME if ORG_NAME in values else None
    if name_field is None:
        return []
    others = set(values) & NOMINEE_FIELDS
    if name_field == NAME and len(others) < 2:
        return []
    if name_field == ORG_NAME and not others:
        return []
    columns = ColumnMap({i: f for i, f in enumerate(values)}, len(values))
    row = list(values.values())
    if name_field == NAME:
        names = person_names(values[NAME])
        if len(names) != 1:
            return []
        rec = Record(kind="person", name=names[0][1], name_raw=names[0][0])
        if ORG_NAME in values and "unit" not in values:
            rec.unit = normalise_free_text(values[ORG_NAME])
    else:
        org = org_name(values[ORG_NAME])
        if org is None:
            return []
        rec = Record(kind="organization", name=org[1], name_raw=org[0])
    fill_fields(rec, row, columns)
    rec.document_url = ctx.document_url
    rec.location = ctx.location(table.location)
    rec.raw = redact_ids(" | ".join(
        f"{labels[k]}: {v.strip()[:80]}" for k, v in values.items() if k != "deeds"))
    return [rec]


