"""A tab-separated line met inside a prose nominee list.

A txt notice often keeps its list as tab-separated lines; when only one such
line sits between prose lines the text reader leaves it as a paragraph
(``马福林家庭<TAB>石门镇光明社区``, ``张三<TAB>某县人民医院<TAB>主治医师``).
Outside a list a tabbed line is a table row gone astray and is skipped;
inside one it is an item whose tabs separate its fields.  `tabbed_as_entry`
rewrites it in the space-aligned form the list reader already knows:
``张三  某县人民医院主治医师`` — a position field joins the unit before it,
as a unit-and-position cell does in a table.
"""

from __future__ import annotations

import re

from .headers import map_header
from .prose_names import ends_with_position
from .prose_text import Span

__all__ = ["tabbed_as_entry"]

_NUMBER_RE = re.compile(r"^[(（]?\d{1,4}[)）.、．]?$")
_MAX_FIELDS = 8


def tabbed_as_entry(line: Span) -> Span | None:
    """The line with its tab-separated fields joined by two spaces; None for a
    header row (序号 / 姓名 / 工作单位), a lone field or a row too wide to be
    one nominee."""
    fields = [f.strip() for f in line.src.split("\t")]
    fields = [f for f in fields if f]
    if fields and _NUMBER_RE.match(fields[0]):
        fields = fields[1:]  # 1<TAB>张三<TAB>…: the row number
    if not 2 <= len(fields) <= _MAX_FIELDS:
        return None
    if sum(map_header(f) is not None for f in fields) >= 2:
        return None  # 姓名<TAB>工作单位<TAB>职务: the list's header
    parts: list[str] = [fields[0]]
    for field in fields[1:]:
        if len(parts) > 1 and len(parts[-1]) >= 4 and len(field) <= 8 and ends_with_position(field):
            parts[-1] += field  # 某县人民医院 / 主治医师: one unit-and-position
        else:
            parts.append(field)
    return Span.of("  ".join(parts))
