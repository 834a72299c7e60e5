"""What a line of a notice is, to the prose reader: a heading that opens or
switches a nominee list, a line that ends one, a line that names people who
are not nominees (contacts, reporters, page furniture), or a candidate entry.

Patterns match the *view* of a line (`prose_text.view_of`): simplified,
half-width punctuation, no spaces unless said.
"""

from __future__ import annotations

import re

from .prose_names import is_han_name

# Lines that name people who are not nominees, or that end a list.
EXCLUDED_RE = re.compile(
    r"^[(\[【]?(?:联系人|联系电话|联系方式|咨询电话|监督电话|举报电话|电话|传真|地址|邮箱|电子邮箱|邮编|通讯地址|"
    r"记者|通讯员|实习生|编辑|责任编辑|编审|审核|审校|校对|初审|复审|终审|签发|来源|作者|摄影|图片|供稿|"
    r"撰稿|文字|视频|发布时间|发布日期|发布机构|浏览|点击|阅读|打印|关闭|分享|上一篇|下一篇|扫一扫|字号|"
    r"信息来源|主办|承办|协办|技术支持|版权所有|备案|网站标识码|当前位置|您的位置|您现在的位置|所在位置|首页|"
    r"索引号|文号|发文字号|主题分类|主题词|成文日期|公开方式|公开范围|公开时限|有效性|生成日期|所属机构|"
    r"关键词|题名|标题|字体|【|访问量|访问次数)"
)
# A WeChat reprint's account byline (长春发布, 原创 张三 某某融媒): page
# furniture that ends any list, so the author's name after it is no nominee.
ACCOUNT_LINE_RE = re.compile(
    r"^(?:原创)?[\u3400-\u9fff·]{0,16}(?:发布|融媒(?!体)|微讯|公众号|微信号:?[0-9A-Za-z_\-]*|微信公众号)"
    r"(?P<author>[\u3400-\u9fff·]{2,4})?$"
)


def is_account_line(squeezed: str) -> bool:
    """`squeezed` is an account byline, perhaps with its author after it
    (长春融媒 张小明) — but not a unit such as 某市信息发布中心."""
    m = ACCOUNT_LINE_RE.match(squeezed)
    return m is not None and (m.group("author") is None or is_han_name(m.group("author")))
