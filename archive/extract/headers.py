"""Table header vocabulary: which record field a column holds.

Header cells are matched after NFKC, removing all whitespace (序 号 → 序号)
and converting traditional to simplified characters (姓名/性別/工作單位).
Exact words are looked up first, then a few shape rules (…姓名 is a name,
…名称 a collective's name, 单位 with 职务 the combined unit-and-position
column).  Columns that must never be stored (身份证号) or that have no field
(籍贯, 年龄) map to IGNORE, which still counts as "this is a header row".
"""

from __future__ import annotations

import re
from functools import lru_cache

from .normalise import squeeze

# Field names used by the table reader (record fields plus a few roles).
NAME = "name"
ORG_NAME = "org_name"  # the collective's name (kind organization)
UNIT_POSITION = "unit_position"  # one column holding unit and position
SEQ = "seq"
IGNORE = "ignore"

_EXACT: dict[str, str] = {}


def _add(field: str, *words: str) -> None:
    for w in words:
        _EXACT[w] = field


_add(SEQ, "序号", "序", "编号", "no", "no.", "排序", "序列", "顺序号", "号")
_add(
    NAME,
    "姓名", "名字", "候选人姓名", "推荐对象姓名", "人员姓名", "拟表彰对象", "推荐人选",
    "候选人", "推荐对象", "拟推荐对象", "拟推荐人选", "被推荐人", "被推荐人姓名",
    "表彰对象", "拟表彰人选", "个人姓名", "对象姓名", "先进个人", "拟表彰个人",
    "拟推荐个人", "个人", "人选", "推荐人选姓名", "候选对象", "拟表彰对象姓名",
    "拟推荐对象姓名", "获奖人", "获奖人姓名", "获奖者", "受表彰人", "受表彰人员",
    "人员", "提名人选", "推荐候选人", "候选人名单", "姓名(名称)", "推荐人",
)  # fmt: skip
_add(
    ORG_NAME,
    "集体名称", "单位名称", "推荐单位名称", "先进集体名称", "集体", "名称", "先进集体",
    "拟表彰集体", "拟推荐集体", "组织名称", "单位全称", "集体全称", "企业名称", "学校名称",
    "党组织名称", "基层党组织名称", "班组名称", "集体名称(全称)", "单位名称(全称)",
    "拟表彰单位", "拟推荐单位", "受表彰集体", "受表彰单位", "获奖单位", "获奖集体",
    "推荐集体", "先进单位", "拟命名单位", "示范单位", "单位(集体)名称", "集体(单位)名称",
    "推荐对象名称", "拟推荐对象名称", "名称(全称)", "家庭名称", "团队名称", "项目团队",
    "家庭", "拟表彰家庭", "拟推荐家庭",
)  # fmt: skip
_add("gender", "性别", "姓别")
_add("ethnicity", "民族", "族别")
_add(
    "birth",
    "出生年月", "出生日期", "出生时间", "出生年月日", "生日", "出生年份", "出生",
    "出生年月(年龄)", "出生年月(岁)", "出生(年月)", "出生年", "年月",
)  # fmt: skip
_add("political", "政治面貌", "党派", "政治身份", "政治面目", "党派(政治面貌)", "政治面貌(党派)")
_add(
    "education",
    "学历", "文化程度", "最高学历", "学历学位", "学历(学位)", "文化", "全日制学历",
    "学历/学位", "最高学历学位", "学位", "文化程度(学历)",
)  # fmt: skip
_add(
    UNIT_POSITION,
    "工作单位及职务", "单位及职务", "工作单位和职务", "工作单位及职务(职称)", "单位职务",
    "工作单位职务", "所在单位及职务", "现工作单位及职务", "单位及职务(职称)", "工作单位及职称",
    "工作单位及职务职称", "单位和职务", "工作单位、职务", "单位、职务", "工作单位及岗位",
    "工作单位与职务", "所在单位和职务", "工作单位及职务(职级)", "单位及职务职称",
    "工作单位及现任职务", "工作单位和现任职务", "单位职务职称", "工作单位职务(职称)",
)  # fmt: skip
_add(
    "unit",
    "工作单位", "单位", "所在单位", "现工作单位", "工作单位(全称)", "所在单位(全称)",
    "工作单位名称", "所在单位名称", "单位(全称)", "就职单位", "服务单位", "任职单位",
    "所在学校", "学校", "工作学校", "任教学校", "所在村(社区)", "工作地点", "所在企业",
    "所在村", "所在社区", "所在乡镇", "村(社区)", "所在乡镇(街道)", "所在地单位", "所属单位", "所在部门",
)  # fmt: skip
_add(
    "position",
    "职务", "职务(职称)", "现任职务", "岗位", "职务/岗位", "现职务", "行政职务", "担任职务",
    "职位", "职务职称", "职务/职称", "职务、职称", "职务及职称", "岗位职务", "所任职务",
    "现任职务(职称)", "现职", "职务(岗位)", "工作岗位",
)  # fmt: skip
_add(
    "title",
    "职称", "专业技术职称", "专业技术职务", "技术职称", "职称(技术等级)", "专业技术资格",
)  # fmt: skip
_add("industry", "所属行业", "行业", "行业领域", "所在行业", "行业类别", "所属领域", "领域", "所属系统", "系统")
_add(
    "org_type",
    "单位性质", "类型", "单位类别", "单位类型", "性质", "企业性质", "集体类型", "集体类别",
    "单位性质(类型)", "组织类型", "所有制性质",
)  # fmt: skip
_add(
    "category",
    "类别", "推荐类别", "奖项类别", "表彰类别", "奖项", "推荐奖项", "荣誉称号", "拟表彰类别",
    "表彰项目", "称号", "拟授予称号", "推荐类型", "组别", "表彰奖项", "推荐称号", "拟授予荣誉称号",
    "表彰类型", "奖项名称", "荣誉名称", "类别(奖项)", "推荐项目", "拟推荐奖项", "获奖类别",
    "奖励类别", "奖励等级", "等次", "获奖等次", "表彰名称", "称号名称", "人员类别",
)  # fmt: skip
_add("remarks", "备注", "说明", "备考")
_add(
    "deeds",
    "事迹", "主要事迹", "简要事迹", "先进事迹", "主要事迹简介", "事迹简介", "主要成绩",
    "主要业绩", "主要贡献", "事迹摘要", "简要先进事迹", "主要先进事迹",
)  # fmt: skip
_add(
    IGNORE,
    "籍贯", "身份证", "身份证号", "身份证号码", "公民身份号码", "身份证件号码", "联系电话",
    "电话", "手机", "手机号码", "联系方式", "年龄", "参加工作时间", "入党时间", "出生地",
    "推荐单位", "地区", "所在地区", "市州", "县区", "县(市、区)", "市(州)", "推荐地区",
    "技术等级", "职业资格", "等级", "入党(团)时间", "工作时间", "任现职时间", "邮编",
    "户籍所在地", "现居住地", "家庭住址", "住址", "地址", "所在地", "区域", "单位地址",
    "推荐渠道", "申报单位", "主管部门", "推荐部门", "是否", "得票", "得票数", "票数", "分数",
    "成绩", "排名", "名次", "级别", "职级", "现任职级", "现职级", "毕业院校", "专业",
    "毕业院校及专业", "所学专业", "从事专业", "工作年限", "从教年限", "教龄", "任教学科",
    "学科", "科目", "所教学科", "宗教", "宗教信仰", "照片", "签名", "联系人",
)  # fmt: skip

