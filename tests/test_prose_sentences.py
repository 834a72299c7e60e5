"""Nominees named inside running sentences: designations (…为“…”正式候选人,
拟推荐…为…人选), award decisions (授予…同志；…同志“…”荣誉称号) and inline
biographies — and the narrative sentences of the same shape that name nobody."""

from __future__ import annotations

import pytest

from archive.extract.pipeline import parse_notice
from archive.extract.prose import records_from_paragraphs
from archive.model import Paragraph, Record, SourceDocument


def parse(*lines: str) -> list[Record]:
    return records_from_paragraphs([Paragraph(t, f"paragraph {i + 1}") for i, t in enumerate(lines)])


def kinds_names(records: list[Record]) -> list[tuple[str, str]]:
    return [(r.kind, r.name) for r in records]


def parse_txt(text: str) -> list[Record]:
    doc = SourceDocument(text.strip().encode("utf-8"), url="https://example.gov.cn/a.txt", filename="a.txt")
    return parse_notice(doc).records


# --- 1. people and collectives designated in one sentence ------------------------------


@pytest.mark.parametrize("quote", ["“{}”", '"{}"', "「{}」"])
def test_people_and_collectives_mixed_in_one_sentence(quote: str) -> None:
    hand = quote.format("全市三八红旗手")
    collective = quote.format("全市三八红旗集体")
    recs = parse(
        "经研究，李红梅（市第一人民医院护士长）、王芳（县实验小学教师）、才让卓玛（女，藏族，玉树州人民医院医生）"
        f"为{hand}正式候选人；市人民医院急诊科、县税务局第一税务分局办税服务厅为{collective}正式候选集体。"
    )
    assert kinds_names(recs) == [
        ("person", "李红梅"),
        ("person", "王芳"),
        ("person", "才让卓玛"),
        ("organization", "市人民医院急诊科"),
        ("organization", "县税务局第一税务分局办税服务厅"),
    ]
    got = {r.name: r for r in recs}
    assert got["李红梅"].unit == "市第一人民医院护士长"  # 第一 is part of the unit
    assert (got["才让卓玛"].gender, got["才让卓玛"].ethnicity) == ("女", "藏族")
    assert got["市人民医院急诊科"].unit is None


def test_collectives_whose_names_end_unlike_units_when_the_sentence_says_collective() -> None:
    recs = parse("市人民医院护理部护理团队、县妇联妇女之家为“三八红旗集体”候选集体。")
    assert kinds_names(recs) == [
        ("organization", "市人民医院护理部护理团队"),
        ("organization", "县妇联妇女之家"),
    ]


def test_items_separated_by_commas_after_a_lead_in() -> None:
    recs = parse("经研究，李红梅（市第一人民医院护士长），王芳（县实验小学教师）为“全市三八红旗手”正式候选人。")
    assert [(r.name, r.unit) for r in recs] == [
        ("李红梅", "市第一人民医院护士长"),
        ("王芳", "县实验小学教师"),
    ]  # not 经研究, read as a person surnamed 经


def test_inline_biographies_separated_by_enumeration_comma_and_semicolon() -> None:
    recs = parse_txt(
        """
关于推荐2025年度全省优秀共产党员人选的公示
经各基层党组织推荐、县委组织部审核，拟推荐张建军（男，1975年3月生，汉族，大学本科学历，县人民医院党委书记）、马秀兰（女，1982年11月生，回族，在职研究生学历，城关镇党委副书记）；欧阳明（男，1968年5月生，蒙古族，大专学历，县第二中学校长）为全省优秀共产党员人选，现予以公示。
公示时间：2025年6月1日至6月5日。
中共某某县委组织部
2025年6月1日
"""
    )
    assert [r.name for r in recs] == ["张建军", "马秀兰", "欧阳明"]
    ma = recs[1]
    assert (ma.gender, ma.birth, ma.ethnicity) == ("女", "1982-11", "回族")
    assert ma.education == "在职研究生"  # as written, without 学历
    assert ma.unit == "城关镇党委副书记"
    assert recs[2].unit == "县第二中学校长" and recs[2].ethnicity == "蒙古族"


