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

from archive.model import Record, Table

from .context import ExtractContext
from .headerless import records_from_form, records_from_headerless
from .headers import IGNORE, NAME, ORG_NAME, SEQ, UNIT_POSITION, map_header
from .normalise import squeeze
from .sections import category_from_section, kind_from_text
from .table_rows import (
    ColumnMap,
    TableState,
    distinct,
    is_header_row,
    is_skip_row,
    looks_like_data,
    records_from_row,
    rejoin_split_name,
    section_text,
)

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
        below_cells = distinct(rows[h + 1])
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
    spans = repeated_groups(merged)
    if spans:
        groups = []
        for a, b in spans:
            sub, _ = build_column_map([r[a:b] for r in rows], h)
            groups.append((a, sub))
        grouped = ColumnMap(dict(groups[0][1].fields), width, groups[0][1].contact, groups)
        if grouped.is_nominee_table() or NAME not in merged and ORG_NAME not in merged:
            return grouped, start  # (a 单位 list is judged once the kind is known)
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



_FIELD_FAMILY = {UNIT_POSITION: "unit", "position": "unit", "title": "unit"}


def repeated_groups(fields: list[str | None]) -> list[tuple[int, int]] | None:
    """Column spans of a header that repeats side by side, each with a name
    column (序号|姓名|单位|序号|姓名|单位, 姓名|单位||姓名|单位, 序号|姓名|单位|姓名|单位),
    or None.  Groups start at their name column (or the 序号 just before it)
    and share a field besides the name (工作单位 on one side and 单位及职务
    on the other count as one); each is then read with its own header.
    """
    # 序号|单位|序号|单位 under a 先进集体 heading: 单位 names the collectives
    anchor = NAME if NAME in fields else ORG_NAME if ORG_NAME in fields else "unit"
    anchors = [c for c, f in enumerate(fields) if f == anchor]
    if len(anchors) < 2:
        return None
    starts = [0] + [a - 1 if fields[a - 1] == SEQ else a for a in anchors[1:]]
    ends = starts[1:] + [len(fields)]
    if any(b - a < 2 for a, b in zip(starts, ends, strict=True)):
        return None  # 姓名 merged over two columns, not two groups
    shapes = [{_FIELD_FAMILY.get(f, f) for f in fields[a:b] if f not in (None, SEQ, IGNORE)}
              for a, b in zip(starts, ends, strict=True)]
    if any(shape == {anchor} for shape in shapes):
        # bare 姓名|姓名 reads as groups only with a 序号 beside each
        if not all(shape == {anchor} for shape in shapes) or not all(
                a > 0 and fields[a - 1] == SEQ for a in anchors):
            return None
    elif any(len(shape & shapes[0]) < 2 for shape in shapes[1:]):
        return None  # the groups must share a field besides the name
    return list(zip(starts, ends, strict=True))


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
            for _, sub in cm.groups:
                _unit_as_collective(sub, state)
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
        section = section_text(row)
        if section is not None and not looks_like_data(row, section, columns or inherited):
            kind = kind_from_text(section)
            if kind is not None:
                state.kind = kind
            state.category = category_from_section(section)
            i += 1
            continue
        active = columns or inherited
        if active is None or is_skip_row(row):
            i += 1
            continue
        if active.groups:
            out.extend(_records_from_grouped_row(table, i, row, active, state, ctx))
        else:
            out.extend(records_from_row(table, i, rejoin_split_name(row, active), active, state, ctx))
        i += 1
    if not out and columns is None and inherited is None:
        out = records_from_form(table, ctx) or records_from_headerless(table, ctx, state)
    if any(_METADATA_LABEL_RE.fullmatch(r.name.strip(" :：")) for r in out):
        return []  # 索引号 | … | 成文日期 | …: a 政务公开 info table, not nominees
    return out


# The labels of a 政务公开 page's information table: a table whose "names"
# are these is that table read as a list.
_METADATA_LABEL_RE = re.compile(
    r"索\s*引\s*号|主题分类|主题词|发布机构|发文机关|成文日期|发布日期|发文字号|文\s*号|公开方式|"
    r"公开范围|有效性|信息来源|所属机构|生成日期|标\s*题|名\s*称|分\s*类|来\s*源"
)



def _records_from_grouped_row(
    table: Table, i: int, row: list[str], columns: ColumnMap, state: TableState, ctx: ExtractContext
) -> list[Record]:
    """A row of a side-by-side table: each group is a record of its own, read
    left to right (so the reading order is row by row: left, then right)."""
    out: list[Record] = []
    for start, sub in columns.groups:
        row = rejoin_split_name(row, columns, offset=start, group=sub)
        part = row[start:start + sub.width]
        if not any(c and c.strip() for c in part) or is_skip_row(part):
            continue
        out.extend(records_from_row(table, i, part, sub, state, ctx, column=start if start else None))
    return out


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
    return i > 0 and section_text(rows[i - 1]) is not None


