"""Pinyin keys of a person's name, with the surname read as a surname.

pypinyin reads characters as words: 曾 as céng (曾经), 单 as dān, 解 as jiě.
As surnames they are zēng, shàn, xiè; a search for `zeng xiaoming` must find
曾晓明, so the surname is split off first and read from the table below.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

# Surnames whose everyday reading is not their reading as a surname.
SURNAME_READINGS: dict[str, str] = {
    "曾": "zeng", "单": "shan", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao",
    "盖": "ge", "华": "hua", "乐": "yue", "覃": "qin", "翟": "zhai", "缪": "miao", "秘": "bi",
    "种": "chong", "召": "shao", "员": "yun", "句": "gou", "繁": "po", "能": "nai", "宿": "su",
    "折": "she", "阚": "kan", "隗": "wei", "洗": "xian", "冼": "xian", "啜": "chuai", "眭": "sui",
    "谌": "chen", "重": "chong", "车": "che", "沈": "shen", "石": "shi", "黑": "he", "褚": "chu",
    "祭": "zhai", "藏": "zang", "卜": "bu", "薄": "bo", "柏": "bai", "纪": "ji", "任": "ren",
    "叶": "ye", "燕": "yan", "那": "na", "过": "guo", "都": "du", "缴": "jiao", "贲": "ben",
    "逄": "pang", "应": "ying", "占": "zhan", "殷": "yin", "乜": "nie", "牟": "mou", "莘": "shen",
    "尉": "wei", "长": "chang", "朝": "chao", "万": "wan", "令": "ling", "相": "xiang",
    "蔚": "yu", "参": "can", "鲜": "xian", "粘": "nian", "涂": "tu", "曲": "qu", "隽": "juan",
   }  # fmt: skip

# Two-character surnames, with the readings pypinyin would get wrong.
COMPOUND_SURNAMES: dict[str, str | None] = {
    "欧阳": None, "司马": None, "诸葛": None, "上官": None, "东方": None, "皇甫": None,
    "尉迟": "yuchi", "万俟": "moqi", "令狐": "linghu", "公孙": None, "慕容": None,
    "长孙": "zhangsun", "宇文": None, "司徒": None, "夏侯": None, "轩辕": None, "端木": None,
    "独孤": None, "南宫": None, "西门": None, "百里": None, "呼延": None, "澹台": "tantai",
    "公冶": None, "太史": None, "申屠": None, "闻人": None, "赫连": None, "钟离": None,
    "宗政": None, "濮阳": None, "淳于": None, "单于": "chanyu", "完颜": None, "拓跋": None,
    "司空": None, "左丘": None, "东郭": None, "亓官": None, "乐正": "yuezheng",
}  # fmt: skip


@lru_cache(maxsize=16_384)  # characters: a name repertoire is a few thousand
def _char_syllable(char: str) -> str | None:
    found = lazy_pinyin(char, style=Style.NORMAL, errors="ignore")
    return found[0] if found and found[0].isascii() and found[0].isalpha() else None


def _syllables(text: str) -> list[str]:
    """Character by character: names are not words, and pypinyin's phrase
    segmentation costs ~100 µs a name (most names occur once)."""
    return [s for ch in text if (s := _char_syllable(ch))]


def split_surname(name: str) -> tuple[str, str]:
    """`欧阳修` → (欧阳, 修); `陈海忠` → (陈, 海忠)."""
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def surname_syllables(surname: str) -> list[str]:
    if len(surname) == 2:
        reading = COMPOUND_SURNAMES.get(surname)
        if reading:
            return [reading]
    if len(surname) == 1 and surname in SURNAME_READINGS:
        return [SURNAME_READINGS[surname]]
    return _syllables(surname)


def _variants(key: str) -> list[str]:
    # pypinyin writes ü as v (lv, nv); people also type u.
    return [key, key.replace("v", "u")] if "v" in key else [key]


@lru_cache(maxsize=1_024)  # names seldom recur far apart: see analysis.NAME_CACHE_SIZE
def name_pinyin_keys(name: str) -> tuple[str, ...]:
    """Index keys for a person's name (simplified characters, `·` between parts).

    `陈海忠` → chenhaizhong, chen, haizhong, chz (initials);
    `阿依古丽·买买提` → ayiguli, maimaiti, ayiguli maimaiti joined, and initials.
    """
    parts = [p for p in name.split("·") if p]
    if not parts:
        return ()
    keys: list[str] = []
    if len(parts) == 1 and 2 <= len(parts[0]) <= 4:
        surname, given = split_surname(parts[0])
        sur = surname_syllables(surname)
        giv = _syllables(given)
        syllables = sur + giv
        if sur:
            keys.append("".join(sur))
        if giv:
            keys.append("".join(giv))
    else:
        syllables = []
        for part in parts:
            s = _syllables(part)
            syllables.extend(s)
            if s and len(parts) > 1:
                keys.append("".join(s))
                keys.append("".join(x[0] for x in s))
    if not syllables:
        return ()
    keys.append("".join(syllables))
    keys.append("".join(s[0] for s in syllables))
    out: list[str] = []
    for key in keys:
        out.extend(_variants(key))
    return tuple(dict.fromkeys(out))