# --- 2. award decisions --------------------------------------------------------------


def test_award_groups_split_by_semicolons_each_person_once() -> None:
    recs = parse_txt(
        """
中共某某县委 某某县人民政府关于表彰2024年度优秀共产党员的决定
各乡镇党委、政府，县直各单位：
2024年以来，刘建华同志扎根基层、任劳任怨，张学文同志带领群众脱贫致富，郭富强同志在抗洪抢险中冲锋在前，事迹感人。
为表彰先进，县委、县政府决定，授予刘建华、张学文同志；郭富强、黎 明同志；韩乙四夫、司马红同志"全县优秀共产党员"荣誉称号。
希望受到表彰的同志珍惜荣誉，再创佳绩。
中共某某县委
某某县人民政府
2025年1月5日
"""
    )
    assert kinds_names(recs) == [
        ("person", "刘建华"),
        ("person", "张学文"),
        ("person", "郭富强"),
        ("person", "黎明"),
        ("person", "韩乙四夫"),  # a four-character name beside ordinary ones
        ("person", "司马红"),
    ]


def test_award_sentence_without_final_stop_under_numbered_sections() -> None:
    recs = parse(
        "一、授予王强、李四同志“全县优秀共产党员”称号；",
        "二、追授李大勇同志“全县优秀共产党员”称号；",
        "三、授予县人民医院党委、城关镇东街村党支部“全县先进基层党组织”称号",
        "授予东主才让、才让卓玛、李秀英同志“民族团结进步模范个人”称号",
    )
    assert kinds_names(recs) == [
        ("person", "王强"),
        ("person", "李四"),
        ("person", "李大勇"),
        ("organization", "县人民医院党委"),
        ("organization", "城关镇东街村党支部"),
        ("person", "东主才让"),
        ("person", "才让卓玛"),
        ("person", "李秀英"),
    ]


def test_units_before_names_and_praise_sentences() -> None:
    recs = parse("授予县第一中学张三、河口乡卫生院李四同志“全县优秀教师”称号")
    assert [(r.name, r.unit) for r in recs] == [("张三", "县第一中学"), ("李四", "河口乡卫生院")]
    recs = parse("经研究决定，对张三、李四同志予以通报表扬，对王五同志给予嘉奖。")
    assert [r.name for r in recs] == ["张三", "李四", "王五"]


def test_designation_of_villages() -> None:
    recs = parse("决定命名城关镇东街村、河口乡河口村为“县级文明村”。")
    assert kinds_names(recs) == [
        ("organization", "城关镇东街村"),
        ("organization", "河口乡河口村"),
    ]


NARRATIVE = """
县委书记李明为获奖者颁奖。
张三被评为“全国优秀教师”。
他先后荣获“全国劳动模范”称号。
县长王强为“先进集体”代表颁发奖牌。
近年来，县人民医院、县第一中学先后被命名为“全国文明单位”。
为深入贯彻落实党的二十大精神，根据《关于开展“最美家庭”评选活动的通知》要求，经各单位推荐，现将拟推荐人选予以公示。
经研究，确定张三等10名同志为候选人。
授予其“全国劳动模范”称号。
2019年，他被授予“全国五一劳动奖章”。
市委书记张建国为“全国文明城市”揭牌。
作为“全国文明单位”，县人民医院始终坚持以人民为中心。
县长李明为获得“优秀教师”称号的代表颁奖。
号召全县党员干部向张三、李四同志学习。
全县共有50名同志被授予“优秀共产党员”称号。
经县委常委会研究，决定授予城关镇党委等20个基层党组织“全县先进基层党组织”称号。
王强同志为“全县优秀共产党员”的评选工作做了大量工作。
村民们亲切地称他为“老黄牛”。
获评“全国最美家庭”称号。
县总工会主席王强为“五一劳动奖章”获得者颁奖。
请各单位于3月10日前将推荐人选报县委组织部。
申报“全国文明村镇”称号。
拟推荐以下集体和个人为2025年全省五一劳动奖章候选对象。
决定授予湟中区人民医院“全国文明单位”称号。
"""


