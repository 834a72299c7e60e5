"""Rows of nominee tables: what a row is (data, section heading, total,
note) and the record it gives, once the columns are known.

Shared by the header-driven reader (`tables`) and the header-less one
(`headerless`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.model import Record, Table

from .context import ExtractContext
from .headers import NAME, NOMINEE_FIELDS, ORG_NAME, SEQ, UNIT_POSITION, map_header
from .normalise import (
    clean_text,
    looks_like_org_name,
    looks_like_person_name,
    normalise_birth,
    normalise_education,
    normalise_ethnicity,
    normalise_free_text,
    normalise_gender,
    normalise_political,
    split_name,
    squeeze,
)
from .prose_names import ends_with_org
from .sections import COUNT_RE, SECTION_NUM_RE, kind_from_text


@dataclass
class ColumnMap:
    """Which column holds which field, as read from a header row."""

    fields: dict[int, str]  # column index → field
    width: int
    contact: bool = False  # the header has a telephone column
    # A header that repeats (序号|姓名|单位|序号|姓名|单位: two nominees a
    # row): (first column, map of that group) for each group, left to right.
    groups: list[tuple[int, ColumnMap]] = field(default_factory=list)

    def column(self, field_name: str) -> int | None:
        for col, f in self.fields.items():
            if f == field_name:
                return col
        return None

    @property
    def has_name(self) -> bool:
        return NAME in self.fields.values()

    @property
    def has_org_name(self) -> bool:
        return ORG_NAME in self.fields.values()

    def is_nominee_table(self) -> bool:
        if self.groups:
            # 序号|姓名|序号|姓名: a list of names laid out side by side
            return all(g.is_nominee_table() or set(g.fields.values()) == {NAME} for _, g in self.groups)
        values = set(self.fields.values())
        if self.contact and not values & (NOMINEE_FIELDS - {"unit", "position", UNIT_POSITION}):
            return False  # 姓名 | 职务 | 联系电话: whom to call, not whom to honour
        if NAME in values:
            return bool(values & NOMINEE_FIELDS) or ORG_NAME in values
        return ORG_NAME in values


@dataclass
class TableState:
    """What carries over from one table to the next within a document:
    a table split over pages continues without repeating its header."""

    columns: ColumnMap | None = None
    kind: str | None = None
    category: str | None = None
    section_kinds: dict[str, str] = field(default_factory=dict)


# --- row classification -----------------------------------------------------------

_TOTAL_RE = re.compile(r"^(?:合计|总计|小计|共计|总数|合 计)")
_NOTE_RE = re.compile(r"^(?:注|备注|说明|填表说明|附注|注释)\s*[:：\d１-９]|^注\s*[:：]?$|^[（(]?注[）)]")
def nonempty(row: list[str]) -> list[str]:
    return [c.strip() for c in row if c and c.strip()]


def distinct(row: list[str]) -> list[str]:
    seen: list[str] = []
    for c in nonempty(row):
        if c not in seen:
            seen.append(c)
    return seen


def is_header_row(row: list[str]) -> bool:
    """At least two cells, and 60% of them, name fields (one of them a
    name, a unit, 序号, 性别 or 出生年月).  Stops at the first cells that
    name nothing, as data rows do."""
    cells = distinct(row)
    total = len(cells)
    fields: set[str] = set()
    unmapped = 0
    for c in cells:
        f = map_header(c)
        if f is None:
            unmapped += 1
            if unmapped > total - 2 or unmapped > 0.4 * total:
                return False
        else:
            fields.add(f)
    return total - unmapped >= 2 and bool(fields & {NAME, ORG_NAME, SEQ, "unit", UNIT_POSITION, "gender", "birth"})


def section_text(row: list[str]) -> str | None:
    """The text of a row that spans the table (merged) or has one cell."""
    cells = distinct(row)
    if len(cells) == 1:
        return cells[0]
    if len(cells) == 2 and re.fullmatch(r"[一二三四五六七八九十]+[、.．]?|第[一二三四五六七八九十]+[类组部分]", cells[0]):
        return cells[0] + "、" + cells[1]
    return None


def is_skip_row(row: list[str]) -> bool:
    cells = nonempty(row)
    if not cells:
        return True
    first = squeeze(cells[0])
    if _NOTE_RE.match(first):
        return True
    return any(_TOTAL_RE.match(squeeze(c)) for c in cells[:3])



# --- rows → records -------------------------------------------------------------------


def cell(row: list[str], col: int | None) -> str:
    if col is None or col >= len(row):
        return ""
    return row[col] or ""


_MULTI_NAME_SPLIT = re.compile(r"[、，,；;/]|\s{1,}")


def person_names(cell: str) -> list[tuple[str, str]]:
    """(name_raw, name) pairs of a person-name cell; several when it lists
    several people (张三、李四)."""
    text = cell.strip()
    parts = split_name(text)
    if parts is None:
        return []
    if looks_like_person_name(parts.name):
        return [(text, parts.name)]
    pieces = [p for p in re.split(r"[、，,；;/\n]+", text) if p.strip()]
    if len(pieces) >= 2:
        out = []
        for p in pieces:
            pp = split_name(p)
            if pp is None or not looks_like_person_name(pp.name):
                return []
            out.append((p.strip(), pp.name))
        return out
    return []


def org_name(cell: str) -> tuple[str, str] | None:
    raw = cell.strip()
    parts = split_name(raw)
    if parts is None:
        return None
    name = parts.name
    # Bracketed annotations of a unit are part of its name (…（集团）), so
    # only numbering and whitespace are removed here.
    name = squeeze(re.sub(r"^\s*(?:\d{1,4}\s*[.、．)）]|[（(]\d{1,4}[)）])\s*", "", clean_text(raw) or ""))
    if len(name) < 2 or map_header(name) is not None:
        return None
    if re.fullmatch(r"[\d\W_]+", name):
        return None
    return raw, name


_SETTERS = {
    "gender": normalise_gender,
    "ethnicity": normalise_ethnicity,
    "birth": normalise_birth,
    "political": normalise_political,
    "education": normalise_education,
}


def fill_fields(record: Record, row: list[str], columns: ColumnMap) -> None:
    for col, f in columns.fields.items():
        if f in (NAME, ORG_NAME):
            continue
        value = cell(row, col)
        if not value.strip():
            continue
        if f == UNIT_POSITION:
            record.unit = normalise_free_text(value)
        elif f in _SETTERS:
            parsed = _SETTERS[f](value)
            if parsed is not None:
                setattr(record, f, parsed)
        elif hasattr(record, f):
            setattr(record, f, normalise_free_text(value))


# Resident ID numbers (18 or 15 digits) must never be stored, not even in `raw`.
_ID_NUMBER_RE = re.compile(r"(?<![0-9])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])\d{2}\d{3}[0-9Xx](?![0-9])|"
                           r"(?<![0-9])[1-9]\d{14}(?![0-9])")


def redact_ids(text: str) -> str:
    return _ID_NUMBER_RE.sub("[身份证号]", text)


def row_raw(row: list[str]) -> str:
    cells = [(c or "").strip() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    return redact_ids(" | ".join(cells))


def row_kind(columns: ColumnMap, name_cell: str, state: TableState, ctx: ExtractContext) -> str:
    if columns.has_name:
        hint = state.kind
        if hint == "organization":
            return "organization"
        name = squeeze(name_cell)
        if hint is None and looks_like_org_name(name) and not looks_like_person_name(name):
            return "organization"
        return "person"
    return "organization"



_ONE_HAN = re.compile(r"^[\u4e00-\u9fff]$")
_ONE_TWO_HAN = re.compile(r"^[\u4e00-\u9fff]{1,2}$")


def rejoin_split_name(
    row: list[str], columns: ColumnMap, offset: int = 0, group: ColumnMap | None = None
) -> list[str]:
    """王  刚 split into two cells by a space-aligned text layout: join them
    and shift the rest of the row back under its headers.

    For a side-by-side table, `group` is the map of the group starting at
    column `offset`; the overflow is judged on the whole row."""
    col = (group or columns).column(NAME)
    if col is None:
        return row
    col += offset
    if col + 1 >= len(row):
        return row
    a, b = row[col].strip(), row[col + 1].strip()
    if _ONE_HAN.match(a) and _ONE_TWO_HAN.match(b) and _row_overflows(row, columns):
        return row[:col] + [row[col] + "  " + row[col + 1]] + row[col + 2:] + [""]
    return row


def _row_overflows(row: list[str], columns: ColumnMap) -> bool:
    """More filled cells than the header has columns, or text past its last one."""
    if columns.groups:
        last = max(start + max(sub.fields, default=0) for start, sub in columns.groups)
    else:
        last = max(columns.fields) if columns.fields else 0
    return any(c and c.strip() for c in row[last + 1:]) or len([c for c in row if c and c.strip()]) > columns.width


def looks_like_data(row: list[str], text: str, columns: ColumnMap | None) -> bool:
    """A row with one text that is a nominee, not a section heading.

    A section heading is merged across the row (its text repeated into every
    cell) or numbered 一、/ counted （3名）; a nominee sits in the name column.
    """
    if columns is None:
        return False
    t = squeeze(text)
    if SECTION_NUM_RE.match(t) or COUNT_RE.search(t) or len(t) > 40:
        return False
    filled = [j for j, c in enumerate(row) if c and c.strip()]
    name_col = columns.column(NAME)
    if name_col is None:
        name_col = columns.column(ORG_NAME)
    if len(filled) == 1 and len(row) > 1:
        return filled[0] == name_col
    parts = split_name(t)
    return kind_from_text(t) is None and (
        looks_like_person_name(parts.name if parts else t) or looks_like_org_name(t)
    )


KIND_WORDS = {"集体": "organization", "先进集体": "organization", "单位": "organization",
               "个人": "person", "先进个人": "person"}


_PERSON_ONLY_FIELDS = ("gender", "ethnicity", "birth", "political", "education", "position")


def _only_unit_filled(row: list[str], columns: ColumnMap, unit_col: int) -> bool:
    """In a sheet of people and collectives with no 类别 column, a row whose
    person cells are all blank and whose unit is filled is a collective's."""
    person_cols = [c for c, f in columns.fields.items() if f in _PERSON_ONLY_FIELDS]
    return bool(person_cols) and not any(cell(row, c).strip() for c in person_cols)


