"""Dates in notices: publication date, the publicity period, Chinese numerals.

Dates are written 2025年9月8日, 2025-09-08, 2025.9.8, 二〇二五年九月八日, with
or without a year (9月8日至12日); all come out as YYYY-MM-DD.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from archive.model import DocumentContent, Paragraph, Table

# --- dates ----------------------------------------------------------------------

# Years are written 二〇二五, 二○二五 (a circle), 二0二五 and 二O二五 (a digit or
# a letter for the zero).
_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "◯": 0, "Ｏ": 0, "O": 0, "o": 0, "0": 0, "０": 0, "一": 1, "二": 2,
              "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_DATE_RE = re.compile(
    r"([〇零○◯Ｏ0０Oo一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
    r"(?:\s*([一二三四五六七八九十]{1,3})\s*日)?"
)


_CN_MONTH_DAY_RE = re.compile(r"([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")


def _cn_number(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


_SPACED_DIGITS_RE = re.compile(r"(?<!\d)\d(?: \d)+(?= ?[年月日])")


_ASCII_ZERO_YEAR_RE = re.compile(r"[一二][0０Oo][一二三四五六七八九0０Oo]{2}\s*年")


def cn_dates_to_digits(text: str) -> str:
    """二〇二五年九月八日 → 2025年9月8日 (so one date grammar reads both)."""

    def repl(m: re.Match[str]) -> str:
        year = "".join(str(_CN_DIGITS[c]) for c in m.group(1))
        out = f"{year}年{_cn_number(m.group(2))}月"
        if m.group(3):
            out += f"{_cn_number(m.group(3))}日"
        return out

    if " " in text and _SPACED_DIGITS_RE.search(text):
        # letter-spaced dates of justified PDF lines: 2 0 2 5 年 1 月 1 0 日
        text = _SPACED_DIGITS_RE.sub(lambda m: m.group(0).replace(" ", ""), text)
    if "年" not in text or not (any(c in text for c in "〇零○◯Ｏ") or _ASCII_ZERO_YEAR_RE.search(text)):
        return text
    text = _CN_DATE_RE.sub(lambda m: repl(m) if not m.group(1).isdigit() else m.group(0), text)
    return _CN_MONTH_DAY_RE.sub(lambda m: f"{_cn_number(m.group(1))}月{_cn_number(m.group(2))}日", text)


def make_date(year: int | str, month: int | str, day: int | str) -> str | None:
    try:
        y, m, d = int(year), int(month), int(day)
    except (TypeError, ValueError):
        return None
    if not (1990 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


_YMD = r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?"
_YMD_RE = re.compile(_YMD)
DATE_LINE_RE = re.compile(
    r"^\s*(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-./]\s*(\d{1,2})\s*[-./]\s*(\d{1,2}))"
    r"\s*(?:[（(](?:星期|周)[一二三四五六日天][)）]|[（(]此件[^（）()]{1,10}[)）])?\s*$"
)
DATE_AT_END_RE = re.compile(r"^(.{2,60}?)\s+(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
PUBLISHED_LINE_RE = re.compile(
    r"(?:^|[\s|】\]）)：:])(?:发布时间|发布日期|发表时间|发文时间|发文日期|成文日期|更新时间|信息时间|"
    r"公开日期|发布于|日期|时间)\s*[:：]?\s*" + _YMD
)
DATED_BYLINE_RE = re.compile(
    r"^\s*[\[【(（]?\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s*"
    r"[\]】)）]?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:$|来源|作者|编辑|浏览|点击|字号|【|\[|\|)"
)
_PUB_META_KEYS = (
    "pubdate", "publishdate", "firstpublishedtime", "article:published_time", "publishtime",
    "publish_date", "pub_date", "dc.date", "dcterms.created", "dc.date.created", "createdate",
    "og:release_date", "og:published_time", "og:article:published_time", "og:pubdate", "og:publish_time",
    "date", "lastmodifiedtime", "maketime", "releasetime", "og:updated_time",
)  # fmt: skip
# What a label before a date says the date is: the page's publication (发布日期)
# first, a bare 日期/时间 next, the document's signing (成文日期) last — an
# information-disclosure page prints both, and 成文日期 is the fallback.
_LABEL_RANK_RE = (
    re.compile(r"发布|发表|公开日期|上网"),
    re.compile(r"成文|发文|印发|签发"),
)
_LABELLED_DATE_RE = re.compile(
    r"(发布时间|发布日期|发表时间|发文时间|发文日期|成文日期|成文时间|印发日期|更新时间|信息时间|公开日期|上网时间|发布于|"
    r"日期|时间)\s*[:：]?\s*" + _YMD
)
_LABEL_CELL_RE = re.compile(
    r"^(?:发布时间|发布日期|发表时间|发文时间|发文日期|成文日期|成文时间|印发日期|公开日期|上网时间|信息时间|日期|时间)[:：]?$"
)


def date_in(text: str | None) -> str | None:
    """The first YYYY-MM-DD written in text (2025-09-08, 2025年9月8日, 2025/9/8)."""
    if not text:
        return None
    m = _YMD_RE.search(cn_dates_to_digits(text))
    return make_date(*m.groups()) if m else None


# --- publicity period -----------------------------------------------------------------------

_TIME = r"(?:\s*[（(]?(?:上午|下午|早上|晚上)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|时|点)(?:\s*\d{1,2}分)?[)）]?)?"
_SEP = r"\s*(?:起)?\s*(?:至|到|—+|-+|–|~|～|－+|－|―+)\s*"
_FULL = r"(?:(\d{4})\s*[年.\-/]\s*)?(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?"
_END = r"(?:(?:(\d{4})\s*[年.\-/]\s*)?(\d{1,2})\s*[月.\-/]\s*)?(\d{1,2})\s*日?"
_RANGE_RE = re.compile(_FULL + _TIME + _SEP + _END + _TIME)
_UNTIL_RE = re.compile(r"(?:即日起|发布之日起|公布之日起|之日起)\s*(?:至|到)\s*" + _FULL)
_FROM_RE = re.compile(r"自\s*" + _FULL + r"\s*(?:起|开始)[，,]?\s*(?:进行)?公示")
_PERIOD_KEY_RE = re.compile(r"公示(?:时间|期|期限|日期|期间|时限)?|公示")


def _around_publicity(text: str) -> str:
    """The parts of a long text near 公示 (every period grammar names it within
    a few dozen characters of its dates), so that a long body is cheap."""
    spans: list[list[int]] = []
    i = text.find("公示")
    while i >= 0:
        a, b = max(0, i - 120), i + 220
        if spans and a <= spans[-1][1]:
            spans[-1][1] = b
        else:
            spans.append([a, b])
        i = text.find("公示", i + 2)
    return "\n".join(text[a:b] for a, b in spans)


def find_period(text: str, year_hint: int | None, published: str | None) -> tuple[str | None, str | None]:
    """(start, end) of the publicity period as YYYY-MM-DD."""
    if len(text) > 2000:
        text = _around_publicity(text)
    text = cn_dates_to_digits(text)
    for key in _PERIOD_KEY_RE.finditer(text):
        window = text[key.end(): key.end() + 160]
        m = _RANGE_RE.search(window)
        if m and m.start() < 90:
            y1, m1, d1, y2, m2, d2 = m.groups()
            y1 = int(y1) if y1 else year_hint
            if y1 is None:
                continue
            start = make_date(y1, m1, d1)
            end_year = int(y2) if y2 else y1
            end_month = m2 or m1
            if not y2 and m2 and int(m2) < int(m1):
                end_year = y1 + 1
            end = make_date(end_year, end_month, d2)
            if start and end and end >= start:
                return start, end
        m = _UNTIL_RE.search(window)
        if m and m.start() < 90:
            y, mo, d = m.groups()
            y = int(y) if y else year_hint
            if y is not None:
                return published, make_date(y, mo, d)
    # 自2025年9月8日起公示5个工作日: a start and no end
    m = _FROM_RE.search(text)
    if m:
        y, mo, d = m.groups()
        y = int(y) if y else year_hint
        if y is not None:
            return make_date(y, mo, d), None
    # 自即日起至2025年9月12日止公示: the key word comes after the dates
    m = _UNTIL_RE.search(text)
    if m and "公示" in text[m.end(): m.end() + 30]:
        y, mo, d = m.groups()
        y = int(y) if y else year_hint
        if y is not None:
            return published, make_date(y, mo, d)
    return None, None


# --- published ----------------------------------------------------------------------------------


_URL_DATE_RES = (
    re.compile(r"[/_]t?((?:19|20)\d{2})(\d{2})(\d{2})[_/.]"),  # /t20250908_123.html
    re.compile(r"/((?:19|20)\d{2})-(\d{2})-(\d{2})/"),  # /2025-09-08/
    re.compile(r"/((?:19|20)\d{2})/(\d{2})(\d{2})/"),  # /2025/0908/
)


def date_in_url(url: str | None) -> str | None:
    """The date many CMSs put in an article's address."""
    for pattern in _URL_DATE_RES:
        m = pattern.search(url or "")
        if m:
            d = make_date(*m.groups())
            if d:
                return d
    return None


