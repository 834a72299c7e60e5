"""Cheap triage of the lines a prose reader walks: lines that can be
skipped without analysis (long stories, page navigation), and whether a line
may be part of a notice's signature (the date follows it).

These tests run on every line of every notice, so each is ordered for speed:
plain substring tests before patterns, NFKC by `normalise.nfkc`, and the
signature test is asked only on demand and remembers each line's answer."""

from __future__ import annotations

import re
from collections.abc import Callable

from .normalise import nfkc
from .prose_lines import (
    ANY_COUNT_RE,
    AWARD_VERB_TRAD_RE,
    DATE_LINE_RE,
    INTRO_END_RE,
    OPENER_RE,
    has_designation_hint,
    is_plain_narrative,
)
from .prose_text import NUMBERING_RE

__all__ = ["SignTest", "SignatureTest", "inert", "skippable"]

# Whether a line may be the signature: a flag, or a test run only if needed.
SignTest = bool | Callable[[], bool]


def skippable(text: str) -> bool:
    """A line that cannot open a list nor hold a nominee outside one (cheap test
    on the source, so that long stories are never fully analysed)."""
    if "\t" in text:
        return True
    if len(text) < 40 or text.rstrip().endswith((":", "：", "如下")):
        return False
    view = nfkc(text)  # (unicodedata's NFKC costs ~15x more on a long paragraph)
    if view.startswith("姓") or not is_plain_narrative(view):
        return False
    colon = view.find(":")
    if colon > 0 and INTRO_END_RE.search(_SPACES_RE.sub("", view[:colon])):
        return False  # …推荐人选：杨春花，女，…
    if AWARD_VERB_TRAD_RE.search(view):
        return False
    if ("为" in view or "為" in view or "爲" in view) and _HINT_TRAD_FOR_RE.search(view):
        return False
    return not (any(w in view for w in _HINT_TRAD_WORDS) and _HINT_TRAD_RE.search(view))


def inert(view: str) -> bool:
    """A short line that, outside a list, can do nothing at all: no separator,
    space, colon or bracket to hold several names or fields, no numbering, no
    word that opens a list, no count, no award sentence, no family (栏目12,
    网站地图, 政务公开 — the navigation of a page).  Tested on the view, so
    that 名單 reads as 名单."""
    return (
        len(view) <= 40
        and not _INERT_BREAK_RE.search(view)
        and "家庭" not in view
        and not NUMBERING_RE.match(view)
        and not OPENER_RE.search(view)
        and not ANY_COUNT_RE.search(view)
        and not has_designation_hint(view)
    )


_INERT_BREAK_RE = re.compile(r"[\s、,;:()\[\]【】〔〕。“”\"「」'‘’《》<>]")


# DESIGNATION_HINT_RE on NFKC text that may be traditional (為“…”, 稱號, 候選人);
# its first branch, and the literals one of its other branches needs (a quick
# test before the whole pattern).
_HINT_TRAD_FOR_RE = re.compile(
    r"[为為爲][^,;。“”\"「」]{0,20}[“\"「]|[为為爲][^,;。“”\"「」]{0,40}(?:先[进進](?:集[体體]|[个個]人|[单單]位)|"
    r"表彰[对對]象|推[荐薦][对對]象)\s*(?:[,;。]|$)"
)
_HINT_TRAD_WORDS = ("同志", "号", "號", "候", "人选", "人選")
_HINT_TRAD_RE = re.compile(
    r"[为為爲][^,;。“”\"「」]{0,20}[“\"「]|同志\s*[“\"「]|[称稱][号號]\s*(?:[,;。]|$)"
    r"|候[选選](?:人|集体|集體|单位|單位|对象|對象|家庭)|人[选選]\s*(?:[,;。]|$)"
    r"|同志\s*(?:予以|給予|给予|进行|進行)?\s*(?:通报|通報)?\s*(?:表扬|表揚|表彰|嘉奖|嘉獎)"
)


class SignatureTest:
    """Whether a line may be (part of) the signature: the date follows it, or
    it reads as an issuer (中共…委, …人民政府, …妇联) and other short signer
    lines and then the date follow.  (A collective two lines above the date
    is the list's last item when the line between signs alone; above a date
    line that names its own signer, 某某县人民政府  2025年9月20日, only an
    issuer signs too.)

    Asked only of a list's unnumbered last-looking items, so it is computed
    on demand, and each line is tested for a date at most once."""

    def __init__(self, lines: list[tuple[str | None, str]]) -> None:
        self.lines = lines
        self.dates: dict[int, int] = {}

    def date_kind(self, j: int) -> int:
        found = self.dates.get(j)
        if found is None:
            found = self.dates[j] = _date_kind(self.lines[j][0] or "")
        return found

    def may_sign(self, i: int) -> bool:
        lines = self.lines
        for j in range(i + 1, min(i + 4, len(lines))):
            text = lines[j][0]
            if text is None:
                return False
            kind = self.date_kind(j)
            if kind:
                issuer = _ISSUER_RE.search(_SPACES_RE.sub("", lines[i][0] or "")) is not None
                return issuer or (j == i + 1 and kind == _DATE_ALONE)
            if len(text) > 30 or _SIGN_BREAK_RE.search(text):
                return False
        return False


_DATE_ALONE, _SIGNED_DATE = 1, 2


def _date_kind(text: str) -> int:
    """0, or whether the line is the date under a signature alone or after
    the signer's name on the same line (某某县人民政府    2025年9月20日)."""
    view = nfkc(text)
    squeezed = _SPACES_RE.sub("", view)
    if DATE_LINE_RE.match(squeezed) is not None or _THIS_DOCUMENT_RE.match(squeezed) is not None:
        return _DATE_ALONE  # (（此件公开发布） closes a formal document as its date does)
    return _SIGNED_DATE if _SIGNED_DATE_RE.match(view.strip()) is not None else 0


_THIS_DOCUMENT_RE = re.compile(r"^[(]此件[^()]{1,10}[)]$")
_SIGNED_DATE_RE = re.compile(
    r"^[^\s,;。、:]{2,40}\s+\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?$"
)
_SPACES_RE = re.compile(r"\s+")
_SIGN_BREAK_RE = re.compile(r"[、，,；;。]")
_ISSUER_RE = re.compile(
    r"^中共|^共青团|(?:人民政府|政府|委员会|党委|党组|[省市州县区旗盟]委|工委|妇联|妇女联合会|总工会|工会|"
    r"团委|文明办|领导小组|办公室|组织部|宣传部|统战部|人力资源和社会保障局|人社局)$"
)
