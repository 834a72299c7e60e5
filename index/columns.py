"""Filter and facet values of every document, held in memory by docnum.

Walking whoosh posting lists costs about a microsecond per entry in Python:
a filter on 汉族 walks most of the index.  So the whoosh engine reads the
filter fields' columns once per reader generation and filters and counts
here instead: per value, the docnums that have it (kept newest first), and
per field, a list indexed by docnum.  A filter-only query starts from the
shortest matching list and checks the other filters on each document; facet
counts are one pass over the matches.  Text queries hand over their matched
docnums and are filtered and counted the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from index.base import FACET_FIELDS, SearchQuery

# Facets with many values are cut to the most frequent.
MAX_FACET_VALUES = 100


@dataclass
class FacetColumns:
    """Column values by docnum for the facet fields, plus date order."""

    values: dict[str, list]  # field → value per docnum (None when unstated)
    published: list[int]  # yyyymmdd per docnum, 0 unknown
    order: list[int]  # live docnums, newest first
    postings: dict[str, dict[object, list[int]]]  # field → value → docnums, newest first
    live: bytearray  # 1 for each docnum not deleted
    units: dict[str, list[int]]  # folded unit → docnums (substring search, see index.analysis)
    rank: list[int]  # docnum → its position in `order` (newest first)

    @classmethod
    def build(
        cls, values: dict[str, list], published: list[int], live: Iterable[int], units: Sequence[str | None] = ()
    ) -> FacetColumns:
        order = sorted(live, key=published.__getitem__, reverse=True)
        postings: dict[str, dict[object, list[int]]] = {}
        for name in FACET_FIELDS:
            column = values[name]
            by_value: dict[object, list[int]] = {}
            for d in order:
                v = column[d]
                if v is not None:
                    lst = by_value.get(v)
                    if lst is None:
                        by_value[v] = [d]
                    else:
                        lst.append(d)
            postings[name] = by_value
        live = bytearray(len(published))
        for d in order:
            live[d] = 1
        by_unit: dict[str, list[int]] = {}
        if units:
            for d in order:
                u = units[d]
                if u:
                    by_unit.setdefault(u, []).append(d)
        rank = [len(order)] * len(published)
        for i, d in enumerate(order):
            rank[d] = i
        return cls(values, published, order, postings, live, by_unit, rank)

    def __len__(self) -> int:
        return len(self.order)

    def unit_docs(self, fragment: str) -> list[int]:
        """Docnums whose (folded) unit contains `fragment`."""
        return [d for unit, docs in self.units.items() if fragment in unit for d in docs]

    # -- filters -------------------------------------------------------------

    def _accepted(self, query: SearchQuery) -> list[tuple[str, frozenset | None]]:
        """Per filtered field, the set of values it accepts."""
        checks: list[tuple[str, frozenset | None]] = []
        for name in ("ethnicity", "kind", "stage", "level"):
            wanted = getattr(query, name)
            if wanted is not None:
                checks.append((name, frozenset([wanted])))
        if query.year_from is not None or query.year_to is not None:
            lo = query.year_from if query.year_from is not None else -(10**9)
            hi = query.year_to if query.year_to is not None else 10**9
            checks.append(("year", frozenset(y for y in self.postings["year"] if lo <= y <= hi)))  # type: ignore[operator]
        if query.region is not None:
            prefix = query.region
            checks.append(("region", frozenset(r for r in self.postings["region"] if r.startswith(prefix))))  # type: ignore[union-attr]
        return checks

    def filter(self, query: SearchQuery, candidates: Sequence[int] | None = None) -> list[int]:
        """Docnums passing every filter; from `candidates` (kept in their order)
        or, without candidates, all live documents newest first."""
        checks = self._accepted(query)
        if candidates is None:
            if not checks:
                return self.order
            # Start from the shortest list of docnums any one filter allows.
            best_i, best_len = 0, None
            for i, (name, accepted) in enumerate(checks):
                n = sum(len(self.postings[name].get(v, ())) for v in accepted or ())
                if best_len is None or n < best_len:
                    best_i, best_len = i, n
            name, accepted = checks.pop(best_i)
            lists = [self.postings[name][v] for v in accepted or () if v in self.postings[name]]
            if len(lists) == 1:
                docs: list[int] = list(lists[0])
            else:
                pub = self.published
                docs = sorted((d for lst in lists for d in lst), key=pub.__getitem__, reverse=True)
        else:
            live = self.live
            docs = [d for d in candidates if live[d]]
        for name, accepted in checks:
            column = self.values[name]
            if accepted is None or len(accepted) == 1:
                (value,) = tuple(accepted or (None,))
                docs = [d for d in docs if column[d] == value]
            else:
                docs = [d for d in docs if column[d] in accepted]
        return docs

    # -- facets ----------------------------------------------------------------

    def facets(self, docs: Sequence[int]) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {}
        for name in FACET_FIELDS:
            if docs is self.order:
                counts = Counter({v: len(lst) for v, lst in self.postings[name].items()})
            else:
                counts = Counter(map(self.values[name].__getitem__, docs))
                counts.pop(None, None)
            out[name] = facet_dict(name, counts.items())
        return out


def facet_dict(name: str, counts: Iterable[tuple[object, int]]) -> dict[str, int]:
    """Counts as the API gives them: string keys, years newest first, others
    by count (ties by value), at most MAX_FACET_VALUES."""
    items = [(str(k), int(n)) for k, n in counts if k is not None and k != "" and n > 0]
    if name == "year":
        items.sort(key=lambda kv: kv[0], reverse=True)
    else:
        items.sort(key=lambda kv: (-kv[1], kv[0]))
    return dict(items[:MAX_FACET_VALUES])
