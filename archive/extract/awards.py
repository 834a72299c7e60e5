"""The honour a notice is about (青海省民族团结进步先进集体和先进个人).

From the title's grammar first (关于…拟推荐对象的公示, 关于表彰…的决定,
授予…“…”称号), then from the body's sentences (推荐…为…, 授予…称号).
"""

from __future__ import annotations

import re

from .normalise import squeeze
from .regions import gazetteer

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
        # a spreadsheet's title row: 某某县2024年度“十佳教师”评选结果
        r"^(.{2,60}?)(?:拟表彰|拟推荐|拟命名|拟授予|表彰|推荐|获奖|评选|候选)?(?:对象|人选|人员|集体|个人)?(?:名单|结果)$",
        # 湟中区推荐西宁市“最美家庭”的公示
        r"推荐(.{2,60}?)的?(?:公示|公告)$",
        # news headlines: 我市10人荣获“西宁好人”称号; “感动乐都”十大人物揭晓
        r"(?:荣获|获评|喜获|获授|获得|被授予|入选|入围|当选|被评为|(?:人|名|个|位|户|家|集体|同志)获(?![悉评授得奖]))了?"
        r"(.{2,40}?)(?:候选人|提名奖|荣誉称号|称号|名单|$)",
        r"^(.{2,60}?)(?:揭晓|出炉|正式发布)$",
        r"表彰(?:了)?(?:一批|[\d一二三四五六七八九十百]+(?:名|个|户|家|位))?(.{2,40}?)$",
        r"[“\"](.{2,30}?)[”\"](?:表彰大会|表彰会|颁奖典礼|颁奖仪式|发布仪式|命名大会|授牌仪式|发布会)",
    )
)
_AWARD_LEAD = re.compile(
    r"^(?:关于|对|拟|推荐|表彰|命名|授予|公布|评选|开展|做好|我(?:省|市|州|县|区|旗)|本(?:省|市|县)|"
    r"\d{4}(?:[-—~～至]\d{4})?年度?|\d{4}年|度|、|的)+"
)
_AWARD_TAIL = re.compile(
    r"(?:候选集体和|候选单位和|集体和|和|的|拟|推荐|候选|人选|对象|名单|候选人|工作|评选|活动|拟推荐|拟表彰|表彰|结果|获得者|称号|荣誉称号|"
    r"正式|提名|等|[“”\"《》、])+$"
)
# 王某某等3名同志参评…, 3人为…, 张三同志为…: who is put forward, not the honour
_NOMINEES_LEAD = re.compile(
    r"^.{0,30}?(?:等?[\d一二三四五六七八九十两]+(?:名|人|个|户|家|位|所|支)(?:同志|个人|集体|单位|家庭|学生|同学)?|同志)"
    r"(?:参评|参选|申报|被推荐为|被评为|为|获评|荣获|入选)"
)
_QUOTES_RE = re.compile(r"[“”\"《》〈〉]")
# “全国优秀共青团员”“全国优秀共青团干部”: two honours, kept apart
_QUOTED_PAIR_RE = re.compile(r"[”\"》]\s*[“\"《]")
_Y = r"(?:\d{4}|[〇零○◯Ｏ0０Oo一二三四五六七八九]{4})"
_YEAR_RE = re.compile(_Y + r"(?:[-—~～至]" + _Y + r")?(?:学年度|年度|学年|年)")
_CLAUSE_RE = re.compile(r"[,，。；;:：!！?？]")
# 被推荐为全国…, 为第九届…: the verb of the sentence before the honour
_AS_LEAD_RE = re.compile(r"^(?:被推荐为|推荐为|被评为|评为|为)(?=全|第|首届|中国|中华|国家|省|市|州|县|区|[“\"])")
# what is left of a notice's title, not an honour: 人选的公示, 对象名单
_NOT_AN_AWARD_RE = re.compile(
    r"^(?:人选|对象|名单|候选|推荐|拟)|(?:公示|公告|通知|决定|通报)$|\d{1,2}月\d{1,2}日|公示期|工作日")


