"""The level of an honour: national | province | prefecture | county.

The contract's `level` is the honour's, not the issuer's: read from its name
(全国…, 青海省…, 全县…; 全区… by who names it), a place or level word written
just before it, the body that confers it (全国妇联授予…), the level a
recommendation's text names, and last the issuer's own level (see
`notice_meta._stage_and_level`, which composes these).
"""

from __future__ import annotations

import re

from .normalise import squeeze
from .regions import gazetteer, level_of_place_name, place_bases

_LEVEL_RANK = {"national": 4, "province": 3, "prefecture": 2, "county": 1}


def is_higher_level(award_level: str | None, issuer_level: str | None) -> bool:
    """Is `award_level` above `issuer_level` (both known)?"""
    if award_level not in _LEVEL_RANK or issuer_level not in _LEVEL_RANK:
        return False
    return _LEVEL_RANK[award_level] > _LEVEL_RANK[issuer_level]



_NATIONAL = re.compile(r"^(?:全国|全國|中国|中國|中华全国|中華全國|国家|國家|中华|中華|中央|中共中央|国务院|國務院|全军|全軍|全总|共青团中央)")
_PROVINCE_WORD = re.compile(r"^(?:全省|本省|省级|省直|省|全区(?=.*自治区)|自治区)")
_PREFECTURE_WORD = re.compile(r"^(?:全市|本市|市级|全州|本州|州级|全盟|盟级|地区|市直|州直|全地区)")
_COUNTY_WORD = re.compile(r"^(?:全县|本县|县级|全旗|旗级|全区|区级|县直|区直)")
# 全区… is the whole of the issuer's 区: an autonomous region or a district
_WHOLE_REGION = re.compile(r"^(?:全区|全區|区级|區級|本区)")
_COUNTY_NAME = re.compile(r"^[\u4e00-\u9fff]{1,6}?(?:县|旗|区)(?!域|级|委员会)")
_CITY_NAME = re.compile(r"^[\u4e00-\u9fff]{1,6}?市")


_AWARD_NOISE_LEAD = re.compile(
    r"^(?:关于|对|\d{4}(?:[-—~～至]\d{4})?(?:学年度|年度|学年|年)?|“|《|\"|首届|第[一二三四五六七八九十百\d]+[届次批]|度)+")


def award_core(award: str | None) -> str:
    """An honour's name without what may precede its level word (2025年度,
    第九届, quotes): the level is read from what remains."""
    return _AWARD_NOISE_LEAD.sub("", squeeze(award or ""))


def names_whole_region(award: str | None) -> bool:
    """全区…: an honour whose level depends on who names it."""
    return bool(_WHOLE_REGION.match(award_core(award)))


def level_of_award(award: str | None, issuer: str | None = None) -> str | None:
    """Level of an honour from its name: national | province | prefecture | county.

    None when the name does not say (the caller then falls back on the
    issuer's level for the issuer's own awards).
    """
    a = award_core(award)
    if not a:
        return None
    if _NATIONAL.match(a) or re.search(r"全国|全國|国家级|國家級", a[:12]):
        return "national"
    place = level_of_place_name(a)
    if place is not None:
        # 黔东南好人 is the prefecture's, not 黔 (贵州)'s: the longer name wins
        m = place_bases().match(a)
        named = gazetteer().pattern.match(a)
        if m and named and len(m.group(0)) > len(named.group(0)):
            return place_bases.levels[m.group(0)]
        return place
    if _WHOLE_REGION.match(a):
        return level_of_whole_region(issuer)
    if _PROVINCE_WORD.match(a) or "省级" in a[:10]:
        return "province"
    if _PREFECTURE_WORD.match(a) or re.search(r"市级|州级", a[:10]):
        return "prefecture"
    if _COUNTY_WORD.match(a) or re.search(r"县级|县区级", a[:10]):
        return "county"
    inner = _place_base_in(a)
    if inner is not None:
        return inner
    # A county or county-level city (not in the prefecture table) counts only
    # when the issuer names it too: 最美社区… is no county.
    issuer_text = squeeze(issuer or "")
    for pattern in (_CITY_NAME, _COUNTY_NAME):
        m = pattern.match(a)
        if m and len(m.group(0)) >= 3 and m.group(0) in issuer_text:
            return "county"
    # XX县… / XX旗… opening the honour's name: 县 and 旗 end no common word
    # but a few (优秀县, 示范县), which name kinds of counties, not one
    m = _COUNTY_NAME.match(a)
    if m and m.group(0)[-1] in "县旗" and 2 <= len(m.group(0)) - 1 <= 4 and not _GENERIC_COUNTY_WORD.search(
            m.group(0)[:-1]):
        return "county"
    return None


