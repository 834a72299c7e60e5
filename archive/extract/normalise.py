"""Normalisation of single field values as written in notices.

Every function takes the text of one cell (or one prose fragment) and
returns the contract form, or None when the text states nothing usable.
They never guess: an unknown political affiliation is kept as written, an
unknown ethnicity becomes None, an impossible birth month is rejected.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

# --- text ------------------------------------------------------------------

# Whitespace that NFKC does not turn into a plain space (and the plain ones).
_SPACE_RE = re.compile(r"[\s\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u3000\ufeff]+")


# Fullwidth ASCII and the ideographic space: the bulk of what NFKC changes in
# Chinese text.  NFKC itself costs ~0.2 µs a character once a text needs it,
# and str.translate ~50 ns a character; the few fullwidth punctuation marks
# that fill Chinese text are replaced with str.replace (C speed) first, and
# the slower steps run only when something is left for them.
_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
_FULLWIDTH_ANY = re.compile("[\uff01-\uff5e\u3000]")
_COMMON_FULLWIDTH = tuple((chr(c), chr(c - 0xFEE0)) for c in map(ord, "，（）：；！？．％－／＋＝＂＇［］"))
# Characters that `str.split()` keeps but `_SPACE_RE` treats as space.
_ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\ufeff")


def nfkc(text: str) -> str:
    """unicodedata NFKC, fast for typical Chinese text."""
    if text.isascii():
        return text
    if _FULLWIDTH_ANY.search(text) is not None:
        for wide, narrow in _COMMON_FULLWIDTH:
            if wide in text:
                text = text.replace(wide, narrow)
        if _FULLWIDTH_ANY.search(text) is not None:
            text = text.translate(_FULLWIDTH)
    if unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


_nfkc = nfkc


def clean_text(text: str | None, nfkc: bool = True) -> str | None:
    """NFKC (unless told not to), collapse whitespace runs to one space, trim;
    empty → None."""
    if text is None:
        return None
    text = str(text)
    if nfkc:
        text = _nfkc(text)
    text = _SPACE_RE.sub(" ", text).strip()
    return text or None


def squeeze(text: str | None) -> str:
    """NFKC and remove every whitespace character (for header matching)."""
    if not text:
        return ""
    text = str(text)
    # short texts (cells, headings, lines) come back again and again: each
    # step of a parse tests the same lines; long ones are not kept
    return _squeeze_short(text) if len(text) <= 160 else _squeeze(text)


def _squeeze(text: str) -> str:
    # whitespace goes first (str.split is the fastest way), so NFKC sees less
    text = "".join(text.split())
    for ch in _ZERO_WIDTH:
        if ch in text:
            text = text.replace(ch, "")
    text = nfkc(text)
    # NFKC maps a few compatibility characters to text with a space (¨ → " ̈")
    return "".join(text.split()) if " " in text else text


_squeeze_short = lru_cache(maxsize=16384)(_squeeze)


# Cells that mean "nothing stated".
_EMPTY_VALUES = frozenset({"", "无", "/", "-", "—", "--", "——", "－", "\\", "暂无", "空", "null", "None"})


def clean_value(text: str | None, nfkc: bool = True) -> str | None:
    """A cell's value trimmed, with placeholders such as 无 or / → None."""
    text = clean_text(text, nfkc)
    if text is None or unicodedata.normalize("NFKC", text) in _EMPTY_VALUES:
        return None
    return text


# --- names -------------------------------------------------------------------

# Every character that sources use as the middle dot of a transliterated name
# (e.g. 阿依古丽·买买提).  NFKC already maps some (U+FF0E → '.', U+FF65 → U+30FB).
_DOT_CHARS = (
    "\u00b7\u2022\u2027\u2219\u22c5\u25aa\u25cf\u30fb\uff0e\uff65\u0387\u16eb"
    "\u2e31\u318d\u2981\u1427\u02d1\u2024\u02d9\u30a0\u25e6\u2043."
)
_DOT_RE = re.compile(f"[{re.escape(_DOT_CHARS)}]+")
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_NAME_CHAR = f"[{_HAN}A-Za-z]"
_DOT_BETWEEN_RE = re.compile(f"(?<={_NAME_CHAR})\\s*[{re.escape(_DOT_CHARS)}]+\\s*(?={_NAME_CHAR})")

