"""A small bar chart of results per year, drawn as SVG on the server.

No script and no inline style (the CSP forbids both): geometry goes in SVG
attributes, colours in the stylesheet.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

BAR_WIDTH = 24
GAP = 6
HEIGHT = 80
LABEL_SPACE = 16
COUNT_SPACE = 14
MAX_SPAN = 60


def year_chart(
    year_counts: Mapping[str, int], params: Mapping[str, str], url_for: Callable[[Mapping[str, str]], str]
) -> dict[str, Any] | None:
    """Bars oldest year first, each linking to that year's results; None if no years."""
    counts = {int(y): int(n) for y, n in year_counts.items() if str(y).isdigit()}
    if not counts:
        return None
    lo, hi = min(counts), max(counts)
    # Years without results are bars of zero height: a gap in the record is part of the picture.
    span = range(lo, hi + 1) if hi - lo <= MAX_SPAN else sorted(counts)
    years = [(str(y), counts.get(y, 0)) for y in span]
    top = max(n for _, n in years) or 1
    step = max(1, len(years) // 12)  # label at most ~12 years so that labels never overlap
    bars = []
    for i, (year, count) in enumerate(years):
        h = max(2, round(HEIGHT * count / top)) if count else 0
        x = i * (BAR_WIDTH + GAP)
        rest = {k: v for k, v in params.items() if k not in ("year", "year_from", "year_to", "page")}
        selected = params.get("year") == year
        if not selected:
            rest["year"] = year
        if not count:  # nothing to click through to
            bars.append({"year": year, "count": 0, "x": x, "y": COUNT_SPACE + HEIGHT, "w": BAR_WIDTH, "h": 0,
                         "cx": x + BAR_WIDTH / 2, "label": year if i % step == 0 else "", "url": None,
                         "selected": False})
            continue
        bars.append(
            {
                "year": year,
                "count": count,
                "x": x,
                "y": COUNT_SPACE + HEIGHT - h,
                "w": BAR_WIDTH,
                "h": h,
                "cx": x + BAR_WIDTH / 2,
                "label": year if i % step == 0 or i == len(years) - 1 else "",
                "url": url_for(rest),
                "selected": selected,
            }
        )
    width = len(years) * (BAR_WIDTH + GAP) - GAP
    return {
        "bars": bars,
        "width": width,
        "height": COUNT_SPACE + HEIGHT + LABEL_SPACE,
        "base": COUNT_SPACE + HEIGHT,
    }