# A newspaper's dateline or a source line at the end of a reprint:
# 《西宁晚报》2025年9月20日 第2版 / 来源：青海日报 2025-09-20
NEWSPAPER_LINE_RE = re.compile(
    r"(?:《[^》]{2,20}》|(?:来源|稿源|转自|刊于|摘自)\s*[:：]?\s*[^\s\d:：]{2,30}?)\s*[（(]?\s*" + _YMD
)
_DATE_WORDS = ("时间", "日期", "发布于")
# （2025年1月10日） or （2025年1月10日县委常委会第12次会议审议通过） under a
# decision's title; …办公室  2025年1月12日印发 at the foot of a formal document
_DATED_NOTE_RE = re.compile(r"^\s*[（(]\s*" + _YMD + r"[^（）()]{0,40}[)）]\s*$")
_ISSUED_LINE_RE = re.compile(r"(?<!\d)" + _YMD + r"\s*(?:印发|发布|签发|制发)\s*$")


def _published_line(text: str) -> str | None:
    if not any(w in text for w in _DATE_WORDS):
        return None  # most paragraphs: skip the regex
    m = PUBLISHED_LINE_RE.search(text)
    if m and "公示" not in text[: m.start() + 2]:
        return make_date(*m.groups())
    return None


def _label_rank(label: str) -> int:
    """0: the page's publication (发布日期), 2: the document's signing
    (成文日期), 1: anything else (日期, 更新时间)."""
    if _LABEL_RANK_RE[0].search(label):
        return 0
    return 2 if _LABEL_RANK_RE[1].search(label) else 1