_AUTONOMOUS_REGIONS = ("内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区")


def in_autonomous_region(issuer: str | None, context: str = "") -> bool:
    """Does the issuer (or, for an unnamed one, the text) sit in one of the
    five autonomous regions?"""
    g = gazetteer()
    for text in (squeeze(issuer or ""), squeeze(context[:1500])):
        if not text:
            continue
        if "自治区" in text:
            return True
        for place in g.find_all(text, strict=True):
            return place.province in _AUTONOMOUS_REGIONS
        for counties in g.find_counties(text, min_len=3):
            return counties[0].parent.province in _AUTONOMOUS_REGIONS
    return False


def _is_district(issuer: str) -> bool:
    """区委, 中共某某区委, 某某市某某区妇联: a county-level district's body."""
    i = re.sub(r"^(?:中共|中国共产党|共青团)", "", squeeze(issuer))
    g = gazetteer()
    m = g.pattern.match(i)
    while m is not None:
        if g.by_form[m.group(0)].level == "county":
            return m.group(0).endswith("区")  # a municipality's district
        i = i[m.end():]
        m = g.pattern.match(i)
    if re.match(r"^(?:委|政府|人民|直|级)", i):
        return False  # the prefecture's own body (海西州委…)
    m = g.county_pattern.match(i) or _COUNTY_NAME.match(i)
    if m:
        return m.group(0).endswith("区") and not m.group(0).endswith("自治区")
    return bool(re.match(r"^区(?:委|人民|政府|人大|政协|纪委|总工会|妇联|妇女|文明|教育|民|统战|组织|宣传|团委)", i))


def level_of_whole_region(issuer: str | None, context: str = "", recommends: bool = False) -> str:
    """The level of a 全区… honour: the province's when a 自治区 body names it
    (内蒙古自治区民委: 全区民族团结进步模范), the county's when a district's does
    (城东区委: 全区优秀共产党员).  A body below the autonomous region that
    puts people forward for it (a 旗, a city, a district that recommends)
    means the autonomous region's."""
    issuer_level = level_of_issuer(issuer)
    if issuer_level in ("province", "national"):
        return "province"
    if issuer_level is not None and issuer and not _is_district(issuer):
        return "province"  # a 旗, a county, a city has no 全区 of its own
    if not in_autonomous_region(issuer, context):
        return "county"
    if issuer and _is_district(issuer) and not recommends:
        return "county"
    if not issuer and not recommends and re.search(r"[我本]区(?!.{0,3}自治区)", squeeze(context[:1500])) \
            and "自治区" not in context[:1500]:
        return "county"
    return "province"


_GENERIC_COUNTY_WORD = re.compile(
    r"优秀|先进|示范|模范|文明|百强|强|试点|达标|各|本|我|该|全|市|省|区|州|地|郡|乡|镇|村|重点|贫困|边|民族|"
    r"红|国|党|团|队|彩|锦")  # 三八红旗手, 国旗护卫队: no banner (旗)


def _place_base_in(award: str) -> str | None:
    """A place named without its suffix inside an honour (最美新乡人 → 新乡 →
    prefecture).  Only names of three or more characters, or two-character
    names of a prefecture or province, count."""
    m = place_bases().search(award)
    if m is None:
        return None
    return place_bases.levels[m.group(0)]


