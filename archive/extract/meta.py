"""Notice metadata: title, dates, issuer, award, publicity period.

Read from the main document: its <title> and <meta> tags, the heading
paragraph, 发布时间 lines, the signature and closing date at the end of the
notice text, and the sentences that state the publicity period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from archive.model import DocumentContent, Paragraph

from .normalise import squeeze
from .regions import gazetteer

# --- dates ----------------------------------------------------------------------

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4,
              "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_CN_DATE_RE = re.compile(
    r"([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
    r"(?:\s*([一二三四五六七八九十]{1,3})\s*日)?"
)


_CN_MONTH_DAY_RE = re.compile(r"([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")


def _cn_number(text: str) -> int:
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


def cn_dates_to_digits(text: str) -> str:
    """二〇二五年九月八日 → 2025年9月8日 (so one date grammar reads both)."""

    def repl(m: re.Match[str]) -> str:
        year = "".join(str(_CN_DIGITS[c]) for c in m.group(1))
        out = f"{year}年{_cn_number(m.group(2))}月"
        if m.group(3):
            out += f"{_cn_number(m.group(3))}日"
        return out

    if not any(c in text for c in "〇零○"):
        return text
    text = _CN_DATE_RE.sub(repl, text)
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
_DATE_LINE_RE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_DATE_AT_END_RE = re.compile(r"^(.{2,60}?)\s+(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$")
_PUBLISHED_LINE_RE = re.compile(
    r"(?:^|[\s|】\]）)：:])(?:发布时间|发布日期|发表时间|发文时间|发文日期|成文日期|更新时间|信息时间|"
    r"公开日期|发布于|日期|时间)\s*[:：]?\s*" + _YMD
)
_DATED_BYLINE_RE = re.compile(
    r"^\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?\s*"
    r"(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*(?:$|来源|作者|编辑|浏览|点击|字号|【|\[|\|)"
)
_PUB_META_KEYS = (
    "pubdate", "publishdate", "firstpublishedtime", "article:published_time", "publishtime",
    "publish_date", "pub_date", "dc.date", "dcterms.created", "dc.date.created", "createdate",
    "date", "lastmodifiedtime", "maketime", "releasetime",
)  # fmt: skip


def date_in(text: str | None) -> str | None:
    """The first YYYY-MM-DD written in text (2025-09-08, 2025年9月8日, 2025/9/8)."""
    if not text:
        return None
    m = _YMD_RE.search(cn_dates_to_digits(text))
    return make_date(*m.groups()) if m else None


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
    t = squeeze(text)
    if not (6 <= len(t) <= 90) or not _NOTICE_WORDS.search(t):
        return False
    if re.search(r"[。；]", t[:-1]) or t.endswith(("：", ":", "，", ",")):
        return False
    return bool(
        t.startswith("关于")
        or re.search(r"(?:公示|公告|决定|通报|通知|名单|公布)[)）]?$", t)
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
        for i, p in enumerate(paragraphs[:400]):
            if _looks_like_heading(p.text):
                heading_idx = i
                break
    title = meta_title or tag_title
    if heading_idx is not None:
        heading = _clean_title(paragraphs[heading_idx].text)
        if not title or len(squeeze(heading)) > len(squeeze(title)) or not _NOTICE_WORDS.search(title):
            title = heading
    return (_clean_title(title) if title else None), heading_idx


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


def _is_org_line(text: str) -> bool:
    t = squeeze(text)
    return 3 <= len(t) <= 60 and not _NOT_ISSUER.search(t) and bool(_ORG_END.search(t))


_LIST_HEAD_RE = re.compile(r"[(（]\s*\d+\s*[个家名人项][)）]\s*$|名单|如下[:：]?$")


@dataclass
class Closing:
    issuer_lines: list[str]
    date: str | None
    index: int  # paragraph index of the date line


def find_closing(paragraphs: list[Paragraph], start: int = 0) -> Closing | None:
    """The signature line(s) and date that close the notice text."""
    for i in range(start, len(paragraphs)):
        text = cn_dates_to_digits(paragraphs[i].text.strip())
        m = _DATE_LINE_RE.match(text)
        same_line_issuer = None
        if not m:
            m2 = _DATE_AT_END_RE.match(text)
            if m2 and _is_org_line(m2.group(1)):
                same_line_issuer = m2.group(1).strip()
                m = m2
                date = make_date(*m2.groups()[1:])
            else:
                continue
        else:
            date = make_date(*m.groups())
        if date is None:
            continue
        lines: list[str] = []
        if same_line_issuer:
            lines.append(same_line_issuer)
        else:
            j = i - 1
            while j >= start and len(lines) < 4 and _is_org_line(paragraphs[j].text):
                lines.insert(0, paragraphs[j].text.strip())
                j -= 1
            if len(lines) >= 3 or (len(lines) == 2 and j >= start and _LIST_HEAD_RE.search(paragraphs[j].text)):
                # the end of a list of collectives, then the signature
                lines = lines[-1:]
            if not lines:
                # a date alone inside the body (e.g. a deadline) is not the closing
                if i - start < 3:
                    continue
        return Closing([_clean_title(x) for x in lines], date, i)
    return None


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
def place_bases() -> re.Pattern[str]:
    """Province and prefecture names without suffix (青海, 新乡), for finding
    a place inside an honour's name; place_bases.levels maps each to its level."""
    g = gazetteer()
    levels: dict[str, str] = {}
    for form, place in g.by_form.items():
        m = re.match(r"^(.{2,}?)(?:市|州|地区|盟|省|自治区)$", form)
        base = m.group(1) if m else (form if place.level == "province" else None)
        if base and len(base) >= 2 and base not in _AMBIGUOUS_BASES:
            levels.setdefault(base, place.level)
    place_bases.levels = levels
    return re.compile("|".join(sorted(map(re.escape, levels), key=len, reverse=True)))