@pytest.mark.parametrize("heading", [None, "拟表彰对象名单如下：", "先进集体（3个）", "先进个人（3名）"])
def test_narrative_sentences_shaped_like_designations_give_nothing(heading: str | None) -> None:
    for sentence in NARRATIVE.strip().split("\n"):
        lines = ([heading] if heading else []) + [sentence]
        assert parse(*lines) == [], sentence


BIOS = [
    "张建军（男，1975年3月生，汉族，大学本科学历，县人民医院党委书记）",
    "马秀兰（女，1982年11月生，回族，在职研究生学历，城关镇党委副书记）",
    "李国庆（男，1968年5月生，蒙古族，大专学历，县第二中学校长）",
]


@pytest.mark.parametrize(
    "lines",
    [
        [f"拟推荐人选：{BIOS[0]}、{BIOS[1]}；{BIOS[2]}。"],
        ["拟推荐人选名单如下：", f"{BIOS[0]}、{BIOS[1]}；{BIOS[2]}"],
        [f"{BIOS[0]}、{BIOS[1]}；{BIOS[2]}"],
        [f"经研究，拟推荐以下3名同志为全省优秀共产党员人选：{BIOS[0]}；{BIOS[1]}；{BIOS[2]}。"],
        ["一、优秀共产党员（3名）", *BIOS],
    ],
)
def test_inline_biographies_in_every_arrangement(lines: list[str]) -> None:
    recs = parse(*lines)
    assert [(r.name, r.gender, r.birth, r.ethnicity, r.education, r.unit) for r in recs] == [
        ("张建军", "男", "1975-03", "汉族", "大学本科", "县人民医院党委书记"),
        ("马秀兰", "女", "1982-11", "回族", "在职研究生", "城关镇党委副书记"),
        ("李国庆", "男", "1968-05", "蒙古族", "大专", "县第二中学校长"),
    ]


def test_html_notice_with_a_mixed_designation_sentence() -> None:
    page = """<html><head><meta charset="utf-8"><title>关于2025年度全市三八红旗手（集体）候选对象的公示</title></head>
<body><div class="content">
<p>根据全国妇联有关通知精神，经基层推荐、层层审核，市妇联研究确定：</p>
<p>&nbsp;&nbsp;李红梅（市第一人民医院护士长）、王&nbsp;&nbsp;芳（县实验小学教师）为“全市三八红旗手”正式候选人；
市人民医院急诊科、县税务局第一税务分局为“全市三八红旗集体”正式候选集体。</p>
<p>公示时间：2025年3月1日至3月7日。</p>
<p style="text-align:right">市妇联</p><p style="text-align:right">2025年3月1日</p>
</div></body></html>"""
    parsed = parse_notice(SourceDocument(page.encode(), url="https://example.gov.cn/a.html"))
    assert [(r.kind, r.name, r.name_raw, r.unit) for r in parsed.records] == [
        ("person", "李红梅", "李红梅", "市第一人民医院护士长"),
        ("person", "王芳", "王\u00a0\u00a0芳", "县实验小学教师"),
        ("organization", "市人民医院急诊科", "市人民医院急诊科", None),
        ("organization", "县税务局第一税务分局", "县税务局第一税务分局", None),
    ]
    assert parsed.meta.published == "2025-03-01"


def test_traditional_characters_keep_their_source_form() -> None:
    recs = parse(
        "為表彰先進，縣委、縣政府決定，授予陳海忠、歐陽麗華同志；張學文同志“全縣優秀共產黨員”榮譽稱號。",
        "經研究，李紅梅（市第一人民醫院護士長）為“全市三八紅旗手”正式候選人；市人民醫院急診科為“全市三八紅旗集體”正式候選集體。",
    )
    assert [(r.kind, r.name, r.unit) for r in recs] == [
        ("person", "陳海忠", None),
        ("person", "歐陽麗華", None),
        ("person", "張學文", None),
        ("person", "李紅梅", "市第一人民醫院護士長"),
        ("organization", "市人民醫院急診科", None),
    ]
