"""Is a notice a commendation?  Which stage?

Only commendation notices produce records.  Government sites publish many
other lists of people in the same 公示 format (cadre appointments, hiring,
procurement, scholarships), so the decision weighs the title first, then
the opening of the body and the attachments' titles and table headers.
"""

from __future__ import annotations

import re

from .levels import is_higher_level as _is_higher
from .normalise import squeeze

# --- commendation vs decoy -------------------------------------------------------

_POSITIVE_STRONG = re.compile(
    r"表彰|先进集体|先进个人|劳动模范|劳模|优秀共产党员|优秀党务工作者|先进基层党组织|拟推荐对象|"
    r"拟表彰|荣誉称号|通报表扬|通报嘉奖|嘉奖|三八红旗|五一劳动奖|五四奖章|五四红旗|红旗手|红旗集体|"
    r"先进工作者|道德模范|最美|模范|标兵|拟授予|授予.{0,30}称号|拟命名|命名.{0,20}(?:为|的决定)|"
    r"先进单位|巾帼建功|文明家庭|文明单位|文明村镇|优秀教师|优秀班主任|优秀教育工作者|好人|"
    r"表扬|奖章|荣誉|先进典型|优秀.{0,12}(?:人选|对象|名单|个人|集体)|评选结果|"
    r"示范(?:单位|集体|区|县|村|社区|校|家庭|岗)|光荣称号|突出贡献|英雄|楷模|之星|能手|新时代.{0,6}好少年|"
    r"(?:推荐|候选)(?:对象|人选)|拟推荐|获奖|十佳|百佳|榜样|带头人|工匠|名师|名校长|名医|首席技师|"
    r"工人先锋号|青年文明号|巾帼文明岗|文明岗|文明户|五好家庭|书香家庭|绿色家庭|平安家庭|美丽庭院|光荣榜|"
    r"感动.{1,6}人物|好青年|好少年|好干部|优秀志愿者|杰出|突击队|奖状|先锋|"
    r"优秀共青团员|优秀共青团干部|五四红旗团|被推荐为|拟被推荐"
)
_DECOY_STRONG = re.compile(
    r"任前公示|拟任|拟提拔|干部任职|任职前|拟任职|提拔任用|职级晋升|晋升.{0,6}职级|试用期满|干部任免|"
    r"拟聘|拟录用|录用|招聘|招录|招考|体检|考察人员|考察对象|进入考察|面试|笔试|资格复审|资格审查|"
    r"成绩|选调|遴选|公开选拔|引进.{0,6}人才|人才引进|"
    r"中标|成交|采购|招标|比选|磋商|询价|竞价|供应商|"
    r"奖学金|助学金|补贴|补助|救助|低保|资助|贷款|困难|扶贫对象|慰问|"
    r"发展对象|拟发展|入党积极分子|预备党员转正|职称评审|评审通过|拟认定|认定.{0,8}(?:企业|机构)|"
    r"拟任命|任命|免去|辞职|处分|违纪|失信|黑名单|注销|吊销|行政处罚|"
    r"调查|征求意见|征集|听证|拆迁|征收|土地|规划|环评|许可|登记|备案|审批|核准|申报指南|"
    r"名录|目录|清单|招商|拍卖|出让|租赁|招生|分班|录取"
)
# Decoy words that outweigh commendation words in a title.
_HARD_DECOY = re.compile(
    r"任前|拟任|拟提拔|提拔任用|干部任免|拟聘|拟录用|录用|招聘|招录|招考|中标|成交|采购|招标|奖学金|助学金|"
    r"低保|发展对象|拟发展|职称|评审通过|拟认定|资助|代表候选人|委员候选人|成员候选人|换届|选举|后备干部|"
    r"入党积极分子|遴选|选调|考察人员|体检"
)
# Decoy words that are specific enough to count in a body's opening.
_DECOY_BODY = re.compile(
    r"任前公示|拟任|拟提拔|干部任职|任职前|提拔任用|拟聘|拟录用|招聘|招录|招考|体检|进入考察|"
    r"中标|成交|采购|招标|供应商|奖学金|助学金|生活补贴|补助资金|救助|低保|资助对象|发展对象|"
    r"入党积极分子|职称评审|拟任命|违纪|处分|行政处罚"
)
# Ordinary notices: calls for nominations, meetings, work arrangements.
_ORDINARY = re.compile(
    r"(?:开展|做好|组织|启动|进行|举办|召开|印发|转发|申报|推荐评选|评选推荐|征集|报送).{0,40}(?:工作)?的?通知|"
    r"会议|通知$|工作方案|实施方案|办法|细则|规定|意见$"
)
# Documents about commendations that list nobody: rules, plans, forms.
_RULES_DOC = re.compile(r"印发|转发|办法|细则|实施方案|工作方案|管理规定|申报指南|推荐表$|登记表$|报名表$")
_AWARD_NOTICE = re.compile(
    r"关于表彰|表彰.{0,40}(?:决定|通报|通知)|命名.{0,40}决定|授予.{0,40}(?:决定|称号)|通报表扬|"
    r"公布.{0,40}名单|名单的?(?:通知|公告|通报)|表彰名单|获奖名单|的决定$"
)
# Table headers that belong to decoy lists.
_DECOY_HEADER = re.compile(
    r"拟任|现任职务.{0,4}拟|拟聘|报考|准考证|岗位代码|职位代码|笔试|面试|总成绩|考试成绩|"
    r"中标|成交|投标|报价|金额|预算|补助|补贴|资助|奖学金|助学金|考察|任职时间|拟提拔"
)