# Labels that name a unit in a notice's apparatus, not a list of nominees.
APPARATUS_LABEL_RE = re.compile(
    r"(?:推荐|申报|所在|发文|发布|责任|牵头|报送|填报|工作|主办|承办|协办|联系|举报|受理|监督|实施|主管|"
    r"归口|组织|指导|支持|评审|审核|审批|考核|公示)(?:单位|机关|部门)$"
)
CLOSER_RE = re.compile(
    r"^(?:公示时间|公示期|公示日期|公示期间|公示期限|如有异议|如对|对公示|反映|受理|特此|抄送|抄报|主送|印发|"
    r"联系人|联系电话|联系方式|监督电话|举报电话|电话|地址|邮箱|附件|附:|附表|——|--|扫一扫)"
)
ATTACHMENT_TITLE_RE = re.compile(r"^附件\d*[:.、]?\d*[.、]?(.*(?:名单|名录|人选|对象))$")
DEEDS_RE = re.compile(r"事迹|简介|材料$|先进典型|经验|做法")
# The date under a signature, as written on its own line (（2025年3月1日）,
# 2025年3月, 二〇二五年三月一日, 2025年3月1日印发).
DATE_LINE_RE = re.compile(
    r"^[(]?(?:\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|\d{4}[-./]\d{1,2}[-./]\d{1,2}|"
    r"[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?)"
    r"[)]?(?:印发|发布|公布|制发)?$"
)
SALUTATION_RE = re.compile(r"^各.{2,60}:$")  # 各乡镇党委、政府，县直各部门：
TITLE_LINE_RE = re.compile(r"^关于.*(?:公示|通知|决定|公告|通报|报告|请示)$")
NOTE_RE = re.compile(r"(?:排名不分先后|按姓氏笔画|姓氏笔划|排序|不分先后|以上|以下按)")
# (never 第一/第二 …: 县第一人民医院, 第三中学 are units, not counts)
COUNT_RE = re.compile(
    r"[(]?\s*(?:共\s*)?(?<![第\d一二三四五六七八九十百两])(\d+|[一二三四五六七八九十百两]+)\s*(名|人|位|个|家|户|所)(?![人民])"
    r"[^()]{0,10}[)]?$"
)
# A heading with a count and the list right after it on the same line.
COUNTED_LABEL_RE = re.compile(
    r"^([^,。、:]{1,30}?\(\s*(?:共\s*)?\d+\s*[名人位个家户所][^()]{0,4}\))\s*(?=[^\s)])"
)
ORG_KIND_RE = re.compile(
    r"集体|单位|组织|家庭|班组|团队|基地|示范村|示范区|示范社区|企业|窗口|车间|机关"
)
PERSON_KIND_RE = re.compile(
    r"个人|同志|人员|工作者|党员|干部|人物|标兵|能手|人选|候选人|教师|医生|楷模|好人|之星|志愿者|劳模|"
    r"劳动模范|英雄|职工|青年|巾帼|工匠|名师|书记|乡贤|护士|民警|代表|战士|军人|母亲|少年|学生|个体|妇女"
)
OPENER_RE = re.compile(
    r"名单|名录|对象|人选|候选|如下|以下|先进|模范|优秀|标兵|表彰|推荐|授予|获奖|称号|光荣榜|榜单|"
    r"入围|入选|当选|分别是|分别为|" + ORG_KIND_RE.pattern + "|" + PERSON_KIND_RE.pattern
)
HEADING_END_RE = re.compile(
    r"(?:名单|名录|人选|对象|候选人|如下|先进集体|先进个人|集体|个人|单位|工作者|称号|奖|模范|标兵|党员|"
    r"党组织|家庭|以下同志|以下单位)[)]?$"
)
# Words of an honour or of a list of nominees, which a heading carries.
AWARD_WORD_RE = re.compile(
    r"先进|模范|优秀|示范|标兵|拟|表彰|推荐|获奖|名单|名录|称号|最美|十佳|文明|三八|五一|红旗|劳模|"
    r"工作者|人选|对象|候选|入围|光荣|楷模|之星|好人|英雄|奖"
)
# The end of a sentence that introduces the list after its colon.
INTRO_END_RE = re.compile(
    r"(?:名单|名录|人选|对象|候选人|同志|人员|个人|集体|单位|如下|分别是|分别为)$"
)
# Cheap test on a view: could the line hold a designation at all?
DESIGNATION_HINT_RE = re.compile(
    r"为[^,;。“”\"「」]{0,20}[“\"「]|为[^,;。“”\"「」]{0,40}(?:先进集体|先进个人|先进单位|表彰对象|推荐对象|劳动模范|先进工作者|模范集体|道德模范|三八红旗手|三八红旗集体|优秀共产党员|优秀党务工作者|先进基层党组织)\s*(?:[,;。]|$)"
    r"|同志\s*[“\"「]|[\u3400-\u9fff)]\s*[“\"「][^”\"」]{2,80}[”\"」]\s*(?:荣誉|光荣)?称号"
    r"|(?:候选人|候选集体|候选单位|候选对象|候选家庭|人选|称号)\s*(?:[,;。]|$)"
    r"|同志\s*(?:予以|给予|进行)?\s*(?:通报)?\s*(?:表扬|表彰|嘉奖)"
)
WIDE_GAP_RE = re.compile(r"\s{2,}")
KV_START_RE = re.compile(r"^姓\s*名\s*:")


ANY_COUNT_RE = re.compile(
    r"(?<![第\d一二三四五六七八九十百两])(\d+|[一二三四五六七八九十百两]+)\s*(名|人|位|个|家|户|所)(?!人|民|工作|月|日|年|小时)"
)