# Leading list numbering: "1.", "1、", "（1）", "一、", "①", "12 ".
_NUMBERING_RE = re.compile(
    r"^\s*(?:[(（]?\s*[0-9０-９]{1,4}\s*[)）]|[0-9０-９]{1,4}\s*[.、,，．:：)）]?|"
    r"[一二三四五六七八九十百]{1,4}\s*[、.．]|[①-⑳㉑-㉟㊱-㊿])\s*"
)
_TRAILING_COMRADE_RE = re.compile(r"(?:同志|先生|女士)$")
# Bracketed annotations: （女，朝鲜族） (...) 【...】 [...].
_BRACKET_RE = re.compile(r"[(（\[【〔][^()（）\[\]【】〔〕]*[)）\]】〕]")


_PLAIN_NAME_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]{1,12}")


@dataclass(frozen=True)
class NameParts:
    """A name cell split into the name and what its annotations state."""

    name: str
    gender: str | None = None
    ethnicity: str | None = None
    annotations: list[str] | None = None


def normalise_dots(text: str) -> str:
    """Every middle-dot variant between two name characters → '·' (U+00B7)."""
    return _DOT_BETWEEN_RE.sub("\u00b7", text)


def normalise_name(raw: str | None) -> str | None:
    """The contract `name`: NFKC, no whitespace, '·' for middle dots.

    Strips list numbering, a trailing 同志 and bracketed annotations.
    """
    if raw is None:
        return None
    parts = split_name(raw)
    return parts.name if parts else None


@lru_cache(maxsize=8192)
def split_name(raw: str) -> NameParts | None:
    """Split `张三（女，朝鲜族）` into name 张三, gender 女, ethnicity 朝鲜族."""
    if _PLAIN_NAME_RE.fullmatch(raw) and not raw.endswith(("同志", "先生", "女士")):
        return NameParts(raw)  # the common case: nothing to strip or read
    text = nfkc(str(raw))
    annotations = [m.group(0)[1:-1] for m in _BRACKET_RE.finditer(text)]
    text = _BRACKET_RE.sub("", text)
    text = _NUMBERING_RE.sub("", text, count=1)
    text = normalise_dots(text)
    text = _SPACE_RE.sub("", text)
    text = text.strip("·.,，、:：;；*＊※")
    text = _TRAILING_COMRADE_RE.sub("", text)
    if not text:
        return None
    gender = ethnicity = None
    for note in annotations:
        for piece in re.split(r"[,，、/\s]+", note):
            gender = gender or normalise_gender(piece)
            ethnicity = ethnicity or normalise_ethnicity(piece)
    return NameParts(text, gender, ethnicity, annotations or None)


# --- ethnicity ----------------------------------------------------------------

ETHNIC_GROUPS: tuple[str, ...] = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族",
    "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族",
    "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
    "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族",
    "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族",
    "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族",
    "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)  # fmt: skip

_ETHNICITY_BY_FORM: dict[str, str] = {}
for _full in ETHNIC_GROUPS:
    _ETHNICITY_BY_FORM[_full] = _full
    _ETHNICITY_BY_FORM[_full[:-1]] = _full
