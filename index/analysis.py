"""How records and queries become index terms — the same for every engine.

Chinese has no spaces, and word segmentation alone misses rare names
(阿依古丽, 东主才让) and place fragments, so every text field is indexed as
character unigrams and bigrams of each run of Han characters (Latin and
digit runs as whole lowercase words).  A query term matches a field when all
its bigrams are there.  Text is folded before either side sees it: NFKC,
traditional → simplified (OpenCC t2s), lowercase, and every middle-dot
variant → `·`.  Names get three more views: the exact name and each part of
a transliterated name (`name_exact`, ranked first) and pinyin keys.

Engines receive `IndexedRecord`s and `QueryPlan`s and never analyse text
themselves, which keeps their results identical.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

from archive.extract.normalise import normalise_dots
from index.pinyin import name_pinyin_keys

_T2S = opencc.OpenCC("t2s")
# Names and units recur within a notice or a few (measured on 21,600 bench names:
# 12 µs a record uncached, 4 µs cached, 78 µs the first time either way), so a
# small cache: at 131,072 entries a crawl held ~0.9 MB more per 1,000 records.
NAME_CACHE_SIZE = 1_024
_HAN = "\u3400-\u9fff\uf900-\ufaff"
_RUN_RE = re.compile(f"[{_HAN}]+|[a-z0-9]+")
_LATIN_ONLY_RE = re.compile(r"^[a-z]+$")
# Query pieces: anything but whitespace and punctuation (the name dot is kept).
_PIECE_RE = re.compile(f"[{_HAN}a-z0-9·]+")

# Fields searched by free text, with how much a match in each weighs.
BOOST_NAME_EXACT = 20.0
BOOST_NAME = 4.0
BOOST_PINYIN = 4.0
BOOST_UNIT = 2.0
BOOST_TEXT = 1.0
TEXT_FIELDS: tuple[str, ...] = ("name_exact", "name", "pinyin", "text")
# Units repeat (about 35,000 distinct in a million records): a query piece is
# matched as a substring against the list of distinct units, then the units
# found are a filter — far cheaper than walking bigram postings (卫生 is in a
# sixth of all records), and exact where bigrams are only approximate.
UNIT_SUBSTRING = "unit"
# Record fields whose words are searchable beyond name and unit.  The notice's
# award and issuer are not: shared by every record of a notice, they would add
# a third of all terms and match whole notices, which the filters (level,
# region, year, stage) already select.
_OTHER_TEXT_KEYS = ("position", "title", "industry", "org_type", "category", "remarks", "deeds")
MAX_QUERY_PIECES = 12


def fold(text: str | None) -> str:
    """NFKC, traditional → simplified, lowercase, one kind of middle dot."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text)
    text = normalise_dots(text)
    return _T2S.convert(text).lower()


def fold_words(text: str) -> str:
    """`fold` for running text cut into grams: dots do not matter there, and
    most text is NFKC already (the check is cheaper than normalising)."""
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _T2S.convert(text).lower()


@lru_cache(maxsize=NAME_CACHE_SIZE)
def fold_cached(text: str) -> str:
    """`fold` for short repeated values (names, units, regions)."""
    return fold(text)


def grams(text: str, unigrams: bool = True) -> list[str]:
    """Unigrams (optional) and bigrams of each Han run; Latin/digit runs whole."""
    out: list[str] = []
    for run in _RUN_RE.findall(text):
        if run[0] < "\u3400":  # a Latin or digit word
            out.append(run)
            continue
        if unigrams:
            out.extend(run)
        out.extend([run[i : i + 2] for i in range(len(run) - 1)])
    return out


@lru_cache(maxsize=NAME_CACHE_SIZE)
def _name_views(name: str, is_person: bool) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    folded = fold(name)
    compact = folded.replace(" ", "")
    parts = [p for p in compact.split("·") if p]
    exact = [compact, compact.replace("·", ""), *parts]
    name_terms: list[str] = []
    for part in parts or [compact]:
        name_terms.extend(grams(part))
    pinyin = name_pinyin_keys(compact) if is_person else ()
    return tuple(dict.fromkeys(e for e in exact if e)), tuple(dict.fromkeys(name_terms)), pinyin


def published_key(published: str | None) -> int:
    """`2025-09-08` → 20250908 (sortable); unknown → 0 (sorts last)."""
    if not published:
        return 0
    digits = published.replace("-", "")[:8]
    return int(digits.ljust(8, "0")) if digits.isdigit() else 0


