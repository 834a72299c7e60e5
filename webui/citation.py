"""A ready citation of a record's source, in the style of GB/T 7714-2015.

Electronic resources are cited as
`主要责任者. 题名[EB/OL]. (发表日期)[引用日期]. 获取和访问路径.`; the
retrieval date is the day the archive fetched the document, and the
archived copy's address follows the source's, so a reader can check the
citation after the source is gone.
"""

from __future__ import annotations

from typing import Any


def _day(iso: str | None) -> str | None:
    return iso[:10] if iso else None


def gbt7714_citation(
    notice: dict[str, Any], *, source_url: str | None, archive_url: str | None, fetched: str | None
) -> str:
    parts = []
    issuer = notice.get("issuer")
    title = notice.get("title") or "（无标题）"
    head = f"{issuer}. {title}[EB/OL]" if issuer else f"{title}[EB/OL]"
    dates = ""
    if notice.get("published"):
        dates += f"({notice['published']})"
    if fetched:
        dates += f"[{_day(fetched)}]"
    parts.append(head + (f". {dates}" if dates else ""))
    if source_url:
        parts.append(source_url)
    if archive_url:
        parts.append(f"存档: {archive_url}")
    return ". ".join(parts) + "."
