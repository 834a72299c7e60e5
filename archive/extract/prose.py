"""Nominees written as running text rather than in a table.

`records_from_paragraphs` walks a notice's paragraphs in order, keeping track
of whether it is inside a nominee list and of which kind (a heading such as
``一、先进集体（10个）`` or ``拟表彰对象名单如下：`` opens one; the closing
lines of a notice — 公示时间, 联系电话, the date, a deeds story — end it).
Inside a list it reads numbered field entries, 、-separated lists, name grids
and unit-then-name items (`prose_entries`); outside one it reads only what
cannot be anything but a nominee: a numbered entry with a person's
attributes (``1.张三，男，汉族，1970年5月出生…``), a line made only of names,
and the award sentence of a decision (``授予张三、李四同志…称号``).

Precision matters as much as recall: narrative paragraphs, reporters,
contact persons, officials quoted in a report, past honours and
``…等6名个人`` summaries give no record.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from archive.model import RECORD_FIELDS, Paragraph, Record

from .context import ExtractContext
from .prose_entries import (
    KV_LABEL_RE,
    SUMMARY_RE,
    find_name,
    join_pieces,
    key_value_record,
    list_cells,
    parse_field_entry,
    parse_item,
)
from .prose_fields import LABEL_RE
from .prose_lines import (
    APPARATUS_LABEL_RE,
    ATTACHMENT_TITLE_RE,
    AWARD_SENTENCE_RE,
    AWARD_VERB_RE,
    AWARD_VERB_TRAD_RE,
    CLOSER_RE,
    COUNT_RE,
    COUNTED_LABEL_RE,
    DATE_LINE_RE,
    DEEDS_RE,
    EXCLUDED_RE,
    HEADING_END_RE,
    INTRO_END_RE,
    KV_START_RE,
    NOTE_RE,
    OPENER_RE,
    TITLE_LINE_RE,
    is_plain_narrative,
    kind_of,
)
from .prose_names import PLACE_SUFFIX_RE, POSITION_SET, is_han_name, is_minority_name
from .prose_text import (
    CHINESE_SECTION_RE,
    Span,
    split_inline_entries,
    split_top,
    strip_numbering,
)

__all__ = ["records_from_paragraphs"]


def records_from_paragraphs(
    paragraphs: Sequence[Paragraph], document_url: str | ExtractContext | None = None
) -> list[Record]:
    """Every nominee stated in running text, in document order.

    `document_url` is the address each record carries; an `ExtractContext`
    may be passed instead, whose `location()` then also prefixes each
    paragraph's location (``附件2 paragraph 3``).  Blocks that are not
    paragraphs (tables) may be passed too: they end any list in progress,
    since the text after a table is a new passage.
    """
    if isinstance(document_url, ExtractContext):
        ctx = document_url
        lines = [
            (text, ctx.location(loc) if text is not None else loc)
            for text, loc in _lines(paragraphs)
        ]
        reader = _ProseReader(ctx.document_url)
    else:
        lines = list(_lines(paragraphs))
        reader = _ProseReader(document_url)
    for i, (text, location) in enumerate(lines):
        if text is None:
            reader.close()
            continue
        if not reader.active and _skippable(text):
            continue
        reader.feed(Span.of(text), location, next_is_date=_next_is_date(lines, i))
    reader.flush_kv()
    return _dedupe(reader.records)


def _lines(blocks: Iterable[object]) -> Iterable[tuple[str | None, str]]:
    for block in blocks:
        text = getattr(block, "text", None)
        if not isinstance(text, str):
            yield None, ""
            continue
        location = getattr(block, "location", "") or ""
        for line in text.replace("\r", "\n").split("\n"):
            if line.strip():
                yield line.strip(), location


def _skippable(text: str) -> bool:
    """A line that cannot open a list nor hold a nominee outside one (cheap test
    on the source, so that long stories are never fully analysed)."""
    if "\t" in text:
        return True
    if len(text) < 40 or text.rstrip().endswith((":", "：", "如下")):
        return False
    view = unicodedata.normalize("NFKC", text)
    if view.startswith("姓") or not is_plain_narrative(view):
        return False
    colon = view.find(":")
    if colon > 0 and INTRO_END_RE.search(re.sub(r"\s+", "", view[:colon])):
        return False  # …推荐人选：杨春花，女，…
    return not AWARD_VERB_TRAD_RE.search(view)


def _next_is_date(lines: list[tuple[str | None, str]], i: int) -> bool:
    """A date within the next two lines: the line is (part of) a signature."""
    for text, _ in lines[i + 1 : i + 3]:
        if text is None:
            return False
        if DATE_LINE_RE.match(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))):
            return True
    return False


def _dedupe(records: list[Record]) -> list[Record]:
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


class _ProseReader:
    """The walk through one document's lines (see module docstring)."""

    def __init__(self, document_url: str | None) -> None:
        self.url = document_url
        self.records: list[Record] = []
        self.active = False  # inside a nominee list
        self.kind: str | None = None  # what that list holds, if said
        self.implicit = False  # list inferred from numbered entries, not a heading
        self.kv: list[tuple[Span, str]] | None = None  # pending 姓名：… lines
        self.last: list[Record] = []  # records of the line before

    def open(self, kind: str | None) -> None:
        self.active, self.kind, self.implicit = True, kind, False

    def close(self) -> None:
        self.flush_kv()
        self.active, self.kind, self.implicit = False, None, False

    # --- one line -----------------------------------------------------------

    def feed(self, line: Span, location: str, *, next_is_date: bool) -> None:
        if "\t" in line.src:
            return  # a table row that reached us as text: the table reader's business
        squeezed = line.squeezed()
        last, self.last = self.last, []
        if last and len(last) == 1 and last[0].unit and squeezed in POSITION_SET:
            # a position wrapped onto a line of its own (…有限公司 / 总经理)
            last[0].unit += squeezed
            return
        if self.kv is not None:
            if KV_LABEL_RE.match(line.view.strip()) and not KV_START_RE.match(line.view.strip()):
                self.kv.append((line, location))
                return
            self.flush_kv()
        m = ATTACHMENT_TITLE_RE.match(squeezed)
        if m and OPENER_RE.search(m.group(1)) and not DEEDS_RE.search(m.group(1)):
            self.close()
            self.open(kind_of(m.group(1)))  # 附件1：先进个人名单
            return
        if EXCLUDED_RE.match(squeezed) or CLOSER_RE.match(squeezed) or DATE_LINE_RE.match(squeezed):
            self.close()
            return
        if TITLE_LINE_RE.match(squeezed):
            self.close()
            return
        if (
            len(squeezed) <= 30
            and NOTE_RE.search(squeezed)
            and not OPENER_RE.search(squeezed.replace("以下", ""))
        ):
            return  # （排名不分先后）
        body, numbered = strip_numbering(line)
        if numbered and CLOSER_RE.match(body.squeezed()):
            self.close()  # 二、公示时间
            return
        if KV_START_RE.match(body.view):
            self.kv = [(body, location)]
            return
        if len(squeezed) <= 60 and DEEDS_RE.search(squeezed):
            self.close()
            return
        if self._heading(line, body, numbered, location):
            return
        if not self.active and is_plain_narrative(line.view):
            return  # outside a list only numbered entries, name lines and award sentences count
        found = self._entries(line, location, next_is_date=next_is_date)
        if found:
            self.records.extend(found)
            self.last = found
            return
        if self.active and (
            len(squeezed) > 60
            or "。" in squeezed[:-1]
            or self.implicit
            or CHINESE_SECTION_RE.match(line.view)
        ):
            self.close()  # narrative or a new section: the list is over

    # --- headings -------------------------------------------------------------

    def _heading(self, line: Span, body: Span, numbered: bool, location: str) -> bool:
        """Open, switch or keep a list from a heading line; False if `body` is no heading."""
        view = body.view.strip()
        squeezed = body.squeezed()
        colon, rest_at = _top_colon(view), 0
        counted = COUNTED_LABEL_RE.match(view) if colon < 0 else None
        if counted:  # 先进个人（3名）张三、李四
            colon, rest_at = counted.end(1), counted.end(0)
        elif colon > 0:
            rest_at = colon + 1
        if colon > 0:
            label, rest = body[:colon].strip(" "), body[rest_at:].strip(" ")
            lsq = label.squeezed()
            if APPARATUS_LABEL_RE.search(lsq):
                return True  # 推荐单位：某局 — not a nominee
            if len(lsq) <= 30 and not re.search(r"[,;。]", lsq) and not LABEL_RE.match(lsq + ":"):
                label_is_name = is_han_name(lsq) or (self.active and is_minority_name(lsq))
                names_follow = self.active and _names_follow(rest, 1)
                if label_is_name and not names_follow:
                    return False  # 张三：男，汉族… is an entry
                kind = kind_of(lsq)
                # 民和县：… or 海晏：张三、李四 — a group of the list in progress
                region = (
                    names_follow or PLACE_SUFFIX_RE.search(re.sub(r"[(].*", "", lsq)) is not None
                )
                if kind or OPENER_RE.search(lsq) or (region and self.active):
                    list_kind = kind or (self.kind if region else None)
                    if not (region and not kind):
                        self.open(list_kind)
                    if rest and self.active:
                        self.records.extend(self._entries(rest, location, next_is_date=False))
                    return True
            if rest and INTRO_END_RE.search(lsq) and OPENER_RE.search(lsq):
                # …拟推荐以下4名同志为…推荐人选：杨春花，女，…；李德全，男，…。
                self.open(kind_of(re.split(r"[,;]", lsq)[-1]))
                self.records.extend(self._entries(rest, location, next_is_date=False))
                return True
            if not rest and OPENER_RE.search(squeezed) and not squeezed.startswith("各"):
                self.open(kind_of(squeezed))  # …名单如下：  (not the salutation 各有关单位：)
                return True
        if view.endswith(("如下", "如下:")) and OPENER_RE.search(squeezed):
            self.open(kind_of(squeezed))
            return True
        bare = re.sub(r"\([^()]*\)", "", squeezed)  # （5名，按姓氏笔画） may hold a comma
        if len(squeezed) > 40 or "。" in squeezed[:-1] or "," in bare:
            return False
        count = COUNT_RE.search(squeezed)
        if count and len(squeezed) > len(count.group(0)) and "、" not in squeezed:
            self.open(kind_of(squeezed))  # 一、先进集体（10个） / 民和县（4名）
            return True
        chinese = CHINESE_SECTION_RE.match(line.view)
        ends_like_heading = HEADING_END_RE.search(squeezed) or HEADING_END_RE.search(bare)
        if OPENER_RE.search(squeezed) and (
            chinese or ends_like_heading or numbered and len(squeezed) <= 12
        ):
            if not (find_name(body, allow_minority=False) and not ends_like_heading):
                kind = kind_of(squeezed)
                self.open(kind if kind else (self.kind if self.active else None))
                return True
        return False

    # --- entries ----------------------------------------------------------------

    def _entries(self, line: Span, location: str, *, next_is_date: bool) -> list[Record]:
        out: list[Record] = []
        for chunk in split_inline_entries(line):
            body, numbered = strip_numbering(chunk)
            sentences = split_top(body, "。")
            if not sentences:
                continue
            # What follows an entry's first sentence is its story, not more fields.
            sentence = sentences[0]
            if self.active:
                several = self._entries_by_semicolon(sentence, location)
                if several:
                    out.extend(several)
                    continue
                rec = None
                if self.kind != "organization":
                    rec = parse_field_entry(sentence, location, self.url, in_context=True)
                if rec is not None:
                    out.append(rec)
                elif len(sentences) > 1 and not numbered:
                    pass  # several sentences: prose, not a list
                elif not (
                    next_is_date and not numbered and not re.search(r"[、,;]", sentence.view)
                ):
                    # (a lone unit above the date is the signature, not a nominee)
                    out.extend(self._list(sentence, location, self.kind, strict=False))
            elif numbered and not CHINESE_SECTION_RE.match(chunk.view):
                rec = parse_field_entry(sentence, location, self.url, in_context=False)
                if rec is not None and _strength(rec) >= 2:
                    out.append(rec)
                    self.active, self.kind, self.implicit = True, "person", True
            elif AWARD_VERB_RE.search(sentence.view):
                found = self._award_sentence(sentence, location)
                if found:  # the nominees' details may follow (张三，男，汉族…)
                    out.extend(found)
                    self.active, self.kind, self.implicit = True, "person", True
            elif len(sentence) <= 150 and "," not in sentence.view:
                out.extend(self._list(sentence, location, None, strict=True))
        return out

    def _entries_by_semicolon(self, sentence: Span, location: str) -> list[Record]:
        """杨春花，女，汉族…；李德全，男，回族…: several field entries in one sentence."""
        if ";" not in sentence.view or self.kind == "organization":
            return []
        parts = split_top(sentence, ";")
        if len(parts) < 2:
            return []
        found = [parse_field_entry(p, location, self.url, in_context=True) for p in parts]
        good = [r for r in found if r is not None]
        return good if len(good) >= 2 and len(good) >= 0.8 * len(parts) else []

    def _list(self, text: Span, location: str, kind: str | None, *, strict: bool) -> list[Record]:
        """The records of one 、-separated (or gridded) list, or [] if it is not one.

        `strict` (no heading above): only a line made of three or more Han names.
        """
        pieces = split_top(text, "、,;")
        items = [list_cells(piece) for piece in pieces]
        flat = [item for group in items for item in group]
        if not flat:
            return []
        if strict:
            if len(flat) < 3 or not all(is_han_name(i.squeezed(), common_only=True) for i in flat):
                return []
            kind = "person"
        results: list[Record | None | str] = []
        i = 0
        while i < len(items):
            group = items[i]
            found = [parse_item(item, kind, location, self.url) for item in group]
            if found == [None] and i + 1 < len(items) and len(items[i + 1]) == 1:
                # 村党支部书记、村委会主任张三: the 、 was inside one item
                joined = join_pieces(text, pieces[i], pieces[i + 1])
                merged = parse_item(joined, kind, location, self.url) if joined else None
                if isinstance(merged, Record) and merged.kind == "person" and merged.unit:
                    results.append(merged)
                    i += 2
                    continue
            if found == [None] and i > 0 and results and isinstance(results[-1], Record):
                # 某集团党委书记、董事长: the 、 was inside the unit after the name
                joined = join_pieces(text, pieces[i - 1], pieces[i])
                merged = parse_item(joined, kind, location, self.url) if joined else None
                prev = results[-1]
                if (
                    isinstance(merged, Record)
                    and merged.kind == "person"
                    and merged.name == prev.name
                    and len(merged.unit or "") > len(prev.unit or "")
                ):
                    results[-1] = merged
                    i += 1
                    continue
            results.extend(found)
            i += 1
        if "summary" in results or "narrative" in results:
            return []
        people = sum(isinstance(r, Record) and r.kind == "person" for r in results)
        if kind != "organization" and people and people >= 0.6 * len(results) - 1:
            # beside other people, a bare 扎西, 卓玛 or 娜 佳 is a person too
            flat = [item for group in items for item in group]
            if len(flat) == len(results):
                results = [
                    r if r is not None else parse_item(item, "person", location, self.url, loose=True)
                    for r, item in zip(results, flat, strict=True)
                ]
        good = [r for r in results if isinstance(r, Record)]
        if not good or len(good) < 0.6 * len(results):
            return []
        return good

    def _award_sentence(self, sentence: Span, location: str) -> list[Record]:
        """授予张三、李四同志“…”称号: the names of a decision's award sentence."""
        m = AWARD_SENTENCE_RE.search(sentence.view)
        if not m:
            return []
        group = "names" if m.group("names") is not None else "names2"
        if SUMMARY_RE.search(m.group(group)):
            return []
        span = sentence[m.start(group) : m.end(group)]
        items = split_top(span, "、, ")
        names = [i.squeezed() for i in items]
        if not names or not all(is_han_name(n) or is_minority_name(n) for n in names):
            return []
        if not any(is_han_name(n) for n in names):
            return []
        return [
            r for i in items if isinstance(r := parse_item(i, "person", location, self.url), Record)
        ]

    # --- 姓名：… 性别：… ---------------------------------------------------------------

    def flush_kv(self) -> None:
        lines, self.kv = self.kv, None
        if lines:
            rec = key_value_record(lines, self.url, in_context=self.active)
            if rec is not None:
                self.records.append(rec)


def _strength(rec: Record) -> int:
    return sum(
        v is not None for v in (rec.gender, rec.ethnicity, rec.birth, rec.political, rec.education)
    )


def _names_follow(rest: Span, minimum: int) -> bool:
    """`rest` starts with `minimum` (1 or 2) people (张三、李四 …)."""
    items = split_top(rest, "、,;")
    if len(items) < minimum or not items:
        return False
    return all(find_name(item, allow_minority=False) is not None for item in items[:minimum])


def _top_colon(view: str) -> int:
    if ":" not in view:
        return -1
    depth = 0
    for i, ch in enumerate(view):
        if ch in "([【〔":
            depth += 1
        elif ch in ")]】〕":
            depth = max(0, depth - 1)
        elif ch == ":" and depth == 0:
            return i
    return -1
