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

import logging
import re
from collections.abc import Sequence
from functools import partial

from archive.model import Paragraph, Record

from .context import ExtractContext
from .normalise import normalise_free_text
from .prose_commas import split_noted_items
from .prose_dedupe import dedupe_records
from .prose_entries import KV_LABEL_RE, key_value_record, parse_field_entry
from .prose_headings import read_heading
from .prose_inline import read_inline_groups
from .prose_items import (
    read_families,
    read_list,
    read_semicolon_entries,
)
from .prose_lines import (
    ANY_COUNT_RE,
    ATTACHMENT_TITLE_RE,
    AWARD_WORD_RE,
    CLOSER_RE,
    DATE_LINE_RE,
    DEEDS_RE,
    EXCLUDED_RE,
    KV_START_RE,
    NOTE_RE,
    OPENER_RE,
    SALUTATION_RE,
    TITLE_LINE_RE,
    has_designation_hint,
    is_account_line,
    is_plain_narrative,
    kind_of,
)
from .prose_names import (
    PLACE_SUFFIX_RE,
    POSITION_SET,
    ends_with_org,
)
from .prose_sentence import read_designations
from .prose_tabbed import tabbed_as_entry
from .prose_text import (
    CHINESE_SECTION_RE,
    Span,
    split_brackets,
    split_inline_entries,
    split_top,
    strip_numbering,
)
from .prose_triage import SignatureTest, SignTest, inert, skippable
from .prose_wrap import joined_lines

__all__ = ["records_from_paragraphs"]

log = logging.getLogger(__name__)


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
            for text, loc in joined_lines(paragraphs)
        ]
        reader = _ProseReader(ctx.document_url, ctx.award)
    else:
        lines = list(joined_lines(paragraphs))
        reader = _ProseReader(document_url)
    signature = SignatureTest(lines)
    for i, (text, location) in enumerate(lines):
        if text is None:
            reader.close()
            continue
        if not reader.active and skippable(text):
            continue
        span = Span.of(text)
        if not reader.active and reader.kv is None and not reader.last and inert(span.view):
            continue
        try:
            reader.feed(span, location, may_sign=partial(signature.may_sign, i))
        except Exception:  # one odd line must not cost the notice its other records
            log.warning("prose: could not read %r at %s", text[:60], location, exc_info=True)
            reader.close()
    reader.flush_kv()
    return dedupe_records(reader.records)


_LIST_SEP_RE = re.compile(r"[、,;]")


