"""A notice's metadata (`NoticeMeta`) from its main document.

Composes the readers in `meta` (title, dates, signature, period, award),
`classify` (stage), `levels` (level) and `regions` (where the issuer sits).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.model import DocumentContent, NoticeMeta, Paragraph, SourceDocument, Table

from .awards import find_award
from .classify import stage_of
from .dates import find_period, find_published
from .headers import looks_traditional, to_simplified
from .levels import (
    level_from_text,
    level_named_in,
    level_of_award,
    level_of_conferrer,
    level_of_issuer,
    level_of_place_before,
    level_of_whole_region,
    names_whole_region,
)
from .meta import (
    Closing,
    expand_issuer,
    find_closing,
    find_source,
    find_title,
    is_org_line,
    issuer_from_title,
)
from .normalise import squeeze
from .regions import region_from_places


@dataclass
class NoticeText:
    """The main document's running text, located.

    `paragraphs` includes title rows of tables (a spreadsheet's first row is
    often the notice title); `heading` is the index of the title paragraph,
    `closing` the signature and date that end the notice proper; `body` the
    text between them (or the whole text when they are not found).
    """

    paragraphs: list[Paragraph]
    title: str | None
    heading: int | None
    closing: Closing | None
    body: str
    full: str
    # the raw bytes of an HTML page, for what only its scripts say (a WeChat
    # article's publication time)
    page_source: bytes | None = None


def _table_text_rows(table: Table) -> list[str]:
    """Rows that are one text across the table: a spreadsheet's title, its
    period line, its signature and date (notices published as a sheet)."""
    out = []
    for row in table.rows:
        cells = {c.strip() for c in row if c and c.strip()}
        if len(cells) == 1:
            text = next(iter(cells))
            if len(text) >= 6:
                out.append(text)
    return out


def notice_text(content: DocumentContent, src: SourceDocument | None = None) -> NoticeText:
    paragraphs: list[Paragraph] = []
    for block in content.blocks:
        if isinstance(block, Paragraph):
            paragraphs.append(block)
        else:
            paragraphs.extend(Paragraph(t, block.location) for t in _table_text_rows(block))
    title, heading = find_title(content, paragraphs)
    if heading is None:
        heading = _sheet_title_row(content, paragraphs)
        if heading is not None and (title is None or not _NOTICE_WORDS.search(title)):
            title = _strip_attachment_label(paragraphs[heading].text)
    if title is None and src is not None and src.filename:
        stem = re.sub(r"\.[A-Za-z0-9]{2,5}$", "", src.filename)
        title = re.sub(r"^附\s*件\s*\d*\s*[:：.、_-]?\s*", "", stem) or None
    closing = find_closing(paragraphs, heading or 0)
    start = heading or 0
    end = closing.index + 1 if closing else min(len(paragraphs), start + 80)
    body = "\n".join(p.text for p in paragraphs[start:end])
    full = "\n".join(p.text for p in paragraphs)
    return NoticeText(paragraphs, title, heading, closing, body, full, _html_source(src))


def _html_source(src: SourceDocument | None) -> bytes | None:
    if src is None:
        return None
    if "html" in (src.content_type or "").lower() or (src.filename or src.url or "").lower().endswith(
            (".html", ".htm", ".shtml", ".asp", ".aspx", ".jsp", ".php")):
        return src.data
    head = src.data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return src.data if head.startswith((b"<!doctype html", b"<html", b"<head", b"<meta", b"<!--")) else None


_ATTACHMENT_LABEL_RE = re.compile(r"^\s*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[:：.、_-]?\s*")
_NOTICE_WORDS = re.compile(r"公示|公告|决定|通报|通知|名单|表彰|推荐|评选|命名|公布|候选")


def _strip_attachment_label(text: str) -> str:
    return _ATTACHMENT_LABEL_RE.sub("", text).strip() or text.strip()


def _sheet_title_row(content: DocumentContent, paragraphs: list[Paragraph]) -> int | None:
    """The title row of a spreadsheet or table that is the whole notice
    (某某县2024年度“十佳教师”评选结果 merged over the first row)."""
    if not content.blocks or not isinstance(content.blocks[0], Table):
        first_table = next((i for i, b in enumerate(content.blocks[:4]) if isinstance(b, Table)), None)
        if first_table is None or any(
                isinstance(b, Paragraph) and len(squeeze(b.text)) >= 40 for b in content.blocks[:first_table]):
            return None  # running text before the table: not a sheet of its own
    table = next(b for b in content.blocks if isinstance(b, Table))
    for i, p in enumerate(paragraphs[:6]):
        if p.location != table.location:
            continue
        t = squeeze(_strip_attachment_label(p.text))
        if 6 <= len(t) <= 90 and not re.search(r"[。；;]", t):
            return i
        return None
    return None


def _signature_lines_in(text: NoticeText, prefix: str) -> list[str]:
    """Lines just above the closing date that are all part of `prefix`."""
    out: list[str] = []
    j = text.closing.index - 1 if text.closing else -1
    while j >= 0 and len(out) < 4:
        line = text.paragraphs[j].text.strip()
        if not line or squeeze(line) not in prefix:
            break
        out.insert(0, line)
        j -= 1
    return out


_NEXT_LEVEL = {"county": "prefecture", "prefecture": "province", "province": "national"}


def simplified_view(text: NoticeText) -> NoticeText:
    """The same text in simplified characters when it is written in
    traditional ones (the metadata grammar is written in simplified)."""
    if not looks_traditional((text.title or "") + text.body[:2000]):
        return text
    paragraphs = [Paragraph(to_simplified(p.text), p.location) for p in text.paragraphs]
    title = to_simplified(text.title) if text.title else None
    closing = find_closing(paragraphs, text.heading or 0)
    start = text.heading or 0
    end = closing.index + 1 if closing else min(len(paragraphs), start + 80)
    body = "\n".join(p.text for p in paragraphs[start:end])
    return NoticeText(paragraphs, title, text.heading, closing, body, to_simplified(text.full), text.page_source)


def _as_written(value: str | None, original: NoticeText, view: NoticeText) -> str | None:
    """A value found in the simplified view, as the source wrote it (OpenCC's
    t2s keeps lengths for nearly all text, so positions carry over)."""
    if value is None or view is original:
        return value
    for orig, conv in ((original.title or "", view.title or ""), (squeeze(original.full), squeeze(view.full))):
        i = conv.find(value)
        if i >= 0 and len(orig) == len(conv):
            return orig[i:i + len(value)]
    return value


def read_notice_meta(
    original: NoticeText, content: DocumentContent, extra_titles: list[str] | None = None,
    url: str | None = None,
) -> NoticeMeta:
    """Title, published, issuer, award, level, stage, period and region."""
    text = simplified_view(original)
    meta = NoticeMeta(title=original.title)
    closing_date = text.closing.date if text.closing else None
    meta.published = find_published(content, text.paragraphs, text.heading, closing_date, url, text.page_source)
    if meta.published:
        meta.year = int(meta.published[:4])
    meta.issuer = _issuer(text, content)
    body_for_award = text.body
    if extra_titles:
        body_for_award += "\n" + "\n".join(extra_titles)
    meta.award = find_award(text.title, body_for_award)
    meta.region = region_from_places(meta.issuer, "\n".join(filter(None, [text.title, text.body])))
    meta.stage, meta.level = _stage_and_level(meta, text)
    meta.period_start, meta.period_end = find_period(text.body or text.full, meta.year, meta.published)
    if meta.period_start is None and meta.period_end is None and text.body != text.full:
        meta.period_start, meta.period_end = find_period(text.full, meta.year, meta.published)
    meta.issuer = _as_written(meta.issuer, original, text)
    meta.award = _as_written(meta.award, original, text)
    return meta


def _stage_and_level(meta: NoticeMeta, text: NoticeText) -> tuple[str, str]:
    """The stage, and the level of the honour (not of the issuer).

    The honour's own name says its level (全国…, 青海省…, 全县…); else a
    place written just before it (四川“最美退役军人”); else the issuer's level
    for its own honour (proposed, awarded), one level up for a recommendation.
    """
    award_level = level_of_award(meta.award, meta.issuer)
    if names_whole_region(meta.award):
        award_level = _whole_region_level(meta, text)
    issuer_level = level_of_issuer(meta.issuer)
    text_level = level_from_text(text.title, text.body) if issuer_level is None else None
    place_level = None
    if award_level is None and meta.award:
        place_level = level_of_place_before(meta.award, text.title or "") or level_of_place_before(
            meta.award, text.body[:3000]) or level_of_conferrer(meta.award, text.body)
    if award_level is None and meta.award is None and text.title:
        # no honour found: one the title names with a level word (酒泉市2人获全国…),
        # else the title read as an honour's name
        # or in the lead (酒泉两人上榜！ 近日，全国妇联公布…全国三八红旗手…)
        award_level = level_named_in(text.title, text.body) or level_of_award(
            re.sub(r"^.{0,40}?关于", "", squeeze(text.title)), meta.issuer)
    # An unnamed issuer's level from the text (我市…, 大通县召开…) — unless it is
    # the honour's own place (青海省五一劳动奖章推荐对象公示 names the honour)
    if text_level is not None and text_level != (award_level or place_level):
        issuer_level = text_level
    stage = stage_of(text.title, text.body, award_level or place_level, issuer_level, meta.issuer, meta.award)
    issuer_level = issuer_level or text_level
    if award_level is None and place_level is not None and not (
            stage == "recommended" and place_level == issuer_level):
        # (湟中区“最美家庭”推荐人选: the place is the recommending body's own)
        award_level = place_level
    if award_level is None and stage == "recommended":
        # 关于2025年度优秀共青团员推荐人选的公示, where the body cites the call
        # for 全国优秀共青团员: a level the text names above the issuer's
        named = level_named_in(text.title, text.body, above=issuer_level)
        award_level = named or _NEXT_LEVEL.get(issuer_level or "")
    if award_level is None and meta.award is None:
        # no honour found (点赞！我县这两人上榜): one the text names with its level
        award_level = level_named_in(text.title, text.body)
    if award_level is None:
        award_level = issuer_level
    return stage, award_level or "other"


# (not a bare 推荐: 经各单位推荐，拟表彰… is a body's own selection)
_PUTS_FORWARD_RE = re.compile(
    r"拟推荐|拟被推荐|被推荐|推荐(?:对象|人选|名单|候选)|候选对象|(?:推荐|报送|上报)(?:至|到|给)?自治区|参评|参选|拟上报|拟报送")


def _whole_region_level(meta: NoticeMeta, text: NoticeText) -> str:
    """全区…: the autonomous region's honour or a district's (see
    `level_of_whole_region`); a 自治区 named just before it settles it."""
    title = text.title or ""
    if level_of_place_before(meta.award, title) == "province":
        return "province"
    context = "\n".join(filter(None, [meta.region, title, text.body[:1500]]))
    recommends = bool(_PUTS_FORWARD_RE.search(squeeze(title))) or bool(
        _PUTS_FORWARD_RE.search(squeeze(text.body[:600])))
    return level_of_whole_region(meta.issuer, context, recommends)


def _issuer(text: NoticeText, content: DocumentContent) -> str | None:
    from_title = issuer_from_title(text.title)
    if text.closing and from_title and text.closing.issuer_lines:
        # 中共海西州委 / 海西州人民政府 signed under a list of collectives: the
        # title (中共海西州委海西州人民政府关于…) says how many lines sign
        lines = _signature_lines_in(text, squeeze(from_title))
        if len(lines) > len(text.closing.issuer_lines):
            return " ".join(squeeze(x) for x in lines)
    if text.closing and text.closing.issuer_lines:
        full = squeeze(text.full)
        names = [
            expand_issuer(squeeze(part), full)
            for line in text.closing.issuer_lines
            for part in _signing_bodies(line)
        ]
        # joint issuers are printed side by side or one under the other
        return " ".join(dict.fromkeys(names))
    return from_title or _banner_issuer(text) or find_source(content, text.paragraphs, text.heading)


def _signing_bodies(line: str) -> list[str]:
    """The bodies on one signature line: 中共某县委 某县人民政府 (one space
    apart when each part is a body's name; wider gaps always part them)."""
    parts = [p for p in line.split() if p]
    if len(parts) > 1 and all(is_org_line(p) for p in parts):
        return parts
    return [p for p in re.split(r"\s{2,}|\u3000+|\xa0+", line.strip()) if p.strip()]


def _banner_issuer(text: NoticeText) -> str | None:
    """The issuing bodies printed above the title of a formal document
    (中共某县委 某县人民政府 / 某县人民政府文件), when nobody signs below."""
    if not text.heading:
        return None
    for j in range(text.heading - 1, max(-1, text.heading - 3), -1):
        line = re.sub(r"文件$", "", text.paragraphs[j].text.strip())
        parts = [p for p in re.split(r"\s+", line) if p]
        if parts and all(is_org_line(p) for p in parts):
            return " ".join(parts)
    return None