# Shape rules for header cells not in the exact list (checked in order).
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"身份证|证件号|手机|电话|联系方式|邮箱"), IGNORE),
    (re.compile(r"事迹|业绩简介|主要成绩"), "deeds"),
    (re.compile(r"^(?:工作|所在|现)?单位.{0,3}(?:职务|职称|岗位)"), UNIT_POSITION),
    (re.compile(r"(?:姓名|人选|候选人)(?:\(.*\))?$"), NAME),
    (re.compile(r"^(?:出生|生年)"), "birth"),
    (re.compile(r"^(?:政治面貌|党派)"), "political"),
    (re.compile(r"学历|文化程度"), "education"),
    (re.compile(r"^性别"), "gender"),
    (re.compile(r"^民族"), "ethnicity"),
    (re.compile(r"(?:集体|单位|组织|企业|学校|团队)(?:名称|全称)|^名称"), ORG_NAME),
    (re.compile(r"(?:工作|所在|现)单位"), "unit"),
    (re.compile(r"^所在(?:村|社区|乡镇|镇|乡|街道|学校|医院|企业|部门|单位)"), "unit"),
    (re.compile(r"^(?:现任|现|担任)?职务"), "position"),
    (re.compile(r"职称"), "title"),
    (re.compile(r"行业"), "industry"),
    (re.compile(r"单位(?:性质|类型|类别)"), "org_type"),
    (re.compile(r"(?:奖项|表彰|推荐|荣誉)(?:类别|类型|项目|称号)|称号$"), "category"),
    (re.compile(r"^备注"), "remarks"),
    (re.compile(r"籍贯|年龄|时间|地址|住址|毕业|专业|职级|推荐单位|申报单位"), IGNORE),
)

