"""Text plumbing for prose extraction: a matching view of a line that keeps
the source characters reachable.

Prose is matched on a *view* of each line: NFKC (full-width punctuation and
digits become half-width, U+3000 becomes a space), traditional characters
become simplified, and every middle-dot variant becomes ``·``.  The view is
made character by character so that it has exactly the length of the source:
a span found in the view is sliced from the source unchanged, which keeps
`name_raw` and `raw` as written (繁體 stays 繁體).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DOTS = "\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65\u0387\u2e31\u318d\u16eb\u2024"


@lru_cache(maxsize=1)
def _t2s():
    """OpenCC is loaded on first use only (and not at all for simplified text)."""
    try:
        import opencc

        return opencc.OpenCC("t2s").convert
    except Exception:  # pragma: no cover - opencc is a declared dependency
        return lambda s: s


def _is_cjk(code: int) -> bool:
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


class _ViewTable(dict):
    """`str.translate` table that fills itself: one source char → one view char."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in _DOTS:
            out = "·"
        elif 0x2460 <= code <= 0x24FF or 0x3251 <= code <= 0x32BF:
            out = ch  # ① stays ①: NFKC would make it a bare digit glued to the name
        else:
            out = unicodedata.normalize("NFKC", ch)
            if len(out) != 1:
                out = ch  # ⑩ → "10" would shift every later index
            if _is_cjk(ord(out)):
                simple = _t2s()(out)
                if len(simple) == 1:
                    out = simple
            if out.isspace():
                out = " "
        self[code] = out
        return out


_VIEW = _ViewTable()
# ASCII maps to itself; pre-filling it keeps the common case in C.
for _code in range(128):
    _VIEW[_code] = " " if chr(_code).isspace() else chr(_code)


def view_of(text: str) -> str:
    """The matching view of `text` (same length, see module docstring)."""
    view = text.translate(_VIEW)
    if "." in view:
        view = _DOT_BETWEEN_HAN.sub("·", view)  # 阿依古丽.买买提
    return view


_DOT_BETWEEN_HAN = re.compile(r"(?<=[\u3400-\u9fff])\.(?=[\u3400-\u9fff])")


class Span:
    """A piece of a source line together with its view (same length)."""

    __slots__ = ("src", "view")

    def __init__(self, src: str, view: str) -> None:
        self.src = src
        self.view = view

    def __repr__(self) -> str:
        return f"Span({self.src!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Span) and (self.src, self.view) == (other.src, other.view)

    def __hash__(self) -> int:
        return hash((self.src, self.view))

    @classmethod
    def of(cls, text: str) -> Span:
        return cls(text, view_of(text))

    def __len__(self) -> int:
        return len(self.view)

    def __getitem__(self, key: slice) -> Span:
        return Span(self.src[key], self.view[key])

    def strip(self, chars: str = " ") -> Span:
        view = self.view
        stripped = view.strip(chars + _WHITESPACE)
        if len(stripped) == len(view):
            return self
        if not stripped:
            return Span("", "")
        start = view.index(stripped)
        return Span(self.src[start : start + len(stripped)], stripped)

    def squeezed(self) -> str:
        """The view without any whitespace (for field matching)."""
        return _SPACES.sub("", self.view)

    def __bool__(self) -> bool:
        return bool(self.view.strip())


_SPACES = re.compile(r"\s+")
_WHITESPACE = " \t\n\r\x0b\x0c\xa0\u3000"
_OPEN = "(【[〔《“‘「『"
_CLOSE = ")】]〕》”’」』"


_BRACKETS_RE = re.compile("[" + re.escape(_OPEN + _CLOSE) + "]")


@lru_cache(maxsize=32)
def _separator_re(separators: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(separators) + "]")


def split_top(span: Span, separators: str) -> list[Span]:
    """Split on any of `separators` outside brackets and quotes; pieces stripped, empties dropped."""
    view = span.view
    if not _BRACKETS_RE.search(view):
        pieces = []
        start = 0
        for m in _separator_re(separators).finditer(view):
            pieces.append(span[start : m.start()])
            start = m.end()
        pieces.append(span[start:])
        return [p for p in (piece.strip(" ") for piece in pieces) if p]
    pieces = []
    depth = 0
    start = 0
    for i, ch in enumerate(view):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and ch in separators:
            pieces.append(span[start:i])
            start = i + 1
    pieces.append(span[start:])
    out = []
    for piece in pieces:
        piece = piece.strip(" ")
        if piece:
            out.append(piece)
    return out


def split_gaps(span: Span, pattern: re.Pattern[str]) -> list[Span]:
    """Split where `pattern` matches (outside nothing: used for space gaps)."""
    out: list[Span] = []
    start = 0
    for m in pattern.finditer(span.view):
        if m.start() > start:
            out.append(span[start : m.start()])
        start = m.end()
    out.append(span[start:])
    return [p.strip(" ") for p in out if p.strip(" ")]