# Two-character place names that are everyday words inside an honour's name.
_AMBIGUOUS_BASES = frozenset({"朝阳", "白山", "黄山", "中山", "东方", "安顺", "长治", "吉安", "永安",
                              "太平", "和平", "新区", "铜仁", "宣城", "三明", "丽水", "普洱", "白银",
                              "金昌", "大同", "阳泉", "通化", "辽源", "四平", "松原", "白城", "七台河",
                              "鸡西", "双鸭山", "大庆", "伊春", "黑河", "佳木斯"})


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


# --- publicity period -----------------------------------------------------------------------

_TIME = r"(?:\s*[（(]?(?:上午|下午|早上|晚上)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|时|点)(?:\s*\d{1,2}分)?[)）]?)?"
_SEP = r"\s*(?:起)?\s*(?:至|到|—+|-+|–|~|～|－+|－|―+)\s*"
_FULL = r"(?:(\d{4})\s*[年.\-/]\s*)?(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?"
_END = r"(?:(?:(\d{4})\s*[年.\-/]\s*)?(\d{1,2})\s*[月.\-/]\s*)?(\d{1,2})\s*日?"
_RANGE_RE = re.compile(_FULL + _TIME + _SEP + _END + _TIME)
_UNTIL_RE = re.compile(r"(?:即日起|发布之日起|公布之日起|之日起)\s*(?:至|到)\s*" + _FULL)
_PERIOD_KEY_RE = re.compile(r"公示(?:时间|期|期限|日期|期间|时限)?|公示")


def find_period(text: str, year_hint: int | None, published: str | None) -> tuple[str | None, str | None]:
    """(start, end) of the publicity period as YYYY-MM-DD."""
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
    # 自即日起至2025年9月12日止公示: the key word comes after the dates
    m = _UNTIL_RE.search(text)
    if m and "公示" in text[m.end(): m.end() + 30]:
        y, mo, d = m.groups()
        y = int(y) if y else year_hint
        if y is not None:
            return published, make_date(y, mo, d)
    return None, None


# --- award ------------------------------------------------------------------------------------

_AWARD_PATTERNS = tuple(
    re.compile(p)
    for p in (
        r"授予.{0,30}?[“\"](.{2,40}?)[”\"](?:荣誉)?称号",
        r"关于(?:对)?(?:拟)?表彰(.{2,80}?)的(?:决定|通报|通知|公示|公告)",
        r"关于(?:拟)?推荐(.{2,80}?)(?:人选|对象|候选人|候选|名单)?的(?:公示|公告)",
        r"关于(?:拟)?(?:推荐|命名|授予|评选|表彰|认定)?(.{2,80}?)(?:拟推荐|拟表彰|拟命名|拟授予|推荐|候选|拟评|评选|初评|获奖|入选|拟)"
        r"(?:对象|人选|名单|候选人|结果|单位|集体|个人)?.{0,12}的?(?:公示|公告|通知|决定|通报)",
        r"关于(?:对)?(.{2,80}?)(?:予以|给予)(?:表彰|表扬|通报表扬|命名)",
        r"关于(?:命名|授予|公布|表彰)(.{2,80}?)(?:的决定|的通知|的公告|名单|称号)",
        r"(.{2,60}?)(?:拟推荐|拟表彰|拟命名|拟授予)(?:对象|人选)?(?:名单)?(?:的)?公示",
        r"(.{2,60}?)(?:推荐对象|推荐人选|候选人|候选对象|表彰对象)(?:名单)?(?:的)?公示",
        r"(.{2,60}?)(?:拟推荐|拟表彰|拟命名|拟授予)(?:对象|人选)?名单",
        r"推荐(.{2,60}?)(?:候选人|候选对象|人选|对象)(?:名单)?",
        r"^(.{2,60}?)(?:评选结果|拟表彰|表彰|推荐|候选|获奖|拟命名|命名)(?:对象|人选|名单|结果)?的?(?:公示|公告|通知|通报|决定)",
    )
)
_AWARD_LEAD = re.compile(
    r"^(?:关于|对|拟|推荐|表彰|命名|授予|公布|评选|开展|做好|\d{4}(?:[-—~～至]\d{4})?年度?|\d{4}年|度|、|的)+"
)
_AWARD_TAIL = re.compile(
    r"(?:候选集体和|候选单位和|集体和|和|的|拟|推荐|候选|人选|对象|名单|候选人|工作|评选|活动|拟推荐|拟表彰|表彰|结果|获得者|称号|荣誉称号|"
    r"[“”\"《》])+$"
)


