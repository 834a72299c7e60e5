"""Records from tables: nominee lists laid out as rows under a header.

A table yields records only if it looks like a nominee table: a header row
with a name column plus at least one other nominee column, or a collective's
name column.  Contacts, schedules and budgets produce nothing.

The reader walks the rows once, keeping state: the current column map (a
header may sit under title rows, span two rows, or repeat on every page),
the current kind (section rows such as 一、先进集体（3个） switch it), and
the current category (section rows naming an honour).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.model import Record, Table

from .context import ExtractContext
from .headerless import grid_names, infer_fields, infer_org_fields
from .headers import (
    IGNORE,
    NAME,
    NOMINEE_FIELDS,
    ORG_NAME,
    SEQ,
    UNIT_POSITION,
    map_header,
    simplify,
)
from .normalise import (
    clean_text,
    has_common_surname,
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


@dataclass
class ColumnMap:
    """Which column holds which field, as read from a header row."""

    fields: dict[int, str]  # column index → field
    width: int
    contact: bool = False  # the header has a telephone column

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
_SECTION_NUM_RE = re.compile(r"^[（(]?[一二三四五六七八九十]+[）)]?[、.．]?|^[（(]?\d+[）)]|^第[一二三四五六七八九十]+[类部分组]")
_COUNT_RE = re.compile(r"[（(]\s*(?:共)?\s*\d+\s*(名|人|个|家|项|户|支|组)?\s*[)）]\s*$")
_ORG_SECTION_RE = re.compile(
    r"集体|单位|组织|团队|班组|家庭|基地|示范(?:村|社区|区|县|乡|镇|点)|党支部|党委|党组织|企业|学校|"
    r"村(?:\(社区\))?$|社区$|[（(]\d+\s*(?:个|家|支|户)[)）]"
)
_PERSON_SECTION_RE = re.compile(
    r"个人|人员|同志|工作者|劳动模范|劳模|党员|干部|教师|标兵|能手|先进人物|[（(]\d+\s*(?:名|人)[)）]|"
    r"书记|模范|之星|红旗手|人物|工匠|医生|护士|校长|班主任|志愿者|职工|青年|代表|村民|农民"
)


def kind_from_text(text: str) -> str | None:
    """'person' / 'organization' from a section heading or a list title."""
    t = simplify(squeeze(text))
    if not t:
        return None
    org = _ORG_SECTION_RE.search(t)
    person = _PERSON_SECTION_RE.search(t)
    if "个人" in t and ("集体" not in t or t.rfind("个人") > t.rfind("集体")):
        return "person"
    if org and not person:
        return "organization"
    if person and not org:
        return "person"
    if org and person:
        # 先进集体和先进个人: the later word names what follows? undecidable
        if "集体" in t and "个人" not in t:
            return "organization"
        return None
    return None


def _nonempty(row: list[str]) -> list[str]:
    return [c.strip() for c in row if c and c.strip()]


def _distinct(row: list[str]) -> list[str]:
    seen: list[str] = []
    for c in _nonempty(row):
        if c not in seen:
            seen.append(c)
    return seen


def header_score(row: list[str]) -> tuple[int, int]:
    """(cells mapping to a field, distinct non-empty cells)."""
    cells = _distinct(row)
    mapped = sum(1 for c in cells if map_header(c) is not None)
    return mapped, len(cells)


def is_header_row(row: list[str]) -> bool:
    mapped, total = header_score(row)
    if mapped < 2 or mapped < 0.6 * total:
        return False
    fields = {map_header(c) for c in _distinct(row)}
    return bool(fields & {NAME, ORG_NAME, SEQ, "unit", UNIT_POSITION, "gender", "birth"})


def _section_text(row: list[str]) -> str | None:
    """The text of a row that spans the table (merged) or has one cell."""
    cells = _distinct(row)
    if len(cells) == 1:
        return cells[0]
    if len(cells) == 2 and re.fullmatch(r"[一二三四五六七八九十]+[、.．]?|第[一二三四五六七八九十]+[类组部分]", cells[0]):
        return cells[0] + "、" + cells[1]
    return None


def _is_skip_row(row: list[str]) -> bool:
    cells = _nonempty(row)
    if not cells:
        return True
    first = squeeze(cells[0])
    if _NOTE_RE.match(first):
        return True
    return any(_TOTAL_RE.match(squeeze(c)) for c in cells[:3])


# --- column maps --------------------------------------------------------------------


def _map_row(row: list[str]) -> list[str | None]:
    return [map_header(c) if c and c.strip() else None for c in row]


_PHONE_HEADER_RE = re.compile(r"电话|手机|联系方式|邮箱")


def build_column_map(rows: list[list[str]], h: int) -> tuple[ColumnMap, int]:
    """The column map for a header at row `h` and the index of the first data row.

    Handles a two-row header: group labels above (基本情况 over 姓名/性别) or
    sub-headers below (工作单位及职务 over 单位/职务).
    """
    width = max(len(r) for r in rows)
    top = _map_row(rows[h])
    start = h + 1
    merged = list(top) + [None] * (width - len(top))
    if h + 1 < len(rows) and is_header_row(rows[h + 1]) and rows[h + 1] != rows[h]:
        below = _map_row(rows[h + 1])
        for c, f in enumerate(below):
            if f is None or f == SEQ:
                continue
            if merged[c] in (None, UNIT_POSITION, IGNORE) or merged[c] == f or rows[h][c] != rows[h + 1][c]:
                merged[c] = f
        start = h + 2
    elif h + 1 < len(rows):
        # Sub-header row with few cells, e.g. only 单位 | 职务 under a merged cell.
        below_cells = _distinct(rows[h + 1])
        below = _map_row(rows[h + 1])
        mapped = [f for f in below if f is not None]
        if mapped and len(mapped) == len(below_cells) and len(mapped) <= 3:
            if all(
                merged[c] in (None, UNIT_POSITION, IGNORE) or rows[h][c] == rows[h + 1][c]
                for c, f in enumerate(below)
                if f is not None
            ):
                for c, f in enumerate(below):
                    if f is not None:
                        merged[c] = f
                start = h + 2
    if h > 0:
        # Group labels in the row above fill columns the header left unnamed.
        above = _map_row(rows[h - 1])
        for c, f in enumerate(above):
            if c < width and merged[c] is None and f not in (None, SEQ, IGNORE):
                merged[c] = f
    fields: dict[int, str] = {}
    used: set[str] = set()
    header = rows[start - 1] if start - 1 < len(rows) else rows[h]
    for c, f in enumerate(merged):
        if f is None or f in (SEQ, IGNORE):
            continue
        if f == UNIT_POSITION and c + 1 < len(merged) and merged[c + 1] == UNIT_POSITION and (
            c + 2 >= len(merged) or merged[c + 2] != UNIT_POSITION
        ) and header[c] == header[c + 1] and UNIT_POSITION not in used:
            # 单位和职务 merged over two columns: the unit, then the position
            fields[c], fields[c + 1] = "unit", "position"
            used.update({UNIT_POSITION, "unit", "position"})
            continue
        if f in used:
            continue  # a merged header cell repeated into the columns it spans
        used.add(f)
        fields[c] = f
    contact = any(_PHONE_HEADER_RE.search(squeeze(c)) for c in rows[h] if c)
    cm = ColumnMap(fields, width, contact)
    if cm.has_name and cm.has_org_name:
        # 单位名称 beside 姓名 is the person's unit.
        col = cm.column(ORG_NAME)
        if "unit" not in used and UNIT_POSITION not in used:
            fields[col] = "unit"
        else:
            del fields[col]
    return cm, start


# --- rows → records -------------------------------------------------------------------


def _cell(row: list[str], col: int | None) -> str:
    if col is None or col >= len(row):
        return ""
    return row[col] or ""


_MULTI_NAME_SPLIT = re.compile(r"[、，,；;/]|\s{1,}")


def _person_names(cell: str) -> list[tuple[str, str]]:
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


def _org_name(cell: str) -> tuple[str, str] | None:
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


def _fill_fields(record: Record, row: list[str], columns: ColumnMap) -> None:
    for col, f in columns.fields.items():
        if f in (NAME, ORG_NAME):
            continue
        value = _cell(row, col)
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


def _row_raw(row: list[str]) -> str:
    cells = [(c or "").strip() for c in row]
    while cells and not cells[-1]:
        cells.pop()
    return redact_ids(" | ".join(cells))


def _row_kind(columns: ColumnMap, name_cell: str, state: TableState, ctx: ExtractContext) -> str:
    if columns.has_name:
        hint = state.kind
        if hint == "organization":
            return "organization"
        name = squeeze(name_cell)
        if hint is None and looks_like_org_name(name) and not looks_like_person_name(name):
            return "organization"
        return "person"
    return "organization"


def records_from_table(
    table: Table, ctx: ExtractContext, state: TableState | None = None
) -> list[Record]:
    """Nominee records from one table (empty if it is not a nominee table)."""
    state = state if state is not None else TableState(kind=ctx.kind_hint)
    rows = table.rows
    out: list[Record] = []
    columns: ColumnMap | None = None
    inherited = state.columns
    if inherited is not None and rows and inherited.width != max(len(r) for r in rows):
        inherited = None
    i = 0
    while i < len(rows):
        row = rows[i]
        if is_header_row(row):
            cm, start = build_column_map(rows, i)
            _unit_as_collective(cm, state)
            if cm.is_nominee_table():
                columns = cm
                state.columns = cm
                if not cm.has_name and cm.has_org_name:
                    state.kind = "organization"
                elif cm.has_name and state.kind == "organization" and not _recent_section(rows, i):
                    state.kind = None
            else:
                columns = None
                state.columns = None
            i = start
            continue
        section = _section_text(row)
        if section is not None and not _looks_like_data(row, section, columns or inherited):
            kind = kind_from_text(section)
            if kind is not None:
                state.kind = kind
            state.category = category_from_section(section)
            i += 1
            continue
        active = columns or inherited
        if active is None or _is_skip_row(row):
            i += 1
            continue
        out.extend(_records_from_row(table, i, row, active, state, ctx))
        i += 1
    if not out and columns is None and inherited is None:
        out = records_from_form(table, ctx) or records_from_headerless(table, ctx, state)
    return out


def records_from_headerless(table: Table, ctx: ExtractContext, state: TableState) -> list[Record]:
    """Records from a table with no header: typed columns, else a grid of names."""
    rows = [r for r in table.rows if not _is_skip_row(r)]
    data = [r for r in rows if _section_text(r) is None or len(r) == 1]
    if not data or any(map_header(c) is not None for r in data for c in r if c and len(c) <= 12):
        return []  # labelled cells: a form or a table of something else
    out: list[Record] = []
    cells = grid_names(table.rows, state.kind)
    fields = None
    if cells is None:
        fields = infer_fields(data)
        if fields is None and state.kind == "organization":
            fields = infer_org_fields(data)
    if fields is not None:
        columns = ColumnMap(fields, max(len(r) for r in table.rows))
        for i, row in enumerate(table.rows):
            if _is_skip_row(row):
                continue
            section = _section_text(row)
            if section is not None and len(row) > 1 and not _looks_like_data(row, section, columns):
                kind = kind_from_text(section)
                if kind is not None:
                    state.kind = kind
                state.category = category_from_section(section)
                continue
            out.extend(_records_from_row(table, i, row, columns, state, ctx))
        return out
    for i, j, text in cells or ():
        row = table.rows[i]
        if state.kind == "organization":
            org = _org_name(text)
            if org is None:
                continue
            rec = Record(kind="organization", name=org[1], name_raw=org[0])
        else:
            names = _person_names(text)
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


def is_section_heading(text: str) -> bool:
    """一、先进集体（3个） / 优秀共产党员（20名）: a heading over a list."""
    t = squeeze(text)
    return len(t) <= 40 and bool(_SECTION_NUM_RE.match(t) or _COUNT_RE.search(t))


def _unit_as_collective(cm: ColumnMap, state: TableState) -> None:
    """序号 | 单位 | 单位性质: with no name column, 单位 names the collective."""
    if cm.has_name or cm.has_org_name:
        return
    col = cm.column("unit")
    if col is None:
        return
    values = set(cm.fields.values())
    if state.kind == "organization" or values & {"org_type", "industry"}:
        cm.fields[col] = ORG_NAME


def _recent_section(rows: list[list[str]], i: int) -> bool:
    return i > 0 and _section_text(rows[i - 1]) is not None


def _looks_like_data(row: list[str], text: str, columns: ColumnMap | None) -> bool:
    """A row with one text that is a nominee, not a section heading.

    A section heading is merged across the row (its text repeated into every
    cell) or numbered 一、/ counted （3名）; a nominee sits in the name column.
    """
    if columns is None:
        return False
    t = squeeze(text)
    if _SECTION_NUM_RE.match(t) or _COUNT_RE.search(t) or len(t) > 40:
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


def category_from_section(text: str) -> str | None:
    """The honour a section heading names (二、优秀党务工作者（2名） → 优秀党务工作者)."""
    t = squeeze(text)
    t = _SECTION_NUM_RE.sub("", t)
    t = _COUNT_RE.sub("", t).strip("、.．:：")
    if not t or len(t) > 30:
        return None
    if re.fullmatch(r"(?:先进)?(?:集体|个人)|个人|集体|先进集体|先进个人|拟表彰.*名单|.*名单", t):
        return None
    return t


def _records_from_row(
    table: Table, i: int, row: list[str], columns: ColumnMap, state: TableState, ctx: ExtractContext
) -> list[Record]:
    name_col = columns.column(NAME)
    if name_col is None:
        name_col = columns.column(ORG_NAME)
    name_cell = _cell(row, name_col)
    if not name_cell.strip():
        return []
    if map_header(name_cell) is not None and is_header_row(row):
        return []
    kind = _row_kind(columns, name_cell, state, ctx)
    location = ctx.location(table.location, f"row {i + 1}")
    raw = _row_raw(row)
    records: list[Record] = []
    if kind == "person":
        for name_raw, name in _person_names(name_cell):
            rec = Record(kind="person", name=name, name_raw=name_raw)
            parts = split_name(name_raw)
            _fill_fields(rec, row, columns)
            if parts is not None:
                rec.gender = rec.gender or parts.gender
                rec.ethnicity = rec.ethnicity or parts.ethnicity
            records.append(rec)
    else:
        org = _org_name(name_cell)
        if org is None:
            return []
        rec = Record(kind="organization", name=org[1], name_raw=org[0])
        _fill_fields(rec, row, columns)
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


# --- form tables: one nominee per table, label | value pairs ---------------------------------


def records_from_form(table: Table, ctx: ExtractContext) -> list[Record]:
    """A registration form (推荐表, 登记表): 姓名 | 张三 | 性别 | 男 … in one table."""
    values: dict[str, str] = {}
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
        names = _person_names(values[NAME])
        if len(names) != 1:
            return []
        rec = Record(kind="person", name=names[0][1], name_raw=names[0][0])
        if ORG_NAME in values and "unit" not in values:
            rec.unit = normalise_free_text(values[ORG_NAME])
    else:
        org = _org_name(values[ORG_NAME])
        if org is None:
            return []
        rec = Record(kind="organization", name=org[1], name_raw=org[0])
    _fill_fields(rec, row, columns)
    rec.document_url = ctx.document_url
    rec.location = ctx.location(table.location)
    rec.raw = redact_ids(" | ".join(f"{k}: {squeeze(v)[:60]}" for k, v in values.items() if k != "deeds"))
    return [rec]


def is_name_grid(table: Table) -> bool:
    """A header-less grid whose cells are people's names (used for evidence)."""
    cells = [squeeze(c) for r in table.rows for c in r if c and c.strip()]
    cells = [c for c in cells if not re.fullmatch(r"\d+[.、]?", c)]
    if len(cells) < 3:
        return False
    names = [c for c in cells if looks_like_person_name(c) and has_common_surname(c)]
    return len(names) >= 0.8 * len(cells)