def records_from_row(
    table: Table, i: int, row: list[str], columns: ColumnMap, state: TableState, ctx: ExtractContext,
    column: int | None = None,
) -> list[Record]:
    """The record(s) of one data row; `column` is where the row's cells start
    when they are a group of a side-by-side table (for the location)."""
    detail = f"row {i + 1}" if column is None else f"row {i + 1} column {column + 1}"
    name_col = columns.column(NAME)
    if name_col is None:
        name_col = columns.column(ORG_NAME)
    name_cell = cell(row, name_col)
    if not name_cell.strip():
        # 类别 | 单位 | 姓名 with the collectives' rows leaving 姓名 empty
        unit_col = columns.column("unit")
        if unit_col is None:
            unit_col = columns.column(UNIT_POSITION)
        declared = KIND_WORDS.get(squeeze(cell(row, columns.column("category"))))
        if unit_col is None or not (declared == "organization" or (
                declared is None and state.kind in ("organization", None)
                and _only_unit_filled(row, columns, unit_col))):
            return []
        org = org_name(cell(row, unit_col))
        if org is None or (declared is None and state.kind is None and not ends_with_org(squeeze(org[1]))):
            return []
        rec = Record(kind="organization", name=org[1], name_raw=org[0])
        category = cell(row, columns.column("category")).strip()
        rec.category = normalise_free_text(category) or state.category
        rec.document_url, rec.location, rec.raw = (
            ctx.document_url, ctx.location(table.location, detail), row_raw(row))
        return [rec]
    if map_header(name_cell) is not None and is_header_row(row):
        return []
    kind = row_kind(columns, name_cell, state, ctx)
    declared = KIND_WORDS.get(squeeze(cell(row, columns.column("category"))))
    if declared is not None:
        kind = declared  # a 类别 column saying 集体 / 个人
    location = ctx.location(table.location, detail)
    raw = row_raw(row)
    records: list[Record] = []
    if kind == "person":
        for name_raw, name in person_names(name_cell):
            rec = Record(kind="person", name=name, name_raw=name_raw)
            parts = split_name(name_raw)
            fill_fields(rec, row, columns)
            if parts is not None:
                rec.gender = rec.gender or parts.gender
                rec.ethnicity = rec.ethnicity or parts.ethnicity
            records.append(rec)
    else:
        org = org_name(name_cell)
        if org is None:
            return []
        rec = Record(kind="organization", name=org[1], name_raw=org[0])
        fill_fields(rec, row, columns)
        # A collective has no gender, birth or position of its own.
        rec.gender = rec.ethnicity = rec.birth = rec.political = rec.education = None
        records.append(rec)
    for rec in records:
        if rec.category is None and state.category:
            rec.category = state.category
        rec.document_url = ctx.document_url
        rec.location = location
        rec.raw = raw
    return records


