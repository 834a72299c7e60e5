"""Prose lists in the shapes of other sites: entries numbered with a mere
space, inline groups (先进集体（…）和先进个人（…）), award decisions in
groups (授予…), and families — and the narrative lines of the same shapes
that name nobody."""

from __future__ import annotations

import pytest

from archive.extract.pipeline import parse_notice
from archive.extract.prose import records_from_paragraphs
from archive.extract.prose_text import Span, split_inline_entries
from archive.model import Paragraph, Record, SourceDocument


def parse(*lines: str, award: str | None = None) -> list[Record]:
    paragraphs = [Paragraph(t, f"paragraph {i + 1}") for i, t in enumerate(lines)]
    if award is None:
        return records_from_paragraphs(paragraphs)
    from archive.extract.context import ExtractContext

    return records_from_paragraphs(paragraphs, ExtractContext(document_url=None, award=award))


def rows(records: list[Record], *fields: str) -> list[tuple]:
    return [tuple(getattr(r, f) for f in ("kind", "name", *fields)) for r in records]


def parse_txt(*lines: str) -> list[Record]:
    text = "\n".join(
        ["关于2025年度全县“最美家庭”拟表彰对象的公示", "经各乡镇推荐，现将拟表彰对象予以公示。", *lines,
         "公示时间：2025年9月8日至9月12日", "某某县妇女联合会", "2025年9月8日"]
    )
    return parse_notice(SourceDocument(text.encode("utf-8"), filename="n.txt")).records


# --- 1. numbered with a space -------------------------------------------------------


def test_entries_numbered_with_a_space_on_one_line_are_split_by_their_count() -> None:
    recs = parse("（一） 先进集体", "1 某某县城关镇人民政府 2 某某县第一中学", "（二） 先进个人", "1 张建国 2 李秀英 3 欧阳明")
    assert rows(recs) == [
        ("organization", "某某县城关镇人民政府"),
        ("organization", "某某县第一中学"),
        ("person", "张建国"),
        ("person", "李秀英"),
        ("person", "欧阳明"),
    ]


def test_a_number_inside_an_entry_does_not_split_it() -> None:
    pieces = [p.src for p in split_inline_entries(Span.of("1 某某县第2中学 3 班"))]
    assert pieces == ["1 某某县第2中学 3 班"]  # 3 does not follow 1
    pieces = [p.src for p in split_inline_entries(Span.of("张三 2 李四"))]
    assert pieces == ["张三 2 李四"]  # no number to count from


def test_name_then_a_unit_written_in_several_words() -> None:
    recs = parse("（一） 先进个人", "1 张建国 某某县 城关镇党委书记", "2 某某县 第一中学教师 李秀英")
    assert rows(recs, "unit") == [
        ("person", "张建国", "某某县城关镇党委书记"),
        ("person", "李秀英", "某某县第一中学教师"),
    ]


def test_a_unit_in_brackets_after_the_notes() -> None:
    recs = parse("二、先进个人（1名）", "李秀英（女，回族）（某某县第一中学教师）")
    assert rows(recs, "unit", "gender", "ethnicity") == [("person", "李秀英", "某某县第一中学教师", "女", "回族")]


# --- 2. inline groups ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "拟表彰先进集体（某某县城关镇人民政府、某某县第一中学）和先进个人（张建国、李秀英、欧阳明）。",
        "经研究，拟表彰先进集体2个（某某县城关镇人民政府、某某县第一中学），先进个人3名（张建国、李秀英、欧阳明）。",
        "先进集体：某某县城关镇人民政府、某某县第一中学；先进个人：张建国、李秀英、欧阳明。",
    ],
)
def test_inline_groups_of_both_kinds(line: str) -> None:
    assert rows(parse(line)) == [
        ("organization", "某某县城关镇人民政府"),
        ("organization", "某某县第一中学"),
        ("person", "张建国"),
        ("person", "李秀英"),
        ("person", "欧阳明"),
    ]


def test_a_bracket_that_says_the_kind_is_not_part_of_the_name() -> None:
    recs = parse("拟表彰对象：某某县城关镇人民政府（先进集体）、张建国（某某县城关镇党委书记，先进个人）")
    assert rows(recs, "unit") == [
        ("organization", "某某县城关镇人民政府", None),
        ("person", "张建国", "某某县城关镇党委书记"),
    ]


def test_designation_of_a_mixed_list_without_quotes() -> None:
    recs = parse(
        "经研究，拟推荐某某县城关镇人民政府、张建国（某某县城关镇党委书记）、某某县第一中学、"
        "李秀英（某某县第一中学教师）为全省民族团结进步先进集体和先进个人。"
    )
    assert rows(recs, "unit") == [
        ("organization", "某某县城关镇人民政府", None),
        ("person", "张建国", "某某县城关镇党委书记"),
        ("organization", "某某县第一中学", None),
        ("person", "李秀英", "某某县第一中学教师"),
    ]