def _score(text: str, pattern: re.Pattern[str]) -> int:
    return len(pattern.findall(text))


def classify_notice(title: str | None, body: str, extra: str = "") -> bool:
    """True for a commendation notice (its lists are nominees).

    `title`: the notice title; `body`: its text (opening matters most);
    `extra`: attachment titles and table header rows.
    """
    t = squeeze(title or "")
    head = squeeze(body[:1500])
    extra = squeeze(extra)
    pos_t = _score(t, _POSITIVE_STRONG)
    dec_t = _score(t, _DECOY_STRONG) + _score(t, _HARD_DECOY)
    if t:
        if _RULES_DOC.search(t) or (_ORDINARY.search(t) and not _AWARD_NOTICE.search(t)):
            return False
        if re.search(r"召开|会议", t) and not re.search(r"拟表彰|拟推荐|拟命名|决定$|名单", t):
            return False
        if pos_t and not dec_t:
            return True
        if dec_t and not pos_t:
            return False
        if pos_t and dec_t:
            # 关于表彰2024年度政府采购工作先进单位的决定 is an award;
            # 优秀教师招聘公告 is not; 劳动模范推荐人选考察对象公示 is.
            if re.match(r"^(?:.{0,40}?关于)?(?:对.{0,40})?(?:拟)?表彰", t):
                return True
            return not _HARD_DECOY.search(t)
    # Title says nothing either way (or is missing): read the opening.
    pos_b, dec_b = _score(head, _POSITIVE_STRONG), _score(head, _DECOY_BODY)
    dec_h = _score(extra, _DECOY_HEADER)
    if re.search(r"任前公示|拟任职务|拟提拔|拟聘用|拟录用|中标|成交结果|采购", head[:300]) and pos_b <= 1:
        return False
    if dec_h >= 2 and pos_b < 2:
        return False
    if pos_b == 0 and dec_b == 0:
        # 详见附件: the attachments' names and titles speak for the notice
        pos_x = _score(extra, _POSITIVE_STRONG)
        return pos_x >= 1 and _score(extra, _DECOY_BODY) == 0 and dec_h == 0
    return pos_b >= 1 and pos_b > dec_b


# --- stage --------------------------------------------------------------------------

