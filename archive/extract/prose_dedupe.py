"""One record per nominee of a prose passage.

A notice names a nominee more than once — in the list, again in the award
sentence, again above their deeds — and each mention may carry different
fields.  The first mention stays; later ones only fill what it left empty.
"""

from __future__ import annotations

from archive.model import RECORD_FIELDS, Record

__all__ = ["dedupe_records"]


def dedupe_records(records: list[Record]) -> list[Record]:
    """One record per nominee: a later mention of the same name (with no other
    unit) only fills the fields the first one left empty."""
    out: list[Record] = []
    by_name: dict[tuple[str, str], list[Record]] = {}
    for rec in records:
        same = by_name.setdefault((rec.kind, rec.name), [])
        match = next(
            (r for r in same if r.unit is None or rec.unit is None or r.unit == rec.unit), None
        )
        if match is None:
            same.append(rec)
            out.append(rec)
            continue
        for name in RECORD_FIELDS:
            if getattr(match, name) is None and getattr(rec, name) is not None:
                setattr(match, name, getattr(rec, name))
    return out