def split_brackets(span: Span) -> tuple[Span, list[Span]]:
    """The text outside top-level brackets and the texts inside them.

    `李某某（女，回族）` → (李某某, [女，回族]).  Unbalanced brackets are left
    as they are.
    """
    view = span.view
    outside_parts: list[tuple[int, int]] = []
    inside: list[Span] = []
    depth = 0
    start = 0
    open_at = 0
    for i, ch in enumerate(view):
        if ch in "(【[〔":
            if depth == 0:
                outside_parts.append((start, i))
                open_at = i + 1
            depth += 1
        elif ch in ")】]〕" and depth:
            depth -= 1
            if depth == 0:
                inside.append(span[open_at:i])
                start = i + 1
    if depth:  # unbalanced: treat the rest as outside text
        outside_parts.append((open_at - 1, len(view)))
    else:
        outside_parts.append((start, len(view)))
    src = "".join(span.src[a:b] for a, b in outside_parts)
    vw = "".join(view[a:b] for a, b in outside_parts)
    return Span(src, vw).strip(" "), [s.strip(" ") for s in inside if s.strip(" ")]


# Leading list numbering in the view: 1. 1、 1) (1) （1） ① 一、 （一） 第一名 and "1 " before CJK.
NUMBERING_RE = re.compile(
    r"^\s*(?:"
    r"[(\[【]\s*\d{1,3}\s*[)\]】]\s*[.、]?"
    r"|\d{1,3}\s*[.、,:)](?!\d)"
    r"|\d{1,3}\s+(?=[\u3400-\u9fff])"
    r"|[①-⑳㉑-㉟㊱-㊿⑴-⒇⒈-⒛]"
    r"|[(\[【]\s*[一二三四五六七八九十百]{1,4}\s*[)\]】]\s*[.、]?"
    r"|[一二三四五六七八九十百]{1,4}\s*[、.]"
    r"|第[一二三四五六七八九十百\d]{1,4}[名位个]\s*[:、.]?"
    r"|[●■◆★☆▲►▪◇□○◎•※√>\-*]+"
    r")\s*"
)
CHINESE_SECTION_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.]|[(]\s*[一二三四五六七八九十]{1,3}\s*[)])"
)


def strip_numbering(span: Span) -> tuple[Span, bool]:
    """The span without its leading list number, and whether it had one."""
    m = NUMBERING_RE.match(span.view)
    if not m or m.end() >= len(span.view):
        return span, False
    return span[m.end() :].strip(" "), True


# A new numbered entry starting inside a line: after 。；; or whitespace, a
# number followed (after optional space) by a CJK character.
_INLINE_ENTRY_RE = re.compile(
    r"(?:(?<=[。;])|(?<=\s))\s*(?:\d{1,3}[.、](?!\d)|[(]\d{1,3}[)]|[①-⑳])\s*(?=[\u3400-\u9fff])"
)


def split_inline_entries(span: Span) -> list[Span]:
    """`1.张三… 2.李四…` on one line → one span per entry (numbering kept).

    Numbers followed by a mere space (`1 张三 2 李四 3 王五`) split only where
    they count on from the line's own first number: a bare number inside an
    entry (县第2中学, 3 名) does not."""
    view = span.view
    starts = [m.start() for m in _INLINE_ENTRY_RE.finditer(view) if m.start() > 0]
    if not starts:
        starts = _spaced_number_starts(view)
    if not starts:
        return [span]
    bounds = [0, *starts, len(span.view)]
    return [
        span[a:b].strip(" ")
        for a, b in zip(bounds, bounds[1:], strict=False)
        if span[a:b].strip(" ")
    ]


_FIRST_SPACED_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s+(?=[\u3400-\u9fff])")
_SPACED_NUMBER_RE = re.compile(r"(?<=\s)(\d{1,3})\s+(?=[\u3400-\u9fff])")


def _spaced_number_starts(view: str) -> list[int]:
    """Where `2 `, `3 ` … start new entries of a line that begins `1 `."""
    first = _FIRST_SPACED_NUMBER_RE.match(view)
    if first is None:
        return []
    expected = int(first.group(1)) + 1
    starts: list[int] = []
    for m in _SPACED_NUMBER_RE.finditer(view, first.end()):
        if int(m.group(1)) == expected:
            starts.append(m.start())
            expected += 1
    return starts


_TOKEN_RE = re.compile(r"\S+")


def word_bounds(span: Span) -> list[tuple[int, int]]:
    """Space-separated words of `span`, with runs of single characters joined:
    padded names (王 强, 欧 阳 明) are one word."""
    bounds = [(m.start(), m.end()) for m in _TOKEN_RE.finditer(span.view)]
    merged: list[tuple[int, int]] = []
    i = 0
    while i < len(bounds):
        j = i
        while j < len(bounds) and bounds[j][1] - bounds[j][0] == 1:
            j += 1
        if j - i >= 2:
            merged.append((bounds[i][0], bounds[j - 1][1]))
            i = j
        else:
            merged.append(bounds[i])
            i += 1
    return merged
