"""Headings over lists of nominees: what they say about the rows below.

``一、先进集体（3个）`` switches the kind of the rows that follow to
collectives; ``二、全县优秀党务工作者（2名）`` names their category.  Used for
paragraphs before a table (`pipeline`) and for rows spanning a table
(`tables`, `headerless`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .headers import simplify
from .normalise import squeeze

SECTION_NUM_RE = re.compile(r"^[（(]?[一二三四五六七八九十]+[）)]?[、.．]?|^[（(]?\d+[）)]|^第[一二三四五六七八九十]+[类部分组]")
COUNT_RE = re.compile(r"[（(]\s*(?:共)?\s*\d+\s*(名|人|个|家|项|户|支|组)?\s*[)）]\s*$")
_ORG_SECTION_RE = re.compile(
    r"集体|单位|组织|团队|班组|家庭|基地|示范(?:村|社区|区|县|乡|镇|点)|党支部|党委|党组织|企业|学校|"
    r"村(?:\(社区\))?$|社区$|[（(]\d+\s*(?:个|家|支|户)[)）]"
)
_PERSON_SECTION_RE = re.compile(
    r"个人|人员|同志|工作者|劳动模范|劳模|党员|干部|教师|标兵|能手|先进人物|[（(]\d+\s*(?:名|人)[)）]|"
    r"书记|模范|之星|红旗手|人物|工匠|医生|护士|校长|班主任|志愿者|职工|青年|代表|村民|农民"
)


@lru_cache(maxsize=8192)  # the same headings and page lines recur on every page of a site
def kind_from_text(text: str) -> str | None:
    """'person' / 'organization' from a section heading or a list title."""
    t = simplify(squeeze(text))
    if not t:
        return None
    org = _ORG_SECTION_RE.search(t)
    person = _PERSON_SECTION_RE.search(t)
    if "个人" in t and ("集体" not in t or t.rfind("个人") > t.rfind("集体")):
        return "person"
    if org and not person:
        return "organization"
    if person and not org:
        return "person"
    if org and person:
        # 先进集体和先进个人: the later word names what follows? undecidable
        if "集体" in t and "个人" not in t:
            return "organization"
        return None
    return None


@lru_cache(maxsize=8192)  # the same headings and page lines recur on every page of a site
def is_section_heading(text: str) -> bool:
    """一、先进集体（3个） / 优秀共产党员（20名）: a heading over a list."""
    t = squeeze(text)
    return len(t) <= 40 and bool(SECTION_NUM_RE.match(t) or COUNT_RE.search(t))


@lru_cache(maxsize=8192)  # the same headings and page lines recur on every page of a site
def category_from_section(text: str) -> str | None:
    """The honour a section heading names (二、优秀党务工作者（2名） → 优秀党务工作者)."""
    t = squeeze(text)
    t = SECTION_NUM_RE.sub("", t)
    t = COUNT_RE.sub("", t).strip("、.．:：")
    t = re.sub(r"[（(][^)）]*(?:排序|排名|笔画|先后|为序)[^)）]*[)）]$", "", t)
    t = re.sub(r"^(?:拟推荐|拟表彰|推荐|表彰)?(?:\d{4}(?:年度|年))?", "", t)
    t = _CATEGORY_TAIL_RE.sub("", t).strip("“”\"、.．:：")
    if not t or len(t) > 30:
        return None
    if re.fullmatch(r"(?:先进)?(?:集体|个人)|个人|集体|先进集体|先进个人|.*名单", t):
        return None
    return t


_CATEGORY_TAIL_RE = re.compile(
    r"(?:拟表彰|拟推荐|拟授予|拟命名|推荐|表彰|候选)?(?:对象|人选|候选人|候选集体|候选单位|集体名单|个人名单|名单)+$"
)