# 麻江县拟推荐…, 某某县委关于表彰…: the body that acts, before its verb
_ISSUER_VERB_LEAD = re.compile(
    r"^[\u4e00-\u9fff]{2,14}?(?:省|自治区|市|州|盟|地区|县|区|旗)(?:委|人民政府|政府)?(?:关于)?"
    r"(?=拟推荐|推荐|拟表彰|表彰|拟命名|拟授予|拟评选|评选)")
# 韩晓梅为省劳动模范: one nominee named before the honour
_ONE_NOMINEE_LEAD = re.compile(r"^[\u4e00-\u9fff·]{2,5}?(?:同志)?为")


def _without_nominee(t: str) -> str:
    m = _ONE_NOMINEE_LEAD.match(t)
    if m is None:
        return t
    rest = t[m.end():]
    if re.match(r"(?:全|第|首届|中国|中华|国家|省|市|州|县)", rest) or gazetteer().pattern.match(rest):
        return rest
    return t


def clean_award(text: str) -> str | None:
    t = squeeze(text)
    t = _QUOTED_PAIR_RE.sub("、", t)
    t = _QUOTES_RE.sub("", t)
    t = _YEAR_RE.sub("", t)
    t = _NOMINEES_LEAD.sub("", t)
    t = _ISSUER_VERB_LEAD.sub("", t)
    t = _without_nominee(_AWARD_LEAD.sub("", t))
    for _ in range(3):
        t = _AS_LEAD_RE.sub("", t)
        t = _AWARD_LEAD.sub("", t)
        t = _AWARD_TAIL.sub("", t)
    t = _without_trailing_place(_without_issuer_place(t.strip("、")))
    if len(t) < 3 or len(t) > 60 or _CLAUSE_RE.search(t) or _NOT_AN_AWARD_RE.search(t):
        return None  # too short or long, or a clause rather than a name
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
# "…拟推荐以下同志参评海东市“最美教师”" — the honour a list goes on to.
_BODY_CONTEST_RE = re.compile(r"(?:参评|参选)[“\"]?([^。；，,:：“”\"]{2,40}?)[”\"]?(?:评选|推选|选树)?(?:活动)?[。；，,:：]")
_TITLE_WORDS = re.compile(r"公示|公告|决定|通报|通知|名单|表彰大会|表彰会|颁奖|发布仪式|命名大会|授牌仪式")
_QUOTED_TITLE_RE = re.compile(r"[“\"]([^”\"]{2,40})[”\"](?:荣誉)?称号")
# 附件2：… before a title, （共20名）/（按姓氏笔画排序） after it
_TITLE_LABEL_RE = re.compile(r"^附件[0-9一二三四五六七八九十]*[:：.、_-]?")
_TITLE_NOTE_RE = re.compile(r"[(（][^()（）]{0,20}(?:排序|排名|为序|排列|共|\d+\s*(?:名|人|个|项))[^()（）]{0,20}[)）]$")
_FILE_EXT_RE = re.compile(r"\.(?:docx?|xlsx?|wps|et|pdf|txt|zip|rar)$", re.IGNORECASE)
_BIO_LINE_RE = re.compile(r"^[\u4e00-\u9fff·]{2,8}[,，(（](?:男|女)")
_HELD_BEFORE_RE = re.compile(r"曾|先后|多次|累计|连续|荣获|获得|获评|被评为|获")
_LEADING_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:省|自治区|市|州|盟|地区|县|区|旗)")


