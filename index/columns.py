"""Filter and facet values of every document, held in memory by docnum.

Walking whoosh posting lists costs about a microsecond per entry in Python:
a filter on 汉族 walks most of the index.  So the whoosh engine reads the
filter fields' columns once per reader generation and filters and counts
here instead: per value, the docnums that have it (kept newest first), and
per field, a list indexed by docnum, and per value a bitmap (a Python int
whose bit i is the i-th document newest first).  A filter-only query ANDs
bitmaps (C speed, no per-document work), counts facets with popcounts, and
reads its page from the lowest set bits: newest first without sorting.
Text queries hand over their matched docnums, which are filtered by column
checks and counted in one pass (or, when many, turned into a bitmap).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import compress

from index.base import FACET_FIELDS, SearchQuery
from index.units import UnitList

# Facets with many values are cut to the most frequent.
MAX_FACET_VALUES = 100
# Above this many matches, facets are counted on bitmaps rather than per document.
BITMAP_FACETS_FROM = 3000
_NONZERO_BYTE = re.compile(rb"[^\x00]")
_BITS_OF_BYTE = tuple(tuple(b for b in range(8) if v >> b & 1) for v in range(256))


def _set_bits(mask: int, nbytes: int, limit: int | None = None) -> list[int]:
    """Positions of the set bits of `mask`, lowest first (at most `limit`)."""
    data = mask.to_bytes(nbytes, "little")
    out: list[int] = []
    for m in _NONZERO_BYTE.finditer(data):
        i = m.start()
        base = i * 8
        out.extend([base + b for b in _BITS_OF_BYTE[data[i]]])
        if limit is not None and len(out) >= limit:
            return out[:limit]
    return out


_BIT_TO_FLAG = bytes.maketrans(b"01", b"\x00\x01")


class MaskSelection(Sequence):
    """Documents selected by a bitmap over date ranks: newest first, lazily."""

    def __init__(self, cols: FacetColumns, mask: int) -> None:
        self.cols = cols
        self.mask = mask
        self._len = mask.bit_count()
        self._flags: bytes | None = None

    @property
    def flags(self) -> bytes:
        """One byte (0 or 1) per rank: for itertools.compress, all in C."""
        if self._flags is None:
            bits = bin(self.mask)[2:][::-1].encode().translate(_BIT_TO_FLAG)
            self._flags = bits + bytes(len(self.cols.order) - len(bits))
        return self._flags

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index):  # type: ignore[override]
        if not isinstance(index, slice):
            raise TypeError("a MaskSelection is read by slices")
        start, stop, _ = index.indices(self._len)
        ranks = _set_bits(self.mask, self.cols.nbytes, stop)[start:stop]
        order = self.cols.order
        return [order[r] for r in ranks]

    def __iter__(self) -> Iterator[int]:
        return compress(self.cols.order, self.flags)


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
    bitmaps: dict[str, dict[object, int]]  # field → value → bitmap over ranks
    all_mask: int  # every live document
    by_rank: dict[str, list]  # field → value per rank (newest first)
    _unit_list: UnitList | None = None

    @property
    def nbytes(self) -> int:
        return len(self.order) // 8 + 1

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
        nbytes = len(order) // 8 + 1
        bitmaps: dict[str, dict[object, int]] = {}
        for name in FACET_FIELDS:
            bitmaps[name] = {v: _mask_of_ranks(map(rank.__getitem__, docs), nbytes) for v, docs in postings[name].items()}
        all_mask = (1 << len(order)) - 1
        by_rank = {name: [values[name][d] for d in order] for name in FACET_FIELDS}
        return cls(values, published, order, postings, live, by_unit, rank, bitmaps, all_mask, by_rank)

    def mask_of(self, docs: Iterable[int]) -> int:
        return _mask_of_ranks(map(self.rank.__getitem__, docs), self.nbytes)

    def __len__(self) -> int:
        return len(self.order)

    def unit_docs(self, fragment: str) -> list[int]:
        """Docnums whose (folded) unit contains `fragment`."""
        if self._unit_list is None:
            self._unit_list = UnitList(self.units)
        units = self.units
        return [d for unit in self._unit_list.containing(fragment) for d in units[unit]]

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

    def filter(self, query: SearchQuery, candidates: Sequence[int] | None = None) -> Sequence[int]:
        """Docnums passing every filter; from `candidates` (kept in their order)
        or, without candidates, all live documents newest first (a bitmap)."""
        checks = self._accepted(query)
        if candidates is None:
            if not checks:
                return self.order
            mask = self.all_mask
            for name, accepted in checks:
                field_mask = 0
                for v in accepted or ():
                    field_mask |= self.bitmaps[name].get(v, 0)
                mask &= field_mask
            return MaskSelection(self, mask)
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
        """Counts per value of each facet field over `docs`.

        Per field, the cheaper of: a popcount of the matches' bitmap with
        each value's bitmap (~0.4 ns a byte, so a few values: kind, stage,
        level, years, ethnicities), or one pass over the matches' values
        (regions: thousands of values)."""
        out: dict[str, dict[str, int]] = {}
        total = len(docs)
        selection = docs if isinstance(docs, MaskSelection) else None
        mask: int | None = selection.mask if selection else None
        if mask is None and docs is not self.order and total >= BITMAP_FACETS_FROM:
            mask = self.mask_of(docs)
        n = len(self.order)
        for name in FACET_FIELDS:
            popcount_ns = len(self.bitmaps[name]) * self.nbytes * 0.4
            one_pass_ns = (n * 5 + total * 40) if selection else total * 60
            if docs is self.order:
                counts: Counter = Counter({v: len(lst) for v, lst in self.postings[name].items()})
            elif mask is not None and popcount_ns < one_pass_ns:
                counts = Counter({v: (mask & bm).bit_count() for v, bm in self.bitmaps[name].items()})
            elif selection is not None:
                counts = Counter(compress(self.by_rank[name], selection.flags))
            else:
                counts = Counter(map(self.values[name].__getitem__, docs))
            counts.pop(None, None)
            out[name] = facet_dict(name, counts.items())
        return out


def _mask_of_ranks(ranks: Iterable[int], nbytes: int) -> int:
    bits = bytearray(nbytes)
    for r in ranks:
        bits[r >> 3] |= 1 << (r & 7)
    return int.from_bytes(bits, "little")


def facet_dict(name: str, counts: Iterable[tuple[object, int]]) -> dict[str, int]:
    """Counts as the API gives them: string keys, years newest first, others
    by count (ties by value), at most MAX_FACET_VALUES."""
    items = [(str(k), int(n)) for k, n in counts if k is not None and k != "" and n > 0]
    if name == "year":
        items.sort(key=lambda kv: kv[0], reverse=True)
    else:
        items.sort(key=lambda kv: (-kv[1], kv[0]))
    return dict(items[:MAX_FACET_VALUES])
