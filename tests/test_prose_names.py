"""The building blocks of prose extraction: the matching view, names, fields."""

from __future__ import annotations

import pytest

from archive.extract.prose_fields import classify_segment
from archive.extract.prose_names import (
    is_han_name,
    is_minority_name,
    split_trailing_name,
)
from archive.extract.prose_text import Span, split_brackets, split_top, strip_numbering, view_of


def test_view_keeps_length_and_maps_forms() -> None:
    text = "１．陳海忠（男，漢族）：①　阿依古丽・买买提；"
    view = view_of(text)
    assert len(view) == len(text)
    assert view == "1.陈海忠(男,汉族):① 阿依古丽·买买提;"


def test_span_slices_source_by_view_positions() -> None:
    span = Span.of("（1）歐陽麗華（女，回族）")
    body, numbered = strip_numbering(span)
    assert numbered and body.src == "歐陽麗華（女，回族）"
    outside, notes = split_brackets(body)
    assert outside.src == "歐陽麗華" and outside.view == "欧阳丽华"
    assert [n.src for n in notes] == ["女，回族"]


def test_split_top_respects_brackets() -> None:
    span = Span.of("张三（县委办、县政府办）、李四(女,回族)、王五")
    assert [p.src for p in split_top(span, "、,")] == [
        "张三（县委办、县政府办）",
        "李四(女,回族)",
        "王五",
    ]


@pytest.mark.parametrize(
    "name", ["张三", "王建国", "欧阳明", "欧阳春晓", "诸葛亮", "马在田", "李建中", "上官婉"]
)
def test_han_names(name: str) -> None:
    assert is_han_name(name)


@pytest.mark.parametrize(
    "text", ["农民", "经理", "文联", "先进", "金县", "王家村", "张的", "李四五六"]
)
def test_not_han_names(text: str) -> None:
    assert not is_han_name(text)


@pytest.mark.parametrize("name", ["东主才让", "斯琴高娃", "阿依古丽·买买提", "才让卓玛", "扎西"])
def test_minority_names(name: str) -> None:
    assert is_minority_name(name)


@pytest.mark.parametrize(
    "text", ["先进集体", "人民医院", "城西社区", "西宁市", "民族团结", "党支部书记"]
)
def test_not_minority_names(text: str) -> None:
    assert not is_minority_name(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("某市某区妇联主席张丽华", ("某市某区妇联主席", "张丽华")),
        ("某县医院护士长李梅", ("某县医院护士长", "李梅")),
        ("某局局长张丽华", ("某局局长", "张丽华")),
        ("某镇主任何平", ("某镇主任", "何平")),
        ("某村村民马成龙", ("某村村民", "马成龙")),
        ("某有限公司王建国", ("某有限公司", "王建国")),
        ("某中心副主任东主才让", ("某中心副主任", "东主才让")),
        ("某村牧民完玛东主", ("某村牧民", "完玛东主")),
    ],
)
def test_trailing_name(text: str, expected: tuple[str, str]) -> None:
    assert split_trailing_name(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "海东市公安局交警支队",
        "某县人民医院",
        "某公司经理",
        "某村支书",
        "某市文联",
        "某县农民",
        "乌兰县柯柯镇人民政府",
    ],
)
def test_no_trailing_name_in_units(text: str) -> None:
    assert split_trailing_name(text) is None


@pytest.mark.parametrize(
    "piece, expected",
    [
        ("男", ("gender", "男")),
        ("女性", ("gender", "女")),
        ("回族", ("ethnicity", "回族")),
        ("1970年5月出生", ("birth", "1970-05")),
        ("1968.6", ("birth", "1968-06")),
        ("生于1985年12月", ("birth", "1985-12")),
        ("1990年生", ("birth", "1990")),
        ("中共党员", ("political", "中共党员")),
        ("无党派人士", ("political", "无党派人士")),
        ("大学学历", ("education", "大学")),
        ("研究生学历、硕士学位", ("education", "研究生")),
        ("初中文化程度", ("education", "初中")),
        ("副教授", ("title", "副教授")),
        ("民族:藏族", ("ethnicity", "藏族")),
        ("工作单位:海西州教育局", ("unit", "海西州教育局")),
        ("现任某县某镇党委书记", ("unit", "某县某镇党委书记")),
        ("52岁", ("skip", None)),
        ("山东济南人", ("skip", None)),
        ("1995年7月参加工作", ("skip", None)),
        ("曾用名:王武", ("skip", None)),
        ("曾获全国劳动模范称号", ("stop", None)),
        ("2019年被评为优秀党员", ("stop", None)),
        ("某回族自治县人民医院医生", ("unit", "某回族自治县人民医院医生")),
    ],
)
def test_classify_segment(piece: str, expected: tuple[str, str | None]) -> None:
    assert classify_segment(piece) == expected