NOT_GROUPS = [
    "各单位推荐先进个人（含劳动模范）时，应严格把关。",
    "全县共评选出先进集体（10个）和先进个人（20名）。",
    "评选表彰先进集体和先进个人（以下简称“两先”）工作已经结束。",
    "根据《关于开展先进集体评选工作的通知》（某发〔2025〕12号）要求，现将有关事项公示如下。",
    "县委书记（张建国）、县长（李秀英）出席会议并讲话。",
    "先进集体（含先进基层党组织、先进单位）由各乡镇推荐。",
    "张建国被评为全省先进个人。",
]


@pytest.mark.parametrize("line", NOT_GROUPS)
def test_brackets_and_colons_of_narrative_give_nothing(line: str) -> None:
    assert parse(line) == []


# --- 3. award decisions in groups -------------------------------------------------------


def test_a_single_collective_among_several_awards_of_one_sentence() -> None:
    recs = parse("授予某某县人民医院党委“全县先进基层党组织”称号，授予张建国同志“全县优秀共产党员”称号，"
                 "授予李秀英同志“全县优秀党务工作者”称号。")
    assert rows(recs) == [
        ("organization", "某某县人民医院党委"),
        ("person", "张建国"),
        ("person", "李秀英"),
    ]


def test_a_single_collective_given_the_notice_s_own_award() -> None:
    lines = ("县委、县政府决定：", "授予某某县人民医院“全县民族团结进步先进集体”称号；",
             "授予张建国、李秀英同志“全县民族团结进步先进个人”称号。")
    recs = parse(*lines, award="全县民族团结进步先进集体和先进个人")
    assert rows(recs) == [("organization", "某某县人民医院"), ("person", "张建国"), ("person", "李秀英")]
    # another honour, named alone: a past one, as before
    assert parse("决定授予湟中区人民医院“全国文明单位”称号。", award="全县民族团结进步先进集体和先进个人") == []


# --- 4. families --------------------------------------------------------------------------

FAMILIES = [
    ("organization", "王建国家庭", "城关镇东街村"),
    ("organization", "李秀英家庭", "河口乡河口村"),
]


@pytest.mark.parametrize(
    "lines",
    [
        ["最美家庭（2户）", "1、王建国家庭 城关镇东街村", "2、李秀英家庭 河口乡河口村"],
        ["最美家庭（2户）", "城关镇东街村 王建国家庭", "河口乡河口村 李秀英家庭"],
        ["最美家庭（2户）", "1.王建国家庭：城关镇东街村", "2.李秀英家庭：河口乡河口村"],
        ["最美家庭（2户）", "1 王建国 家庭 城关镇东街村", "2 李秀英 家庭 河口乡河口村"],
        ["最美家庭（2户）", "1.王建国家庭（城关镇东街村，孝老爱亲家庭）", "2.李秀英家庭（河口乡河口村，书香家庭）"],
        ["最美家庭（2户）", "城关镇东街村：王建国家庭", "河口乡河口村：李秀英家庭"],
        ["最美家庭（2户）", "1  王建国家庭  城关镇东街村", "2  李秀英家庭  河口乡河口村"],
        ["最美家庭（2户）", "1.王建国（城关镇东街村）", "2.李秀英（河口乡河口村）"],
        ["拟表彰“最美家庭”名单如下：", "王建国  城关镇东街村", "李秀英  河口乡河口村"],
    ],
)
def test_families_with_their_place_in_every_layout(lines: list[str]) -> None:
    assert rows(parse_txt(*lines), "unit") == FAMILIES


def test_a_place_heading_is_the_unit_of_its_families() -> None:
    recs = parse_txt("一、最美家庭", "城关镇：王建国家庭、李秀英家庭", "河口乡：马海忠家庭")
    assert rows(recs, "unit") == [
        ("organization", "王建国家庭", "城关镇"),
        ("organization", "李秀英家庭", "城关镇"),
        ("organization", "马海忠家庭", "河口乡"),
    ]


def test_people_after_a_list_of_families_are_people() -> None:
    recs = parse_txt("一、最美家庭（1户）", "王建国家庭（城关镇东街村）", "二、先进个人（1名）", "张建国 某某县城关镇党委书记")
    assert rows(recs, "unit") == [
        ("organization", "王建国家庭", "城关镇东街村"),
        ("person", "张建国", "某某县城关镇党委书记"),
    ]
