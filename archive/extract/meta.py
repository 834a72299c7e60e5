"""Notice metadata: the title, the closing signature and date, the issuer.

Read from the main document: its <title> and <meta> tags, the heading
paragraph, the signature and closing date at the end of the notice text,
and the body's full form of a signed name.  Dates and the publicity period
are in `dates`, the honour's name in `awards`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from archive.model import DocumentContent, Paragraph

from .dates import (
    DATE_AT_END_RE,
    DATE_LINE_RE,
    DATED_BYLINE_RE,
    PUBLISHED_LINE_RE,
    cn_dates_to_digits,
    make_date,
)
from .normalise import squeeze
from .regions import gazetteer

# --- title -------------------------------------------------------------------------

_NOTICE_WORDS = re.compile(r"公示|公告|决定|通报|通知|名单|表彰|推荐|评选|命名|公布|候选")
_SITE_SPLIT = re.compile(r"\s*(?:[-_|｜—–]{1,2}|＿)\s*")
_TITLE_META_KEYS = ("articletitle", "title", "og:title", "dc.title", "headline")


def _title_candidates_from_tag(title: str) -> str | None:
    """<title> without the site name: the part that reads as a notice title."""
    parts = [p for p in _SITE_SPLIT.split(title) if p]
    if not parts:
        return None
    with_words = [p for p in parts if _NOTICE_WORDS.search(p)]
    if with_words:
        return max(with_words, key=len)
    return parts[0]


def _looks_like_heading(text: str) -> bool:
    if len(text) > 300 or not _NOTICE_WORDS.search(text):
        return False  # running text (most paragraphs): no need to normalise it
    t = squeeze(text)
    if not (6 <= len(t) <= 90) or not _NOTICE_WORDS.search(t):
        return False
    if re.search(r"[。；]", t[:-1]) or t.endswith(("：", ":", "，", ",", "。")):
        return False
    if t.count(",") >= 2:
        return False  # a sentence of the body (…经推荐、审核，现将…予以公示，公示期为…)
    return bool(
        t.startswith("关于")
        or re.search(r"(?:公示|公告|决定|通报|通知|名单|公布)(?:[(（][^()（）]{0,20}[)）])?$", t)
        or re.search(r"关于.{2,}的", t)
    )


def find_title(content: DocumentContent, paragraphs: list[Paragraph]) -> tuple[str | None, int | None]:
    """(title, index of the heading paragraph or None)."""
    meta_title = next((content.meta[k] for k in _TITLE_META_KEYS if content.meta.get(k)), None)
    tag_title = _title_candidates_from_tag(content.title) if content.title else None
    wanted = [squeeze(t) for t in (meta_title, tag_title) if t]
    heading_idx = None
    for i, p in enumerate(paragraphs[:400]):
        if len(p.text) > 200:
            continue
        t = squeeze(p.text)
        if wanted and any(t == w or (len(t) >= 8 and (t in w or w in t) and _looks_like_heading(p.text))
                          for w in wanted):
            heading_idx = i
            break
    if heading_idx is None:
        # a headline over its byline (发布日期：… 来源：…), whatever its words:
        # a news report's headline often has no notice word at all, and the
        # sidebar's notice titles must not win over it
        heading_idx = _headline_over_byline(paragraphs)
    if heading_idx is None:
        # Sidebars list other notices' titles too: the heading is the one
        # followed by a byline (发布时间…) or by the notice's running text.
        candidates = [i for i, p in enumerate(paragraphs[:400])
                      if _looks_like_heading(_heading_text(paragraphs, i)[0])]
        for k, i in enumerate(candidates):
            first = i + _heading_text(paragraphs, i)[1]
            stop = min(first + 3, candidates[k + 1] if k + 1 < len(candidates) else first + 3)
            after = paragraphs[first: stop]
            if any(PUBLISHED_LINE_RE.search(p.text) or DATED_BYLINE_RE.match(p.text)
                   or len(p.text) >= 60 for p in after):
                heading_idx = i
                break
        if heading_idx is None and candidates:
            heading_idx = candidates[0]
    if heading_idx is None and not (meta_title or tag_title):
        heading_idx = _headline(paragraphs)
    title = meta_title or tag_title
    if heading_idx is not None:
        heading = _clean_title(_heading_text(paragraphs, heading_idx)[0])
        if not title or len(squeeze(heading)) > len(squeeze(title)) or not _NOTICE_WORDS.search(title):
            title = heading
    return (_clean_title(title) if title else None), heading_idx


def _heading_text(paragraphs: list[Paragraph], i: int) -> tuple[str, int]:
    """The text of a heading that starts at paragraph `i`, and how many
    paragraphs it takes: a title wrapped by the layout (a PDF's centred
    title, a <br> in an <h1>) leaves its last characters on a line of their
    own (关于表彰…先进个人的决 / 定), which completes it."""
    text = paragraphs[i].text
    if i + 1 >= len(paragraphs) or len(text) > 200 or not _NOTICE_WORDS.search(text):
        return text, 1
    head = squeeze(text)
    if _TITLE_END_RE.search(head) or _TITLE_STOP_RE.search(head):
        return text, 1
    tail = squeeze(paragraphs[i + 1].text)
    if not 1 <= len(tail) <= 12 or _TITLE_STOP_RE.search(tail) or not _TITLE_END_RE.search(head + tail):
        return text, 1
    return text.rstrip() + paragraphs[i + 1].text.strip(), 2


_TITLE_END_RE = re.compile(r"(?:公示|公告|决定|通报|通知|名单|公布)(?:[(（][^()（）]{0,20}[)）])?$")
_TITLE_STOP_RE = re.compile(r"[。，,；;：:]")


# not a headline: a sentence, an attachment label, a date, page chrome, a
# red-header document's banner (某某县人民政府文件) or number (某政发〔2025〕3号)
_HEADLINE_NOT_RE = re.compile(
    r"[。；;]|^附\s*件|^\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]|^(?:来源|发布|时间|日期|作者|编辑)|文件$|"
    r"[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")


def _headline(paragraphs: list[Paragraph]) -> int | None:
    """A news headline as the first line of a text (我市10人荣获“西宁好人”称号):
    short, not a sentence, and followed by running text."""
    seen = 0
    for i, p in enumerate(paragraphs[:12]):
        t = squeeze(p.text)
        if not t:
            continue
        seen += 1
        if seen > 3:
            return None
        if (6 <= len(t) <= 60 and not _HEADLINE_NOT_RE.search(t) and t.count(",") < 2
                and not t.endswith((":", "：")) and not is_org_line(t)):
            after = paragraphs[i + 1:i + 4]
            if any(len(a.text) >= 40 or (len(a.text) >= 16 and re.search(r"[，,。]", a.text)) for a in after):
                return i
    return None


_BYLINE_LABEL_RE = re.compile(r"(?:发布|发表|更新|信息)(?:时间|日期)|日期\s*[:：]|时间\s*[:：]|来源\s*[:：]")
_CHROME_RE = re.compile(r"当前位置|您的位置|首页|>|＞|»|›|无障碍|登录|注册|打印|关闭|(?:网|网站|门户|官网|平台|客户端)$")


def _headline_over_byline(paragraphs: list[Paragraph]) -> int | None:
    """The short line right above a dated byline (发布日期：2025-03-08 来源：…)."""
    for i, p in enumerate(paragraphs[:80]):
        byline = p.text
        if len(byline) > 120 or not (PUBLISHED_LINE_RE.search(byline) or DATED_BYLINE_RE.match(byline)):
            continue
        if not (_BYLINE_LABEL_RE.search(byline) or re.search(r"\d{1,2}:\d{2}", byline)):
            continue  # a bare date line may be a site's masthead or a signature's
        for j in range(i - 1, max(-1, i - 3), -1):
            t = squeeze(paragraphs[j].text)
            if not t:
                continue
            if (8 <= len(t) <= 80 and not _HEADLINE_NOT_RE.search(t) and not _CHROME_RE.search(t)
                    and not is_org_line(t) and t.count(",") < 2 and not t.endswith((":", "："))):
                return j
            break
    return None


def _clean_title(text: str) -> str:
    t = re.sub(r"\s+", " ", text).strip()
    # CJK-CJK spaces are layout; keep spaces next to Latin/digits
    t = re.sub(r"(?<=[\u4e00-\u9fff（）“”])\s+(?=[\u4e00-\u9fff（）“”])", "", t)
    return t


# --- closing signature and date -----------------------------------------------------------

_ORG_END = re.compile(
    r"(?:办公室|委员会|政府|局|部|会|厅|组|中心|院|党委|党组|工委|委|站|所|处|科|队|办|校|社|总工会|"
    r"联合会|协会|集团|公司|银行|支部|总支|机关|团委|妇联|工会|科协|残联|侨联|文联|商会|宣传部|组织部)$"
)
_NOT_ISSUER = re.compile(r"[。；？！,，:：]|^附件|^联系|^电话|^地址|^邮编|^监督|^举报|^来源|^发布")


_SEAL_RE = re.compile(r"[（(](?:盖章|章|印章|公章)[)）]$")


def is_org_line(text: str) -> bool:
    t = _SEAL_RE.sub("", squeeze(text))
    return 3 <= len(t) <= 60 and not _NOT_ISSUER.search(t) and bool(_ORG_END.search(t))


# 附件：…名单 above the signature names an attachment; it heads no list there.
_ATTACHMENT_NOTE_RE = re.compile(r"^\s*附\s*件\s*[0-9０-９]*\s*[:：]")
_LIST_HEAD_RE = re.compile(r"[(（]\s*\d+\s*[个家名人项][)）]\s*$|名单|如下[:：]?$")


@dataclass
class Closing:
    issuer_lines: list[str]
    date: str | None
    index: int  # paragraph index of the date line


def find_closing(paragraphs: list[Paragraph], start: int = 0) -> Closing | None:
    """The signature line(s) and date that close the notice text."""
    for i in range(start, len(paragraphs)):
        raw = paragraphs[i].text.strip()
        if len(raw) > 90 or not _DIGIT_OR_CN_YEAR.search(raw):
            continue  # running text: a closing line is short and has a date
        if "\n" in raw:
            closing = _closing_in_one_paragraph(raw, i)
            if closing is not None:
                return closing
        text = cn_dates_to_digits(raw)
        m = DATE_LINE_RE.match(text)
        if m is None and i + 1 < len(paragraphs) and _YEAR_MONTH_LINE_RE.match(text):
            # the day wrapped onto the next line (2025年9月 / 20日)
            day = _DAY_LINE_RE.match(paragraphs[i + 1].text.strip())
            if day:
                m = DATE_LINE_RE.match(f"{text.strip()}{_day_number(day.group(1))}日")
        same_line_issuer = None
        if not m:
            m2 = DATE_AT_END_RE.match(text)
            if m2 and is_org_line(m2.group(1)):
                same_line_issuer = m2.group(1).strip()
                m = m2
                date = make_date(*m2.groups()[1:])
            else:
                continue
        else:
            y, mo, d, mo2, d2 = m.groups()
            date = make_date(y, mo or mo2, d or d2)
        if date is None:
            continue
        lines: list[str] = []
        if same_line_issuer:
            lines.append(same_line_issuer)
        else:
            j = i - 1
            while j >= start and len(lines) < 4 and is_org_line(paragraphs[j].text):
                lines.insert(0, paragraphs[j].text.strip())
                j -= 1
            if len(lines) >= 3 or (len(lines) == 2 and j >= start and _LIST_HEAD_RE.search(paragraphs[j].text)
                                   and not _ATTACHMENT_NOTE_RE.match(paragraphs[j].text)):
                # the end of a list of collectives, then the signature
                lines = lines[-1:]
            elif lines and j >= start and _is_wrapped_head(paragraphs[j].text, lines[0]):
                # 麻江县精神文明建设 / 指导委员会办公室: one name over two lines
                lines[0] = paragraphs[j].text.strip() + lines[0]
            if not lines:
                # a date alone inside the body (e.g. a deadline) is not the closing
                if i - start < 3:
                    continue
        return Closing([_SEAL_RE.sub("", x.strip()) for x in lines], date, i)
    return None


_DIGIT_OR_CN_YEAR = re.compile(r"\d|[〇○◯零]|年")
_NAME_TAIL_RE = re.compile(r"^[\u4e00-\u9fff]{2,10}$")
# words that continue a body's name, never start one
_TAIL_START_RE = re.compile(r"^(?:工作|委员会|指导|领导|办公室|联合会|事务|管理|服务|建设|发展|促进|战线|统战|宣传|组织)")


def _is_wrapped_head(above: str, first: str) -> bool:
    """Is `above` the first half of a signature wrapped over two lines
    (中共某县委统一战线 + 工作部)?  The second half is a bare tail of a name
    (no place, no 中共), the first is short and names no body by itself."""
    a, f = squeeze(above), squeeze(first)
    if not (_NAME_TAIL_RE.match(a) and _NAME_TAIL_RE.match(f)) or len(a) + len(f) > 30:
        return False
    if is_org_line(a) or not _TAIL_START_RE.match(f):
        return False
    return bool(re.match(r"^(?:中共|中国共产党|共青团)", a) or gazetteer().pattern.match(a)
                or re.match(r"^[\u4e00-\u9fff]{1,6}?[省市州县区旗]", a))
_YEAR_MONTH_LINE_RE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*$")
_DAY_LINE_RE = re.compile(
    r"^(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:[（(][^（）()]{0,12}[)）])?\s*$"
)


def _day_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    tens, ten, ones = text.partition("十")
    digits = "一二三四五六七八九"
    if not ten:
        return digits.index(text) + 1 if text in digits else 0
    return (digits.index(tens) + 1 if tens in digits and tens else 1) * 10 + (
        digits.index(ones) + 1 if ones in digits and ones else 0)


def _closing_in_one_paragraph(text: str, i: int) -> Closing | None:
    """Signature lines and date that a reader kept in one paragraph
    (中共某县委\n某县人民政府\n2025年1月10日)."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    m = DATE_LINE_RE.match(cn_dates_to_digits(lines[-1]))
    if m is None or len(lines) < 2 or not all(is_org_line(x) for x in lines[:-1]):
        return None
    y, mo, d, mo2, d2 = m.groups()
    date = make_date(y, mo or mo2, d or d2)
    return Closing([_SEAL_RE.sub("", x) for x in lines[:-1]], date, i) if date else None