_ANY_RULE = re.compile("|".join(f"(?:{p.pattern})" for p, _ in _RULES))

# Brackets and trailing notes in header cells: 出生年月（年.月）, 姓名*.
_HEADER_NOTE_RE = re.compile(r"[(（\[【][^)）\]】]*(?:年|月|格式|如|例|填|必|选|可|字)[^)）\]】]*[)）\]】]")
_TRAILING_BRACKET_RE = re.compile(r"\(.*?\)$")
_HEADER_PUNCT_RE = re.compile(r"^[*＊※\s:：]+|[*＊※:：]+$")


@lru_cache(maxsize=1)
def _t2s():
    """OpenCC traditional → simplified, built once (it loads dictionaries)."""
    try:
        import opencc

        return opencc.OpenCC("t2s")
    except Exception:  # pragma: no cover - opencc is a declared dependency
        return None


_TRADITIONAL_HINT = re.compile(
    r"[別單職稱務歷貫齡聯絡號碼與團黨員屬業類備註蹟績體稱選獎項關於華國進優縣會鄉鎮區對擬級際彰師範"
    r"勞動個東內門時間發佈條書讀實現為從學應當處機構這誌記說請議質費導轉"
    r"廣區醫衛壩蘭龍齊]"
)


def looks_traditional(text: str) -> bool:
    """True when text is written in traditional characters (a cheap test)."""
    return len(_TRADITIONAL_HINT.findall(text[:2000])) >= 3


def to_simplified(text: str) -> str:
    """Traditional → simplified for running text (OpenCC, built once)."""
    conv = _t2s()
    return conv.convert(text) if conv else text


@lru_cache(maxsize=4096)
def simplify(text: str) -> str:
    """Traditional → simplified for short texts such as header cells."""
    if not _TRADITIONAL_HINT.search(text):
        return text
    conv = _t2s()
    return conv.convert(text) if conv else text


@lru_cache(maxsize=8192)
def map_header(cell: str) -> str | None:
    """The field a header cell names, IGNORE for known non-fields, else None."""
    word = squeeze(cell).lower()
    if not word or len(word) > 24:
        return None
    word = simplify(word)
    word = word.replace("（", "(").replace("）", ")")
    word = _HEADER_PUNCT_RE.sub("", word)
    if word in _EXACT:
        return _EXACT[word]
    stripped = _HEADER_NOTE_RE.sub("", word)
    if stripped in _EXACT:
        return _EXACT[stripped]
    stripped = _TRAILING_BRACKET_RE.sub("", stripped)
    if stripped in _EXACT:
        return _EXACT[stripped]
    if not _ANY_RULE.search(stripped):
        return None  # most data cells (names, units, dates): one search, not twenty
    for pattern, field in _RULES:
        if pattern.search(stripped):
            return field
    return None


# Fields that say a table lists nominees (besides the name column itself).
NOMINEE_FIELDS = frozenset(
    {"gender", "ethnicity", "birth", "political", "education", "unit", "position", "title",
     UNIT_POSITION, "industry", "org_type", "category", "deeds"}
)  # fmt: skip
