"""Facets as small objects a template can render without knowing how they were counted.

The index gives the contract's facet counts (`{"ethnicity": {"汉族": 12}}`);
this turns them into `Facet(value, label, count, selected, toggle_url)`
lists, one per facet, in the page's order.  A click on a value filters by it;
a click on a selected value removes the filter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from webui.labels import FACET_TITLES, label_for

UrlFor = Callable[[Mapping[str, str]], str]

MAX_VALUES_SHOWN = 30


@dataclass(frozen=True)
class Facet:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class FacetGroup:
    name: str
    title: str
    values: list[Facet]
    truncated: bool


def is_selected(name: str, value: str, chosen: str | None) -> bool:
    """Does the filter in the URL pick this value?  蒙古 picks 蒙古族; 土 never 土家族."""
    if not chosen:
        return False
    if chosen == value:
        return True
    return name == "ethnicity" and chosen + "族" == value


def toggled(params: Mapping[str, str], name: str, value: str, selected: bool) -> dict[str, str]:
    """The query after clicking a facet value: filter by it, or drop that filter; back to page 1."""
    out = {k: v for k, v in params.items() if k not in (name, "page")}
    if not selected:
        out[name] = value
    if name == "year":  # a single year replaces a range
        out.pop("year_from", None)
        out.pop("year_to", None)
    return out


def _ordered(name: str, counts: Mapping[str, int]) -> list[tuple[str, int]]:
    items = [(str(k), int(v)) for k, v in counts.items()]
    if name == "year":
        return sorted(items, key=lambda kv: kv[0], reverse=True)
    return sorted(items, key=lambda kv: (-kv[1], kv[0]))


def build_facets(
    counts_by_facet: Mapping[str, Mapping[str, int]], params: Mapping[str, str], url_for: UrlFor
) -> list[FacetGroup]:
    groups = []
    for name, title in FACET_TITLES.items():
        counts = counts_by_facet.get(name) or {}
        chosen = params.get(name)
        values = []
        for value, count in _ordered(name, counts):
            selected = is_selected(name, value, chosen)
            values.append(
                Facet(value, label_for(name, value), count, selected, url_for(toggled(params, name, value, selected)))
            )
        shown = [f for i, f in enumerate(values) if i < MAX_VALUES_SHOWN or f.selected]
        if chosen and not any(f.selected for f in values):
            # Filtered by a value that has no count (or not in the top list): still show it, to remove it.
            shown.insert(0, Facet(chosen, label_for(name, chosen), 0, True, url_for(toggled(params, name, chosen, True))))
        groups.append(FacetGroup(name, title, shown, truncated=len(shown) < len(values)))
    return groups


def active_filters(params: Mapping[str, str], url_for: UrlFor) -> list[dict[str, str]]:
    """The filters in force, each with the address that removes it."""
    titles = {**FACET_TITLES, "year_from": "起始年份", "year_to": "截止年份"}
    out = []
    for name, title in titles.items():
        value = params.get(name)
        if value:
            rest = {k: v for k, v in params.items() if k not in (name, "page")}
            out.append({"name": name, "title": title, "label": label_for(name, value), "remove_url": url_for(rest)})
    return out