_PREFIX_RE_CACHE: dict[str, re.Pattern[str]] = {}


def expand_issuer(signature: str, body: str) -> str:
    """The full form of a signature as the body names it.

    州委统一战线工作领导小组办公室 signed under a body that says
    中共海西州委统一战线工作领导小组办公室 → the latter.  Only prefixes made of
    中共 and place names are accepted, so a verb before the name (经…) never is.
    """
    sig = squeeze(signature)
    if not sig or not body:
        return signature
    g = gazetteer()
    best = signature
    start = 0
    while True:
        i = body.find(sig, start)
        if i < 0:
            break
        start = i + 1
        for k in range(min(14, i), 0, -1):
            prefix = body[i - k:i]
            if _is_place_prefix(prefix, g) and len(prefix) + len(sig) > len(squeeze(best)):
                best = prefix + sig
                break
    return best


@lru_cache(maxsize=1)
def _base_place_re() -> re.Pattern[str]:
    """Place names without their suffix (海西, 西宁), as in 中共海西 + 州委…."""
    g = gazetteer()
    bases = set()
    for form in g.by_form:
        m = re.match(r"^(.{2,}?)(?:市|州|地区|盟|省|自治区|自治州)$", form)
        if m and len(m.group(1)) >= 2:
            bases.add(m.group(1))
    return re.compile("|".join(sorted(map(re.escape, bases), key=len, reverse=True)))


