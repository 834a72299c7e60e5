"""Marking where a query matched, from the record's own text.

Engines see folded terms only; highlighting works on the record as stored
(what the user reads), finding the folded query pieces in the folded field
text and marking the same character span of the original.  The output is
HTML-safe: the text is escaped and matches are wrapped in <mark>…</mark>.
"""

from __future__ import annotations

import html
import unicodedata

from archive.extract.normalise import normalise_dots
from index.analysis import QueryPlan, fold, grams

HIGHLIGHT_FIELDS: tuple[str, ...] = ("name", "unit", "position", "deeds", "remarks")
SNIPPET_FIELDS = frozenset({"deeds", "remarks"})
SNIPPET_CONTEXT = 40


def _spans(folded: str, pieces: list[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for piece in pieces:
        whole = piece.replace("·", "")
        found = _find_all(folded, whole) if whole else []
        if not found:  # no whole match: mark the bigrams (or characters) that are there
            parts = grams(whole, unigrams=False) or grams(whole)
            for part in parts:
                found.extend(_find_all(folded, part))
        spans.extend(found)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    out = []
    i = text.find(needle)
    while i >= 0 and needle:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + len(needle))
    return out


def _render(text: str, spans: list[tuple[int, int]], snippet: bool) -> str:
    lo, hi = 0, len(text)
    if snippet and spans:
        lo = max(0, spans[0][0] - SNIPPET_CONTEXT)
        hi = min(len(text), spans[0][1] + SNIPPET_CONTEXT * 2)
    out = ["…" if lo > 0 else ""]
    pos = lo
    for start, end in spans:
        if start >= hi:
            break
        out.append(html.escape(text[pos:start]))
        out.append(f"<mark>{html.escape(text[start:min(end, hi)])}</mark>")
        pos = min(end, hi)
    out.append(html.escape(text[pos:hi]))
    if hi < len(text):
        out.append("…")
    return "".join(out)


def highlight_record(record: dict, plan: QueryPlan) -> dict[str, str]:
    """field → marked text, for the fields where the query matched."""
    pieces = plan.fragments()
    latin_only = bool(plan) and not pieces
    out: dict[str, str] = {}
    for name in HIGHLIGHT_FIELDS:
        value = record.get(name)
        if not value:
            continue
        folded = fold(value)
        # Marks go on the text as the source wrote it (full-width commas and
        # all), which lines up with the folded text when folding kept lengths.
        shown = value if len(folded) == len(value) else normalise_dots(unicodedata.normalize("NFKC", value))
        if len(folded) != len(shown):
            continue
        if latin_only:  # a pinyin query matched the name as a whole
            if name == "name":
                out[name] = f"<mark>{html.escape(shown)}</mark>"
            continue
        spans = _spans(folded, pieces)
        if spans:
            out[name] = _render(shown, spans, name in SNIPPET_FIELDS)
    return out
