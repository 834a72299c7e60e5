"""Nominees written as prose: numbered entries, grouped lists, name grids,
unit-then-name items, traditional characters, and the many paragraphs that
must give nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from archive.extract.prose import records_from_paragraphs
from archive.model import Paragraph, Record, Table

SEED = Path("/work/shared/seeds/000_c760ebe8a9762f7a.txt")


def parse(*lines: str, url: str | None = "https://example.gov.cn/a.html") -> list[Record]:
    return records_from_paragraphs(
        [Paragraph(t, f"paragraph {i + 1}") for i, t in enumerate(lines)], url
    )


def names(records: list[Record]) -> list[str]:
    return [r.name for r in records]


def by_name(records: list[Record]) -> dict[str, Record]:
    return {r.name: r for r in records}


# --- 1. numbered field entries ------------------------------------------------------


@pytest.mark.parametrize("number", ["1.", "1、", "（1）", "(1)", "①", "1．", "1. ", "1 "])
def test_numbered_entry_with_every_field(number: str) -> None:
    recs = parse(
        "拟表彰对象名单如下：",
        f"{number}张三，男，汉族，1970年5月出生，中共党员，大学学历，平安县三合镇党委书记。",
    )
    assert len(recs) == 1
    r = recs[0]
    assert (r.kind, r.name, r.name_raw) == ("person", "张三", "张三")
    assert (r.gender, r.ethnicity, r.birth) == ("男", "汉族", "1970-05")
    assert (r.political, r.education) == ("中共党员", "大学")
    assert r.unit == "平安县三合镇党委书记" and r.position is None
    assert r.location == "paragraph 2" and r.document_url == "https://example.gov.cn/a.html"
    assert "1970年5月出生" in r.raw


def test_half_width_punctuation_and_birth_forms() -> None:
    recs = parse(
        "二、先进个人（3名）",
        "1.李建华,女,回族,1982.06生,中共预备党员,硕士研究生,西宁市城北区朝阳街道办事处主任;",
        "2.马福林，男，撒拉族，1975年12月生，群众，初中文化，循化县积石镇农民",
        "3．韩秀英；女；土族；1990年出生；共青团员；大专；互助县威远镇卫生院护士",
    )
    got = by_name(recs)
    assert set(got) == {"李建华", "马福林", "韩秀英"}
    assert got["李建华"].birth == "1982-06" and got["李建华"].political == "中共预备党员"
    assert got["李建华"].education == "硕士研究生"
    assert got["马福林"].ethnicity == "撒拉族" and got["马福林"].education == "初中"
    assert got["马福林"].unit == "循化县积石镇农民"
    assert got["韩秀英"].birth == "1990" and got["韩秀英"].ethnicity == "土族"


def test_entry_with_only_some_fields_in_a_list() -> None:
    recs = parse("推荐人选名单", "1.张三，海东市金源建筑有限公司总经理", "2.李四（女，朝鲜族）")
    got = by_name(recs)
    assert got["张三"].unit == "海东市金源建筑有限公司总经理"
    assert got["李四"].gender == "女" and got["李四"].ethnicity == "朝鲜族"
    assert got["李四"].unit is None


def test_unit_and_bare_position_are_separated() -> None:
    recs = parse("拟推荐对象：", "王丽，女，汉族，青海盐湖工业股份有限公司，总经理")
    assert (recs[0].unit, recs[0].position) == ("青海盐湖工业股份有限公司", "总经理")


def test_education_with_degree_and_title() -> None:
    recs = parse(
        "拟表彰人选公示如下：",
        "赵明，男，1968年3月出生，九三学社社员，研究生学历、硕士学位，高级工程师，青海大学机械工程学院副院长",
    )
    r = recs[0]
    assert r.education == "研究生" and r.political == "九三学社社员"
    assert r.title == "高级工程师" and r.unit == "青海大学机械工程学院副院长"


def test_past_honours_do_not_become_unit() -> None:
    recs = parse(
        "先进个人名单：",
        "1.刘红梅，女，汉族，1979年8月出生，中共党员，大通县桥头镇中心小学教师，曾获全国优秀教师称号。",
    )
    assert recs[0].unit == "大通县桥头镇中心小学教师"
    assert "曾获" not in (recs[0].unit or "")


def test_several_numbered_entries_on_one_line() -> None:
    recs = parse(
        "拟表彰对象：",
        "1.王强，男，藏族，同仁市隆务镇干部；2.才让卓玛，女，藏族，同仁市人民医院护士；3.李娜，女，汉族，黄南州文联干部。",
    )
    assert names(recs) == ["王强", "才让卓玛", "李娜"]
    assert by_name(recs)["才让卓玛"].ethnicity == "藏族"


def test_space_separated_fields() -> None:
    recs = parse("拟推荐对象名单", "1. 孙立平 男 汉族 1972.09 中共党员 格尔木市人民检察院检察官")
    r = recs[0]
    assert (r.name, r.gender, r.ethnicity, r.birth) == ("孙立平", "男", "汉族", "1972-09")
    assert r.unit == "格尔木市人民检察院检察官"


def test_numbered_person_entries_without_heading() -> None:
    recs = parse(
        "根据有关规定，现将推荐情况公布。",
        "1.陈建军，男，汉族，1971年4月出生，中共党员，海晏县西海镇党委书记。",
        "2.白玛央宗，女，藏族，1985年2月出生，群众，海晏县哈勒景乡牧民。",
    )
    assert names(recs) == ["陈建军", "白玛央宗"]


def test_key_value_entry_over_several_lines() -> None:
    recs = parse(
        "推荐对象基本情况：",
        "姓名：完玛东主",
        "性别：男 民族：藏族",
        "出生年月：1971.08",
        "工作单位及职务：海西州融媒体中心编委会副主任",
        "公示时间：2025年9月8日至12日",
    )
    r = recs[0]
    assert (r.name, r.gender, r.ethnicity, r.birth) == ("完玛东主", "男", "藏族", "1971-08")
    assert r.unit == "海西州融媒体中心编委会副主任"


# --- 2. lists grouped by region or category -------------------------------------


def test_region_grouped_list_with_many_people() -> None:
    recs = parse(
        "二、先进个人（12名）",
        "民和县（4名）：张三（民和县川口镇卫生院）、李四（民和县人民医院）、马文学（民和县官亭镇中心学校）、"
        "朱海燕（民和县公安局）",
        "互助县（3名）：祁玉兰（女，土族）、东主才让（互助县文化馆）、欧阳明（互助县威远镇政府）",
        "乐都区(3名):刘强(乐都区碾伯镇);王芳(乐都区人民检察院);韩德林(乐都区高庙镇农民)",
        "平安区（2名）：上官婉（平安区教育局）、司马平（平安区小峡镇古城村党支部书记）",
    )
    assert len(recs) == 12
    got = by_name(recs)
    assert got["张三"].unit == "民和县川口镇卫生院"
    assert got["祁玉兰"].gender == "女" and got["祁玉兰"].ethnicity == "土族"
    assert got["东主才让"].unit == "互助县文化馆"
    assert got["王芳"].unit == "乐都区人民检察院"
    assert got["司马平"].unit == "平安区小峡镇古城村党支部书记"
    assert all(r.kind == "person" for r in recs)
    assert got["张三"].raw == "张三（民和县川口镇卫生院）"


def test_collective_then_individual_headings_switch_kind() -> None:
    recs = parse(
        "一、先进集体（5个）",
        "乌兰县柯柯镇人民政府、格尔木市委政法委、天峻县新源镇城西社区居民委员会、",
        "海西州教育局、国家税务总局海西州税务局",
        "二、先进个人（2名）",
        "陈海忠（都兰县香加乡科尔村党支部书记）、花木措（女，蒙古族，海西州文体旅游广电局职员）",
    )
    orgs = [r for r in recs if r.kind == "organization"]
    people = [r for r in recs if r.kind == "person"]
    assert names(orgs) == [
        "乌兰县柯柯镇人民政府",
        "格尔木市委政法委",
        "天峻县新源镇城西社区居民委员会",
        "海西州教育局",
        "国家税务总局海西州税务局",
    ]
    assert names(people) == ["陈海忠", "花木措"]
    h = by_name(people)["花木措"]
    assert (h.gender, h.ethnicity, h.unit) == ("女", "蒙古族", "海西州文体旅游广电局职员")


def test_collective_label_with_items_after_colon() -> None:
    recs = parse(
        "先进基层党组织（3个）：中共大通县委组织部机关党支部、湟中区鲁沙尔镇党委、西宁市第一医院党委",
        "优秀共产党员（2名）：王海（湟中区鲁沙尔镇）、李琴（西宁市第一医院）",
    )
    assert [(r.kind, r.name) for r in recs] == [
        ("organization", "中共大通县委组织部机关党支部"),
        ("organization", "湟中区鲁沙尔镇党委"),
        ("organization", "西宁市第一医院党委"),
        ("person", "王海"),
        ("person", "李琴"),
    ]


def test_mixed_heading_lets_each_item_decide() -> None:
    recs = parse(
        "拟表彰对象名单如下：",
        "湟源县城关镇人民政府、湟源县人民医院主任医师张宏（女，回族）、湟源县和平乡小高陵村",
    )
    assert [(r.kind, r.name) for r in recs] == [
        ("organization", "湟源县城关镇人民政府"),
        ("person", "张宏"),
        ("organization", "湟源县和平乡小高陵村"),
    ]


# --- 3. name grids ---------------------------------------------------------------


def test_name_grid_with_padding_spaces() -> None:
    recs = parse("先进个人", "王　强　　李建国　　张　丽　　欧阳春晓", "夏 露  马 龙  斯琴高娃")
    assert names(recs) == ["王强", "李建国", "张丽", "欧阳春晓", "夏露", "马龙", "斯琴高娃"]
    assert recs[0].name_raw == "王　强"


def test_line_of_names_without_heading() -> None:
    assert names(parse("王建平　李秀英　张国强　刘海燕")) == [
        "王建平",
        "李秀英",
        "张国强",
        "刘海燕",
    ]
    assert parse("张三 李四") == []  # two names alone could be anything


# --- 4. unit and position before the name ----------------------------------------


@pytest.mark.parametrize(
    "item, name, unit",
    [
        ("西宁市城中区妇联主席张丽华", "张丽华", "西宁市城中区妇联主席"),
        ("青海金阳光有限公司王建国同志", "王建国", "青海金阳光有限公司"),
        ("共和县人民医院护士长李梅", "李梅", "共和县人民医院护士长"),
        ("海西州融媒体中心编委会副主任东主才让", "东主才让", "海西州融媒体中心编委会副主任"),
        ("乌鲁木齐市第十中学教师阿依古丽·买买提", "阿依古丽·买买提", "乌鲁木齐市第十中学教师"),
        (
            "都兰县香加乡科尔村党支部书记兼村委会主任陈海忠",
            "陈海忠",
            "都兰县香加乡科尔村党支部书记兼村委会主任",
        ),
        ("门源县公安局民警诸葛亮", "诸葛亮", "门源县公安局民警"),
        ("刚察县沙柳河镇干部马成龙", "马成龙", "刚察县沙柳河镇干部"),
        ("玉树州称多县牧民扎西", "扎西", "玉树州称多县牧民"),
    ],
)
def test_name_after_unit_and_position(item: str, name: str, unit: str) -> None:
    recs = parse("拟推荐先进个人名单：", item)
    assert [(r.name, r.unit) for r in recs] == [(name, unit)]


def test_unit_then_name_with_bracket_attributes() -> None:
    recs = parse("先进个人：", "化隆县人民医院主任医师李某某（女，回族）")
    r = recs[0]
    assert (r.name, r.gender, r.ethnicity, r.unit) == (
        "李某某",
        "女",
        "回族",
        "化隆县人民医院主任医师",
    )


def test_units_alone_under_person_heading_give_nothing() -> None:
    recs = parse("先进个人：", "海东市公安局交警支队、海东市人民医院")
    assert recs == []


# --- 5/6. brackets, traditional characters ------------------------------------------


def test_bracket_forms() -> None:
    recs = parse(
        "以下同志拟表彰：",
        "金顺姬（女，朝鲜族）、马清(男,回族)、周敏（女）、喇海龙（男，撒拉族，循化县街子镇）",
    )
    got = by_name(recs)
    assert (got["金顺姬"].gender, got["金顺姬"].ethnicity) == ("女", "朝鲜族")
    assert (got["马清"].gender, got["马清"].ethnicity) == ("男", "回族")
    assert (got["周敏"].gender, got["周敏"].ethnicity) == ("女", None)
    assert got["喇海龙"].unit == "循化县街子镇"


def test_traditional_notice_keeps_source_characters() -> None:
    recs = parse(
        "擬表彰對象名單如下：",
        "1.陳海忠，男，漢族，1968年6月出生，中共黨員，大專學歷，都蘭縣香加鄉科爾村黨支部書記。",
        "2.歐陽麗華（女，回族），海西州人民醫院主任醫師",
        "3.台北市文化局科長王建國同誌",
    )
    got = by_name(recs)
    assert set(got) == {"陳海忠", "歐陽麗華", "王建國"}
    c = got["陳海忠"]
    assert (c.name_raw, c.gender, c.ethnicity, c.political, c.education) == (
        "陳海忠",
        "男",
        "汉族",
        "中共党员",
        "大专",
    )
    assert c.unit == "都蘭縣香加鄉科爾村黨支部書記"
    assert got["歐陽麗華"].ethnicity == "回族" and got["歐陽麗華"].unit == "海西州人民醫院主任醫師"
    assert got["王建國"].unit == "台北市文化局科長"


def test_fullwidth_name_is_nfkc_and_dot_normalised() -> None:
    recs = parse("先进个人名单", "努尔兰・沙德克（男，哈萨克族）")
    assert recs[0].name == "努尔兰·沙德克" and recs[0].name_raw == "努尔兰・沙德克"


# --- a news report that reprints a notice ------------------------------------------


def test_news_report_reprinting_a_notice() -> None:
    recs = parse(
        "本报讯（记者 张晓东 通讯员 李明）9月8日，记者从州委统战部获悉，"
        "海西州拟推荐乌兰县柯柯镇人民政府等2个单位、陈海忠等3名个人为全省民族团结进步先进集体和先进个人，名单如下：",
        "先进集体：乌兰县柯柯镇人民政府、格尔木市委政法委",
        "先进个人：陈海忠（都兰县香加乡科尔村）、花木措（海西州文体旅游广电局）、夏露（青海柴达木职业技术学院）",
        "州委统战部副部长王宏伟表示，将持续做好推荐工作。",
        "记者 张晓东",
        "责任编辑：赵丽　审核：孙伟",
        "来源：海西日报",
    )
    assert [(r.kind, r.name) for r in recs] == [
        ("organization", "乌兰县柯柯镇人民政府"),
        ("organization", "格尔木市委政法委"),
        ("person", "陈海忠"),
        ("person", "花木措"),
        ("person", "夏露"),
    ]


# --- an award decision sentence --------------------------------------------------


def test_award_sentence_of_a_decision() -> None:
    recs = parse("经研究，决定授予王建平、李秀英、扎西多杰同志“优秀共产党员”称号。")
    assert names(recs) == ["王建平", "李秀英", "扎西多杰"]
    assert parse("经研究，决定对王建平等10名同志予以表彰。") == []


# --- exclusions: no record from these ------------------------------------------------


def test_seed_notice_text_gives_no_prose_records() -> None:
    lines = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
    # Table rows reach the table reader, not us; everything else is prose.
    prose = [line for line in lines if "\t" not in line]
    assert parse(*prose) == []


def test_summary_sentence_gives_nothing() -> None:
    assert (
        parse(
            "进行综合评定，拟推荐乌兰县柯柯镇人民政府等6个单位、陈海忠等6名个人分别为青海省民族团结进步先进集体和先进个人。"
        )
        == []
    )
    assert parse("拟表彰名单：", "陈海忠等6名同志、乌兰县柯柯镇人民政府等6个单位") == []


def test_contacts_signature_and_dates_give_nothing() -> None:
    recs = parse(
        "一、先进集体（2个）",
        "海西州教育局、海西州民宗委",
        "公示时间：2025年9月8日—2025年9月12日。",
        "联系人：张海军，联系电话：0977-8201935",
        "地 址：海西州委统战部",
        "州委统一战线工作领导小组办公室",
        "2025年9月8日",
    )
    assert names(recs) == ["海西州教育局", "海西州民宗委"]


def test_signature_right_after_a_collective_list_is_not_a_nominee() -> None:
    recs = parse(
        "先进集体名单：",
        "1.海晏县西海镇人民政府",
        "2.刚察县公安局",
        "中共海北州委组织部",
        "2025年6月30日",
    )
    assert names(recs) == ["海晏县西海镇人民政府", "刚察县公安局"]


def test_narrative_deeds_paragraph_gives_nothing() -> None:
    recs = parse(
        "先进个人名单",
        "午后，青海盐湖蓝科锂业技术中心一片沉静。技术标兵张军贤和研究员们集聚在实验台和电脑前，对着数据进行分析和讨论。",
        "资源分公司老卤车间工段长张海生在盐湖深处的百里水景线边缘巡检着企业生态状况。",
        "“面对复杂高原地形与沙尘挑战，必须严守质量安全底线。”项目负责人柴君平在会上再次强调。",
    )
    assert recs == []


def test_deeds_heading_ends_the_list() -> None:
    recs = parse(
        "先进个人：",
        "陈海忠（都兰县香加乡科尔村）",
        "陈海忠同志先进事迹",
        "村党支部书记王德明、村委会主任李长青",
    )
    assert names(recs) == ["陈海忠"]


def test_officials_quoted_and_past_honours_give_nothing() -> None:
    recs = parse(
        "会上，市委书记张建国指出，要积极推进民族团结进步创建工作。副市长李红主持会议。",
        "张建国曾获全国劳动模范称号，2019年被评为全省优秀共产党员。",
        "市长王强、副市长李红、秘书长赵刚出席会议。",
    )
    assert recs == []


def test_reporters_and_editors_give_nothing() -> None:
    recs = parse(
        "先进个人名单如下：",
        "王海（湟中区鲁沙尔镇）",
        "记者 张晓东 李明 王芳",
        "通讯员：刘洋",
        "编辑：马丽",
    )
    assert names(recs) == ["王海"]


def test_ethnicity_inside_a_place_name_is_nobodys() -> None:
    recs = parse(
        "拟推荐对象：",
        "1.张三，男，河南蒙古族自治县优干宁镇党委书记",
        "2.李四（化隆回族自治县人民医院）",
        "3.王五，女，海西蒙古族藏族自治州民族中学教师",
    )
    assert [r.ethnicity for r in recs] == [None, None, None]
    assert by_name(recs)["张三"].unit == "河南蒙古族自治县优干宁镇党委书记"


def test_organization_heading_does_not_read_people() -> None:
    recs = parse("先进集体（3个）", "西宁市城东区人民法院、王建国、湟中区卫生健康局、大通县朔北乡")
    assert names(recs) == ["西宁市城东区人民法院", "湟中区卫生健康局", "大通县朔北乡"]


def test_table_between_paragraphs_ends_the_list() -> None:
    blocks = [
        Paragraph("拟表彰对象名单", "paragraph 1"),
        Table([["序号", "姓名"], ["1", "张三"]], "table 1"),
        Paragraph("王建平　李秀英", "paragraph 2"),
    ]
    assert records_from_paragraphs(blocks) == []


def test_multi_line_paragraph_is_read_line_by_line() -> None:
    recs = records_from_paragraphs(
        [Paragraph("先进个人名单\n王海（湟中区鲁沙尔镇）\n李琴（西宁市第一医院）", "p 3")], None
    )
    assert names(recs) == ["王海", "李琴"]
    assert all(r.location == "p 3" and r.document_url is None for r in recs)


# --- speed ---------------------------------------------------------------------------


def test_fast_enough_for_a_hundred_notices_a_second() -> None:
    lines = [line for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()]
    lines += ["先进个人（12名）"] + [
        f"{i}.张建{chr(0x4E00 + i)}，男，汉族，1970年5月出生，中共党员，某县某镇党委书记"
        for i in range(1, 40)
    ]
    paragraphs = [Paragraph(t, f"paragraph {i}") for i, t in enumerate(lines)]
    records_from_paragraphs(paragraphs)  # warm-up (opencc load)
    start = time.process_time()
    for _ in range(50):
        records_from_paragraphs(paragraphs)
    per_notice = (time.process_time() - start) / 50
    # The pipeline's budget is 10 ms a notice on this machine for everything;
    # this bound catches a regression to per-paragraph segmentation (jieba).
    assert per_notice < 0.02, per_notice
