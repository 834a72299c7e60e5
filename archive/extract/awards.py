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
        r"(?:荣获|获评|喜获|获授|被授予|入选|入围|当选|被评为)了?(.{2,40}?)(?:候选人|提名奖|荣誉称号|称号|名单|$)",
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
    r"正式|提名|[“”\"《》])+$"
)
# 王某某等3名同志参评…, 3人为…, 张三同志为…: who is put forward, not the honour
_NOMINEES_LEAD = re.compile(
    r"^.{0,30}?(?:等?[\d一二三四五六七八九十两]+(?:名|人|个|户|家|位|所|支)(?:同志|个人|集体|单位|家庭|学生|同学)?|同志)"
    r"(?:参评|参选|申报|被推荐为|被评为|为|获评|荣获|入选)"
)
_QUOTES_RE = re.compile(r"[“”\"《》〈〉]")
_YEAR_RE = re.compile(r"\d{4}(?:[-—~～至]\d{4})?(?:年度|年)")
_CLAUSE_RE = re.compile(r"[,，。；;:：!！?？]")


def clean_award(text: str) -> str | None:
    t = squeeze(text)
    t = _QUOTES_RE.sub("", t)
    t = _YEAR_RE.sub("", t)
    t = _NOMINEES_LEAD.sub("", t)
    for _ in range(3):
        t = _AWARD_LEAD.sub("", t)
        t = _AWARD_TAIL.sub("", t)
    if len(t) < 3 or len(t) > 60 or _CLAUSE_RE.search(t):
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
    lines = [x for x in map(squeeze, body[:3000].split("\n")) if x and not _BIO_LINE_RE.match(x)]
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
        return award
    for b in lines:
        # only title-like lines: the patterns are costly on long paragraphs
        if len(b) <= 100 and _TITLE_WORDS.search(b):
            award = _award_from_patterns(b)
            if award:
                return award
    return body_awards[0] if body_awards else None


_WIDER_RE = re.compile(r"^(?:全国|全國|中华|中華|中国|中國|国家|國家)")


def _without_issuer_place(award: str) -> str:
    """西宁市全国五一劳动奖章 (a title that starts with the place of the body
    that publishes) → 全国五一劳动奖章: the honour is the wider one."""
    m = _LEADING_PLACE_RE.match(award)
    if m is None:
        return award
    rest = award[m.end():]
    if len(rest) >= 4 and (_WIDER_RE.match(rest) or _names_province(rest)):
        return rest
    return award


def _names_province(text: str) -> bool:
    g = gazetteer()
    m = g.pattern.match(text)
    return m is not None and g.by_form[m.group(0)].level == "province"