@dataclass
class IndexedRecord:
    """One record as an engine indexes it: term lists plus filter values."""

    record_id: str
    name_exact: tuple[str, ...]
    name: tuple[str, ...]
    pinyin: tuple[str, ...]
    unit: str | None  # folded, matched by substring
    text: tuple[str, ...]
    ethnicity: str | None
    kind: str | None
    stage: str | None
    level: str | None
    region: str | None
    year: int | None
    published: int

    def region_prefixes(self) -> list[str]:
        """Every prefix of the region (spaces dropped): a region filter is a prefix."""
        r = "".join((self.region or "").split())
        return [r[:i] for i in range(1, len(r) + 1)]


def index_record(record: dict) -> IndexedRecord:
    """A contract record (with its embedded notice) → its index terms."""
    notice = record.get("notice") or {}
    exact, name_terms, pinyin = _name_views(record.get("name") or "", record.get("kind") == "person")
    unit = record.get("unit")
    other = " ".join(v for k in _OTHER_TEXT_KEYS if (v := record.get(k)))
    text_terms = grams(fold_words(other), unigrams=False) if other else []
    year = notice.get("year")
    return IndexedRecord(
        record_id=record["record_id"],
        name_exact=exact,
        name=name_terms,
        pinyin=pinyin,
        unit=fold_cached(unit) if unit else None,
        text=tuple(dict.fromkeys(text_terms)),
        ethnicity=record.get("ethnicity") or None,
        kind=record.get("kind") or None,
        stage=notice.get("stage") or None,
        level=notice.get("level") or None,
        region=notice.get("region") or None,
        year=int(year) if year is not None else None,
        published=published_key(notice.get("published")),
    )


# --- queries -----------------------------------------------------------------


@dataclass(frozen=True)
class Alternative:
    """`terms` all present in `field` (one way for a query piece to match);
    for UNIT_SUBSTRING, the one term is a substring of the record's unit."""

    field: str
    terms: tuple[str, ...]
    boost: float


@dataclass(frozen=True)
class QueryPlan:
    """Every clause must match; a clause matches by any of its alternatives."""

    clauses: tuple[tuple[Alternative, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def fragments(self) -> list[str]:
        """The folded query pieces, for highlighting."""
        out: list[str] = []
        for clause in self.clauses:
            for alt in clause:
                if alt.field == "name_exact":
                    out.extend(alt.terms)
        return out


def _dedupe(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _latin_clause(words: list[str]) -> tuple[Alternative, ...]:
    """Letters only: pinyin (joined, or word by word), or Latin words in text."""
    alts = [Alternative("pinyin", ("".join(words),), BOOST_PINYIN)]
    if len(words) > 1:
        alts.append(Alternative("pinyin", _dedupe(words), BOOST_PINYIN * 0.75))
    words_t = _dedupe(words)
    alts += [
        Alternative("name", words_t, BOOST_NAME),
        Alternative(UNIT_SUBSTRING, (" ".join(words),), BOOST_UNIT),
        Alternative("text", words_t, BOOST_TEXT),
    ]
    return tuple(alts)


def _han_clause(piece: str) -> tuple[Alternative, ...]:
    compact = piece.strip("·")
    exact = _dedupe([compact, compact.replace("·", "")])
    terms = _dedupe(grams(compact.replace("·", " "), unigrams=False))
    single = not terms  # one Han character (or a lone word): unigram match
    if single:
        terms = _dedupe(grams(compact, unigrams=True))
    alts = [Alternative("name_exact", (e,), BOOST_NAME_EXACT) for e in exact]
    alts.append(Alternative("name", terms, BOOST_NAME))
    # One character is a given name (or a surname), not a unit or a phrase:
    # 华 would otherwise match every unit and text with 华 in it.
    if not single:
        alts.append(Alternative(UNIT_SUBSTRING, (compact.replace("·", ""),), BOOST_UNIT))
        alts.append(Alternative("text", terms, BOOST_TEXT))
    return tuple(alts)


def plan_query(text: str) -> QueryPlan:
    """The user's query → clauses.  Any input is valid; punctuation is ignored.

    `chen haizhong` (letters only) is one pinyin clause; otherwise each
    whitespace-separated piece is a clause and all must match.
    """
    pieces = _PIECE_RE.findall(fold(text))[:MAX_QUERY_PIECES]
    if not pieces:
        return QueryPlan(())
    if all(_LATIN_ONLY_RE.match(p) for p in pieces):
        return QueryPlan((_latin_clause(pieces),))
    clauses = []
    for piece in pieces:
        if _LATIN_ONLY_RE.match(piece):
            clauses.append(_latin_clause([piece]))
        elif piece.strip("·"):
            clauses.append(_han_clause(piece))
    return QueryPlan(tuple(clauses))