_COUNTY_PIECE = re.compile(r"[\u4e00-\u9fff]{1,5}?(?:县|旗|区|市)")


def _is_place_prefix(prefix: str, g) -> bool:  # noqa: ANN001
    rest = prefix
    if rest.startswith("中国共产党"):
        rest = rest[5:]
    elif rest.startswith("中共"):
        rest = rest[2:]
    had_place = False
    while rest:
        m = g.pattern.match(rest) or _base_place_re().match(rest)
        if m:
            rest = rest[m.end():]
            had_place = True
            continue
        m = _COUNTY_PIECE.fullmatch(rest) if had_place else None
        if m:
            return True
        return False
    return had_place or prefix in ("中共", "中国共产党")


_SOURCE_LINE_RE = re.compile(r"(?:来源|发布机构|发布单位|发文机关|信息来源)\s*[:：]\s*([^\s|:：]{3,40})")


def find_source(content: DocumentContent, paragraphs: list[Paragraph], heading_idx: int | None) -> str | None:
    """The 来源 / ContentSource of a page (a fallback issuer)."""
    for key in ("contentsource", "source", "publisher", "author"):
        v = content.meta.get(key)
        if v and _ORG_END.search(squeeze(v)):
            return v.strip()
    lo = max(0, (heading_idx or 0) - 8)
    for p in paragraphs[lo: lo + 16]:
        m = _SOURCE_LINE_RE.search(p.text)
        if m and _ORG_END.search(m.group(1)):
            return m.group(1)
    return None


def issuer_from_title(title: str | None) -> str | None:
    """中共XX县委关于表彰…的决定 → 中共XX县委."""
    t = squeeze(title or "")
    m = re.match(r"^(.{3,40}?)关于", t)
    if m and _ORG_END.search(m.group(1)) and not re.search(r"\d|年度", m.group(1)):
        return m.group(1)
    return None
