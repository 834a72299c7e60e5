"""Candidate lists as staff have them: pasted lines, a CSV file, or an xlsx sheet.

Each candidate is a name and, where known, a unit and a birth date.  Pasted
lines are split on tabs, commas (ASCII or Chinese), 、 or semicolons; a line
with none of those is split on spaces.  A field that looks like a date is the
birth; the next other field is the unit.  Files may carry a header row
(姓名/单位/出生年月 and their English names); without one, columns are taken
as name, unit, birth.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from archive.errors import BadInput

MAX_CANDIDATES = 1000
MAX_FIELD = 200

_SEPARATORS = re.compile(r"[\t,，、;；|]")
_BIRTH = re.compile(r"^\d{4}(\s*[.\-/年]\s*\d{1,2}(\s*月)?)?(\s*[.\-/]\s*\d{1,2}\s*日?)?$")

HEADER_NAMES = {
    "name": ("姓名", "名称", "name", "单位名称", "候选人", "候选人姓名"),
    "unit": ("单位", "工作单位", "unit", "工作单位及职务", "所在单位"),
    "birth": ("出生年月", "出生日期", "出生", "birth", "生日"),
}


def looks_like_birth(text: str) -> bool:
    return bool(_BIRTH.match(text.strip()))


def _candidate(name: str, unit: str | None = None, birth: str | None = None) -> dict[str, str]:
    out = {"name": name.strip()[:MAX_FIELD]}
    if unit and unit.strip():
        out["unit"] = unit.strip()[:MAX_FIELD]
    if birth and birth.strip():
        out["birth"] = birth.strip()[:MAX_FIELD]
    return out


def _from_fields(fields: list[str]) -> dict[str, str] | None:
    fields = [f.strip() for f in fields if f and f.strip()]
    if not fields:
        return None
    name, rest = fields[0], fields[1:]
    birth = next((f for f in rest if looks_like_birth(f)), None)
    unit = next((f for f in rest if f is not birth and not looks_like_birth(f)), None)
    return _candidate(name, unit, birth)


def _is_header(fields: list[str]) -> bool:
    first = fields[0].strip().lower() if fields else ""
    return any(first == h.lower() for names in HEADER_NAMES.values() for h in names)


def _limit(candidates: list[dict[str, str]]) -> list[dict[str, str]]:
    if not candidates:
        raise BadInput("名单为空：请每行填写一位候选人（姓名，单位，出生年月）")
    if len(candidates) > MAX_CANDIDATES:
        raise BadInput(f"名单有 {len(candidates)} 人，一次最多核查 {MAX_CANDIDATES} 人")
    return candidates


def parse_pasted(text: str) -> list[dict[str, str]]:
    """One candidate a line: `name, unit, birth` in any order after the name."""
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        fields = _SEPARATORS.split(line) if _SEPARATORS.search(line) else line.split()
        if not out and _is_header(fields):
            continue
        candidate = _from_fields(fields)
        if candidate:
            out.append(candidate)
        if len(out) > MAX_CANDIDATES:
            break
    return _limit(out)


def _from_rows(rows: list[list[str]]) -> list[dict[str, str]]:
    rows = [[("" if c is None else str(c)).strip() for c in row] for row in rows]
    rows = [r for r in rows if any(r)]
    if not rows:
        return _limit([])
    columns: dict[str, int] = {}
    if _is_header(rows[0]) or any(c in names for c in rows[0] for names in HEADER_NAMES.values()):
        for i, cell in enumerate(rows[0]):
            for key, names in HEADER_NAMES.items():
                if cell.lower() in (n.lower() for n in names) and key not in columns:
                    columns[key] = i
        rows = rows[1:]
    out = []
    for row in rows:
        if columns.get("name") is not None:
            def cell(key: str, row: list[str] = row) -> str | None:
                i = columns.get(key)
                return row[i] if i is not None and i < len(row) else None

            name = cell("name")
            if name:
                out.append(_candidate(name, cell("unit"), cell("birth")))
        else:
            candidate = _from_fields(row)
            if candidate:
                out.append(candidate)
        if len(out) > MAX_CANDIDATES:
            break
    return _limit(out)


def parse_csv(data: bytes) -> list[dict[str, str]]:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BadInput("无法读取该 CSV 文件：请存为 UTF-8 或 GBK 编码")
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise BadInput(f"无法读取该 CSV 文件：{exc}") from exc
    return _from_rows(rows)


def parse_xlsx(data: bytes) -> list[dict[str, str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken file
        raise BadInput("无法读取该 xlsx 文件：文件已损坏或不是 xlsx 格式") from exc
    try:
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell_text(c) for c in row])
            if len(rows) > MAX_CANDIDATES + 10:
                break
    finally:
        book.close()
    return _from_rows(rows)


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m")  # a birth date typed as a date in the sheet
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def parse_upload(filename: str, data: bytes) -> list[dict[str, str]]:
    name = (filename or "").lower()
    if name.endswith(".xlsx") or data[:2] == b"PK":
        return parse_xlsx(data)
    if name.endswith((".csv", ".txt")) or not name:
        return parse_csv(data)
    raise BadInput("只接受 CSV 或 xlsx 文件")


def candidates_from_json(body: Any) -> list[Any]:
    """`POST /api/check`'s body: `{"candidates": [...]}` (the check validates each candidate)."""
    if not isinstance(body, dict) or not isinstance(body.get("candidates"), list):
        raise BadInput('请求体应为 {"candidates": [{"name": ..., "unit"?: ..., "birth"?: ...}, ...]}')
    candidates = body["candidates"]
    # Types as the API document states them; the check itself judges the values.
    for i, c in enumerate(candidates[: MAX_CANDIDATES + 1], 1):
        if not isinstance(c, dict) or not isinstance(c.get("name"), str):
            raise BadInput(f"第 {i} 位候选人缺少姓名（name 应为字符串）")
        for key in ("unit", "birth"):
            if c.get(key) is not None and not isinstance(c[key], str):
                raise BadInput(f"第 {i} 位候选人的 {key} 应为字符串")
    return candidates