def level_of_issuer(issuer: str | None) -> str | None:
    """The administrative level of the issuing body, from its name."""
    i = squeeze(issuer or "")
    if not i:
        return None
    i = re.sub(r"^(?:中共|中国共产党|共青团)", "", i)
    if re.match(r"^(?:中央|国务院|全国|国家|中华全国|中国(?!共产党)|[^县市州省区盟旗镇乡村委]{1,10}部$)", i):
        return "national"
    g = gazetteer()
    m = g.pattern.match(i)
    if m:
        place = g.by_form[m.group(0)]
        rest = i[m.end():]
        # 青海省海西州… is the prefecture; 海西州天峻县… the county
        m2 = g.pattern.match(rest)
        if m2:
            place = g.by_form[m2.group(0)]
            rest = rest[m2.end():]
        if _COUNTY_NAME.match(rest) and not re.match(r"^(?:委|政府|人民|直|级)", rest):
            return "county"
        return place.level
    if re.match(r"^(?:省|自治区)", i):
        return "province"
    if re.match(r"^(?:州|市|盟|地区|地委)", i):
        return "prefecture"
    if re.match(r"^(?:县|旗|区委|区人民|区政府)", i):
        return "county"
    if _COUNTY_NAME.match(i) or _CITY_NAME.match(i):
        return "county"
    return None


_BEFORE_NOISE_RE = re.compile(r"[“”\"《》「」\s]|\d{4}(?:[-—~～至]\d{4})?年度?|第[一二三四五六七八九十\d]+届|首届")


# 我省优秀教师, 本市“最美家庭”: a level word just before the honour
_LEVEL_BEFORE = {"全国": "national", "全省": "province", "本省": "province", "我省": "province", "省级": "province",
                 "全市": "prefecture", "本市": "prefecture", "我市": "prefecture", "市级": "prefecture",
                 "全州": "prefecture", "本州": "prefecture", "我州": "prefecture", "州级": "prefecture",
                 "全县": "county", "本县": "county", "我县": "county", "县级": "county", "全旗": "county",
                 "我旗": "county", "本旗": "county"}
_LEVEL_BEFORE_RE = re.compile("(?:" + "|".join(_LEVEL_BEFORE) + ")$")


def level_of_place_before(award: str | None, text: str) -> str | None:
    """Level of a place named just before the honour where the text names it:
    四川“最美退役军人” → province, 互助县…优秀教师 → county."""
    a = squeeze(award or "")
    t = squeeze(text)
    if len(a) < 3 or not t:
        return None
    i = t.find(a)
    if i < 0:
        i = t.find(a[:4])
    if i <= 0:
        return None
    before = _BEFORE_NOISE_RE.sub("", t[max(0, i - 20):i])
    m = _LEVEL_BEFORE_RE.search(before)
    if m:
        return _LEVEL_BEFORE[m.group(0)]
    g = gazetteer()
    place_bases()  # builds place_bases.levels
    bases = place_bases.levels
    for n in range(min(len(before), 12), 1, -1):
        cand = before[-n:]
        place = g.by_form.get(cand)
        if place is not None:
            return place.level
        if cand in g.counties:
            return "county"
        if cand in bases:
            return bases[cand]
    return None


_HONOUR_WORD = (r"(?:奖章|红旗手|模范|先进|优秀|标兵|称号|团员|团干部|红旗团|之星|最美|好人|文明家庭|能手|工匠|"
                r"先锋号|文明号|文明岗|示范|荣誉|表彰|奖)")
_LEVEL_WORD_HONOUR_RE = re.compile(
    r"(全国|全國|国家级|全省|省级|自治区级|全区|全市|市级|全州|州级|全盟)(?:\d{4}年度?)?[“\"]?"
    r"[^，。；：:,\n“”\"《》]{0,20}?" + _HONOUR_WORD)
_LEVEL_WORDS = {"全国": "national", "全國": "national", "国家级": "national", "全省": "province", "省级": "province",
                "自治区级": "province", "全市": "prefecture", "市级": "prefecture", "全州": "prefecture",
                "州级": "prefecture", "全盟": "prefecture"}
# the honour right after the place (贵州省五一劳动奖章, 贵州“最美科技工作者”),
# not a sentence about it (酒泉市2人获全国…)
_PLACE_HONOUR_RE = re.compile(r"[“\"]?(?:\d{4}年度?)?[“\"]?[^，。；：:,\n“”\"《》\d获被荣评授为推向等]{0,16}?" + _HONOUR_WORD)


