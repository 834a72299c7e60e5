"""The evidence rules of entity linking, as small pure functions.

Shared by the linker (`archive.linking`) and the candidate check
(`archive.candidates`) so that both judge "same person?" the same way.

Evidence, strongest first:

* persons: the same normalised name and the same birth month (gender and
  ethnicity, where both records state them, must agree);
* where a record has no birth month (award decisions often give only name
  and unit): the same name and a matching unit — one normalised unit
  contains the other (民和回族土族自治县第一中学 / 民和县第一中学);
* collectives: the same normalised unit name.

Namesakes — same name but a different birth, or units with nothing to
bridge them — stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from archive.extract.normalise import ETHNIC_GROUPS

# A contained unit shorter than this says too little (县委, 教育局): no link.
MIN_UNIT_CHARS = 4

PERSON = "person"
ORGANIZATION = "organization"

# --- blocks: the records that can possibly be linked ---------------------------


def block_key(kind: str, name: str) -> str:
    """Records can only link within one block: same kind and (normalised) name.

    Persons block on the contract `name` (already NFKC, no spaces, one
    middle dot); collectives on their normalised unit name, so that 民和回族
    土族自治县教育局 and 民和县教育局 fall into one block.
    """
    if kind == ORGANIZATION:
        return "o:" + (normalise_unit(name) or name)
    return "p:" + name


# --- units ----------------------------------------------------------------------

_ETHNIC_ALT = "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True))
# 民和回族土族自治县 → 民和县, 海西蒙古族藏族自治州 → 海西州, 鄂温克族自治旗 → 鄂温克旗.
_AUTONOMOUS_RE = re.compile(f"((?:(?!{_ETHNIC_ALT})[\u3400-\u9fff]){{2,}}?)(?:{_ETHNIC_ALT})+自治([州县旗])")
_AUTONOMOUS_REGIONS = {
    "新疆维吾尔自治区": "新疆",
    "广西壮族自治区": "广西",
    "宁夏回族自治区": "宁夏",
    "西藏自治区": "西藏",
    "内蒙古自治区": "内蒙古",
}
_REGION_RE = re.compile("|".join(_AUTONOMOUS_REGIONS))
# Ways of writing the same body: 中国共产党X委员会 = 中共X委 = X委.
_PARTY_PREFIX_RE = re.compile("中国共产党|中共")
_REWRITES = (("委员会", "委"), ("人民政府", "政府"))
_PUNCT_RE = re.compile(r"[\s()（）\[\]【】〔〕<>《》“”\"'‘’·.,，。:：!！?？\-—_]+")
# Several units in one cell: 民和县第一中学、民和县教育局.
_UNIT_SPLIT_RE = re.compile(r"[、;；/|\n]+|[,，](?=\S{4})")


def normalise_unit(text: str | None) -> str | None:
    """A unit name in one canonical spelling, or None if nothing is left.

    Only rewrites that keep the meaning: NFKC, no spaces or brackets, the
    ethnic part of an autonomous prefecture or county dropped (the short
    form everyone uses), 中共/中国共产党 dropped, 委员会 → 委, 人民政府 → 政府.
    """
    if not text:
        return None
    value = unicodedata.normalize("NFKC", text)
    value = _PUNCT_RE.sub("", value)
    if "自治" in value:
        value = _REGION_RE.sub(lambda m: _AUTONOMOUS_REGIONS[m.group(0)], value)
        value = _AUTONOMOUS_RE.sub(r"\1\2", value)
    value = _PARTY_PREFIX_RE.sub("", value)
    for old, new in _REWRITES:
        value = value.replace(old, new)
    return value or None


@lru_cache(maxsize=200_000)  # units repeat across records and blocks
def unit_variants(text: str | None) -> tuple[str, ...]:
    """The normalised units of one cell (a cell may list several)."""
    if not text:
        return ()
    out: list[str] = []
    whole = normalise_unit(text)
    if whole and len(whole) >= MIN_UNIT_CHARS:
        out.append(whole)
    pieces = _UNIT_SPLIT_RE.split(text)
    if len(pieces) > 1:
        for piece in pieces:
            unit = normalise_unit(piece)
            if unit and len(unit) >= MIN_UNIT_CHARS and unit not in out:
                out.append(unit)
    return tuple(out)


def unit_contains(a: str, b: str) -> bool:
    """One normalised unit contains the other (and the shorter says enough)."""
    if len(a) < len(b):
        a, b = b, a
    return len(b) >= MIN_UNIT_CHARS and b in a


def matching_units(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, str] | None:
    """The first pair of units, one from each side, that match; else None."""
    for x in a:
        for y in b:
            if unit_contains(x, y):
                return x, y
    return None


def unit_reason(pair: tuple[str, str]) -> str:
    x, y = pair
    if x == y:
        return f"工作单位相同（{x}）"
    return f"工作单位相符（{x} ~ {y}）"


# --- birth, gender, ethnicity -------------------------------------------------------


def full_birth(birth: str | None) -> str | None:
    """YYYY-MM, or None for a year alone or nothing."""
    return birth if birth and len(birth) >= 7 else None


def birth_year(birth: str | None) -> str | None:
    return birth[:4] if birth else None


def values_conflict(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> bool:
    """Both sides state the field and share no value."""
    return bool(a) and bool(b) and a.isdisjoint(b)


def birth_reason(birth: str, gender: str | None, ethnicity: str | None) -> str:
    parts = [f"出生年月相同（{birth}）"]
    if gender:
        parts.append(f"性别相同（{gender}）")
    if ethnicity:
        parts.append(f"民族相同（{ethnicity}）")
    return "同名，" + "，".join(parts)