# Variant spellings found in real notices (old or traditional forms).
_ETHNICITY_BY_FORM.update({
    "漢": "汉族", "漢族": "汉族", "維吾爾": "维吾尔族", "維吾爾族": "维吾尔族",
    "维族": "维吾尔族", "蒙": "蒙古族", "满洲族": "满族", "滿": "满族", "滿族": "满族",
    "僮族": "壮族", "壯": "壮族", "壯族": "壮族", "彞族": "彝族", "彞": "彝族",
    "鄂倫春族": "鄂伦春族", "達斡爾族": "达斡尔族", "錫伯族": "锡伯族", "納西族": "纳西族",
    "傈僳": "傈僳族", "畲": "畲族", "佘族": "畲族", "仡佬": "仡佬族", "土家": "土家族",
    "朝鮮族": "朝鲜族", "朝鮮": "朝鲜族", "哈薩克族": "哈萨克族", "哈薩克": "哈萨克族",
    "東鄉族": "东乡族", "撒拉": "撒拉族", "裕固": "裕固族", "門巴族": "门巴族",
    "烏孜別克族": "乌孜别克族", "俄羅斯族": "俄罗斯族", "鄂溫克族": "鄂温克族",
    "赫哲": "赫哲族", "獨龍族": "独龙族", "塔塔爾族": "塔塔尔族", "柯爾克孜族": "柯尔克孜族",
    "侗": "侗族", "黎": "黎族", "傣": "傣族", "佤": "佤族", "羌": "羌族", "京": "京族",
})  # fmt: skip


@lru_cache(maxsize=8192)
def normalise_ethnicity(text: str | None) -> str | None:
    """One of the 56 official names from a whole cell (汉 → 汉族, 土 → 土族).

    Exact match on the cell, never a substring: 土 is 土族, 土家 is 土家族.
    """
    value = squeeze(text)
    if not value:
        return None
    value = value.strip("()（）")
    return _ETHNICITY_BY_FORM.get(value)


# --- gender --------------------------------------------------------------------

_GENDER = {
    "男": "男", "女": "女", "男性": "男", "女性": "女", "男士": "男", "女士": "女",
    "m": "男", "f": "女", "male": "男", "female": "女",
}  # fmt: skip


@lru_cache(maxsize=8192)
def normalise_gender(text: str | None) -> str | None:
    """男 | 女 | None."""
    value = squeeze(text).lower()
    return _GENDER.get(value)


# --- birth -----------------------------------------------------------------------

_BIRTH_PATTERNS = (
    # 1968年6月, 1968年06月15日, 1968 年 6 月
    re.compile(r"^(\d{4})年(\d{1,2})月(?:(\d{1,2})日?)?$"),
    # 1968.6, 1968.06, 1968-06, 1968/6, 1968-06-15, 1968.6.15, 1968。6
    re.compile(r"^(\d{4})[.\-/。,，、](\d{1,2})(?:[.\-/。](\d{1,2}))?[.。]?$"),
    # 196806, 19680615
    re.compile(r"^(\d{4})(\d{2})(\d{2})?$"),
)
_YEAR_ONLY = re.compile(r"^(\d{4})年?$")
_BRACKETS_RE = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
# 1919-01-01 … 2012-10-18 as Excel serial numbers
_EXCEL_SERIAL_RE = re.compile(r"^(?:[7-9]\d{3}|[1-3]\d{4}|40\d{3}|41[01]\d{2})(?:\.0+)?$")
_EXCEL_EPOCH = datetime(1899, 12, 30)


@lru_cache(maxsize=8192)
def normalise_birth(text: str | None) -> str | None:
    """`YYYY-MM` (or `YYYY`) from the ways sources write a birth month.

    `1990.10` is October: the month is read as written, never as a float.
    Impossible months and years outside 1900–2030 give None.
    """
    value = squeeze(text)
    if not value:
        return None
    value = _BRACKETS_RE.sub("", value).replace("生", "").replace("出", "")
    if _EXCEL_SERIAL_RE.match(value):
        # a spreadsheet date that reached us as its serial number (days from 1899-12-30)
        return (_EXCEL_EPOCH + timedelta(days=int(float(value)))).strftime("%Y-%m")
    for pattern in _BIRTH_PATTERNS:
        m = pattern.match(value)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            if not 1900 <= year <= 2030 or not 1 <= month <= 12:
                return None
            return f"{year:04d}-{month:02d}"
    m = _YEAR_ONLY.match(value)
    if m and 1900 <= int(m.group(1)) <= 2030:
        return m.group(1)
    return None