# Honours that only collectives receive, though their names hold a person word
# (巾帼, 青年, 工人): read as 集体 when telling a heading's kind.
ORG_AWARD_RE = re.compile(
    r"巾帼文明岗|青年文明号|工人先锋号|五四红旗团(?:支部|委|总支)|红旗团支部|先进基层党组织|"
    r"(?:文明|最美|五好|书香|和谐|平安|美丽|绿色|廉洁)家庭|文明(?:单位|村镇|村|镇|校园|社区|窗口|科室|岗)|"
    r"(?:巾帼|青年|党员)(?:示范|先锋|文明|建功)?岗|红旗班组|示范窗口|先进班组|工人先锋"
)


def kind_of(text: str) -> str | None:
    """What a heading announces: "person", "organization" or None (mixed or unsaid)."""
    if ORG_AWARD_RE.search(text):
        text = ORG_AWARD_RE.sub("集体", text)
    org = ORG_KIND_RE.search(text) is not None
    person = PERSON_KIND_RE.search(text) is not None
    m = COUNT_RE.search(text) or ANY_COUNT_RE.search(text)
    if m:
        if m.group(2) in "名人位":
            return "person"
        if org and not person:
            return "organization"
        # （14个）alone also counts people on some sites: let each item decide
        return None if not (org or person) or (org and person) else "person"
    if org != person:
        return "organization" if org else "person"
    return None


def is_plain_narrative(view: str) -> bool:
    """Running prose that has no numbered entry and no award sentence in it.

    The cheap tests go first: this runs on every long paragraph of a notice
    (stories, deeds), where a full pass of each pattern costs tens of µs."""
    # (commas inside brackets are a biography's: 张三（男，汉族，…）、李四（…）)
    if not ("。" in view[:-1] or _BRACKETED_RE.sub("", view).count(",") >= 3):
        return False
    if AWARD_VERB_RE.search(view) or ARABIC_START_RE.match(view):
        return False
    if _NUMBER_CHAR_RE.search(view) and INLINE_NUMBER_RE.search(view):
        return False
    return not has_designation_hint(view)


def has_designation_hint(view: str) -> bool:
    """Whether `DESIGNATION_HINT_RE` matches `view`, cheaply: each of its
    branches holds a literal (为, 同志, 称号, 候选, 人选), and a plain substring
    test skips the pattern, which tries its branches at every character."""
    if "为" in view and _HINT_FOR_RE.search(view):
        return True
    return (
        "同志" in view or "称号" in view or "候选" in view or "人选" in view
    ) and DESIGNATION_HINT_RE.search(view) is not None


_BRACKETED_RE = re.compile(r"\([^()]*\)")
_NUMBER_CHAR_RE = re.compile(r"[\d①-⑳]")
# DESIGNATION_HINT_RE's two branches that start with 为
_HINT_FOR_RE = re.compile(
    r"为[^,;。“”\"「」]{0,20}[“\"「]|为[^,;。“”\"「」]{0,40}(?:先进集体|先进个人|先进单位|表彰对象|推荐对象|劳动模范|先进工作者|模范集体|道德模范|三八红旗手|三八红旗集体|优秀共产党员|优秀党务工作者|先进基层党组织)\s*(?:[,;。]|$)"
)


ARABIC_START_RE = re.compile(r"\s*(?:\d{1,3}\s*[.、,:)\s]|[(]\s*\d{1,3}\s*[)]|[①-⑳])")
AWARD_VERB_RE = re.compile(r"授予|追授|追认|表彰|表扬|命名|推荐|给予")
AWARD_VERB_TRAD_RE = re.compile(r"授予|追授|追认|追認|表彰|表扬|表揚|命名|推荐|推薦|给予|給予")
INLINE_NUMBER_RE = re.compile(r"[。;\s](?:\d{1,3}[.、]|[(]\d{1,3}[)]|[①-⑳])\s*[\u3400-\u9fff]")
