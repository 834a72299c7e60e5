"""Chinese labels for the contract's codes and field names.

The JSON API speaks the contract's codes (`recommended`, `province`,
`person`); only pages translate them, and only here.
"""

from __future__ import annotations

STAGE_LABELS = {"recommended": "推荐", "proposed": "拟表彰", "awarded": "已表彰"}
LEVEL_LABELS = {
    "national": "国家级",
    "province": "省级",
    "prefecture": "地市级",
    "county": "县级",
    "other": "其他",
}
KIND_LABELS = {"person": "个人", "organization": "集体"}

# Facet names in the order a page shows them, with their headings.
FACET_TITLES = {
    "ethnicity": "民族",
    "year": "年份",
    "stage": "阶段",
    "level": "级别",
    "region": "地区",
    "kind": "类型",
}

# Record fields in contract order, with the label a page gives each.
RECORD_FIELD_LABELS = {
    "kind": "类型",
    "name": "姓名/名称",
    "name_raw": "原文写法",
    "gender": "性别",
    "ethnicity": "民族",
    "birth": "出生年月",
    "political": "政治面貌",
    "education": "学历",
    "unit": "工作单位",
    "position": "职务",
    "title": "职称",
    "industry": "所属行业",
    "org_type": "单位性质",
    "category": "类别",
    "remarks": "备注",
    "deeds": "主要事迹",
}

NOTICE_FIELD_LABELS = {
    "title": "公示标题",
    "issuer": "发布单位",
    "published": "发布日期",
    "period": "公示期",
    "award": "奖项",
    "level": "级别",
    "stage": "阶段",
    "region": "地区",
}

CHANGE_FIELD_LABELS = {**RECORD_FIELD_LABELS}


def label_for(facet: str, value: object) -> str:
    """The text a page shows for a facet value (codes translated, others as is)."""
    text = "" if value is None else str(value)
    if facet == "stage":
        return STAGE_LABELS.get(text, text)
    if facet == "level":
        return LEVEL_LABELS.get(text, text)
    if facet == "kind":
        return KIND_LABELS.get(text, text)
    return text