# --- political affiliation -----------------------------------------------------------

_POLITICAL = {
    "中共党员": "中共党员", "党员": "中共党员", "中国共产党党员": "中共党员",
    "共产党员": "中共党员", "中共": "中共党员", "中国共产党员": "中共党员",
    "中共预备党员": "中共预备党员", "预备党员": "中共预备党员",
    "中共党员(预备)": "中共预备党员", "预备": "中共预备党员",
    "共青团员": "共青团员", "团员": "共青团员", "中共团员": "共青团员",
    "群众": "群众", "无党派": "无党派人士", "无党派人士": "无党派人士",
    "民革党员": "民革党员", "民革": "民革党员", "中国国民党革命委员会会员": "民革党员",
    "民盟盟员": "民盟盟员", "民盟": "民盟盟员", "中国民主同盟盟员": "民盟盟员",
    "民建会员": "民建会员", "民建": "民建会员", "中国民主建国会会员": "民建会员",
    "民进会员": "民进会员", "民进": "民进会员", "中国民主促进会会员": "民进会员",
    "农工党党员": "农工党党员", "农工党": "农工党党员", "中国农工民主党党员": "农工党党员",
    "致公党党员": "致公党党员", "致公党": "致公党党员", "中国致公党党员": "致公党党员",
    "九三学社社员": "九三学社社员", "九三学社": "九三学社社员",
    "台盟盟员": "台盟盟员", "台盟": "台盟盟员",
    "中共黨員": "中共党员", "黨員": "中共党员", "預備黨員": "中共预备党员",
    "中共預備黨員": "中共预备党员", "共青團員": "共青团员", "團員": "共青团员",
    "羣眾": "群众", "群眾": "群众", "無黨派人士": "无党派人士", "無黨派": "无党派人士",
}  # fmt: skip


@lru_cache(maxsize=8192)
def normalise_political(text: str | None) -> str | None:
    """Common forms → 中共党员, 中共预备党员, 共青团员, 群众, party names; else as written."""
    value = clean_value(text)
    if value is None:
        return None
    key = squeeze(value)
    if key in _POLITICAL:
        return _POLITICAL[key]
    # 中共党员（2001.07）: the affiliation with its joining date
    bare = re.sub(r"[(（][^)）]*[)）]|\d{4}[.\-/年]\d{1,2}月?(?:入党|加入)?", "", key)
    return _POLITICAL.get(bare, value)


# --- education, free text -------------------------------------------------------------


@lru_cache(maxsize=8192)
def normalise_education(text: str | None) -> str | None:
    """Kept as written, trimmed: mapping 大学 to 本科 would change its meaning."""
    value = clean_value(text)
    return _SPACE_RE.sub("", value) if value else None


@lru_cache(maxsize=8192)
def normalise_free_text(text: str | None) -> str | None:
    """Unit, position, title and similar: trimmed, placeholders dropped.

    Spaces between two CJK characters are layout (line wrapping in a cell),
    so they go; spaces next to Latin text stay.  Characters are kept as
    written (no NFKC): （宣传部） stays in fullwidth brackets.
    """
    value = clean_value(text, nfkc=False)
    if value is None:
        return None
    return _CJK_SPACE_RE.sub("", value)


_CJK = f"[{_HAN}（）()、，；：“”\uff01-\uff5e]"
_CJK_SPACE_RE = re.compile(f"(?<={_CJK}) +(?={_CJK})")


# --- is this a person's name or a collective's? ------------------------------------------

