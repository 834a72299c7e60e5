"""Finding the units that contain a fragment, fast.

Units repeat (about 35,000 distinct in a million records), so a unit query
scans the list of distinct units rather than postings.  The list is kept as
one string, and `str.find` (C speed) jumps from match to match; a binary
search turns each position back into its unit.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable

_SEPARATOR = "\n"  # never inside a folded unit (whitespace is kept as spaces)


class UnitList:
    def __init__(self, units: Iterable[str]) -> None:
        self.units = [u.replace(_SEPARATOR, " ") for u in units if u]
        self._starts: list[int] = []
        position = 0
        for unit in self.units:
            self._starts.append(position)
            position += len(unit) + 1
        self._blob = _SEPARATOR.join(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def containing(self, fragment: str) -> list[str]:
        """Every unit with `fragment` in it, in list order."""
        if not fragment or _SEPARATOR in fragment:
            return []
        found: list[str] = []
        blob, starts, units = self._blob, self._starts, self.units
        i = blob.find(fragment)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            found.append(units[k])
            next_start = starts[k + 1] if k + 1 < len(starts) else len(blob)
            i = blob.find(fragment, next_start)
        return found