class _ProseReader:
    """The walk through one document's lines (see module docstring)."""

    def __init__(self, document_url: str | None, award: str | None = None) -> None:
        self.url = document_url
        self.award = award  # the notice's honour: its designations name nominees
        self.records: list[Record] = []
        self.active = False  # inside a nominee list
        self.kind: str | None = None  # what that list holds, if said
        self.implicit = False  # list inferred from numbered entries, not a heading
        self.kv: list[tuple[Span, str]] | None = None  # pending 姓名：… lines
        self.last: list[Record] = []  # records of the line before
        self.expected: int | None = None  # how many the group's heading announced
        self.found = 0  # how many of them were read
        self.group_unit: str | None = None  # the unit a group heading names
        self.group_place: str | None = None  # the unit or place a group heading names
        self.families = False  # the list is one of families (最美家庭)
        self.opened = 0  # how many lists were opened (to tell a new one)

    def open(self, kind: str | None, heading: Span | None = None) -> None:
        self.active, self.kind, self.implicit = True, kind, False
        self.families = False
        self.opened += 1
        self.start_group(heading)

    def _note_families(self, opened: int, squeezed: str) -> None:
        """A list opened by a heading that announces families (最美家庭（5户）):
        its items name each family after a person (王建国（城关镇东街村））."""
        if self.opened != opened and self.kind == "organization" and "家庭" in squeezed:
            self.families = True

    def start_group(self, heading: Span | None) -> None:
        """A heading begins a group: its count (（3名）) and, when it names a
        unit (县教育局（3名）：李明、…), the unit of members that state none."""
        self.expected, self.found, self.group_unit, self.group_place = None, 0, None, None
        if heading is None:
            return
        outside = split_brackets(heading)[0]
        text = outside.squeezed()
        count = ANY_COUNT_RE.search(heading.squeezed())
        if count and count.group(1).isdigit():
            self.expected = int(count.group(1))
        if AWARD_WORD_RE.search(text) or kind_of(text):
            return
        if ends_with_org(text) and not PLACE_SUFFIX_RE.search(text):
            self.group_unit = normalise_free_text(outside.src)
        if ends_with_org(text) or PLACE_SUFFIX_RE.search(text):
            self.group_place = normalise_free_text(outside.src)  # 城关镇：王建国家庭、…

    def close(self) -> None:
        self.flush_kv()
        self.active, self.kind, self.implicit = False, None, False

    # --- one line -----------------------------------------------------------

    def feed(self, line: Span, location: str, *, may_sign: SignTest) -> None:
        if "\t" in line.src:
            # outside a list, a table row that reached us as text (the table
            # reader's business); inside one, an item with tab-separated fields
            entry = tabbed_as_entry(line) if self.active else None
            if entry is None:
                return
            line = entry
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
            self.families = "家庭" in m.group(1) and self.kind == "organization"
            return
        if (
            EXCLUDED_RE.match(squeezed)
            or CLOSER_RE.match(squeezed)
            or DATE_LINE_RE.match(squeezed)
            or is_account_line(squeezed)
        ):
            self.close()
            return
        if TITLE_LINE_RE.match(squeezed) or SALUTATION_RE.match(squeezed):
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
        if has_designation_hint(body.view) and self._designations(body, location):
            return  # 一、授予王强、李四同志“…”称号 (before it is taken for a heading)
        if ("(" in body.view or ":" in body.view) and (
            inline := read_inline_groups(body, location, self.url)
        ):
            self.records.extend(inline)  # 先进集体（…）和先进个人（…）
            self.last = inline
            return
        opened = self.opened
        if read_heading(self, line, body, numbered, location):
            self._note_families(opened, squeezed)
            return
        if not self.active and is_plain_narrative(line.view):
            return  # outside a list only numbered entries, name lines and award sentences count
        found = self.entries(line, location, may_sign=may_sign, named=False)
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

    def _designations(self, body: Span, location: str) -> bool:
        named = read_designations(body, location, self.url, self.award)
        if not named:
            return False
        self.records.extend(named)
        self.last = named
        if not self.active:  # the nominees' details may follow (张三，男，汉族…)
            self.active, self.kind, self.implicit = True, "person", True
        return True

    # --- entries ----------------------------------------------------------------

    def entries(
        self, line: Span, location: str, *, may_sign: SignTest, named: bool = True
    ) -> list[Record]:
        """The records of one line of a list (or of a heading's rest).  `named`:
        look for designation sentences too (False when the caller has)."""
        out: list[Record] = []
        # a family is written under the person it is named after: read people
        kind = "person" if self.families else self.kind
        for chunk in split_inline_entries(line):
            body, numbered = strip_numbering(chunk)
            sentences = split_top(body, "。")
            if not sentences:
                continue
            if named and has_designation_hint(body.view):
                designated = read_designations(body, location, self.url, self.award)
                if designated:  # the nominees' details may follow (张三，男，汉族…)
                    out.extend(designated)
                    if not self.active:
                        self.active, self.kind, self.implicit = True, "person", True
                    continue
            # What follows an entry's first sentence is its story, not more fields.
            sentence = sentences[0]
            if self.active:
                if kind != "organization" and (items := split_noted_items(sentence)):
                    for item in items:  # 某中学张三（男，汉族），某医院李四（女，回族）
                        out.extend(read_list(item, location, self.url, "person", strict=False))
                    continue
                several = (
                    read_semicolon_entries(sentence, location, self.url)
                    if kind != "organization"
                    else []
                )
                if several:
                    out.extend(several)
                    continue
                rec = None
                if kind != "organization":
                    rec = parse_field_entry(sentence, location, self.url, in_context=True)
                if rec is not None:
                    out.append(rec)
                elif len(sentences) > 1 and not numbered:
                    pass  # several sentences: prose, not a list
                else:
                    found = read_list(sentence, location, self.url, kind, strict=False)
                    if (
                        not numbered
                        and not _LIST_SEP_RE.search(sentence.view)
                        and not (self.expected and self.found < self.expected)
                        and (may_sign() if callable(may_sign) else may_sign)
                    ):
                        # a lone unit above the date is the signature, not a
                        # nominee; a person (欧阳明 县职业中学教师) is the list's last
                        found = [r for r in found if r.kind == "person"]
                    out.extend(found)
            elif "家庭" in sentence.view and (families := read_families(sentence, location, self.url)):
                out.extend(families)
                self.active, self.kind, self.implicit = True, "organization", True
            elif numbered and not CHINESE_SECTION_RE.match(chunk.view):
                rec = parse_field_entry(sentence, location, self.url, in_context=False)
                if rec is not None and _strength(rec) >= 2:
                    out.append(rec)
                    self.active, self.kind, self.implicit = True, "person", True
            elif len(sentence) <= 150 and "," not in sentence.view:
                out.extend(read_list(sentence, location, self.url, None, strict=True))
            elif "(" in sentence.view:
                # 张三（男，1975年3月生，汉族，…）、李四（女，…）: people by their attributes
                found = read_list(sentence, location, self.url, "person", strict=False)
                if found and all(_strength(r) >= 2 for r in found):
                    out.extend(found)
                    self.active, self.kind, self.implicit = True, "person", True
        for rec in out:
            if rec.kind == "person" and rec.unit is None and self.group_unit:
                rec.unit = self.group_unit
        if self.families:
            out = [_as_family(rec) if rec.kind == "person" else rec for rec in out]
        for rec in out:
            if rec.kind == "organization" and rec.unit is None and rec.name.endswith("家庭"):
                rec.unit = self.group_place  # 城关镇：王建国家庭、李秀英家庭
        self.found += len(out)
        return out

    # --- 姓名：… 性别：… ---------------------------------------------------------------

    def flush_kv(self) -> None:
        lines, self.kv = self.kv, None
        if lines:
            rec = key_value_record(lines, self.url, in_context=self.active)
            if rec is not None:
                self.records.append(rec)


def _as_family(rec: Record) -> Record:
    """A person named in a list of families stands for the family: the rule of
    `prose_items._family` (kind organization, named 王建国家庭, the place as
    its unit)."""
    return Record(
        kind="organization",
        name=f"{rec.name}家庭",
        name_raw=rec.name_raw,
        unit=rec.unit,
        document_url=rec.document_url,
        location=rec.location,
        raw=rec.raw,
    )


def _strength(rec: Record) -> int:
    return sum(
        v is not None for v in (rec.gender, rec.ethnicity, rec.birth, rec.political, rec.education)
    )