def clean_award(text: str) -> str | None:
    t = squeeze(text)
    t = re.sub(r"[“”\"《》〈〉]", "", t)
    t = re.sub(r"\d{4}(?:[-—~～至]\d{4})?(?:年度|年)", "", t)
    for _ in range(3):
        t = _AWARD_LEAD.sub("", t)
        t = _AWARD_TAIL.sub("", t)
    if len(t) < 3 or len(t) > 60:
        return None
    return t


def _award_from_patterns(text: str) -> str | None:
    for pattern in _AWARD_PATTERNS:
        m = pattern.search(text)
        if m:
            award = clean_award(m.group(1))
            if award:
                return award
    return None


# "…拟推荐以下4名同志为西宁市“最美乡村医生”推荐人选" — the honour as the body names it.
_BODY_AWARD_RE = re.compile(
    r"(?:推荐|表彰|授予|命名|评为|评选|确定)[^。；]{0,40}?(?:分别)?为[“\"]?([^。；，,:：]{2,40}?)[”\"]?"
    r"(?:推荐人选|候选人|候选对象|人选|对象|荣誉称号|称号|名单)?[。；，,:：]"
)
_QUOTED_TITLE_RE = re.compile(r"[“\"]([^”\"]{2,40})[”\"](?:荣誉)?称号")
_LEADING_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|地区|县|区|旗)")


def find_award(title: str | None, body: str) -> str | None:
    """The honour's name (青海省民族团结进步先进集体和先进个人).

    From the title first; but a title often starts with the place of the body
    that recommends (湟中区…拟推荐人选) while the body names the honour in
    full (推荐…为西宁市“最美乡村医生”): the body's form wins when it is the
    same honour under another place.
    """
    t = squeeze(title or "")
    b = squeeze(body[:3000])
    award = _award_from_patterns(t) if t else None
    body_awards = [clean_award(m.group(1)) for m in _BODY_AWARD_RE.finditer(b)]
    body_awards += [clean_award(m.group(1)) for m in _QUOTED_TITLE_RE.finditer(b)]
    body_awards = [a for a in body_awards if a]
    if award:
        core = _LEADING_PLACE_RE.sub("", award)
        if core != award and len(core) >= 3:
            for cand in body_awards:
                if cand != award and cand.endswith(core) and _LEADING_PLACE_RE.match(cand):
                    return cand
        elif core == award:
            # 表彰民族团结进步模范集体和模范个人 where the body says
            # 授予…“沙雅县民族团结进步模范集体”称号: the honour carries the place
            for cand in body_awards:
                m = _LEADING_PLACE_RE.match(cand)
                if m and cand[m.end():m.end() + 4] == award[:4]:
                    return m.group(0) + award
        return award
    award = _award_from_patterns(b)
    if award:
        return award
    return body_awards[0] if body_awards else None


# --- published ----------------------------------------------------------------------------------


def find_published(content: DocumentContent, paragraphs: list[Paragraph], heading_idx: int | None,
                   closing: Closing | None) -> str | None:
    """Publication date: 发布时间 line near the heading, meta tags, else the closing date."""
    lo = max(0, (heading_idx or 0) - 8)
    hi = min(len(paragraphs), (heading_idx or 0) + 8)
    for p in paragraphs[lo:hi]:
        m = _PUBLISHED_LINE_RE.search(p.text)
        if m and "公示" not in p.text[: m.start() + 2]:
            d = make_date(*m.groups())
            if d:
                return d
    for key in _PUB_META_KEYS:
        d = date_in(content.meta.get(key))
        if d:
            return d
    if heading_idx is not None:
        # news pages: "2020-05-15 08:05 来源:厦门晚报 作者:…" under the heading
        for p in paragraphs[heading_idx + 1: heading_idx + 4]:
            m = _DATED_BYLINE_RE.match(p.text)
            if m:
                d = make_date(*m.groups())
                if d:
                    return d
    if closing and closing.date:
        return closing.date
    for p in paragraphs[:60]:
        m = _PUBLISHED_LINE_RE.search(p.text)
        if m and "公示" not in p.text:
            d = make_date(*m.groups())
            if d:
                return d
    return None


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