def level_named_in(title: str | None, body: str, above: str | None = None) -> str | None:
    """The level of an honour the title or the body's opening names with a
    level word or a place (根据团中央《关于评选2025年度全国优秀共青团员的通知》;
    推荐参评贵州省五一劳动奖章), the first above the level `above`.

    For a recommendation whose own title names no level: the honour it puts
    people forward for is above the issuer, and the text says which."""
    g = gazetteer()
    for text in (squeeze(title or ""), squeeze(body[:1200])):
        found: list[str] = []  # level words first (全国…), then places, each in order
        for m in _LEVEL_WORD_HONOUR_RE.finditer(text):
            word = m.group(1)
            level = _LEVEL_WORDS.get(word)
            if word == "全区":
                level = "province" if "自治区" in text else None
            if level:
                found.append(level)
        for m in g.strict_pattern.finditer(text):
            place = g.by_form[m.group(0)]
            if _PLACE_HONOUR_RE.match(text, m.end()) and not re.match(r"[委政人]", text[m.end():m.end() + 1]):
                found.append(place.level)
        for level in found:
            if above is None or is_higher_level(level, above):
                return level
    return None


_CONFERRERS = (
    (re.compile(r"中共中央|国务院|中央(?:军委|文明|组织|宣传|统战|政法)|全国(?:总工会|妇联|妇女联合会|人大|政协|工商联|文明委|"
                r"评比达标|老龄|双拥|绿化)|中华全国|团中央|共青团中央|(?<![省市州县区])(?:人力资源和?社会保障|教育|民政|公安|"
                r"退役军人事务|农业农村|文化和旅游|卫生健康|科学技术|财政|生态环境)部|国家[\u4e00-\u9fff]{1,6}(?:局|委)"),
     "national"),
    (re.compile(r"省委|省政府|省人民政府|省(?:总工会|妇联|文明委|文明办|委组织部|委宣传部|委统战部)|团省委|"
                r"自治区(?:党委|人民政府|政府|总工会|妇联|文明委|文明办)|省[\u4e00-\u9fff]{1,4}厅"), "province"),
    (re.compile(r"市委|市政府|市人民政府|市(?:总工会|妇联|文明委|文明办)|团市委|州委|州政府|州人民政府|州(?:总工会|妇联|文明委)|"
                r"盟委|行署"), "prefecture"),
    (re.compile(r"县委|县政府|县人民政府|县(?:总工会|妇联|文明委)|团县委|区委|区政府|区人民政府|旗委|旗政府"), "county"),
)
_CONFER_VERB_RE = re.compile(r"授予|表彰|命名|评为|颁发")
_TIME_LEAD_RE = re.compile(r"^(?:近日|日前|近期|目前|今年|昨天|今天|\d{1,2}月\d{1,2}日)")


def level_of_conferrer(award: str | None, text: str) -> str | None:
    """The level of the body that confers an honour whose name says no level:
    中华全国总工会授予…“五一劳动奖章” → national, 省委省政府决定授予… → province."""
    a = squeeze(award or "")
    t = squeeze(text[:2000])
    if len(a) < 3 or not t:
        return None
    i = t.find(a)
    if i < 0:
        i = t.find(a[:4])
    while 0 <= i:
        start = max(t.rfind(c, 0, i) for c in "。；！？\n") + 1
        clause = t[start:i]
        verbs = list(_CONFER_VERB_RE.finditer(clause))
        if verbs:
            # the body just before the last verb (根据中共中央…精神，县委决定授予…:
            # the county's), in the nearest part of the sentence that names one
            parts = [p for p in re.split(r"[，,]", clause[:verbs[-1].start()]) if p][-2:]
            for part in reversed(parts):
                subject = _TIME_LEAD_RE.sub("", part)
                for pattern, level in _CONFERRERS:
                    if pattern.search(subject):
                        return level
        i = t.find(a[:4], i + len(a))
    return None


_FIRST_PERSON_LEVEL = (
    (re.compile(r"我省|本省|我区(?=.{0,10}自治区)"), "province"),
    (re.compile(r"我市|本市|我州|本州|我盟|本盟"), "prefecture"),
    (re.compile(r"我县|本县|我区|本区|我旗|本旗"), "county"),
)


def level_from_text(title: str | None, body: str) -> str | None:
    """An unnamed issuer's level from how the text speaks of itself (我市…) or
    the place a headline starts with (大通县召开…)."""
    t = squeeze(title or "")
    m = re.match(r"^(?:中共|共青团)?", t)
    place = level_of_place_name(t[m.end():]) if t else None
    if place is not None:
        return place
    head = squeeze(body[:1500])
    for pattern, level in _FIRST_PERSON_LEVEL:
        if pattern.search(t) or pattern.search(head):
            return level
    return None