_RECOMMENDED = re.compile(
    r"拟推荐|拟被推荐|推荐(?:对象|人选|名单|候选人)|(?:候选|推荐)对象|推荐.{0,40}(?:参评|参选|申报)|拟申报|"
    r"申报对象|被推荐|拟报送|推荐.{0,30}候选|拟上报|上报"
)
# Putting forward, whoever the honour belongs to: a body never 拟推荐 its own
# honour (it 拟表彰 it).
_ALWAYS_RECOMMENDED = re.compile(r"拟推荐|拟被推荐|被推荐为")
# 关于推荐…人选的公示; 湟中区推荐西宁市“最美家庭”的公示 (a body that puts
# forward, in the title, is recommending — unless it is its own honour)
_RECOMMENDED_TITLE = re.compile(
    r"关于(?:拟)?推荐|推荐.{0,40}?(?:人选|对象|候选人|名单)|^[^推]{2,24}?(?<![经各被])推荐(?!评选|工作|表彰|会)|参评|参选"
)
_PROPOSED = re.compile(
    r"拟表彰|拟授予|拟命名|拟评选|拟认定|候选人|评选结果|拟评为|拟确定|拟奖励|拟入选|入选名单|"
    r"初评|评审结果|拟选树|拟给予|拟推选"
)
_AWARDED = re.compile(
    r"表彰决定|关于表彰|表彰.{0,40}(?:决定|通报|通知|名单)|命名.{0,40}决定|授予.{0,40}(?:决定|称号的)|"
    r"通报表扬|通报嘉奖|予以表彰|给予表彰|的决定|表彰名单|获奖名单|公布.{0,30}名单"
)
# News reports of a decision or a ceremony (我市10人荣获…称号, …揭晓).
_AWARDED_NEWS = re.compile(
    r"获此(?:殊荣|称号|荣誉)|被授予|荣获|获评|喜获|获授|确定了?[\d一二三四五六七八九十百]+(?:名|人|个|户|家|位)|"
    r"发布仪式|颁奖(?:典礼|仪式|大会|晚会)|揭晓|受到表彰|受表彰|表彰大会|表彰会|命名大会|授牌仪式|上榜|榜上有名|入选|当选|"
    r"表彰(?:了)?(?:一批|[\d一二三四五六七八九十百]+(?:名|个|户|家|位))|"
    r"[\d一二三四五六七八九十两百]+(?:名|人|个|位|户|家)[^，。；]{0,8}?获(?!悉|奖名单)"
)
# A report still in publicity: 公示期…, 现予公示.
_PUBLICITY = re.compile(r"公示(?:期|时间|日期|如下|时限)|(?:现|予以|予|进行|特此|现予以)公示")
# A body that sends its list on to another one (报省总工会, 推荐至市妇联).
_FORWARDS = re.compile(
    r"(?:报|上报|报送|推荐(?:至|到|给)|提交)(?:省|市|州|盟|自治区|全国|中华全国|中央|国家|上级)|参评|参选"
)
# Issuers inside a larger body of the same level (省直机关工会, 市教育工会,
# 县直机关工委): they put forward for the honour of the larger body.
_SUB_BODY = re.compile(
    r"(?:省|市|州|县|区|盟|旗)直|直属机关|机关工委|机关工会|机关党委|产业工会|行业工会|教育工会|"
    r"(?:教科文卫体|农林水利|财贸|能源化学|建设|交通运输|国防|金融|邮电|科教文卫)(?:系统)?工会|系统(?:工会|党委)"
)


def stage_of(
    title: str | None, body: str, award_level: str | None, issuer_level: str | None,
    issuer: str | None = None, award: str | None = None,
) -> str:
    """recommended | proposed | awarded (see the contract).

    A candidate list for an award above the issuer's own level is
    `recommended`; for the issuer's own award it is `proposed` — unless
    the issuer is a part of the awarding body's level (省直机关工会 for the
    province's 五一劳动奖章) or says it sends the list on.
    """
    t0 = squeeze(title or "")
    head = squeeze(body[:3000])
    own = _own_award(award_level, issuer_level, issuer, award, head)
    for n, text in enumerate((t0, head[:600], head)):
        if not text:
            continue
        if n == 0 and _RECOMMENDED_TITLE.search(text) and not _PROPOSED.search(text):
            # 关于推荐2025年全省五一劳动奖章人选的公示 (only in a title: a body's
            # 经各单位推荐…拟表彰以下对象 is the issuer's own selection)
            return "recommended" if _ALWAYS_RECOMMENDED.search(text) or not own else "proposed"
        m = _RECOMMENDED.search(text)
        if m:
            if _ALWAYS_RECOMMENDED.match(m.group(0)):
                return "recommended"  # 拟推荐…候选人 included
            if "推荐" not in m.group(0) and not _is_higher(award_level, issuer_level):
                return "proposed"
            return "proposed" if own else "recommended"
        if _PROPOSED.search(text):
            if "候选" in text and _is_higher(award_level, issuer_level):
                return "recommended"
            return "proposed"
        if _AWARDED.search(text) and not ("拟" in text and "公示" in text):
            return "awarded"
        if _AWARDED_NEWS.search(text) and not ("公示" in text if n == 0 else _PUBLICITY.search(text)):
            return "awarded"
        if "公示" in text:
            return "proposed"
    return "proposed"


def _own_award(
    award_level: str | None, issuer_level: str | None, issuer: str | None, award: str | None, body: str
) -> bool:
    """Is the honour the issuer's own (same level, not national, not sent on)?"""
    if award_level is None or award_level != issuer_level or award_level == "national":
        return False
    m = _SUB_BODY.search(squeeze(issuer or ""))
    if m and m.group(0) not in squeeze(award or ""):
        return False  # (县直机关工委 does award 县直机关优秀共产党员 itself)
    return not _FORWARDS.search(body[:1500])