def find_award(title: str | None, body: str) -> str | None:
    """The honour's name (青海省民族团结进步先进集体和先进个人).

    From the title first; but a title often starts with the place of the body
    that recommends (湟中区…拟推荐人选) while the body names the honour in
    full (推荐…为西宁市“最美乡村医生”): the body's form wins when it is the
    same honour under another place.
    """
    t = _TITLE_NOTE_RE.sub("", _TITLE_LABEL_RE.sub("", squeeze(title or "")))
    # biographies (张三，男，…曾获“青海好人”称号) name honours a nominee already
    # holds, never the one the notice is about
    lines = [_FILE_EXT_RE.sub("", _TITLE_LABEL_RE.sub("", x)) for x in map(squeeze, body[:3000].split("\n"))
             if x and not _BIO_LINE_RE.match(x)]
    award = _award_from_patterns(t) if t else None
    body_awards = [clean_award(m.group(1)) for b in lines
                   for pattern in (_BODY_AWARD_RE, _BODY_CONTEST_RE) for m in pattern.finditer(b)]
    body_awards += [clean_award(m.group(1)) for b in lines for m in _QUOTED_TITLE_RE.finditer(b)
                    if not _HELD_BEFORE_RE.search(b[max(0, m.start() - 12):m.start()])]
    body_awards = [a for a in body_awards if a]
    if award:
        award = _without_issuer_place(award)
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
            if not _LEVEL_WORD_LEAD_RE.match(award):
                return _with_level_word_of_body(award, "\n".join(lines)) or award
        return award
    for b in lines:
        # only title-like lines: the patterns are costly on long paragraphs
        if len(b) <= 100 and _TITLE_WORDS.search(b):
            award = _award_from_patterns(b)
            if award:
                return award
    return body_awards[0] if body_awards else None


_LEVEL_WORD_LEAD_RE = re.compile(
    r"^(?:第[一二三四五六七八九十百\d]+[届次批]|首届)?(?:全国|全國|中华全国|国家级|全[省区市州县旗盟]|[省市州县]级|自治区)")
_LEVEL_WORD_BEFORE_RE = re.compile(
    r"(全国|全國|中华全国|国家级|全省|全区|全市|全州|全县|全旗|全盟|省级|自治区级?|市级|州级|县级)"
    r"(?:\d{4}(?:年度|年)?)?[“\"]?$")


def _with_level_word_of_body(award: str, body: str) -> str | None:
    """优秀共青团员 in a title whose body says 全国优秀共青团员: the honour
    with the level word the body gives it (when every mention agrees)."""
    m = re.match(r"^(第[一二三四五六七八九十百\d]+[届次批]|首届)?(.+)$", award)
    ordinal, name = m.group(1) or "", m.group(2)
    if len(name) < 3:
        return None
    words = set()
    start = body.find(name)
    while start >= 0:
        m = _LEVEL_WORD_BEFORE_RE.search(body[max(0, start - 10):start])
        if m:
            words.add(m.group(1))
        start = body.find(name, start + len(name))
    if len(words) != 1:
        return None  # none, or several (全国… cited, 全省… awarded): not for us to pick
    return ordinal + words.pop() + name


_WIDER_RE = re.compile(r"^(?:全国|全國|中华|中華|中国|中國|国家|國家|全[省区區市州县縣旗盟])")


def _without_issuer_place(award: str) -> str:
    """西宁市全国五一劳动奖章 (a title that starts with the place of the body
    that publishes) → 全国五一劳动奖章, 麻江县全省… → 全省…: the honour is
    named by its own level word."""
    m = _LEADING_PLACE_RE.match(award)
    if m is None:
        return award
    rest = award[m.end():]
    if len(rest) >= 4 and (_WIDER_RE.match(rest) or _names_province(rest)):
        return rest
    return award


def _without_trailing_place(award: str) -> str:
    """全国五一劳动奖章甘肃 (…甘肃获奖名单): the place of the list, not of
    the honour."""
    by_form = gazetteer().by_form
    for n in range(min(8, len(award) - 3), 1, -1):
        if award[-n:] in by_form:
            return award[:-n]
    return award


def _names_province(text: str) -> bool:
    g = gazetteer()
    m = g.pattern.match(text)
    return m is not None and g.by_form[m.group(0)].level == "province"