def labelled_dates(paragraphs: list[Paragraph], tables: list[Table] = ()) -> list[tuple[int, str]]:
    """(rank, date) of every labelled date in page chrome, in order: 发布日期：…
    in a line, or 成文日期 | 2025-06-28 as label and value cells of the
    small table of an information-disclosure page."""
    out: list[tuple[int, str]] = []
    for p in paragraphs:
        text = p.text
        if not any(w in text for w in _DATE_WORDS):
            continue
        for m in _LABELLED_DATE_RE.finditer(text):
            label = re.sub(r"\s+", "", m.group(1))
            if label in ("日期", "时间") and m.start() > 0 and not re.match(r"[\s|】\]）)：:]", text[m.start() - 1]):
                continue  # 公示日期, 截止时间: part of a longer word
            if "公示" in text[max(0, m.start() - 4): m.start() + 2]:
                continue
            d = make_date(*m.groups()[1:])
            if d:
                out.append((_label_rank(label), d))
    for table in tables:
        if len(table.rows) > 10:
            continue  # a data table, not a page's information block
        for row in table.rows:
            for label, value in zip(row, row[1:], strict=False):
                label = re.sub(r"\s+", "", label or "")
                if label and len(label) <= 7 and _LABEL_CELL_RE.match(label):
                    d = date_in(value)
                    if d:
                        out.append((_label_rank(label), d))
    return out


# WeChat article pages fill their date in with script: var ct = "1725753000";
# var publish_time = "2024-09-08" || ""; var createTime = '2024-09-08 10:30'.
_SCRIPT_DATE_RE = re.compile(
    rb"""\b(?:publish_time|publishTime|pub_time|pubTime|createTime|create_time|ori_create_time|oriCreateTime)"""
    rb"""["']?\s*[=:]\s*(?:JsDecode\()?["']?(\d{4}-\d{1,2}-\d{1,2}|\d{10})\b"""
)
_SCRIPT_CT_RE = re.compile(rb"""(?<![\w.])(?:d\.|window\.)?["']?ct["']?\s*[=:]\s*["']?(\d{10})\b""")
_CHINA_TZ = timezone(timedelta(hours=8))


def _unix_date(seconds: int) -> str | None:
    if not (946684800 <= seconds <= 4102444800):  # 2000 … 2100
        return None
    return datetime.fromtimestamp(seconds, _CHINA_TZ).strftime("%Y-%m-%d")


def date_in_page_script(source: bytes | None) -> str | None:
    """The publication date a page's script carries (a WeChat article's ct,
    publish_time or createTime), read from the raw bytes: the reader drops
    scripts.  The server's time (svr_time) is not the article's."""
    if not source or (b"publish_time" not in source and b"ct" not in source and b"reate" not in source):
        return None
    for pattern in (_SCRIPT_DATE_RE, _SCRIPT_CT_RE):
        for m in pattern.finditer(source):
            value = m.group(1).decode("ascii")
            d = _unix_date(int(value)) if value.isdigit() else date_in(value)
            if d:
                return d
    return None