# Common single-character surnames (covers the vast majority of Han names) and
# compound surnames.  Used only as evidence, never to reject a name outright:
# minority names (才让多杰, 阿依古丽·买买提) start with anything.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥"
    "南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支"
    "卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印"
    "逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
    "钮次格达扎才德旦洛央卓拉多尼索加更土仁桑顿贡泽却彭丹群曲"
)
COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 "
    "独孤 南宫 西门 百里 呼延 万俟 申屠 澹台 太史 东郭 第五 闻人 赫连".split()
)

_ORG_SUFFIX_RE = re.compile(
    r"(?:局|院|校|学|园|村|社区|公司|委员会|委|办公室|办|中心|站|所|队|部|科|处|厅|支部|党委|党组|"
    r"总支|组|班|馆|会|协会|医院|集团|银行|政府|街道|镇|乡|县|区|市|州|厂|矿|场|店|社|室|团|"
    r"家庭|大队|中队|支队|分局|监狱|法院|检察院|学院|大学|中学|小学|幼儿园|基地|车间|工段|项目部|"
    r"工作站|合作社|联合会|商会|俱乐部|研究院|研究所|实验室|工作室|服务队|志愿队|突击队|小组|团队|"
    r"中队|车站|机场|港|社区居民委员会|村民委员会|企业|单位|机关|连|营|旅|师|军|舰|艇|所属)$"
)
_HAN_RE = re.compile(f"[{_HAN}]")


@lru_cache(maxsize=8192)
def looks_like_org_name(name: str) -> bool:
    """A collective's name: ends like one (…局, …村, …委员会) and is not short."""
    return len(name) >= 4 and _ORG_SUFFIX_RE.search(name) is not None


# Endings and words that no personal name has (县医院, 教育局, 局长).
_NOT_A_NAME_RE = re.compile(
    r"(?:局|院|校|村|委|站|所|厅|镇|乡|县|市|州|省|厂|矿|店|室|馆|部|处|公司|中心|政府|社区|集团|协会|"
    r"委员会|办公室|大队|支部|党委|局长|主任|书记|科长|处长|校长|院长|经理|主席|队长|站长|所长|老师|教师|"
    r"干部|职工|员|工|家庭|团队|班组|小组)$|^(?:县|市|省|州|镇|乡|村|区委|中共|中国|全国|全省|全市|全县)"
)


# Words of a workplace that no transliterated (minority) name contains.
_ORG_WORD_INSIDE_RE = re.compile(r"局|院|委|县|市|镇|乡|村|厅|公司|中心|学校|社区|街道|政府|集团|银行|大队|支队")


@lru_cache(maxsize=8192)
def looks_like_person_name(name: str) -> bool:
    """A plausible personal name (after `normalise_name`).

    Han names: 2–4 characters (compound surnames up to 5); names with '·'
    (transliterated minority and foreign names) up to 20; minority names
    written without a dot up to 8 characters when they carry no collective
    suffix.  Latin names are accepted when short.
    """
    if not name or len(name) < 2:
        return False
    if "·" in name:
        parts = name.split("·")
        return all(parts) and len(name) <= 24 and not re.search(r"\d", name)
    if re.fullmatch(r"[A-Za-z][A-Za-z .'-]{1,40}", name):
        return True
    if not re.fullmatch(f"[{_HAN}]+", name):
        return False
    if len(name) >= 3 and _NOT_A_NAME_RE.search(name):
        return False
    if len(name) >= 5 and _ORG_WORD_INSIDE_RE.search(name):
        return False  # 某县公安局民警: a unit and a post, not a long minority name
    if len(name) <= 4:
        return True
    if len(name) <= 5 and name[:2] in COMPOUND_SURNAMES:
        return True
    return len(name) <= 8 and not looks_like_org_name(name)


def has_common_surname(name: str) -> bool:
    """True when a name starts with a common Han surname (evidence only)."""
    return bool(name) and (name[0] in COMMON_SURNAMES or name[:2] in COMPOUND_SURNAMES)
