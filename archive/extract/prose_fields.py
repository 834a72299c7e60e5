"""What one comma-separated piece of a prose entry states.

`张三，男，汉族，1970年5月出生，中共党员，大学学历，某县某镇党委书记` is
cut into pieces; each piece is classified here as gender, ethnicity, birth,
political affiliation, education, professional title, something to skip
(age, native place, date of joining the party), the start of past honours
(曾获…, after which nothing is a field), or unit text.

Recognition is exact on the whole piece (ethnicity 回族, never the 回族 in
某回族自治县); the values themselves are normalised by
`archive.extract.normalise`.
"""

from __future__ import annotations

import re

try:
    from archive.extract.normalise import (
        normalise_birth,
        normalise_ethnicity,
        normalise_gender,
        normalise_name,
        normalise_political,
    )
except ImportError:  # pragma: no cover - minimal fallback while normalise.py is young
    import unicodedata

    def normalise_name(raw: str | None) -> str | None:
        if not raw:
            return None
        text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", raw))
        return re.sub(r"[\u2022\u2027\u30fb\uff65.]", "\u00b7", text) or None

    def normalise_gender(text: str | None) -> str | None:
        return {"男": "男", "女": "女", "男性": "男", "女性": "女"}.get((text or "").strip())

    def normalise_ethnicity(text: str | None) -> str | None:
        text = (text or "").strip()
        return text if re.fullmatch(r"[\u4e00-\u9fff]{1,5}族", text) else None

    def normalise_birth(text: str | None) -> str | None:
        m = re.match(r"(\d{4})\D+(\d{1,2})", text or "")
        return f"{m.group(1)}-{int(m.group(2)):02d}" if m else None

    def normalise_political(text: str | None) -> str | None:
        return (text or "").strip() or None


__all__ = ["classify_segment", "normalise_name", "normalise_gender", "normalise_ethnicity"]

_LABELS = {
    "姓名": "name", "名字": "name",
    "性别": "gender", "民族": "ethnicity",
    "出生年月": "birth", "出生日期": "birth", "出生时间": "birth", "出生年月日": "birth",
    "政治面貌": "political", "党派": "political",
    "学历": "education", "文化程度": "education", "最高学历": "education",
    "工作单位": "unit", "单位": "unit", "所在单位": "unit", "工作单位及职务": "unit",
    "单位及职务": "unit", "现工作单位": "unit", "推荐单位": "skip", "申报单位": "skip",
    "职务": "position", "现任职务": "position", "职位": "position",
    "职称": "title", "专业技术职称": "title", "技术职称": "title",
    "籍贯": "skip", "身份证号": "skip", "身份证号码": "skip", "联系电话": "skip", "电话": "skip",
    "参加工作时间": "skip", "入党时间": "skip", "年龄": "skip",
}  # fmt: skip
LABEL_RE = re.compile("^(" + "|".join(sorted(_LABELS, key=len, reverse=True)) + r")\s*[:]\s*")