# a byline with the date after the author (WeChat: 原创 某某县总工会 麻江工会
# 2024年9月8日 10:30 贵州): a time after the date tells it from a signature
_MID_BYLINE_RE = re.compile(
    r"^.{0,50}?\s(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"\s*[\u4e00-\u9fff]{0,4}\s*$"
)


def _byline(text: str) -> str | None:
    m = DATED_BYLINE_RE.match(text)
    return make_date(*m.groups()) if m else None


def _chrome_tables(content: DocumentContent) -> list[Table]:
    """Small tables among the first blocks (an information-disclosure page's
    索引号 / 成文日期 / 发布日期 block)."""
    return [b for b in content.blocks[:12] if isinstance(b, Table) and len(b.rows) <= 10]


def find_published(content: DocumentContent, paragraphs: list[Paragraph], heading_idx: int | None,
                   closing_date: str | None, url: str | None = None, page_source: bytes | None = None,
                   ) -> str | None:
    """Publication date: 发布时间 line near the heading, meta tags, a page
    script's date (WeChat), a dated byline, 成文日期, the closing date, a
    newspaper's dateline, the address."""
    lo = max(0, (heading_idx or 0) - 8)
    hi = min(len(paragraphs), (heading_idx or 0) + 8)
    labelled = labelled_dates(paragraphs[lo:hi], _chrome_tables(content))
    if labelled:
        rank, d = min(labelled, key=lambda x: x[0])  # min keeps the first of a rank
        if rank < 2:
            return d
    for key in _PUB_META_KEYS:
        d = date_in(content.meta.get(key))
        if d:
            return d
    d = date_in_page_script(page_source)
    if d:
        return d
    # news pages: "2020-05-15 08:05 来源:厦门晚报 作者:…" under the heading (or,
    # with no heading found, among the first lines of page chrome)
    near = paragraphs[heading_idx + 1: heading_idx + 4] if heading_idx is not None else paragraphs[:10]
    for p in near:
        d = _byline(p.text)
        if d:
            return d
        m = _DATED_NOTE_RE.match(cn_dates_to_digits(p.text))
        if m:
            d = make_date(*m.groups())
            if d:
                return d
        m = _MID_BYLINE_RE.match(p.text) if len(p.text) <= 90 else None
        if m:
            d = make_date(*m.groups())
            if d:
                return d
    if labelled:
        return labelled[0][1]  # 成文日期 alone
    if closing_date:
        return closing_date
    # …办公室  2025年9月22日印发: at the foot of a formal document, or at its
    # head where a page or a scan puts it first
    tail = paragraphs[-15:]
    head = [p for p in paragraphs[:8] if all(p is not q for q in tail)]
    for p in [*reversed(tail), *head]:
        if len(p.text) > 90 or not any(w in p.text for w in ("印发", "发布", "签发", "制发")):
            continue
        m = _ISSUED_LINE_RE.search(cn_dates_to_digits(p.text))
        if m:
            d = make_date(*m.groups())
            if d:
                return d
    d = date_in_url(url)
    if d:
        return d
    for p in paragraphs[:60]:
        if "公示" not in p.text:
            d = _published_line(p.text)
            if d:
                return d
    # the last resorts, from the end: a newspaper's dateline, a lone date line
    short = [p.text for p in paragraphs[-30:] if len(p.text) <= 80]
    for text in reversed(short):
        m = NEWSPAPER_LINE_RE.search(text)
        if m:
            d = make_date(*m.groups())
            if d:
                return d
    for text in reversed(short):
        d = _byline(text)
        if d:
            return d
    # a signature date run into the text before it (…再接再厉。 中共某县委 2025年1月10日)
    for p in reversed(paragraphs[-5:]):
        if not p.text.rstrip().endswith(_DATE_ENDINGS):
            continue
        text = cn_dates_to_digits(p.text)
        m = _DATE_AT_PARAGRAPH_END_RE.search(text)
        if m and not re.search(r"公示|至|—|截止|前$", text[max(0, m.start() - 6):m.start()]):
            d = make_date(*m.groups())
            if d:
                return d
    return None


_DATE_ENDINGS = ("日", ")", "）", *"0123456789")
_DATE_AT_PARAGRAPH_END_RE = re.compile(_YMD + r"\s*(?:[（(][^（）()]{0,12}[)）])?\s*$")