_POLITICAL_RE = re.compile(
    r"^(?:中共(?:正式|预备)?党员|中国共产党(?:正式|预备)?党员|共产党员|预备党员|党员|共青团员|团员|群众|"
    r"无党派(?:人士)?|民革党员|民盟盟员|民建会员|民进会员|农工党党员|致公党党员|九三学社社员|台盟盟员)$"
)
_EDUCATION_RE = re.compile(
    r"^((?:在职|全日制|函授|自考|成人|电大|党校)?(?:博士研究生|硕士研究生|研究生|博士|硕士|大学本科|大学专科|本科|大学|大专|专科|中专|"
    r"中技|技校|职高|高中|初中|小学|(?:中央|省委|市委|州委|县委)?党校(?:研究生|大学|大专)))"
    r"(?:学历|毕业|文化|文化程度)?(?:[、,和及]?(?:学士|硕士|博士)?学位)?$"
)
_DEGREE_ONLY_RE = re.compile(r"^(学士|硕士|博士)学位$")
_TITLE_RE = re.compile(
    r"^(?:(?:正高级|副高级|高级|中级|初级|助理)?(?:工程师|经济师|会计师|农艺师|畜牧师|兽医师|政工师|"
    r"审计师|统计师|实验师|馆员)|(?:正高级|副高级|高级|特级|一级|二级|三级)教师|(?:高级|主任)(?:记者|编辑)|"
    r"(?:主任|副主任|主治)(?:医师|护师|药师|技师)|"
    r"副?教授|讲师|副?研究员|助理研究员|(?:一|二|三)级(?:教师|演员|美术师|作家|编剧|导演|律师)|"
    r"(?:高级|中级|初级)?技师|高级工)$"
)
_BIRTH_RE = re.compile(
    r"^(?:出生于|生于)?(\d{4})\s*(?:年|[.\-/])\s*(\d{1,2})\s*月?(?:\s*\d{1,2}\s*日?)?\s*"
    r"(?:出生|生人|生)?(?:于[\u4e00-\u9fff]{0,12})?$"
)
_BIRTH_YEAR_RE = re.compile(r"^(?:出生于|生于)?(\d{4})\s*年\s*(?:出生|生)$")
_AGE_RE = re.compile(r"^(?:\d{1,3}\s*(?:岁|周岁)|共?\s*\d+\s*(?:名|人|个|位))$")
_SKIP_RE = re.compile(
    r"(?:参加工作|入党|入伍|入团|参军|毕业于|身份证|籍贯|^\d{4}\s*年.*(?:加入|任职|至今)|"
    r"^(?:已故|追授|追记|追认|牺牲|去世|病故|少数民族|挂职|援青|援藏|援疆|排名不分先后)$|"
    r"^(?:曾用名|原名|又名|别名|笔名|法名)[:]?|^(?:先进|模范|优秀)?(?:个人|集体|单位)$)"
)
_NATIVE_PLACE_RE = re.compile(r"^[\u4e00-\u9fff]{2,7}人$")
HONOURS_RE = re.compile(
    r"(?:曾获|曾被|曾任|荣获|获得|获评|被评为|被授予|先后获|多次获|主要事迹|事迹简介|先进事迹)"
)
_LEAD_VERB_RE = re.compile(r"^(?:现任|现为|现系|系|任|现在|就职于|工作于|供职于|现就职于)")


def classify_segment(text: str) -> tuple[str, str | None]:
    """(field, value) for one piece of an entry, in view characters.

    field is one of gender, ethnicity, birth, political, education, title,
    unit, position, name, skip (nothing to keep) and stop (past honours or
    deeds begin: nothing after this is a field).
    """
    text = text.strip(" .。;,、")
    if not text:
        return "skip", None
    m = LABEL_RE.match(text)
    if m:
        field = _LABELS[m.group(1)]
        value = text[m.end() :].strip(" .。;,")
        if field == "skip" or not value:
            return "skip", None
        if field in ("name", "unit", "position", "title"):
            return field, value
        found, normalised = classify_segment(value)
        if found == field:
            return found, normalised
        if field == "political":
            return field, normalise_political(value)
        if field == "education":
            return field, value
        return "skip", None
    if _SKIP_RE.search(text):
        return "skip", None
    if HONOURS_RE.search(text):
        return "stop", None
    gender = normalise_gender(text)
    if gender:
        return "gender", gender
    ethnicity = _ethnicity(text)
    if ethnicity:
        return "ethnicity", ethnicity
    birth = _birth(text)
    if birth:
        return "birth", birth
    if _POLITICAL_RE.match(text):
        return "political", normalise_political(text)
    m = _EDUCATION_RE.match(text)
    if m:
        return "education", m.group(1)
    m = _DEGREE_ONLY_RE.match(text)
    if m:
        return "education", m.group(1)
    if _TITLE_RE.match(text):
        return "title", text
    if _AGE_RE.match(text):
        return "skip", None
    if _NATIVE_PLACE_RE.match(text) and not text.endswith(
        (
            "负责人",
            "带头人",
            "创始人",
            "传承人",
            "主持人",
            "法人",
            "工人",
            "个人",
            "候选人",
            "代表人",
        )
    ):
        return "skip", None
    text = _LEAD_VERB_RE.sub("", text)
    return ("unit", text) if text else ("skip", None)


def _ethnicity(text: str) -> str | None:
    # A single character (汉, 回, 京 …) is an ethnicity only inside an entry,
    # which is the only place this is called; 族-less two-character forms
    # (蒙古, 维吾尔) likewise.
    return normalise_ethnicity(text)


def _birth(text: str) -> str | None:
    m = _BIRTH_RE.match(text)
    if m:
        return normalise_birth(f"{m.group(1)}.{m.group(2)}")
    m = _BIRTH_YEAR_RE.match(text)
    if m:
        return normalise_birth(m.group(1))
    return None


def is_attribute(field: str) -> bool:
    """Fields that only a person has: evidence that a piece of text is a person entry."""
    return field in ("gender", "ethnicity", "birth", "political", "education")
